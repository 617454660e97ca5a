#pragma once
// Command specs: intake, retention (R-RET-1..6), deletion (R-DEL-1..6) and
// the uses of a recording.
#include <optional>
#include <string>
#include <vector>

#include "privacy/access.hpp"
#include "privacy/deletion.hpp"
#include "privacy/views.hpp"

namespace privacy {
struct Ctx;
}  // namespace privacy

namespace privacy::cmd {

struct AddRecording {
  static constexpr CommandInfo info{
      .name = "addRecording",
      .summary = "Intake of one recording: never into a child profile without verified consent, never captured after now (R-CON-1).",
      .access = access::intake,
      .changes = true,
      .audits = actions({AuditAction::recordings_added})};
  NewRecording recording;
  using Output = RecordingView;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("recording", &AddRecording::recording, schema::Object<NewRecording>{}); }
};

struct AddRecordings {
  static constexpr CommandInfo info{
      .name = "addRecordings",
      .summary = "Intake of many recordings, all or nothing (R-CON-1).",
      .access = access::intake,
      .changes = true,
      .audits = actions({AuditAction::recordings_added})};
  std::vector<NewRecording> recordings;
  using Output = Added;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("recordings", &AddRecordings::recordings,
      schema::List<schema::Object<NewRecording>>{{}, kMaxRecordingsPerBatch});
  }
};

struct SetRetention {
  static constexpr CommandInfo info{
      .name = "setRetention",
      .summary = "Chooses how long a profile's recordings are kept; a shorter setting deletes what it makes due at once, with a receipt (R-RET-1, R-RET-4, R-RET-5).",
      .subject = Subject::profile,
      .access = access::manage,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::retention_set, AuditAction::recordings_deleted})};
  std::string profile_id;
  RetentionSetting setting = RetentionSetting::three_months;
  std::optional<std::string> request_id;
  using Output = RetentionChange;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &SetRetention::profile_id, schema::Id{});
    v("setting", &SetRetention::setting, schema::Choice<RetentionSetting>{});
    v("requestId", &SetRetention::request_id, schema::Id{}, "the receipt's id if anything is deleted; default: generated");
  }
};

struct SetVoiceDeletion {
  static constexpr CommandInfo info{
      .name = "setVoiceDeletion",
      .summary = "Turns deletion by voice on or off for a profile (R-DEL-2).",
      .subject = Subject::profile,
      .access = access::manage,
      .changes = true,
      .audits = actions({AuditAction::voice_deletion_set})};
  std::string profile_id;
  bool enabled = false;
  using Output = Profile;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &SetVoiceDeletion::profile_id, schema::Id{});
    v("enabled", &SetVoiceDeletion::enabled, schema::Bool{});
  }
};

struct EffectiveRetentionOf {
  static constexpr CommandInfo info{
      .name = "effectiveRetention",
      .summary = "A profile's setting as it applies: the shorter of the choice and the policy's child maximum (R-RET-4).",
      .subject = Subject::profile,
      .access = access::manage,
      .needs_now = false};
  std::string profile_id;
  using Output = EffectiveRetention;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("profileId", &EffectiveRetentionOf::profile_id, schema::Id{}); }
};

struct PreviewRetention {
  static constexpr CommandInfo info{
      .name = "previewRetention",
      .summary = "What a setting would delete at now if chosen (R-RET-5).",
      .subject = Subject::profile,
      .access = access::manage};
  std::string profile_id;
  RetentionSetting setting = RetentionSetting::three_months;
  using Output = RetentionPreview;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &PreviewRetention::profile_id, schema::Id{});
    v("setting", &PreviewRetention::setting, schema::Choice<RetentionSetting>{});
  }
};

struct ListRecordings {
  static constexpr CommandInfo info{
      .name = "listRecordings",
      .summary = "A profile's recordings, newest first, filtered by device, [from, to) and words of the transcript.",
      .subject = Subject::profile,
      .access = access::manage,
      .needs_now = false};
  std::string profile_id;
  std::optional<std::string> device_id;
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<std::string> search;
  std::optional<std::int64_t> offset;
  std::optional<std::int64_t> limit;
  using Output = RecordingPage;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &ListRecordings::profile_id, schema::Id{});
    v("deviceId", &ListRecordings::device_id, schema::Id{});
    v("from", &ListRecordings::from, schema::At{});
    v("to", &ListRecordings::to, schema::At{}, "after from");
    v("search", &ListRecordings::search, schema::Text{kMaxNameBytes}, "words the transcript contains, any case");
    v("offset", &ListRecordings::offset, schema::Int{0, kMaxCount}, "default 0");
    v("limit", &ListRecordings::limit, schema::Int{1, 10'000}, "default 100");
  }
};

struct PreviewSweep {
  static constexpr CommandInfo info{
      .name = "previewSweep",
      .summary = "What a sweep at now would delete, and the next due time (R-RET-6).",
      .access = access::sweep_preview};
  std::optional<std::int64_t> limit;
  using Output = SweepPreview;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("limit", &PreviewSweep::limit, schema::Int{0, kMaxCount}, "list at most this many (default: all)");
  }
};

struct Sweep {
  static constexpr CommandInfo info{
      .name = "sweep",
      .summary = "Deletes exactly the recordings due at or before now, with a receipt (R-RET-6).",
      .access = access::system,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::sweep})};
  using Output = SweepResult;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V&) {}
};

// What a parent's deletion covers (R-DEL-1, R-DEL-2, R-DEL-6).
struct DeletionScope {
  std::string profile_id;
  RequestKind kind = RequestKind::ids;
  std::optional<std::vector<std::string>> ids;
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<std::string> device_id;
  std::optional<int> utc_offset_minutes;
  template <class V> static void fields(V& v) {
    v("profileId", &DeletionScope::profile_id, schema::Id{});
    v("kind", &DeletionScope::kind, schema::Choice<RequestKind>{});
    v("ids", &DeletionScope::ids, schema::List<schema::Id>{{}, kMaxIdsPerRequest}, "duplicates count once");
    v("from", &DeletionScope::from, schema::At{}, "[from, to) on capturedAt");
    v("to", &DeletionScope::to, schema::At{});
    v("deviceId", &DeletionScope::device_id, schema::Id{});
    v("utcOffsetMinutes", &DeletionScope::utc_offset_minutes,
      schema::Int{kMinUtcOffsetMinutes, kMaxUtcOffsetMinutes}, "the speaker's, for today's local midnight");
    v.when("kind", &DeletionScope::kind, RequestKind::ids, {"ids"});
    v.when("kind", &DeletionScope::kind, RequestKind::range, {"from", "to"});
    v.when("kind", &DeletionScope::kind, RequestKind::device, {"deviceId"});
    v.when("kind", &DeletionScope::kind, RequestKind::all, {});
    v.when("kind", &DeletionScope::kind, RequestKind::just_said, {"deviceId"});
    v.when("kind", &DeletionScope::kind, RequestKind::today, {"deviceId", "utcOffsetMinutes"});
  }
};

struct PreviewDeletion : DeletionScope {
  static constexpr CommandInfo info{
      .name = "previewDeletion",
      .summary = "What a deletion would take, without taking it.",
      .subject = Subject::profile,
      .access = access::manage};
  using Output = DeletionPreview;
  Result<Output> apply(Ctx& ctx) const;
  static constexpr const char* type_name = "PreviewDeletion";
  template <class V> static void fields(V& v) { DeletionScope::fields(v); }
};

struct DeleteRecordings : DeletionScope {
  static constexpr CommandInfo info{
      .name = "deleteRecordings",
      .summary = "Deletes recordings one by one, by id, range, device, all, just said or today: every artifact, tombstoned, receipted (R-DEL-1..6).",
      .subject = Subject::profile,
      .access = access::manage,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::recordings_deleted})};
  std::string request_id;
  using Output = DeletionReceipt;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("requestId", &DeleteRecordings::request_id, schema::Id{}, "the receipt's id; the same request again deletes nothing");
    DeletionScope::fields(v);
  }
};

struct ParseVoiceRequest {
  static constexpr CommandInfo info{
      .name = "parseVoiceRequest",
      .summary = "What a spoken deletion request asks for, or not_understood (R-DEL-2).",
      .subject = Subject::none,
      .needs_household = false,
      .needs_now = false};
  std::string utterance;
  using Output = VoiceParse;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("utterance", &ParseVoiceRequest::utterance, schema::Text{kMaxUtteranceBytes});
  }
};

struct VoiceRequest {
  static constexpr CommandInfo info{
      .name = "voiceRequest",
      .summary = "A deletion said to a device (or typed by a parent): only where deletion by voice is on (R-DEL-2).",
      .subject = Subject::profile,
      .access = access::speak,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::recordings_deleted})};
  std::string request_id;
  std::string profile_id;
  std::string device_id;
  std::string utterance;
  int utc_offset_minutes = 0;
  using Output = DeletionReceipt;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("requestId", &VoiceRequest::request_id, schema::Id{});
    v("profileId", &VoiceRequest::profile_id, schema::Id{}, "the speaker");
    v("deviceId", &VoiceRequest::device_id, schema::Id{});
    v("utterance", &VoiceRequest::utterance, schema::Text{kMaxUtteranceBytes});
    v("utcOffsetMinutes", &VoiceRequest::utc_offset_minutes,
      schema::Int{kMinUtcOffsetMinutes, kMaxUtcOffsetMinutes});
  }
};

struct MayUse {
  static constexpr CommandInfo info{
      .name = "mayUse",
      .summary = "Whether a recording may be used for a purpose: never once deleted, never for sale (R-DEL-4, R-ADS-2).",
      .access = access::use,
      .needs_now = false};
  std::string recording_id;
  Purpose purpose = Purpose::service;
  std::optional<Instant> at;
  using Output = UseAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("recordingId", &MayUse::recording_id, schema::Id{});
    v("purpose", &MayUse::purpose, schema::Choice<Purpose>{});
    v("now", &MayUse::at, schema::At{}, "with it, a recording past its due time is not used either");
  }
};

struct Tombstones {
  static constexpr CommandInfo info{
      .name = "tombstones",
      .summary = "What every deleted recording left (R-DEL-4).",
      .access = access::custodians,
      .needs_now = false};
  using Output = TombstoneList;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V&) {}
};

}  // namespace privacy::cmd
