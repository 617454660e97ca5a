#pragma once
// Deleting recordings, shared by every command that does (R-DEL-3..6):
// requests, voice, retention, sweeps, removals and revocations.
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"

namespace privacy {

// A parent's request kind as the receipt records it (the same words).
constexpr DeletionKind deletion_kind(RequestKind k) { return static_cast<DeletionKind>(static_cast<int>(k)); }
static_assert(word(deletion_kind(RequestKind::today)) == word(RequestKind::today));
static_assert(word(deletion_kind(RequestKind::ids)) == word(RequestKind::ids));

struct Selection {
  std::vector<std::uint32_t> slots;  // ascending
  std::optional<NothingReason> reason;
};

// What a request covers; never anything outside its profile (R-DEL-6).
Result<Selection> select(const Household::Impl& h, const cmd::DeletionScope& scope, Instant now);

// The request as asked, normalised: what must match when its id comes again (R-DEL-5).
nlohmann::json scope_of(const cmd::DeletionScope& scope);

// A receipt for a deletion about to happen.
DeletionReceipt receipt_for(const Ctx& ctx, std::string request_id, DeletionKind kind,
                            std::optional<std::string> profile_id, nlohmann::json scope);

// A receipt's request once more: the receipt, as done, deleting nothing (R-DEL-5).
DeletionReceipt already_done(const DeletionReceipt& first, Instant now);

// The same request id again: an answer that deletes nothing, or a conflict
// when it was used for something else; none when the id is new.
std::optional<Result<DeletionReceipt>> repeated(const Ctx& ctx, const std::string& request_id,
                                                const nlohmann::json& scope);

// Deletes the recordings at `slots`, every artifact, leaving tombstones; stores
// the receipt and writes the audit log (R-DEL-3..5).
DeletionReceipt delete_slots(Ctx& ctx, DeletionReceipt receipt, const std::vector<std::uint32_t>& slots,
                             AuditAction action = AuditAction::recordings_deleted);

// Everything of one profile, as one receipt (removal, revocation, inactivity).
DeletionReceipt delete_profile_data(Ctx& ctx, const std::string& profile_id, const std::string& request_id,
                                    DeletionKind kind);

std::vector<std::uint32_t> slots_of_profile(const Household::Impl& h, std::uint32_t profile_slot);

}  // namespace privacy
