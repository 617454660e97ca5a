#include "privacy/audit.hpp"

#include "privacy/sha256.hpp"

namespace privacy {

std::string audit_entry_hash(const AuditEntry& e) {
  nlohmann::json body = {{"seq", e.seq},         {"at", e.at},
                         {"actor", e.actor},     {"action", e.action},
                         {"details", e.details}, {"prevHash", e.prev_hash}};
  return sha256_hex(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

const AuditEntry& AuditLog::append(Instant at, std::string actor, std::string action,
                                   nlohmann::json details) {
  AuditEntry e;
  e.seq = static_cast<std::int64_t>(entries_.size()) + 1;
  e.at = at;
  e.actor = std::move(actor);
  e.action = std::move(action);
  e.details = std::move(details);
  e.prev_hash = entries_.empty() ? kGenesisHash : entries_.back().hash;
  e.hash = audit_entry_hash(e);
  entries_.push_back(std::move(e));
  return entries_.back();
}

AuditVerification AuditLog::verify(const std::optional<AuditHead>& expected_head) const {
  AuditVerification out;
  out.entries = entries_.size();
  out.head_hash = entries_.empty() ? kGenesisHash : entries_.back().hash;
  auto invalid = [&](std::size_t index, std::string reason) {
    out.intact = false;
    out.first_invalid = AuditVerification::Invalid{
        index,
        index < entries_.size() ? std::optional<std::int64_t>(entries_[index].seq) : std::nullopt,
        std::move(reason)};
    return out;
  };
  std::string prev = kGenesisHash;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const auto& e = entries_[i];
    // A removed or moved entry breaks the numbering or the link; an edited
    // one no longer hashes to what it says.
    if (e.seq != static_cast<std::int64_t>(i) + 1) return invalid(i, "sequence");
    if (e.prev_hash != prev) return invalid(i, "chain");
    if (audit_entry_hash(e) != e.hash) return invalid(i, "edited");
    prev = e.hash;
  }
  if (expected_head) {
    auto n = static_cast<std::int64_t>(entries_.size());
    if (expected_head->seq > n) return invalid(entries_.size(), "head");
    if (expected_head->seq >= 1 &&
        entries_[static_cast<std::size_t>(expected_head->seq - 1)].hash != expected_head->hash)
      return invalid(static_cast<std::size_t>(expected_head->seq - 1), "head");
  }
  return out;
}

}  // namespace privacy
