#include "deleting.hpp"

#include <algorithm>
#include <unordered_set>

#include "../json/codec.hpp"

namespace privacy {

std::vector<std::uint32_t> slots_of_profile(const Household::Impl& h, std::uint32_t profile_slot) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < h.s.recordings.size(); ++i)
    if (h.profile_of(i) == profile_slot) out.push_back(i);
  return out;
}

nlohmann::json scope_of(const cmd::DeletionScope& s) {
  nlohmann::json scope = {{"kind", std::string(word(s.kind))}, {"profileId", s.profile_id}};
  if (s.ids) {
    std::vector<std::string> unique;
    std::unordered_set<std::string_view> seen;
    for (const auto& id : *s.ids)
      if (seen.insert(id).second) unique.push_back(id);
    scope["ids"] = unique;
  }
  if (s.from) scope["from"] = *s.from;
  if (s.to) scope["to"] = *s.to;
  if (s.device_id) scope["deviceId"] = *s.device_id;
  if (s.utc_offset_minutes) scope["utcOffsetMinutes"] = *s.utc_offset_minutes;
  return scope;
}

Result<Selection> select(const Household::Impl& h, const cmd::DeletionScope& r, Instant now) {
  Selection out;
  const auto& recs = h.s.recordings;
  const std::uint32_t profile = *h.profile_slot(r.profile_id);
  if (r.device_id && !h.device(*r.device_id))
    return Error{code::not_found, "deviceId", "no device '" + *r.device_id + "' in this household"};
  if (r.kind == RequestKind::range && *r.from >= *r.to)
    return Error{code::invalid_input, "to", "a range is [from, to): `to` must be after `from`"};
  if (r.kind == RequestKind::ids) {
    // Nothing asked is not "already deleted": refused, as before the rewrite.
    if (r.ids->empty()) return Error{code::invalid_input, "ids", "names no recording: give at least one id"};
    Errors errors;
    bool any_live = false;
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < r.ids->size(); ++i) {
      const std::string& id = (*r.ids)[i];
      if (!seen.insert(id).second) continue;  // duplicates count once
      std::string at = "ids[" + std::to_string(i) + "]";
      if (auto slot = h.recording_slot(id)) {
        if (h.profile_of(*slot) != profile) errors.push_back({code::forbidden, at, "recording '" + id + "' belongs to another profile"});
        else {
          out.slots.push_back(*slot);
          any_live = true;
        }
      } else if (const Tombstone* t = h.tombstone(id)) {
        if (t->profile_id != r.profile_id) errors.push_back({code::forbidden, at, "recording '" + id + "' belongs to another profile"});
      } else {
        errors.push_back({code::not_found, at, "no recording '" + id + "' in this household"});
      }
    }
    if (!errors.empty()) return errors;
    if (!any_live) out.reason = NothingReason::already_deleted;
    std::sort(out.slots.begin(), out.slots.end());
    return out;
  }
  if (r.kind == RequestKind::just_said) {
    const Instant window = Instant{h.s.retention_policy.just_said_window_minutes} * kMillisPerMinute;
    std::optional<std::uint32_t> best;
    for (std::uint32_t i = 0; i < recs.size(); ++i) {
      const Recording& rec = recs[i];
      // The compact profile index first (it spares touching other profiles' recordings), then the
      // window's two integer tests, and only then a string comparison.
      if (h.profile_of(i) == profile && rec.captured_at > now - window && rec.captured_at <= now &&
          rec.device_id == *r.device_id &&
          (!best || rec.captured_at > recs[*best].captured_at ||
           (rec.captured_at == recs[*best].captured_at && rec.id > recs[*best].id)))
        best = i;
    }
    if (best) out.slots.push_back(*best);
    else out.reason = NothingReason::nothing_recent;
    return out;
  }
  const Instant midnight = r.kind == RequestKind::today ? local_midnight(now, *r.utc_offset_minutes) : 0;
  for (std::uint32_t i = 0; i < recs.size(); ++i) {
    if (h.profile_of(i) != profile) continue;
    const Recording& rec = recs[i];
    bool hit = false;
    switch (r.kind) {
      case RequestKind::range: hit = rec.captured_at >= *r.from && rec.captured_at < *r.to; break;
      case RequestKind::device: hit = rec.device_id == *r.device_id; break;
      case RequestKind::all: hit = true; break;
      case RequestKind::today:
        hit = rec.device_id == *r.device_id && rec.captured_at >= midnight && rec.captured_at <= now;
        break;
      default: break;
    }
    if (hit) out.slots.push_back(i);
  }
  if (out.slots.empty()) out.reason = NothingReason::no_match;
  return out;
}

DeletionReceipt receipt_for(const Ctx& ctx, std::string request_id, DeletionKind kind,
                            std::optional<std::string> profile_id, nlohmann::json scope) {
  DeletionReceipt r;
  r.request_id = std::move(request_id);
  r.kind = kind;
  r.actor = ctx.actor.id;
  r.on_behalf_of = ctx.actor.on_behalf_of;
  r.profile_id = std::move(profile_id);
  r.requested_at = ctx.now;
  r.scope = std::move(scope);
  return r;
}

std::optional<Result<DeletionReceipt>> repeated(const Ctx& ctx, const std::string& request_id,
                                                const nlohmann::json& scope) {
  const DeletionReceipt* first = ctx.h.receipt(request_id);
  if (!first) return std::nullopt;
  if (first->scope != scope || first->actor != ctx.actor.id)
    return Result<DeletionReceipt>(
        Error{code::conflict, "requestId", "request id '" + request_id + "' was used for a different request"});
  return Result<DeletionReceipt>(already_done(*first, ctx.now));
}

DeletionReceipt already_done(const DeletionReceipt& first, Instant now) {
  DeletionReceipt again = first;
  again.requested_at = now;
  again.status = ReceiptStatus::already_done;
  again.reason = NothingReason::already_done;
  again.recording_ids.clear();
  again.counts = {};
  return again;
}

DeletionReceipt delete_slots(Ctx& ctx, DeletionReceipt receipt, const std::vector<std::uint32_t>& slots,
                             AuditAction action) {
  Household::Impl& h = ctx.h;
  receipt.status = slots.empty() ? ReceiptStatus::nothing_to_delete : ReceiptStatus::deleted;
  receipt.recording_ids.reserve(slots.size());
  for (auto slot : slots) {
    receipt.counts.add(h.s.recordings[slot]);
    receipt.recording_ids.push_back(h.s.recordings[slot].id);
  }
  h.tombstone(slots, receipt.request_id, receipt.requested_at);
  ctx.deleted(receipt.recording_ids);
  nlohmann::json details = {{"requestId", receipt.request_id},
                            {"kind", std::string(word(receipt.kind))},
                            {"profileId", receipt.profile_id ? nlohmann::json(*receipt.profile_id) : nlohmann::json()},
                            {"status", std::string(word(receipt.status))},
                            {"counts", json::to_tree(receipt.counts)}};
  h.add_receipt(receipt);
  ctx.log(action, std::move(details));
  return receipt;
}

DeletionReceipt delete_profile_data(Ctx& ctx, const std::string& profile_id, const std::string& request_id,
                                    DeletionKind kind) {
  auto slots = slots_of_profile(ctx.h, *ctx.h.profile_slot(profile_id));
  DeletionReceipt receipt =
      receipt_for(ctx, request_id, kind, profile_id, {{"kind", std::string(word(kind))}, {"profileId", profile_id}});
  if (slots.empty()) receipt.reason = NothingReason::no_match;
  return delete_slots(ctx, std::move(receipt), slots);
}

}  // namespace privacy
