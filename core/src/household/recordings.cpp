// Intake, retention settings and sweeps (R-RET-1..6, R-CON-1).
#include <algorithm>
#include <unordered_set>

#include "../json/codec.hpp"
#include "deleting.hpp"
#include "views.hpp"

namespace privacy {

namespace {

// The checks intake makes of one recording (R-CON-1, R-DEL precise meanings).
void check_intake(const Ctx& ctx, const NewRecording& r, const std::string& path,
                  std::unordered_set<std::string_view>& batch, Errors& errors) {
  const Household::Impl& h = ctx.h;
  const Profile* p = h.profile(r.profile_id);
  if (!p)
    errors.push_back({code::not_found, path + ".profileId", "no profile '" + r.profile_id + "' in this household"});
  else if (p->kind == ProfileKind::child && (p->consent->state != ConsentState::verified || !p->enabled))
    errors.push_back({code::consent_required, path + ".profileId",
                      "no recording into a child profile without verified parental consent, nor while it "
                      "is not enabled (R-CON-1)"});
  if (!h.device(r.device_id))
    errors.push_back({code::not_found, path + ".deviceId", "no device '" + r.device_id + "' in this household"});
  else if (ctx.actor.kind == ActorKind::device && ctx.actor.id.substr(kDevicePrefix.size()) != r.device_id)
    errors.push_back({code::forbidden, path + ".deviceId", "a device records only its own recordings (R-INT-5)"});
  if (h.recording(r.id) || h.tombstone(r.id) || !batch.insert(r.id).second)
    errors.push_back({code::conflict, path + ".id", "recording id '" + r.id + "' is already used"});
  if (r.captured_at > ctx.now)
    errors.push_back({code::invalid_input, path + ".capturedAt", "a recording captured after `now` is refused at intake"});
  std::unordered_set<std::string_view> derived;
  for (std::size_t i = 0; i < r.derived.size(); ++i)
    if (!derived.insert(r.derived[i].id).second)
      errors.push_back({code::invalid_input, path + ".derived[" + std::to_string(i) + "].id",
                        "appears twice in this recording"});
}

// Stores checked recordings; each is its profile's sign of life (R-PRO-2),
// and a child's data keeps the child maximum whatever the profile becomes
// (R-PRO-3).
void store(Ctx& ctx, const std::vector<NewRecording>& batch) {
  Household::Impl& h = ctx.h;
  std::vector<Recording> stored;
  stored.reserve(batch.size());
  for (const NewRecording& r : batch) {
    std::uint32_t slot = *h.profile_slot(r.profile_id);
    const Profile& p = h.s.profiles[slot];
    if (!p.last_active_at || r.captured_at > *p.last_active_at) h.edit_profile(slot).last_active_at = r.captured_at;
    Recording full;
    static_cast<NewRecording&>(full) = r;
    full.collected_as_child = p.kind == ProfileKind::child;
    stored.push_back(std::move(full));
  }
  h.add_recordings(std::move(stored));
}

}  // namespace

Result<RecordingView> cmd::AddRecording::apply(Ctx& ctx) const {
  Errors errors;
  std::unordered_set<std::string_view> batch;
  check_intake(ctx, recording, "recording", batch, errors);
  if (!errors.empty()) return errors;
  store(ctx, {recording});
  const Recording& stored = ctx.h.s.recordings.back();
  ctx.log(AuditAction::recordings_added, {{"added", 1}, {"recordingId", recording.id}, {"profileId", recording.profile_id}});
  return view_of(stored, rule_of(ctx.h, *ctx.h.profile(recording.profile_id)));
}

Result<Added> cmd::AddRecordings::apply(Ctx& ctx) const {
  Errors errors;
  std::unordered_set<std::string_view> batch;
  batch.reserve(recordings.size());
  for (std::size_t i = 0; i < recordings.size() && errors.size() < 100; ++i)
    check_intake(ctx, recordings[i], "recordings[" + std::to_string(i) + "]", batch, errors);
  if (!errors.empty()) return errors;  // all or nothing
  if (recordings.empty()) return Added{0};
  store(ctx, recordings);
  ctx.log(AuditAction::recordings_added, {{"added", recordings.size()}});
  return Added{static_cast<std::int64_t>(recordings.size())};
}

namespace {
std::vector<std::uint32_t> due_slots(const Household::Impl& h, std::uint32_t profile_slot,
                                     const RetentionRule& rule, Instant now) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < h.s.recordings.size(); ++i) {
    if (h.profile_of(i) != profile_slot) continue;
    if (due_by(h.s.recordings[i], rule, now)) out.push_back(i);
  }
  return out;
}
}  // namespace

// R-RET-5: a shorter setting applies at once: what it makes due goes now,
// with a receipt; a longer one brings nothing back.
Result<RetentionChange> cmd::SetRetention::apply(Ctx& ctx) const {
  Household::Impl& h = ctx.h;
  const std::uint32_t slot = *h.profile_slot(profile_id);
  const Profile& before = h.s.profiles[slot];
  EffectiveRetention next = effective_retention(before, setting, h.s.retention_policy);
  auto due = due_slots(h, slot, retention_rule(next, h.s.retention_policy), ctx.now);
  std::string receipt_id;
  if (!due.empty()) {
    if (request_id && h.receipt(*request_id))
      return Error{code::conflict, "requestId", "request id '" + *request_id + "' is already used"};
    receipt_id = request_id ? *request_id : h.fresh_request_id("retention-" + profile_id + "-" + std::to_string(ctx.now));
  }
  std::string previous(word(before.retention));
  h.edit_profile(slot).retention = setting;
  ctx.log(AuditAction::retention_set,
          {{"profileId", profile_id}, {"from", previous}, {"to", std::string(word(setting))}});
  RetentionChange out;
  static_cast<EffectiveRetention&>(out) = next;
  if (!due.empty()) {
    DeletionReceipt receipt = receipt_for(ctx, receipt_id, DeletionKind::retention, profile_id,
                                          {{"kind", "retention"}, {"profileId", profile_id},
                                           {"setting", std::string(word(setting))}});
    out.receipt = delete_slots(ctx, std::move(receipt), due);
  }
  return out;
}

Result<Profile> cmd::SetVoiceDeletion::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  ctx.h.edit_profile(slot).voice_deletion = enabled;
  ctx.log(AuditAction::voice_deletion_set, {{"profileId", profile_id}, {"enabled", enabled}});
  return ctx.h.s.profiles[slot];
}

Result<EffectiveRetention> cmd::EffectiveRetentionOf::apply(Ctx& ctx) const {
  return effective(ctx.h, *ctx.h.profile(profile_id));
}

Result<RetentionPreview> cmd::PreviewRetention::apply(Ctx& ctx) const {
  const Household::Impl& h = ctx.h;
  const std::uint32_t slot = *h.profile_slot(profile_id);
  RetentionPreview out;
  out.setting = setting;
  out.effective = effective_retention(h.s.profiles[slot], setting, h.s.retention_policy);
  for (auto i : due_slots(h, slot, retention_rule(out.effective, h.s.retention_policy), ctx.now)) {
    out.due_now.add(h.s.recordings[i]);
    out.recording_ids.push_back(h.s.recordings[i].id);
  }
  return out;
}

namespace {
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Every word of `query` appears in `text`, ignoring ASCII case.
bool contains_words(std::string_view text, std::string_view query) {
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && query[i] == ' ') ++i;
    std::size_t end = query.find(' ', i);
    if (end == std::string_view::npos) end = query.size();
    std::string_view w = query.substr(i, end - i);
    if (!w.empty()) {
      auto hit = std::search(text.begin(), text.end(), w.begin(), w.end(),
                             [](char a, char b) { return lower(a) == lower(b); });
      if (hit == text.end()) return false;
    }
    i = end;
  }
  return true;
}
}  // namespace

Result<RecordingPage> cmd::ListRecordings::apply(Ctx& ctx) const {
  const Household::Impl& h = ctx.h;
  if (device_id && !h.device(*device_id)) return Error{code::not_found, "deviceId", "no device '" + *device_id + "'"};
  if (from && to && *from >= *to)
    return Error{code::invalid_input, "to", "a range is [from, to): `to` must be after `from`"};
  const std::uint32_t slot = *h.profile_slot(profile_id);
  std::vector<std::uint32_t> hits;
  for (std::uint32_t i = 0; i < h.s.recordings.size(); ++i) {
    const Recording& r = h.s.recordings[i];
    if (h.profile_of(i) == slot && (!device_id || r.device_id == *device_id) && (!from || r.captured_at >= *from) &&
        (!to || r.captured_at < *to) && (!search || (r.transcript && contains_words(*r.transcript, *search))))
      hits.push_back(i);
  }
  const auto& recs = h.s.recordings;
  // Newest first; ties in id order so every build lists the same way.
  std::sort(hits.begin(), hits.end(), [&](std::uint32_t a, std::uint32_t b) {
    return recs[a].captured_at != recs[b].captured_at ? recs[a].captured_at > recs[b].captured_at : recs[a].id < recs[b].id;
  });
  RecordingPage out;
  out.total = static_cast<std::int64_t>(hits.size());
  const RetentionRule rule = rule_of(h, h.s.profiles[slot]);
  const std::size_t first = static_cast<std::size_t>(offset.value_or(0));
  const std::size_t count = static_cast<std::size_t>(limit.value_or(100));
  for (std::size_t i = first; i < hits.size() && out.recordings.size() < count; ++i)
    out.recordings.push_back(view_of(recs[hits[i]], rule));
  return out;
}

namespace {
struct SweepPlan {
  std::vector<std::uint32_t> due;
  std::optional<Instant> next_due_at;
};

// R-RET-6: exactly the recordings due at or before `now`, and the next due
// time of what remains; each profile's rule resolved once.
SweepPlan plan_sweep(const Household::Impl& h, Instant now) {
  auto rules = rules_by_slot(h);
  SweepPlan plan;
  for (std::uint32_t i = 0; i < h.s.recordings.size(); ++i) {
    auto d = due_at(h.s.recordings[i], rules[h.profile_of(i)]);
    if (!d) continue;
    if (*d <= now) plan.due.push_back(i);
    else if (!plan.next_due_at || *d < *plan.next_due_at) plan.next_due_at = d;
  }
  return plan;
}
}  // namespace

Result<SweepPreview> cmd::PreviewSweep::apply(Ctx& ctx) const {
  const Household::Impl& h = ctx.h;
  SweepPlan plan = plan_sweep(h, ctx.now);
  auto rules = rules_by_slot(h);
  SweepPreview out;
  out.now = ctx.now;
  out.due_count = static_cast<std::int64_t>(plan.due.size());
  out.next_due_at = plan.next_due_at;
  for (std::size_t i = 0; i < plan.due.size(); ++i) {
    const Recording& r = h.s.recordings[plan.due[i]];
    out.counts.add(r);
    if (!limit || i < static_cast<std::size_t>(*limit)) out.due.push_back(view_of(r, rules[h.profile_of(plan.due[i])]));
  }
  return out;
}

Result<SweepResult> cmd::Sweep::apply(Ctx& ctx) const {
  SweepPlan plan = plan_sweep(ctx.h, ctx.now);
  std::string id = "sweep-" + std::to_string(ctx.now);
  SweepResult out;
  out.next_due_at = plan.next_due_at;
  if (plan.due.empty()) {
    // Nothing to delete: answered, not stored, so idle sweeps do not fill the log.
    out.receipt = receipt_for(ctx, id, DeletionKind::sweep, std::nullopt, {{"kind", "sweep"}, {"now", ctx.now}});
    out.receipt.status = ReceiptStatus::nothing_to_delete;
    out.receipt.reason = NothingReason::no_match;
    return out;
  }
  // What is due is always deleted (R-RET-6), whatever ids were used before.
  id = ctx.h.fresh_request_id(id);
  DeletionReceipt receipt = receipt_for(ctx, id, DeletionKind::sweep, std::nullopt, {{"kind", "sweep"}, {"now", ctx.now}});
  out.receipt = delete_slots(ctx, std::move(receipt), plan.due, AuditAction::sweep);
  return out;
}

}  // namespace privacy
