#pragma once
// The audit log: append-only, every setting change and deletion with actor
// and time. Each entry commits to the one before by SHA-256, so an edit, a
// removal or a reordering shows in verify().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/time.hpp"

namespace privacy {

struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3, ...
  Instant at = 0;
  std::string actor;
  std::string action;
  nlohmann::json details = nlohmann::json::object();
  std::string prev_hash;
  std::string hash;
  bool operator==(const AuditEntry&) const = default;
};

inline const std::string kGenesisHash(64, '0');

// The hash an entry must carry: SHA-256 over the canonical JSON of every
// field but `hash` (nlohmann sorts keys, so the text is the same everywhere).
std::string audit_entry_hash(const AuditEntry& entry);

struct AuditVerification {
  bool intact = true;
  std::size_t entries = 0;
  std::string head_hash;
  struct Invalid {
    std::size_t index = 0;
    std::optional<std::int64_t> seq;
    std::string reason;  // edited | chain | sequence | head
  };
  std::optional<Invalid> first_invalid;
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

class AuditLog {
 public:
  const AuditEntry& append(Instant at, std::string actor, std::string action,
                           nlohmann::json details);
  // The first entry that was edited (its hash no longer matches), removed or
  // reordered (seq or prevHash break the chain). With an anchored head (kept
  // elsewhere), a removal at the end shows too.
  AuditVerification verify(const std::optional<AuditHead>& expected_head = std::nullopt) const;
  const std::vector<AuditEntry>& entries() const { return entries_; }
  // Loading a stored log as is (import); verify() judges it.
  void assign(std::vector<AuditEntry> entries) { entries_ = std::move(entries); }

 private:
  std::vector<AuditEntry> entries_;
};

}  // namespace privacy
