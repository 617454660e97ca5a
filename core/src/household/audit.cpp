#include "audit.hpp"

#include "context.hpp"

namespace privacy {

namespace {
AuditProblem problem_at(const std::vector<AuditEntry>& log, std::size_t index, AuditFault fault) {
  AuditProblem p;
  p.index = static_cast<std::int64_t>(index);
  if (index < log.size()) p.seq = log[index].seq;
  p.reason = fault;
  return p;
}
}  // namespace

std::optional<AuditProblem> chain_problem(const std::vector<AuditEntry>& log) {
  auto problem = [&](std::size_t index, AuditFault fault) { return problem_at(log, index, fault); };
  std::string prev = kGenesisHash;
  bool current_format = false;  // past the entries kept from schema 1 and 2
  for (std::size_t i = 0; i < log.size(); ++i) {
    const AuditEntry& e = log[i];
    // A removed or moved entry breaks the numbering or the link; an edited
    // one no longer hashes to what it says.
    if (e.seq != static_cast<std::int64_t>(i) + 1) return problem(i, AuditFault::sequence);
    if (e.prev_hash != prev) return problem(i, AuditFault::chain);
    if (e.state_digest) {
      // The first entry of this schema after older ones records the migration.
      if (!current_format && i > 0 && e.action != AuditAction::state_migrated) return problem(i, AuditFault::chain);
      current_format = true;
    } else if (current_format || e.on_behalf_of) {
      return problem(i, AuditFault::edited);  // older entries only come first, as they were
    }
    if (entry_hash(e) != e.hash) return problem(i, AuditFault::edited);
    // Older schemas did not keep time in order; from this one on it never runs backwards.
    if (e.state_digest && i > 0 && e.at < log[i - 1].at) return problem(i, AuditFault::time);
    prev = e.hash;
  }
  return std::nullopt;
}

std::optional<AuditProblem> audit_problem(const std::vector<AuditEntry>& log, const std::string& state_digest,
                                          const std::optional<AuditHead>& expected) {
  if (auto broken = chain_problem(log)) return broken;
  auto problem = [&](std::size_t index, AuditFault fault) { return problem_at(log, index, fault); };
  if (log.empty() || !log.back().state_digest) return problem(log.size(), AuditFault::head);
  if (*log.back().state_digest != state_digest) return problem(log.size() - 1, AuditFault::digest);
  if (expected) return anchor_problem(log, *expected);
  return std::nullopt;
}

std::optional<AuditProblem> anchor_problem(const std::vector<AuditEntry>& log, const AuditHead& expected) {
  auto n = static_cast<std::int64_t>(log.size());
  if (expected.seq > n) return problem_at(log, log.size(), AuditFault::head);
  if (expected.seq >= 1 && log[static_cast<std::size_t>(expected.seq - 1)].hash != expected.hash)
    return problem_at(log, static_cast<std::size_t>(expected.seq - 1), AuditFault::head);
  return std::nullopt;
}

std::string describe(const AuditProblem& p) {
  std::string entry = p.seq ? "entry " + std::to_string(*p.seq) : "the end of the log";
  switch (p.reason) {
    case AuditFault::sequence: return entry + " is out of sequence: an entry was removed or moved (R-INT-3)";
    case AuditFault::chain: return entry + " does not follow the entry before it: the chain is broken (R-INT-3)";
    case AuditFault::edited: return entry + " was edited: it no longer hashes to what it says (R-INT-3)";
    case AuditFault::time: return entry + " is earlier than the entry before it: audit time never runs backwards (R-INT-3)";
    case AuditFault::digest: return "the state is not the one " + entry + " vouches for: it was changed after (R-INT-3)";
    case AuditFault::head: return "the log does not reach the expected head, or no entry vouches for the state: it was cut (R-INT-3)";
  }
  return entry;
}

}  // namespace privacy
