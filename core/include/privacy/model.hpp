#pragma once
// The household's data, as the engine holds, exports and imports it
// (schemaVersion 3). Each type lists its fields once in fields(v), in the
// order they are written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/jurisdiction.hpp"
#include "privacy/schema.hpp"
#include "privacy/time.hpp"

namespace privacy {

inline constexpr int kSchemaVersion = 3;

// Limits, each written once; messages are built from them.
inline constexpr std::size_t kMaxIdBytes = 128;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxTextBytes = 2000;       // policy purpose, business need, notice lines
inline constexpr std::size_t kMaxTranscriptBytes = 10'000;
inline constexpr std::size_t kMaxDerivedItems = 64;
inline constexpr std::size_t kMaxIdsPerRequest = 100'000;
inline constexpr std::size_t kMaxRecordingsPerBatch = 100'000;
inline constexpr std::size_t kMaxNoticeItems = 100;
inline constexpr std::size_t kMaxTreeValues = 10'000;     // a receipt scope or audit details
inline constexpr std::size_t kMaxPolicyRows = 512;        // jurisdiction overrides
inline constexpr int kMaxPolicyMonths = 1200;
inline constexpr std::int64_t kMaxCount = std::int64_t{1} << 53;
inline constexpr std::int64_t kMaxAudioMs = kMillisPerDay;
inline constexpr int kMinUtcOffsetMinutes = -720;
inline constexpr int kMaxUtcOffsetMinutes = 840;

using schema::Presence;

struct Guardian {
  std::string id;
  std::string name;
  bool verified = false;
  bool operator==(const Guardian&) const = default;
  static constexpr const char* type_name = "Guardian";
  template <class V> static void fields(V& v) {
    v("id", &Guardian::id, schema::Id{});
    v("name", &Guardian::name, schema::Text{kMaxNameBytes, true});
    v("verified", &Guardian::verified, schema::Bool{}, "verified as a parent of this household");
  }
};

struct Device {
  std::string id;
  std::string name;
  std::optional<Instant> gpc_at;  // R-SIG-3: the device sent Global Privacy Control
  bool operator==(const Device&) const = default;
  static constexpr const char* type_name = "Device";
  template <class V> static void fields(V& v) {
    v("id", &Device::id, schema::Id{});
    v("name", &Device::name, schema::Text{kMaxNameBytes, true});
    v("gpcAt", &Device::gpc_at, schema::At{}, "R-SIG-3: when the device sent Global Privacy Control");
  }
};

struct ConsentEvidence {
  ConsentMethod method = ConsentMethod::signed_form;
  std::string reference;    // the verifier's reference (form id, transaction id, call id)
  std::string verified_by;  // who verified: the provider or the staff member
  Instant verified_at = 0;
  bool operator==(const ConsentEvidence&) const = default;
  static constexpr const char* type_name = "ConsentEvidence";
  template <class V> static void fields(V& v) {
    v("method", &ConsentEvidence::method, schema::Choice<ConsentMethod>{});
    v("reference", &ConsentEvidence::reference, schema::Text{kMaxNameBytes, true});
    v("verifiedBy", &ConsentEvidence::verified_by, schema::Text{kMaxNameBytes, true});
    v("verifiedAt", &ConsentEvidence::verified_at, schema::At{});
  }
};

// A child's verifiable parental consent (R-CON-1..5).
struct Consent {
  ConsentState state = ConsentState::none;
  std::optional<ConsentMethod> requested_method;  // while pending
  std::optional<ConsentEvidence> evidence;        // the last verification
  std::optional<int> notice_version;              // the privacy notice consented to
  bool disclosure = false;                        // R-CON-3: separate, off by default
  std::optional<Instant> revoked_at;
  std::optional<ConsentReason> reason;            // why it is pending again
  bool operator==(const Consent&) const = default;
  static constexpr const char* type_name = "Consent";
  template <class V> static void fields(V& v) {
    v("state", &Consent::state, schema::Choice<ConsentState>{});
    v("requestedMethod", &Consent::requested_method, schema::Choice<ConsentMethod>{}, "while pending");
    v("evidence", &Consent::evidence, schema::Object<ConsentEvidence>{}, "the last verification");
    v("noticeVersion", &Consent::notice_version, schema::Int{1, INT32_MAX}, "the privacy notice consented to");
    v("disclosure", &Consent::disclosure, schema::Bool{}, "R-CON-3: disclosure to third parties, separate and off by default");
    v("revokedAt", &Consent::revoked_at, schema::At{});
    v("reason", &Consent::reason, schema::Choice<ConsentReason>{}, "why consent is pending again");
  }
};

struct Profile {
  std::string id;
  std::string name;
  ProfileKind kind = ProfileKind::child;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  RetentionSetting retention = RetentionSetting::three_months;
  bool voice_deletion = false;            // R-DEL-2: off until turned on
  bool enabled = true;                    // R-CON-1: a child only with verified consent
  std::optional<Consent> consent;         // children only
  Instant created_at = 0;
  std::optional<Instant> last_active_at;
  std::optional<Instant> kept_at;
  std::optional<Instant> inactive_notified_at;
  std::optional<Instant> age_review_flagged_at;
  std::optional<Instant> age_reviewed_at;
  std::optional<Instant> gpc_at;  // R-SIG-3: an opt-out preference signal was recorded for the person
  bool operator==(const Profile&) const = default;
  static constexpr const char* type_name = "Profile";
  template <class V> static void fields(V& v) {
    v("id", &Profile::id, schema::Id{});
    v("name", &Profile::name, schema::Text{kMaxNameBytes, true});
    v("kind", &Profile::kind, schema::Choice<ProfileKind>{});
    v("birthDate", &Profile::birth_date, schema::Date{});
    v("retention", &Profile::retention, schema::Choice<RetentionSetting>{});
    v("voiceDeletion", &Profile::voice_deletion, schema::Bool{}, "R-DEL-2: deletion by voice");
    v("enabled", &Profile::enabled, schema::Bool{}, "R-CON-1: a child is enabled only with verified consent");
    v("consent", &Profile::consent, schema::Object<Consent>{}, "children only");
    v("createdAt", &Profile::created_at, schema::At{});
    v("lastActiveAt", &Profile::last_active_at, schema::At{});
    v("keptAt", &Profile::kept_at, schema::At{}, "R-PRO-2: when the parent chose to keep it");
    v("inactiveNotifiedAt", &Profile::inactive_notified_at, schema::At{});
    v("ageReviewFlaggedAt", &Profile::age_review_flagged_at, schema::At{}, "R-PRO-3");
    v("ageReviewedAt", &Profile::age_reviewed_at, schema::At{});
    v("gpcAt", &Profile::gpc_at, schema::At{}, "R-SIG-3: when Global Privacy Control was recorded for the person");
  }
};

// What addProfile takes: the rest starts as the rules say (R-CON-1, R-RET-1).
struct NewProfile {
  std::string id;
  std::string name;
  ProfileKind kind = ProfileKind::child;
  std::optional<std::string> birth_date;
  std::optional<RetentionSetting> retention;  // default: 3_months for a child or teen, 18_months for an adult
  std::optional<bool> voice_deletion;         // default: off
  static constexpr const char* type_name = "NewProfile";
  template <class V> static void fields(V& v) {
    v("id", &NewProfile::id, schema::Id{});
    v("name", &NewProfile::name, schema::Text{kMaxNameBytes, true});
    v("kind", &NewProfile::kind, schema::Choice<ProfileKind>{});
    v("birthDate", &NewProfile::birth_date, schema::Date{});
    v("retention", &NewProfile::retention, schema::Choice<RetentionSetting>{},
      "default: 3_months for a child or teen, 18_months for an adult");
    v("voiceDeletion", &NewProfile::voice_deletion, schema::Bool{}, "default: off");
  }
};

struct RetentionCategory {
  ArtifactCategory category = ArtifactCategory::audio;
  int child_max_months = 0;             // finite, required (R-RET-4)
  std::optional<int> adult_max_months;  // none: adults may keep until deleted
  std::string purpose;
  std::string business_need;
  bool operator==(const RetentionCategory&) const = default;
  static constexpr const char* type_name = "RetentionCategory";
  template <class V> static void fields(V& v) {
    v("category", &RetentionCategory::category, schema::Choice<ArtifactCategory>{});
    v("childMaxMonths", &RetentionCategory::child_max_months, schema::Int{1, kMaxPolicyMonths},
      "R-RET-4: a child's data may not be kept indefinitely");
    v("adultMaxMonths", &RetentionCategory::adult_max_months, schema::Int{1, kMaxPolicyMonths},
      "none: adults may keep until deleted");
    v("purpose", &RetentionCategory::purpose, schema::Text{kMaxTextBytes, true}, "R-RET-7");
    v("businessNeed", &RetentionCategory::business_need, schema::Text{kMaxTextBytes, true}, "R-RET-7");
  }
};

struct RetentionPolicy {
  std::vector<RetentionCategory> categories;
  int just_said_window_minutes = 10;  // R-DEL-2 default
  int inactive_after_months = 18;     // R-PRO-2 default
  int notice_window_days = 90;        // R-PRO-2 default (S2)
  bool operator==(const RetentionPolicy&) const = default;
  // Audio, transcript and derived data share a recording's due time
  // (R-RET-3), so the tightest maximum rules.
  int child_max_months() const;
  std::optional<int> adult_max_months() const;
  static constexpr const char* type_name = "RetentionPolicy";
  template <class V> static void fields(V& v) {
    v("categories", &RetentionPolicy::categories, schema::List<schema::Object<RetentionCategory>>{{}, 3},
      "R-RET-4: audio, transcript and derived, each once");
    v("justSaidWindowMinutes", &RetentionPolicy::just_said_window_minutes, schema::Int{1, 1440},
      "R-DEL-2, default 10", Presence::optional);
    v("inactiveAfterMonths", &RetentionPolicy::inactive_after_months, schema::Int{1, kMaxPolicyMonths},
      "R-PRO-2, default 18", Presence::optional);
    v("noticeWindowDays", &RetentionPolicy::notice_window_days, schema::Int{1, 3650},
      "R-PRO-2, default 90", Presence::optional);
  }
};

struct ThirdParty {
  std::string name;
  std::string category;  // e.g. "advertising", "analytics", "model training"
  std::string purpose;
  bool operator==(const ThirdParty&) const = default;
  static constexpr const char* type_name = "ThirdParty";
  template <class V> static void fields(V& v) {
    v("name", &ThirdParty::name, schema::Text{kMaxNameBytes, true});
    v("category", &ThirdParty::category, schema::Text{kMaxNameBytes, true});
    v("purpose", &ThirdParty::purpose, schema::Text{kMaxTextBytes, true});
  }
};

// What the operator's notice says is collected and who receives it; a
// material change to either needs fresh consent (R-CON-5).
struct PrivacyNotice {
  int version = 1;
  std::vector<std::string> collects;
  std::vector<ThirdParty> third_parties;
  bool operator==(const PrivacyNotice&) const = default;
  bool materially_differs(const PrivacyNotice& other) const {
    return collects != other.collects || third_parties != other.third_parties;
  }
  static constexpr const char* type_name = "PrivacyNotice";
  template <class V> static void fields(V& v) {
    v("version", &PrivacyNotice::version, schema::Int{1, INT32_MAX});
    v("collects", &PrivacyNotice::collects, schema::List<schema::Text>{{kMaxTextBytes, true}, kMaxNoticeItems});
    v("thirdParties", &PrivacyNotice::third_parties,
      schema::List<schema::Object<ThirdParty>>{{}, kMaxNoticeItems},
      "R-CON-3: who receives a child's data, and why");
  }
};
PrivacyNotice default_privacy_notice();

struct Audio {
  std::string ref;  // where the bytes live (a blob key, an object-store key)
  std::int64_t duration_ms = 0;
  bool operator==(const Audio&) const = default;
  static constexpr const char* type_name = "Audio";
  template <class V> static void fields(V& v) {
    v("ref", &Audio::ref, schema::Id{}, "where the bytes live");
    v("durationMs", &Audio::duration_ms, schema::Int{0, kMaxAudioMs});
  }
};

struct DerivedItem {
  std::string id;
  DerivedKind kind = DerivedKind::intent;
  bool operator==(const DerivedItem&) const = default;
  static constexpr const char* type_name = "DerivedItem";
  template <class V> static void fields(V& v) {
    v("id", &DerivedItem::id, schema::Id{});
    v("kind", &DerivedItem::kind, schema::Choice<DerivedKind>{});
  }
};

// One utterance and its artifacts, as intake takes it.
struct NewRecording {
  std::string id;
  std::string profile_id;
  std::string device_id;
  Instant captured_at = 0;
  std::optional<Audio> audio;
  std::optional<std::string> transcript;
  std::vector<DerivedItem> derived;
  bool operator==(const NewRecording&) const = default;
  static constexpr const char* type_name = "NewRecording";
  template <class V> static void fields(V& v) {
    v("id", &NewRecording::id, schema::Id{});
    v("profileId", &NewRecording::profile_id, schema::Id{});
    v("deviceId", &NewRecording::device_id, schema::Id{});
    v("capturedAt", &NewRecording::captured_at, schema::At{}, "refused when after now");
    v("audio", &NewRecording::audio, schema::Object<Audio>{});
    v("transcript", &NewRecording::transcript, schema::Text{kMaxTranscriptBytes});
    v("derived", &NewRecording::derived, schema::List<schema::Object<DerivedItem>>{{}, kMaxDerivedItems},
      "intents, annotations, training copies; ids unique in the recording", Presence::optional);
  }
};

struct Recording : NewRecording {
  // R-PRO-3, R-RET-4: recorded while the person was a child, so the child
  // maximum applies whatever the profile becomes.
  bool collected_as_child = false;
  bool operator==(const Recording&) const = default;
  static constexpr const char* type_name = "Recording";
  template <class V> static void fields(V& v) {
    NewRecording::fields(v);
    v("collectedAsChild", &Recording::collected_as_child, schema::Bool{},
      "R-PRO-3: recorded while a child, so the child maximum applies");
  }
};

// How many of each artifact kind (R-DEL-5 receipts).
struct ArtifactCounts {
  std::int64_t recordings = 0;
  std::int64_t audio = 0;
  std::int64_t transcript = 0;
  std::int64_t intent = 0;
  std::int64_t annotation = 0;
  std::int64_t training_copy = 0;
  void add(const NewRecording& recording);
  bool operator==(const ArtifactCounts&) const = default;
  static constexpr const char* type_name = "ArtifactCounts";
  template <class V> static void fields(V& v) {
    v("recordings", &ArtifactCounts::recordings, schema::Int{0, kMaxCount});
    v("audio", &ArtifactCounts::audio, schema::Int{0, kMaxCount});
    v("transcript", &ArtifactCounts::transcript, schema::Int{0, kMaxCount});
    v("intent", &ArtifactCounts::intent, schema::Int{0, kMaxCount});
    v("annotation", &ArtifactCounts::annotation, schema::Int{0, kMaxCount});
    v("training_copy", &ArtifactCounts::training_copy, schema::Int{0, kMaxCount});
  }
};

// What a deleted recording leaves (R-DEL-4): enough to answer "no" forever.
struct Tombstone {
  std::string recording_id;
  std::string profile_id;
  Instant deleted_at = 0;
  std::string request_id;
  bool operator==(const Tombstone&) const = default;
  static constexpr const char* type_name = "Tombstone";
  template <class V> static void fields(V& v) {
    v("recordingId", &Tombstone::recording_id, schema::Id{});
    v("profileId", &Tombstone::profile_id, schema::Id{});
    v("deletedAt", &Tombstone::deleted_at, schema::At{});
    v("requestId", &Tombstone::request_id, schema::Id{});
  }
};

// A profile that was removed: its id is never reused, and an import keeps
// it removed (R-INT-2).
struct RemovedProfile {
  std::string profile_id;
  Instant removed_at = 0;
  std::string request_id;
  bool operator==(const RemovedProfile&) const = default;
  static constexpr const char* type_name = "RemovedProfile";
  template <class V> static void fields(V& v) {
    v("profileId", &RemovedProfile::profile_id, schema::Id{});
    v("removedAt", &RemovedProfile::removed_at, schema::At{});
    v("requestId", &RemovedProfile::request_id, schema::Id{});
  }
};

// R-DEL-5: what was asked, by whom, when, and what went.
struct DeletionReceipt {
  std::string request_id;
  DeletionKind kind = DeletionKind::ids;
  std::string actor;
  std::optional<std::string> on_behalf_of;  // R-INT-5: a support agent's verified guardian
  std::optional<std::string> profile_id;
  Instant requested_at = 0;
  nlohmann::json scope = nlohmann::json::object();
  ReceiptStatus status = ReceiptStatus::deleted;
  std::optional<NothingReason> reason;
  std::vector<std::string> recording_ids;
  ArtifactCounts counts;
  bool operator==(const DeletionReceipt&) const = default;
  static constexpr const char* type_name = "DeletionReceipt";
  template <class V> static void fields(V& v) {
    v("requestId", &DeletionReceipt::request_id, schema::Id{});
    v("kind", &DeletionReceipt::kind, schema::Choice<DeletionKind>{});
    v("actor", &DeletionReceipt::actor, schema::Id{});
    v("onBehalfOf", &DeletionReceipt::on_behalf_of, schema::Id{}, "R-INT-5: the guardian whose request a support agent carried");
    v("profileId", &DeletionReceipt::profile_id, schema::Id{});
    v("requestedAt", &DeletionReceipt::requested_at, schema::At{});
    v("scope", &DeletionReceipt::scope, schema::Tree{kMaxTreeValues}, "what was asked, normalised");
    v("status", &DeletionReceipt::status, schema::Choice<ReceiptStatus>{});
    v("reason", &DeletionReceipt::reason, schema::Choice<NothingReason>{});
    v("recordingIds", &DeletionReceipt::recording_ids, schema::List<schema::Id>{{}, SIZE_MAX});
    v("counts", &DeletionReceipt::counts, schema::Object<ArtifactCounts>{});
  }
};

// One audit entry (R-INT-3): it commits to the entry before (prevHash) and to
// the state after it (stateDigest); `hash` covers every other field.
// Entries carried over from schema 1 and 2 have no stateDigest.
struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3, ...
  Instant at = 0;
  std::string actor;
  std::optional<std::string> on_behalf_of;
  AuditAction action = AuditAction::household_created;
  nlohmann::json details = nlohmann::json::object();
  std::optional<std::string> state_digest;
  std::string prev_hash;
  std::string hash;
  bool operator==(const AuditEntry&) const = default;
  static constexpr const char* type_name = "AuditEntry";
  template <class V> static void fields(V& v) {
    v("seq", &AuditEntry::seq, schema::Int{1, kMaxCount});
    v("at", &AuditEntry::at, schema::At{});
    v("actor", &AuditEntry::actor, schema::Id{});
    v("onBehalfOf", &AuditEntry::on_behalf_of, schema::Id{});
    v("action", &AuditEntry::action, schema::Choice<AuditAction>{});
    v("details", &AuditEntry::details, schema::Tree{kMaxTreeValues});
    v("stateDigest", &AuditEntry::state_digest, schema::Hash{}, "SHA-256 of the state after this entry");
    v("prevHash", &AuditEntry::prev_hash, schema::Hash{});
    v("hash", &AuditEntry::hash, schema::Hash{});
  }
};

struct HouseholdInfo {
  std::string id;
  std::string name;
  std::optional<std::string> jurisdiction;  // R-AGE-3: where it lives
  bool operator==(const HouseholdInfo&) const = default;
  static constexpr const char* type_name = "HouseholdInfo";
  template <class V> static void fields(V& v) {
    v("id", &HouseholdInfo::id, schema::Id{});
    v("name", &HouseholdInfo::name, schema::Text{kMaxNameBytes, true});
    v("jurisdiction", &HouseholdInfo::jurisdiction, schema::Place{}, "R-AGE-3: an ISO 3166 code such as DE, GB or US-CA");
  }
};

// The whole state: what exportState writes and importState reads.
struct HouseholdState {
  int schema_version = kSchemaVersion;
  HouseholdInfo household;
  RetentionPolicy retention_policy;
  PrivacyNotice privacy_notice;
  JurisdictionOverrides jurisdiction_policy;  // the operator's changes to the defaults (R-AGE-3)
  std::vector<Guardian> guardians;
  std::vector<Device> devices;
  std::vector<Profile> profiles;
  std::vector<Recording> recordings;
  std::vector<Tombstone> tombstones;
  std::vector<RemovedProfile> removed_profiles;
  std::vector<DeletionReceipt> receipts;
  std::vector<AuditEntry> audit_log;
  static constexpr const char* type_name = "HouseholdState";
  template <class V> static void fields(V& v) {
    v("schemaVersion", &HouseholdState::schema_version, schema::Int{kSchemaVersion, kSchemaVersion});
    v("household", &HouseholdState::household, schema::Object<HouseholdInfo>{});
    v("retentionPolicy", &HouseholdState::retention_policy, schema::Object<RetentionPolicy>{});
    v("privacyNotice", &HouseholdState::privacy_notice, schema::Object<PrivacyNotice>{});
    v("jurisdictionPolicy", &HouseholdState::jurisdiction_policy,
      schema::List<schema::Object<JurisdictionOverride>>{{}, kMaxPolicyRows}, "R-AGE-3: the operator's changes to the defaults");
    v("guardians", &HouseholdState::guardians, schema::List<schema::Object<Guardian>>{{}, SIZE_MAX});
    v("devices", &HouseholdState::devices, schema::List<schema::Object<Device>>{{}, SIZE_MAX});
    v("profiles", &HouseholdState::profiles, schema::List<schema::Object<Profile>>{{}, SIZE_MAX});
    v("recordings", &HouseholdState::recordings, schema::List<schema::Object<Recording>>{{}, SIZE_MAX});
    v("tombstones", &HouseholdState::tombstones, schema::List<schema::Object<Tombstone>>{{}, SIZE_MAX});
    v("removedProfiles", &HouseholdState::removed_profiles,
      schema::List<schema::Object<RemovedProfile>>{{}, SIZE_MAX});
    v("receipts", &HouseholdState::receipts, schema::List<schema::Object<DeletionReceipt>>{{}, SIZE_MAX});
    v("auditLog", &HouseholdState::audit_log, schema::List<schema::Object<AuditEntry>>{{}, SIZE_MAX});
  }
};

}  // namespace privacy
