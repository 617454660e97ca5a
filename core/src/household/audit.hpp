#pragma once
// Verifying the audit log (R-INT-3): the chain, the order of time, and that
// its head commits to the state it came with.
#include <optional>
#include <string>
#include <vector>

#include "impl.hpp"
#include "privacy/views.hpp"

namespace privacy {

// The first entry that does not hold, if any. `state_digest` is the digest of
// the state the log claims to vouch for; `expected` a head anchored elsewhere.
std::optional<AuditProblem> audit_problem(const std::vector<AuditEntry>& log, const std::string& state_digest,
                                          const std::optional<AuditHead>& expected);
// A head kept elsewhere: the log still holds that entry (a cut shows).
std::optional<AuditProblem> anchor_problem(const std::vector<AuditEntry>& log, const AuditHead& expected);
// The chain alone: numbering, links, hashes, the order of time.
std::optional<AuditProblem> chain_problem(const std::vector<AuditEntry>& log);
std::string describe(const AuditProblem& problem);

// The invariants (R-INT-1) of a state held in `h`; a log kept from an older
// schema (before its migration entry) is checked as a chain only.
Errors check_state(Household::Impl& h, bool legacy_log);

}  // namespace privacy
