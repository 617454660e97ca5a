// Deletion requests (R-DEL-1..6), voice requests, and the uses of a recording.
#include "deleting.hpp"
#include "privacy/consent.hpp"
#include "privacy/deletion.hpp"
#include "views.hpp"

namespace privacy {

Result<DeletionPreview> cmd::PreviewDeletion::apply(Ctx& ctx) const {
  auto selected = select(ctx.h, *this, ctx.now);
  if (!selected) return selected.errors();
  DeletionPreview out;
  for (auto slot : selected->slots) {
    out.recording_ids.push_back(ctx.h.s.recordings[slot].id);
    out.counts.add(ctx.h.s.recordings[slot]);
  }
  out.reason = selected->reason;
  return out;
}

Result<DeletionReceipt> cmd::DeleteRecordings::apply(Ctx& ctx) const {
  nlohmann::json scope = scope_of(*this);
  if (auto again = repeated(ctx, request_id, scope)) return *again;
  auto selected = select(ctx.h, *this, ctx.now);
  if (!selected) return selected.errors();
  DeletionReceipt receipt = receipt_for(ctx, request_id, deletion_kind(kind), profile_id, scope);
  receipt.reason = selected->reason;
  return delete_slots(ctx, std::move(receipt), selected->slots);
}

Result<VoiceParse> cmd::ParseVoiceRequest::apply(Ctx&) const {
  auto parsed = parse_voice_request(utterance);
  if (!parsed) return parsed.errors();
  return VoiceParse{*parsed};
}

// R-DEL-2: only where deletion by voice is on; the speaker's own recordings
// on that device.
Result<DeletionReceipt> cmd::VoiceRequest::apply(Ctx& ctx) const {
  const Profile& p = *ctx.h.profile(profile_id);
  if (!ctx.h.device(device_id)) return Error{code::not_found, "deviceId", "no device '" + device_id + "' in this household"};
  if (!p.voice_deletion)
    return Error{code::forbidden, "profileId", "deletion by voice is off for this profile; a parent can turn it on"};
  auto parsed = parse_voice_request(utterance);
  if (!parsed) return parsed.errors();
  cmd::DeletionScope scope;
  scope.profile_id = profile_id;
  scope.device_id = device_id;
  scope.kind = *parsed == VoiceCommand::just_said ? RequestKind::just_said : RequestKind::today;
  if (scope.kind == RequestKind::today) scope.utc_offset_minutes = utc_offset_minutes;
  nlohmann::json normalised = scope_of(scope);
  if (auto again = repeated(ctx, request_id, normalised)) return *again;
  auto selected = select(ctx.h, scope, ctx.now);
  if (!selected) return selected.errors();
  DeletionReceipt receipt =
      receipt_for(ctx, request_id, deletion_kind(scope.kind), profile_id, normalised);
  receipt.reason = selected->reason;
  return delete_slots(ctx, std::move(receipt), selected->slots);
}

Result<UseAnswer> cmd::MayUse::apply(Ctx& ctx) const {
  auto verdict = [](UseVerdict v) { return UseAnswer{v == UseVerdict::allowed, v}; };
  const Household::Impl& h = ctx.h;
  if (h.tombstone(recording_id)) return verdict(UseVerdict::deleted);  // R-DEL-4, forever
  const Recording* r = h.recording(recording_id);
  if (!r) return Error{code::not_found, "recordingId", "no recording '" + recording_id + "' in this household"};
  if (purpose == Purpose::sale) return verdict(UseVerdict::never_sold);  // R-ADS-2
  const Profile& p = *h.profile(r->profile_id);
  if (at)
    if (auto due = due_at(*r, rule_of(h, p)); due && *due <= *at) return verdict(UseVerdict::past_due);
  if (p.kind == ProfileKind::child) {
    // R-CON-1: nothing of a child's is used without verified consent;
    // R-CON-3: disclosure needs its own consent, by a method that backs it.
    if (p.consent->state != ConsentState::verified) return verdict(UseVerdict::consent_required);
    if (purpose == Purpose::disclosure && !p.consent->disclosure)
      return verdict(UseVerdict::disclosure_consent_required);
  }
  return verdict(UseVerdict::allowed);
}

Result<TombstoneList> cmd::Tombstones::apply(Ctx& ctx) const { return TombstoneList{ctx.h.s.tombstones}; }

}  // namespace privacy
