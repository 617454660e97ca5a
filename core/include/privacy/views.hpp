#pragma once
// What commands answer besides the stored types of model.hpp: computed views
// (due times, effective retention) and the answers of single commands.
#include <optional>
#include <string>
#include <vector>

#include "privacy/model.hpp"

namespace privacy {

// JSON text answered as it is (describeCommands).
struct RawJson {
  std::string text;
};

struct EffectiveRetention {
  std::string profile_id;
  RetentionSetting setting = RetentionSetting::three_months;
  std::optional<int> months;  // 0 for dont_save; none: kept until deleted
  bool capped_by_policy = false;
  std::optional<int> policy_max_months;
  bool operator==(const EffectiveRetention&) const = default;
  static constexpr const char* type_name = "EffectiveRetention";
  template <class V> static void fields(V& v) {
    v("profileId", &EffectiveRetention::profile_id, schema::Id{});
    v("setting", &EffectiveRetention::setting, schema::Choice<RetentionSetting>{});
    v("months", &EffectiveRetention::months, schema::Int{0, kMaxPolicyMonths}, "0: deleted once processed; null: until deleted");
    v("cappedByPolicy", &EffectiveRetention::capped_by_policy, schema::Bool{}, "R-RET-4");
    v("policyMaxMonths", &EffectiveRetention::policy_max_months, schema::Int{1, kMaxPolicyMonths});
  }
};

struct RecordingView : Recording {
  std::optional<Instant> due_at;  // R-RET-2/3: none when kept until deleted
  static constexpr const char* type_name = "RecordingView";
  template <class V> static void fields(V& v) {
    Recording::fields(v);
    v("dueAt", &RecordingView::due_at, schema::At{}, "when retention deletes it (R-RET-2, R-RET-3)");
  }
};

struct ProfileView : Profile {
  EffectiveRetention effective_retention;
  std::int64_t recording_count = 0;
  std::optional<Instant> next_due_at;
  std::optional<Instant> removal_due_at;  // R-PRO-2: after the inactivity notice
  static constexpr const char* type_name = "ProfileView";
  template <class V> static void fields(V& v) {
    Profile::fields(v);
    v("effectiveRetention", &ProfileView::effective_retention, schema::Object<EffectiveRetention>{});
    v("recordingCount", &ProfileView::recording_count, schema::Int{0, kMaxCount});
    v("nextDueAt", &ProfileView::next_due_at, schema::At{});
    v("removalDueAt", &ProfileView::removal_due_at, schema::At{}, "R-PRO-2");
  }
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
  static constexpr const char* type_name = "AuditHead";
  template <class V> static void fields(V& v) {
    v("seq", &AuditHead::seq, schema::Int{0, kMaxCount});
    v("hash", &AuditHead::hash, schema::Hash{});
  }
};

struct Overview {
  HouseholdInfo household;
  std::vector<Guardian> guardians;
  std::vector<Device> devices;
  std::vector<ProfileView> profiles;
  RetentionPolicy retention_policy;
  PrivacyNotice privacy_notice;
  AuditHead audit_head;  // what to anchor (R-INT-3)
  static constexpr const char* type_name = "Overview";
  template <class V> static void fields(V& v) {
    v("household", &Overview::household, schema::Object<HouseholdInfo>{});
    v("guardians", &Overview::guardians, schema::List<schema::Object<Guardian>>{{}, SIZE_MAX});
    v("devices", &Overview::devices, schema::List<schema::Object<Device>>{{}, SIZE_MAX});
    v("profiles", &Overview::profiles, schema::List<schema::Object<ProfileView>>{{}, SIZE_MAX});
    v("retentionPolicy", &Overview::retention_policy, schema::Object<RetentionPolicy>{});
    v("privacyNotice", &Overview::privacy_notice, schema::Object<PrivacyNotice>{});
    v("auditHead", &Overview::audit_head, schema::Object<AuditHead>{}, "R-INT-3: keep it to detect a cut");
  }
};

struct NoticeChange {
  PrivacyNotice privacy_notice;
  bool material = false;                 // R-CON-5
  std::vector<std::string> need_consent;  // children whose consent is pending again
  static constexpr const char* type_name = "NoticeChange";
  template <class V> static void fields(V& v) {
    v("privacyNotice", &NoticeChange::privacy_notice, schema::Object<PrivacyNotice>{});
    v("material", &NoticeChange::material, schema::Bool{}, "R-CON-5: what is collected or disclosed changed");
    v("needConsent", &NoticeChange::need_consent, schema::List<schema::Id>{{}, SIZE_MAX});
  }
};

struct ProfileRemoval {
  std::string profile_id;
  DeletionReceipt receipt;
  static constexpr const char* type_name = "ProfileRemoval";
  template <class V> static void fields(V& v) {
    v("profileId", &ProfileRemoval::profile_id, schema::Id{});
    v("receipt", &ProfileRemoval::receipt, schema::Object<DeletionReceipt>{});
  }
};

struct ConsentAnswer {
  std::string profile_id;
  Consent consent;
  bool enabled = false;
  std::optional<DeletionReceipt> receipt;  // a revocation that deleted the data
  static constexpr const char* type_name = "ConsentAnswer";
  template <class V> static void fields(V& v) {
    v("profileId", &ConsentAnswer::profile_id, schema::Id{});
    v("consent", &ConsentAnswer::consent, schema::Object<Consent>{});
    v("enabled", &ConsentAnswer::enabled, schema::Bool{});
    v("receipt", &ConsentAnswer::receipt, schema::Object<DeletionReceipt>{}, "R-CON-4: when the parent chose to delete");
  }
};

struct NotifiedProfile {
  std::string profile_id;
  Instant removal_due_at = 0;
  static constexpr const char* type_name = "NotifiedProfile";
  template <class V> static void fields(V& v) {
    v("profileId", &NotifiedProfile::profile_id, schema::Id{});
    v("removalDueAt", &NotifiedProfile::removal_due_at, schema::At{});
  }
};

struct ProfileSweep {
  std::vector<NotifiedProfile> notified;
  std::vector<std::string> reactivated;
  std::vector<ProfileRemoval> removed;
  std::vector<std::string> age_review;
  static constexpr const char* type_name = "ProfileSweep";
  template <class V> static void fields(V& v) {
    v("notified", &ProfileSweep::notified, schema::List<schema::Object<NotifiedProfile>>{{}, SIZE_MAX}, "R-PRO-2");
    v("reactivated", &ProfileSweep::reactivated, schema::List<schema::Id>{{}, SIZE_MAX});
    v("removed", &ProfileSweep::removed, schema::List<schema::Object<ProfileRemoval>>{{}, SIZE_MAX});
    v("ageReview", &ProfileSweep::age_review, schema::List<schema::Id>{{}, SIZE_MAX}, "R-PRO-3");
  }
};

struct ProfileExport {
  int schema_version = kSchemaVersion;
  std::string household_id;
  Profile profile;
  EffectiveRetention effective_retention;
  std::vector<RecordingView> recordings;
  std::vector<Tombstone> tombstones;
  std::vector<DeletionReceipt> receipts;
  static constexpr const char* type_name = "ProfileExport";
  template <class V> static void fields(V& v) {
    v("schemaVersion", &ProfileExport::schema_version, schema::Int{kSchemaVersion, kSchemaVersion});
    v("householdId", &ProfileExport::household_id, schema::Id{});
    v("profile", &ProfileExport::profile, schema::Object<Profile>{});
    v("effectiveRetention", &ProfileExport::effective_retention, schema::Object<EffectiveRetention>{});
    v("recordings", &ProfileExport::recordings, schema::List<schema::Object<RecordingView>>{{}, SIZE_MAX});
    v("tombstones", &ProfileExport::tombstones, schema::List<schema::Object<Tombstone>>{{}, SIZE_MAX});
    v("receipts", &ProfileExport::receipts, schema::List<schema::Object<DeletionReceipt>>{{}, SIZE_MAX});
  }
};

struct Added {
  std::int64_t added = 0;
  static constexpr const char* type_name = "Added";
  template <class V> static void fields(V& v) { v("added", &Added::added, schema::Int{0, kMaxCount}); }
};

struct RetentionChange : EffectiveRetention {
  std::optional<DeletionReceipt> receipt;  // R-RET-5: what a shorter setting deleted at once
  static constexpr const char* type_name = "RetentionChange";
  template <class V> static void fields(V& v) {
    EffectiveRetention::fields(v);
    v("receipt", &RetentionChange::receipt, schema::Object<DeletionReceipt>{},
      "R-RET-5: what the shorter setting deleted at once");
  }
};

struct RetentionPreview {
  RetentionSetting setting = RetentionSetting::three_months;
  EffectiveRetention effective;
  ArtifactCounts due_now;
  std::vector<std::string> recording_ids;
  static constexpr const char* type_name = "RetentionPreview";
  template <class V> static void fields(V& v) {
    v("setting", &RetentionPreview::setting, schema::Choice<RetentionSetting>{});
    v("effective", &RetentionPreview::effective, schema::Object<EffectiveRetention>{});
    v("dueNow", &RetentionPreview::due_now, schema::Object<ArtifactCounts>{}, "R-RET-5: what goes when confirmed");
    v("recordingIds", &RetentionPreview::recording_ids, schema::List<schema::Id>{{}, SIZE_MAX});
  }
};

struct RecordingPage {
  std::int64_t total = 0;
  std::vector<RecordingView> recordings;
  static constexpr const char* type_name = "RecordingPage";
  template <class V> static void fields(V& v) {
    v("total", &RecordingPage::total, schema::Int{0, kMaxCount});
    v("recordings", &RecordingPage::recordings, schema::List<schema::Object<RecordingView>>{{}, SIZE_MAX});
  }
};

struct SweepPreview {
  Instant now = 0;
  std::int64_t due_count = 0;
  std::vector<RecordingView> due;
  ArtifactCounts counts;
  std::optional<Instant> next_due_at;
  static constexpr const char* type_name = "SweepPreview";
  template <class V> static void fields(V& v) {
    v("now", &SweepPreview::now, schema::At{});
    v("dueCount", &SweepPreview::due_count, schema::Int{0, kMaxCount});
    v("due", &SweepPreview::due, schema::List<schema::Object<RecordingView>>{{}, SIZE_MAX}, "at most `limit`");
    v("counts", &SweepPreview::counts, schema::Object<ArtifactCounts>{});
    v("nextDueAt", &SweepPreview::next_due_at, schema::At{});
  }
};

struct SweepResult {
  DeletionReceipt receipt;
  std::optional<Instant> next_due_at;
  static constexpr const char* type_name = "SweepResult";
  template <class V> static void fields(V& v) {
    v("receipt", &SweepResult::receipt, schema::Object<DeletionReceipt>{});
    v("nextDueAt", &SweepResult::next_due_at, schema::At{}, "R-RET-6");
  }
};

struct DeletionPreview {
  std::vector<std::string> recording_ids;
  ArtifactCounts counts;
  std::optional<NothingReason> reason;
  static constexpr const char* type_name = "DeletionPreview";
  template <class V> static void fields(V& v) {
    v("recordingIds", &DeletionPreview::recording_ids, schema::List<schema::Id>{{}, SIZE_MAX});
    v("counts", &DeletionPreview::counts, schema::Object<ArtifactCounts>{});
    v("reason", &DeletionPreview::reason, schema::Choice<NothingReason>{});
  }
};

struct VoiceParse {
  VoiceCommand kind = VoiceCommand::just_said;
  static constexpr const char* type_name = "VoiceParse";
  template <class V> static void fields(V& v) { v("kind", &VoiceParse::kind, schema::Choice<VoiceCommand>{}); }
};

struct UseAnswer {
  bool allowed = false;
  UseVerdict reason = UseVerdict::allowed;
  static constexpr const char* type_name = "UseAnswer";
  template <class V> static void fields(V& v) {
    v("allowed", &UseAnswer::allowed, schema::Bool{});
    v("reason", &UseAnswer::reason, schema::Choice<UseVerdict>{}, "R-DEL-4, R-ADS-2, R-CON-1, R-CON-3");
  }
};

struct TombstoneList {
  std::vector<Tombstone> tombstones;
  static constexpr const char* type_name = "TombstoneList";
  template <class V> static void fields(V& v) {
    v("tombstones", &TombstoneList::tombstones, schema::List<schema::Object<Tombstone>>{{}, SIZE_MAX});
  }
};

struct AuditPage {
  std::int64_t total = 0;
  std::vector<AuditEntry> entries;
  static constexpr const char* type_name = "AuditPage";
  template <class V> static void fields(V& v) {
    v("total", &AuditPage::total, schema::Int{0, kMaxCount});
    v("entries", &AuditPage::entries, schema::List<schema::Object<AuditEntry>>{{}, SIZE_MAX});
  }
};

struct AuditProblem {
  std::int64_t index = 0;
  std::optional<std::int64_t> seq;
  AuditFault reason = AuditFault::edited;
  static constexpr const char* type_name = "AuditProblem";
  template <class V> static void fields(V& v) {
    v("index", &AuditProblem::index, schema::Int{0, kMaxCount});
    v("seq", &AuditProblem::seq, schema::Int{0, kMaxCount});
    v("reason", &AuditProblem::reason, schema::Choice<AuditFault>{});
  }
};

struct AuditCheck {
  bool intact = true;
  std::int64_t entries = 0;
  std::string head_hash;
  std::optional<AuditProblem> first_invalid;
  static constexpr const char* type_name = "AuditCheck";
  template <class V> static void fields(V& v) {
    v("intact", &AuditCheck::intact, schema::Bool{});
    v("entries", &AuditCheck::entries, schema::Int{0, kMaxCount});
    v("headHash", &AuditCheck::head_hash, schema::Hash{});
    v("firstInvalid", &AuditCheck::first_invalid, schema::Object<AuditProblem>{});
  }
};

struct ImportAnswer {
  ImportOutcome outcome = ImportOutcome::loaded;
  std::string household_id;
  int schema_version = kSchemaVersion;
  std::optional<int> migrated_from;
  std::int64_t recordings = 0;
  std::int64_t audit_entries = 0;
  std::int64_t kept_deleted = 0;          // R-INT-2: recordings that stayed deleted
  std::int64_t kept_removed_profiles = 0; // R-INT-2: profiles that stayed removed
  std::int64_t kept_withdrawals = 0;      // consent, disclosure or GPC withdrawn here, kept so
  static constexpr const char* type_name = "ImportAnswer";
  template <class V> static void fields(V& v) {
    v("outcome", &ImportAnswer::outcome, schema::Choice<ImportOutcome>{});
    v("householdId", &ImportAnswer::household_id, schema::Id{});
    v("schemaVersion", &ImportAnswer::schema_version, schema::Int{kSchemaVersion, kSchemaVersion});
    v("migratedFrom", &ImportAnswer::migrated_from, schema::Int{1, kSchemaVersion - 1});
    v("recordings", &ImportAnswer::recordings, schema::Int{0, kMaxCount});
    v("auditEntries", &ImportAnswer::audit_entries, schema::Int{0, kMaxCount});
    v("keptDeleted", &ImportAnswer::kept_deleted, schema::Int{0, kMaxCount}, "R-INT-2: deleted here, so not brought back");
    v("keptRemovedProfiles", &ImportAnswer::kept_removed_profiles, schema::Int{0, kMaxCount}, "R-INT-2");
    v("keptWithdrawals", &ImportAnswer::kept_withdrawals, schema::Int{0, kMaxCount},
      "profiles and devices whose withdrawn consent, disclosure or GPC stayed withdrawn (R-CON-4, R-SIG-3)");
  }
};

// A row of the jurisdiction table in force (R-AGE-3, R-AGE-4).
struct JurisdictionRow {
  std::string code;
  Regime regime = Regime::other;
  int consent_age = 16;
  TeenAdRule teen_13_15 = TeenAdRule::never;
  TeenAdRule teen_16_17 = TeenAdRule::never;
  std::int64_t gpp_section = 0;
  std::string source;
  static constexpr const char* type_name = "JurisdictionRow";
  template <class V> static void fields(V& v) {
    v("code", &JurisdictionRow::code, schema::Place{true});
    v("regime", &JurisdictionRow::regime, schema::Choice<Regime>{});
    v("consentAge", &JurisdictionRow::consent_age, schema::Int{13, 18});
    v("teenAds13to15", &JurisdictionRow::teen_13_15, schema::Choice<TeenAdRule>{});
    v("teenAds16to17", &JurisdictionRow::teen_16_17, schema::Choice<TeenAdRule>{});
    v("gppSection", &JurisdictionRow::gpp_section, schema::Int{0, 27}, "the place's own GPP section, 0 for none");
    v("source", &JurisdictionRow::source, schema::Text{kMaxTextBytes}, "where the default comes from");
  }
};

struct JurisdictionTable {
  std::string code;          // the place asked about: the one given, the household's, or US
  JurisdictionRow in_force;  // the row that applies there, the operator's changes included
  std::vector<JurisdictionRow> defaults;
  JurisdictionOverrides overrides;
  static constexpr const char* type_name = "JurisdictionTable";
  template <class V> static void fields(V& v) {
    v("code", &JurisdictionTable::code, schema::Place{}, "the place asked about: the one given, else the household's, else US");
    v("inForce", &JurisdictionTable::in_force, schema::Object<JurisdictionRow>{}, "what applies there (R-AGE-3, R-AGE-4)");
    v("defaults", &JurisdictionTable::defaults, schema::List<schema::Object<JurisdictionRow>>{{}, SIZE_MAX});
    v("overrides", &JurisdictionTable::overrides, schema::List<schema::Object<JurisdictionOverride>>{{}, kMaxPolicyRows});
  }
};

// One row of the authorization table (R-CON-6, R-INT-5).
struct AccessRow {
  std::string command;
  Target target = Target::household;
  std::vector<ActorKind> allow;
  std::vector<ActorKind> self;  // allowed only on their own profile
  static constexpr const char* type_name = "AccessRow";
  template <class V> static void fields(V& v) {
    v("command", &AccessRow::command, schema::Id{});
    v("target", &AccessRow::target, schema::Choice<Target>{});
    v("allow", &AccessRow::allow, schema::List<schema::Choice<ActorKind>>{{}, 16});
    v("self", &AccessRow::self, schema::List<schema::Choice<ActorKind>>{{}, 16}, "only on their own profile");
  }
};

struct AccessTable {
  std::vector<ActorKind> actor_kinds;
  std::vector<AccessRow> rows;
  static constexpr const char* type_name = "AccessTable";
  template <class V> static void fields(V& v) {
    v("actorKinds", &AccessTable::actor_kinds, schema::List<schema::Choice<ActorKind>>{{}, 16});
    v("rows", &AccessTable::rows, schema::List<schema::Object<AccessRow>>{{}, SIZE_MAX});
  }
};

}  // namespace privacy
