#pragma once
// The Household's insides: the state, its indexes and its digest trees. The
// state is changed only through the methods here, which keep the indexes
// and digests in step, so a command costs what it touches.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "digest.hpp"
#include "privacy/household.hpp"

namespace privacy {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using IdIndex = std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>>;

// The actor, resolved against the household (R-CON-6, R-INT-5).
struct Acting {
  ActorKind kind = ActorKind::other_household;
  std::string id;
  std::optional<std::string> on_behalf_of;  // only for support with a verified guardian's request
};

inline constexpr const char* kOperator = "operator";
inline constexpr const char* kSystem = "system";
inline constexpr std::string_view kSupportPrefix = "support:";
inline constexpr std::string_view kDevicePrefix = "device:";

inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

struct Household::Impl {
  HouseholdState s;
  bool exists = false;

  // ---- lookups ----
  const Guardian* guardian(std::string_view id) const;
  const Device* device(std::string_view id) const;
  std::optional<std::uint32_t> profile_slot(std::string_view id) const;
  const Profile* profile(std::string_view id) const;
  const Recording* recording(std::string_view id) const;
  std::optional<std::uint32_t> recording_slot(std::string_view id) const;
  const Tombstone* tombstone(std::string_view id) const;
  const DeletionReceipt* receipt(std::string_view id) const;
  bool removed_profile(std::string_view id) const { return removed_at.count(id) > 0; }
  // Ids that act share one space: guardians, profiles and the reserved names.
  bool actor_id_taken(std::string_view id) const;
  std::uint32_t profile_of(std::uint32_t recording_slot) const { return rec_profile[recording_slot]; }
  const AuditEntry* last_entry() const { return s.audit_log.empty() ? nullptr : &s.audit_log.back(); }
  Acting resolve(const Actor& actor) const;
  // A request id nobody has used: `base`, else `base-2`, `base-3`, ...
  std::string fresh_request_id(const std::string& base) const;

  // ---- changes ----
  // The header is small and hashed afresh each time: no bookkeeping for it.
  HouseholdInfo& edit_info() { return s.household; }
  RetentionPolicy& edit_policy() { return s.retention_policy; }
  PrivacyNotice& edit_notice() { return s.privacy_notice; }
  JurisdictionOverrides& edit_jurisdiction_policy() { return s.jurisdiction_policy; }
  void add_guardian(Guardian g);
  void add_device(Device d);
  Device& edit_device(std::uint32_t slot);
  void add_profile(Profile p);
  Profile& edit_profile(std::uint32_t slot);
  // Takes the profile out (its data went first); later slots move down.
  void erase_profile(std::uint32_t slot);
  void add_recordings(std::vector<Recording> batch);
  // Deletes the recordings at `slots` (ascending, unique), each leaving a
  // tombstone under `request_id` (R-DEL-3, R-DEL-4).
  void tombstone(const std::vector<std::uint32_t>& slots, const std::string& request_id, Instant at);
  void add_receipt(DeletionReceipt r);
  void add_removed_profile(RemovedProfile r);
  void append_audit(AuditEntry e) { s.audit_log.push_back(std::move(e)); }

  // Everything derived from `s`, from scratch (after an import).
  void rebuild();
  // SHA-256 of the state (R-INT-3, digest.hpp), from what changed since.
  std::string digest();
  // The same from scratch, for the invariant check.
  std::string digest_from_scratch() const;

 private:
  IdIndex guardian_at, device_at, profile_at, recording_at, tombstone_at, receipt_at, removed_at;
  std::vector<std::uint32_t> rec_profile;  // each recording's profile slot
  TreeDigest guardians_d, devices_d, profiles_d, recordings_d, tombstones_d, removed_d, receipts_d;
};

}  // namespace privacy
