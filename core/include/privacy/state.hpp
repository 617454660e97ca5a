#pragma once
// A household's whole state, and its versioned JSON form (DESIGN.md "State is
// versioned JSON"): export then import gives back the same state, byte for byte.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/audit.hpp"
#include "privacy/deletion.hpp"
#include "privacy/errors.hpp"
#include "privacy/household.hpp"
#include "privacy/recordings.hpp"

namespace privacy {

// 2: parental consent, the profile lifecycle and the privacy notice.
inline constexpr int kSchemaVersion = 2;

struct HouseholdState {
  bool created = false;
  std::string id;
  std::string name;
  RetentionPolicy retention_policy;
  PrivacyNotice privacy_notice;
  std::vector<Guardian> guardians;
  std::vector<Device> devices;
  std::vector<Profile> profiles;
  std::vector<Recording> recordings;
  std::vector<Tombstone> tombstones;
  std::vector<DeletionReceipt> receipts;
  AuditLog audit;
};

nlohmann::json to_json(const HouseholdState& state);
// Strict: every field checked, unknown fields refused, ids unique and every
// reference resolved; an older schemaVersion is migrated first, an unknown or
// newer one is refused.
Result<HouseholdState> state_from_json(const nlohmann::json& json);
// Version 1 -> 2: children had no consent record, so they come over as
// needing consent (not enabled) rather than with a consent nobody gave.
nlohmann::json migrate_v1_to_v2(nlohmann::json state);

// JSON forms shared by state export and command answers.
nlohmann::json to_json(const Guardian& guardian);
nlohmann::json to_json(const Device& device);
nlohmann::json to_json(const Profile& profile);
nlohmann::json to_json(const RetentionPolicy& policy);
nlohmann::json to_json(const PrivacyNotice& notice);
nlohmann::json to_json(const Consent& consent);
nlohmann::json to_json(const Recording& recording);
nlohmann::json to_json(const ArtifactCounts& counts);
nlohmann::json to_json(const Tombstone& tombstone);
nlohmann::json to_json(const DeletionReceipt& receipt);
nlohmann::json to_json(const AuditEntry& entry);

}  // namespace privacy
