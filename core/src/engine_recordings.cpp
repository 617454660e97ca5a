// Recordings, retention and deletion: intake, settings, sweeps (R-RET-1..6),
// deletion requests and receipts (R-DEL-1..6), voice requests, may_use, and
// the audit log's queries.
#include <algorithm>

#include "engine_internal.hpp"

namespace privacy {

using detail::index_path;
using detail::Reader;

std::optional<DeletionRequest> Engine::Commands::read_deletion(const Engine& e, Reader& in,
                                                               std::optional<Acting>& actor_out,
                                                               std::string_view command) {
  std::size_t before = in.errors().size();
  if (!in.object({"command", "actor", "now", "requestId", "profileId", "kind", "ids",
                  "from", "to", "deviceId", "utcOffsetMinutes"}))
    return std::nullopt;
  DeletionRequest r;
  r.now = now(in).value_or(0);
  r.request_id = in.id("requestId").value_or("");
  actor_out = actor(e, in);
  auto kind = in.choice("kind", deletion_kind_from, "ids, range, device, all, just_said, today");
  const Profile* p = managed_profile(e, in, actor_out, command);
  if (p) r.profile_id = p->id;
  if (actor_out) r.actor = actor_out->id;
  if (!kind) return std::nullopt;
  r.kind = *kind;
  auto unused = [&](std::string_view key) {
    if (in.find(key))
      in.fail(code::invalid_input, in.path(key),
              "is not used by a deletion of kind '" + std::string(to_string(r.kind)) + "'");
  };
  const bool needs_device = r.kind == DeletionKind::device || r.kind == DeletionKind::just_said ||
                            r.kind == DeletionKind::today;
  if (r.kind != DeletionKind::ids) unused("ids");
  if (r.kind != DeletionKind::range) { unused("from"); unused("to"); }
  if (!needs_device) unused("deviceId");
  if (r.kind != DeletionKind::today) unused("utcOffsetMinutes");
  if (r.kind == DeletionKind::ids) {
    const json* ids = in.find("ids");
    if (!ids || !ids->is_array() || ids->empty() || ids->size() > kMaxIdsPerRequest) {
      in.fail(code::invalid_input, in.path("ids"), "must be an array of 1 to 100000 recording ids");
    } else {
      std::unordered_set<std::string> seen;
      for (std::size_t i = 0; i < ids->size(); ++i) {
        const json& id = (*ids)[i];
        if (!id.is_string() || !valid_id(id.get_ref<const std::string&>())) {
          in.fail(code::invalid_input, index_path(in.path("ids"), i),
                  "must be an id: a non-empty string of at most 128 bytes");
        } else if (seen.insert(id.get<std::string>()).second) {
          r.ids.push_back(id.get<std::string>());  // duplicates count once
        }
      }
    }
  }
  if (r.kind == DeletionKind::range) {
    r.from = in.instant("from");
    r.to = in.instant("to");
    if (r.from && r.to && *r.from >= *r.to)
      in.fail(code::invalid_input, in.path("to"),
              "a range is [from, to): `to` must be after `from`");
  }
  if (needs_device) {
    r.device_id = in.id("deviceId");
    if (r.device_id && !device(e, *r.device_id))
      in.fail(code::not_found, in.path("deviceId"), "no device '" + *r.device_id + "'");
  }
  if (r.kind == DeletionKind::today)
    if (auto off = in.integer("utcOffsetMinutes", kMinUtcOffsetMinutes, kMaxUtcOffsetMinutes))
      r.utc_offset_minutes = static_cast<int>(*off);
  if (in.errors().size() != before) return std::nullopt;
  return r;
}

// What a request covers; never anything outside its profile (R-DEL-6).
Engine::Commands::Selection Engine::Commands::select(const Engine& e, const DeletionRequest& r, Errors& errors) {
  Selection out;
  const auto& recs = e.state_.recordings;
  auto in_profile = [&](const Recording& rec) { return rec.profile_id == r.profile_id; };
  switch (r.kind) {
    case DeletionKind::ids: {
      bool any_live = false;
      for (std::size_t i = 0; i < r.ids.size(); ++i) {
        const auto& id = r.ids[i];
        std::string at = index_path("ids", i);
        if (auto it = e.recording_index_.find(id); it != e.recording_index_.end()) {
          if (!in_profile(recs[it->second]))
            errors.push_back({code::forbidden, at, "recording '" + id + "' belongs to another profile"});
          else { out.indexes.push_back(it->second); any_live = true; }
        } else if (auto t = e.tombstone_index_.find(id); t != e.tombstone_index_.end()) {
          if (e.state_.tombstones[t->second].profile_id != r.profile_id)
            errors.push_back({code::forbidden, at, "recording '" + id + "' belongs to another profile"});
        } else {
          errors.push_back({code::not_found, at, "no recording '" + id + "' in this household"});
        }
      }
      if (!any_live) out.reason = "already_deleted";
      std::sort(out.indexes.begin(), out.indexes.end());
      return out;
    }
    case DeletionKind::just_said: {
      Instant window = e.state_.retention_policy.just_said_window_minutes * kMillisPerMinute;
      std::optional<std::size_t> best;
      for (std::size_t i = 0; i < recs.size(); ++i) {
        const auto& rec = recs[i];
        if (in_profile(rec) && rec.device_id == *r.device_id && rec.captured_at > r.now - window &&
            rec.captured_at <= r.now &&
            (!best || rec.captured_at >= recs[*best].captured_at))
          best = i;
      }
      if (best) out.indexes.push_back(*best);
      else out.reason = "nothing_recent";
      return out;
    }
    default: break;
  }
  Instant midnight = r.kind == DeletionKind::today ? local_midnight(r.now, *r.utc_offset_minutes) : 0;
  for (std::size_t i = 0; i < recs.size(); ++i) {
    const auto& rec = recs[i];
    if (!in_profile(rec)) continue;
    bool hit = false;
    switch (r.kind) {
      case DeletionKind::range: hit = rec.captured_at >= *r.from && rec.captured_at < *r.to; break;
      case DeletionKind::device: hit = rec.device_id == *r.device_id; break;
      case DeletionKind::all: hit = true; break;
      case DeletionKind::today:
        hit = rec.device_id == *r.device_id && rec.captured_at >= midnight && rec.captured_at <= r.now;
        break;
      default: break;
    }
    if (hit) out.indexes.push_back(i);
  }
  if (out.indexes.empty()) out.reason = "no_match";
  return out;
}

ArtifactCounts Engine::Commands::count(const Engine& e, const std::vector<std::size_t>& indexes) {
  ArtifactCounts c;
  for (auto i : indexes) c.add(e.state_.recordings[i]);
  return c;
}

// Deletes the selected recordings, every artifact of each (R-DEL-3), leaves
// tombstones (R-DEL-4), stores the receipt and writes the audit log (R-DEL-5).
DeletionReceipt Engine::Commands::apply(Engine& e, DeletionReceipt receipt,
                             const std::vector<std::size_t>& indexes) {
  auto& s = e.state_;
  receipt.counts = count(e, indexes);
  receipt.status = indexes.empty() ? "nothing_to_delete" : "deleted";
  std::vector<bool> gone(s.recordings.size(), false);
  for (auto i : indexes) {
    const auto& rec = s.recordings[i];
    gone[i] = true;
    receipt.recording_ids.push_back(rec.id);
    s.tombstones.push_back({rec.id, rec.profile_id, receipt.requested_at, receipt.request_id});
  }
  if (!indexes.empty()) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < s.recordings.size(); ++i)
      if (!gone[i]) {
        if (kept != i) s.recordings[kept] = std::move(s.recordings[i]);
        ++kept;
      }
    s.recordings.resize(kept);
  }
  s.receipts.push_back(receipt);
  audit(e, receipt.requested_at, receipt.actor,
        receipt.kind == DeletionKind::sweep ? "sweep" : "recordings_deleted",
        {{"requestId", receipt.request_id},
         {"kind", to_string(receipt.kind)},
         {"profileId", receipt.profile_id ? json(*receipt.profile_id) : json()},
         {"status", receipt.status},
         {"counts", to_json(receipt.counts)}});
  e.reindex();
  return receipt;
}

DeletionReceipt Engine::Commands::receipt_for(const DeletionRequest& r) {
  DeletionReceipt receipt;
  receipt.request_id = r.request_id;
  receipt.kind = r.kind;
  receipt.actor = r.actor;
  receipt.profile_id = r.profile_id;
  receipt.requested_at = r.now;
  receipt.scope = request_scope(r);
  return receipt;
}

// The same request id again: deletes nothing and says so; a different
// request under a used id is a conflict.
std::optional<Answer> Engine::Commands::repeated(const Engine& e, const DeletionRequest& r) {
  auto it = e.receipt_index_.find(r.request_id);
  if (it == e.receipt_index_.end()) return std::nullopt;
  const auto& first = e.state_.receipts[it->second];
  if (first.scope != request_scope(r) || first.actor != r.actor)
    return Answer(Error{code::conflict, "requestId",
                        "request id '" + r.request_id + "' was used for a different request"});
  DeletionReceipt again = receipt_for(r);
  again.requested_at = r.now;
  again.status = "already_done";
  again.reason = "already_done";
  return Answer(to_json(again));
}

DeletionReceipt Engine::Commands::delete_all_of(Engine& e, const Profile& p, const std::string& request_id,
                                               const std::string& actor, Instant at) {
  DeletionRequest r;
  r.request_id = request_id;
  r.actor = actor;
  r.profile_id = p.id;
  r.kind = DeletionKind::all;
  r.now = at;
  DeletionReceipt receipt = receipt_for(r);
  auto indexes = profile_recordings(e, p.id);
  if (indexes.empty()) receipt.reason = "no_match";
  return apply(e, std::move(receipt), indexes);
}

Answer Engine::Commands::run_deletion(Engine& e, const DeletionRequest& r) {
  if (auto again = repeated(e, r)) return *again;
  Errors errors;
  Selection sel = select(e, r, errors);
  if (!errors.empty()) return errors;
  DeletionReceipt receipt = receipt_for(r);
  receipt.reason = sel.reason;
  return to_json(apply(e, std::move(receipt), sel.indexes));
}

// Intake checks shared by one and many: known profile and device, a new
// id, not captured in the future.
void Engine::Commands::check_intake(const Engine& e, const Recording& r, Instant at, const std::string& path,
                         std::unordered_set<std::string>& batch_ids, Errors& errors) {
  const Profile* p = profile(e, r.profile_id);
  if (!p)
    errors.push_back({code::not_found, path + ".profileId", "no profile '" + r.profile_id + "'"});
  else if (p->kind == ProfileKind::child && (p->consent.state != ConsentState::verified || !p->enabled))
    errors.push_back({code::consent_required, path + ".profileId",
                      "no recording into a child profile without verified parental consent, "
                      "nor while it is not enabled (R-CON-1)"});
  if (!device(e, r.device_id))
    errors.push_back({code::not_found, path + ".deviceId", "no device '" + r.device_id + "'"});
  if (e.recording_index_.count(r.id) || e.tombstone_index_.count(r.id) || !batch_ids.insert(r.id).second)
    errors.push_back({code::conflict, path + ".id", "recording id '" + r.id + "' is already used"});
  if (r.captured_at > at)
    errors.push_back({code::invalid_input, path + ".capturedAt",
                      "a recording captured after `now` is refused at intake"});
}

void Engine::Commands::store(Engine& e, std::vector<Recording> batch) {
  for (auto& r : batch) {
    // A recording is the profile's sign of life (R-PRO-2).
    Profile* p = profile(e, r.profile_id);
    e.recording_slot_.push_back(static_cast<std::uint32_t>(e.profile_index_.at(r.profile_id)));
    if (!p->last_active_at || r.captured_at > *p->last_active_at) p->last_active_at = r.captured_at;
    e.recording_index_.emplace(r.id, e.state_.recordings.size());
    e.state_.recordings.push_back(std::move(r));
  }
}

Answer Engine::Commands::add_recording(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "actor", "now", "recording"})) return errors;
  auto at = now(in);
  std::optional<Recording> r;
  if (const json* v = in.find("recording")) r = detail::read_recording(*v, "recording", errors);
  else in.missing("recording");
  std::unordered_set<std::string> batch;
  if (r && at) check_intake(e, *r, *at, "recording", batch, errors);
  if (r && in.find("actor")) {
    auto a = actor(e, in);
    if (const Profile* p = profile(e, r->profile_id); a && p) allowed(errors, "addRecording", target_of(*p), *a);
  }
  if (!errors.empty()) return errors;
  json out = recording_json(*r, effective(e, *profile(e, r->profile_id)));
  store(e, {std::move(*r)});
  return out;
}

Answer Engine::Commands::add_recordings(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "actor", "now", "recordings"})) return errors;
  auto at = now(in);
  std::optional<Acting> a;
  if (in.find("actor")) a = actor(e, in);
  const json* list = in.find("recordings");
  if (!list || !list->is_array() || list->size() > 100'000) {
    in.fail(code::invalid_input, "recordings", "must be an array of at most 100000 recordings");
    return errors;
  }
  std::vector<Recording> batch;
  batch.reserve(list->size());
  std::unordered_set<std::string> ids;
  for (std::size_t i = 0; i < list->size() && errors.size() < 100; ++i) {
    std::string path = index_path("recordings", i);
    if (auto r = detail::read_recording((*list)[i], path, errors)) {
      if (at) check_intake(e, *r, *at, path, ids, errors);
      const Profile* p = profile(e, r->profile_id);
      if (a && p && !allowed(errors, "addRecording", target_of(*p), *a)) break;
      batch.push_back(std::move(*r));
    }
  }
  if (!errors.empty()) return errors;  // all or nothing
  std::size_t added = batch.size();
  store(e, std::move(batch));
  return json{{"added", added}};
}

Answer Engine::Commands::set_retention(Engine& e, const json& c) {
  OnProfile cmd(e, c, "setRetention", {"setting"});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  auto setting = in.choice("setting", retention_setting_from,
                           "dont_save, 3_months, 18_months, until_deleted");
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  std::string previous(to_string(target->retention));
  target->retention = *setting;
  // R-RET-5: due times follow the setting, so a shorter one applies at the
  // next sweep; nothing deleted comes back when it is lengthened.
  audit(e, *at, *a, "retention_set",
        {{"profileId", p->id}, {"from", previous}, {"to", to_string(*setting)}});
  return to_json(effective(e, *target), target->id);
}

Answer Engine::Commands::set_voice_deletion(Engine& e, const json& c) {
  OnProfile cmd(e, c, "setVoiceDeletion", {"enabled"});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  auto enabled = in.boolean("enabled");
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  target->voice_deletion = *enabled;
  audit(e, *at, *a, "voice_deletion_set", {{"profileId", p->id}, {"enabled", *enabled}});
  return to_json(*target);
}

Answer Engine::Commands::effective_retention_of(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "profileId"})) return errors;
  const Profile* p = managed_profile(e, in, std::nullopt, {});
  if (!errors.empty()) return errors;
  return to_json(effective(e, *p), p->id);
}

Answer Engine::Commands::preview_retention(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "profileId", "setting", "now"}))
    return errors;
  auto at = now(in);
  const Profile* p = managed_profile(e, in, std::nullopt, {});
  auto setting = in.choice("setting", retention_setting_from,
                           "dont_save, 3_months, 18_months, until_deleted");
  if (!errors.empty()) return errors;
  EffectiveRetention eff = effective_retention(p->kind, *setting, e.state_.retention_policy);
  ArtifactCounts due;
  for (const auto& r : e.state_.recordings) {
    if (r.profile_id != p->id) continue;
    auto d = due_at(r.captured_at, eff);
    if (d && *d <= *at) due.add(r);
  }
  return json{{"setting", to_string(*setting)},
              {"effective", to_json(eff, p->id)},
              {"dueNow", to_json(due)}};
}

Answer Engine::Commands::list_recordings(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) ||
      !in.object({"command", "profileId", "deviceId", "from", "to", "offset", "limit"}))
    return errors;
  auto profile_id = in.id("profileId", false);
  auto device_id = in.id("deviceId", false);
  auto from = in.instant("from", false);
  auto to = in.instant("to", false);
  auto offset = in.integer("offset", 0, 1'000'000'000, false).value_or(0);
  auto limit = in.integer("limit", 1, 10'000, false).value_or(100);
  if (profile_id && !profile(e, *profile_id))
    in.fail(code::not_found, "profileId", "no profile '" + *profile_id + "'");
  if (device_id && !device(e, *device_id))
    in.fail(code::not_found, "deviceId", "no device '" + *device_id + "'");
  if (from && to && *from >= *to)
    in.fail(code::invalid_input, "to", "a range is [from, to): `to` must be after `from`");
  if (!errors.empty()) return errors;
  std::vector<const Recording*> hits;
  for (const auto& r : e.state_.recordings)
    if ((!profile_id || r.profile_id == *profile_id) && (!device_id || r.device_id == *device_id) &&
        (!from || r.captured_at >= *from) && (!to || r.captured_at < *to))
      hits.push_back(&r);
  // Newest first; ties in id order so every build lists the same way.
  std::sort(hits.begin(), hits.end(), [](const Recording* a, const Recording* b) {
    return a->captured_at != b->captured_at ? a->captured_at > b->captured_at : a->id < b->id;
  });
  auto eff = effective_by_profile(e);
  json page = json::array();
  for (std::size_t i = static_cast<std::size_t>(offset);
       i < hits.size() && page.size() < static_cast<std::size_t>(limit); ++i)
    page.push_back(recording_json(*hits[i], eff.at(hits[i]->profile_id)));
  return json{{"total", hits.size()}, {"recordings", page}};
}

// R-RET-6: exactly the recordings due at or before `now`, and the next due
// time of what remains. One pass; each profile's retention resolved once.
Engine::Commands::SweepPlan Engine::Commands::plan_sweep(const Engine& e, Instant at) {
  const auto& s = e.state_;
  std::vector<EffectiveRetention> eff;
  eff.reserve(s.profiles.size());
  for (const auto& p : s.profiles) eff.push_back(effective(e, p));
  SweepPlan plan;
  for (std::size_t i = 0; i < s.recordings.size(); ++i) {
    const auto& r = s.recordings[i];
    auto d = due_at(r.captured_at, eff[e.recording_slot_[i]]);
    if (!d) continue;
    if (*d <= at) plan.due.push_back(i);
    else if (!plan.next_due_at || *d < *plan.next_due_at) plan.next_due_at = d;
  }
  return plan;
}

Answer Engine::Commands::preview_sweep(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "now", "limit"})) return errors;
  auto at = now(in);
  auto limit = in.integer("limit", 0, INT64_MAX, false);
  if (!errors.empty()) return errors;
  SweepPlan plan = plan_sweep(e, *at);
  auto eff = effective_by_profile(e);
  json due = json::array();
  for (std::size_t i = 0; i < plan.due.size() && (!limit || i < static_cast<std::size_t>(*limit)); ++i) {
    const auto& r = e.state_.recordings[plan.due[i]];
    due.push_back(recording_json(r, eff.at(r.profile_id)));
  }
  return json{{"now", *at},
              {"dueCount", plan.due.size()},
              {"due", std::move(due)},
              {"counts", to_json(count(e, plan.due))},
              {"nextDueAt", optional_instant(plan.next_due_at)}};
}

Answer Engine::Commands::sweep(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "now", "actor"})) return errors;
  auto at = now(in);
  if (in.find("actor"))
    if (auto a = actor(e, in)) allowed(errors, "sweep", Target::household, *a);
  if (!errors.empty()) return errors;
  SweepPlan plan = plan_sweep(e, *at);
  DeletionReceipt receipt;
  receipt.request_id = "sweep-" + std::to_string(*at);
  receipt.kind = DeletionKind::sweep;
  receipt.actor = detail::kSystem;
  receipt.requested_at = *at;
  receipt.scope = {{"kind", "sweep"}, {"now", *at}};
  if (plan.due.empty()) {
    // Nothing to delete: answered, not stored, so idle sweeps do not fill the log.
    receipt.status = "nothing_to_delete";
    receipt.reason = "no_match";
    return json{{"receipt", to_json(receipt)}, {"nextDueAt", optional_instant(plan.next_due_at)}};
  }
  // What is due is always deleted (R-RET-6): an id already taken (an earlier
  // sweep at this instant, or a request that chose it) gets a suffix.
  for (int n = 2; e.receipt_index_.count(receipt.request_id); ++n)
    receipt.request_id = "sweep-" + std::to_string(*at) + "-" + std::to_string(n);
  json out = {{"receipt", to_json(apply(e, std::move(receipt), plan.due))},
              {"nextDueAt", optional_instant(plan.next_due_at)}};
  return out;
}

Answer Engine::Commands::preview_deletion(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors)) return errors;
  std::optional<Acting> a;
  auto r = read_deletion(e, in, a, "previewDeletion");
  if (!r) return errors;
  Selection sel = select(e, *r, errors);
  if (!errors.empty()) return errors;
  json ids = json::array();
  for (auto i : sel.indexes) ids.push_back(e.state_.recordings[i].id);
  return json{{"recordingIds", ids},
              {"counts", to_json(count(e, sel.indexes))},
              {"reason", sel.reason ? json(*sel.reason) : json()}};
}

Answer Engine::Commands::delete_recordings(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors)) return errors;
  std::optional<Acting> a;
  auto r = read_deletion(e, in, a, "deleteRecordings");
  if (!r) return errors;
  return run_deletion(e, *r);
}

Answer Engine::Commands::parse_voice(Engine&, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!in.object({"command", "utterance"})) return errors;
  auto utterance = in.text("utterance", kMaxUtteranceBytes);
  if (!errors.empty()) return errors;
  auto parsed = parse_voice_request(*utterance);
  if (!parsed) return parsed.errors();
  return json{{"kind", to_string(*parsed)}};
}

// R-DEL-2: the speaker's own request, only where deletion by voice is on.
Answer Engine::Commands::voice_request(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) ||
      !in.object({"command", "now", "requestId", "profileId", "deviceId", "utterance",
                  "utcOffsetMinutes"}))
    return errors;
  DeletionRequest r;
  r.now = now(in).value_or(0);
  r.request_id = in.id("requestId").value_or("");
  r.device_id = in.id("deviceId");
  auto utterance = in.text("utterance", kMaxUtteranceBytes);
  auto offset = in.integer("utcOffsetMinutes", kMinUtcOffsetMinutes, kMaxUtcOffsetMinutes);
  const Profile* p = managed_profile(e, in, std::nullopt, {});
  if (r.device_id && !device(e, *r.device_id))
    in.fail(code::not_found, "deviceId", "no device '" + *r.device_id + "'");
  if (p) {
    // The speaker acts for themself (R-DEL-2); the table says so too.
    Acting speaker{p->kind == ProfileKind::child ? ActorKind::child : ActorKind::adult, p->id, {}};
    allowed(errors, "voiceRequest", target_of(*p), speaker, p->id);
    if (!p->voice_deletion)
      errors.push_back({code::forbidden, "profileId",
                        "deletion by voice is off for this profile; a parent can turn it on"});
  }
  if (!errors.empty()) return errors;
  auto parsed = parse_voice_request(*utterance);
  if (!parsed) return parsed.errors();
  r.profile_id = p->id;
  r.actor = p->id;
  r.kind = *parsed == VoiceCommand::just_said ? DeletionKind::just_said : DeletionKind::today;
  if (r.kind == DeletionKind::today) r.utc_offset_minutes = static_cast<int>(*offset);
  return run_deletion(e, r);
}

Answer Engine::Commands::may_use(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "recordingId", "purpose", "now"}))
    return errors;
  auto id = in.id("recordingId");
  auto purpose = in.choice("purpose", purpose_from,
                           "service, playback, review, training, analytics, disclosure, sale");
  auto at = in.instant("now", false);
  if (!errors.empty()) return errors;
  auto verdict = [](bool allowed, const char* reason) {
    return json{{"allowed", allowed}, {"reason", reason}};
  };
  if (e.tombstone_index_.count(*id)) return verdict(false, "deleted");  // R-DEL-4, forever
  auto it = e.recording_index_.find(*id);
  if (it == e.recording_index_.end())
    return Error{code::not_found, "recordingId", "no recording '" + *id + "' in this household"};
  const Recording& r = e.state_.recordings[it->second];
  const Profile& p = *profile(e, r.profile_id);
  if (*purpose == Purpose::sale) return verdict(false, "never_sold");  // R-ADS-2
  if (at) {
    auto due = due_at(r.captured_at, effective(e, p));
    if (due && *due <= *at) return verdict(false, "past_due");
  }
  if (p.kind == ProfileKind::child) {
    // R-CON-1: nothing of a child's is used without verified consent;
    // R-CON-3: disclosure to third parties needs its own consent, by a
    // method that backs it.
    if (p.consent.state != ConsentState::verified) return verdict(false, "consent_required");
    if (*purpose == Purpose::disclosure &&
        (!p.consent.disclosure || !p.consent.evidence || !backs_disclosure(p.consent.evidence->method)))
      return verdict(false, "disclosure_consent_required");
  }
  return verdict(true, "allowed");
}

Answer Engine::Commands::tombstones(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command"})) return errors;
  json out = json::array();
  for (const auto& t : e.state_.tombstones) out.push_back(to_json(t));
  return out;
}

Answer Engine::Commands::audit_log(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "offset", "limit"})) return errors;
  auto offset = in.integer("offset", 0, INT64_MAX, false).value_or(0);
  auto limit = in.integer("limit", 1, 10'000, false).value_or(1000);
  if (!errors.empty()) return errors;
  const auto& entries = e.state_.audit.entries();
  json page = json::array();
  for (auto i = static_cast<std::size_t>(offset);
       i < entries.size() && page.size() < static_cast<std::size_t>(limit); ++i)
    page.push_back(to_json(entries[i]));
  return json{{"total", entries.size()}, {"entries", page}};
}

Answer Engine::Commands::verify_audit_log(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "expectedHead"})) return errors;
  std::optional<AuditHead> head;
  if (const json* h = in.find("expectedHead")) {
    Reader hr(*h, "expectedHead", errors);
    if (hr.object({"seq", "hash"})) {
      auto seq = hr.integer("seq", 0, std::int64_t{1} << 53);
      auto hash = hr.text("hash", 128);
      if (seq && hash) head = AuditHead{*seq, *hash};
    }
  }
  if (!errors.empty()) return errors;
  auto v = e.state_.audit.verify(head);
  json invalid;
  if (v.first_invalid)
    invalid = {{"index", v.first_invalid->index},
               {"seq", v.first_invalid->seq ? json(*v.first_invalid->seq) : json()},
               {"reason", v.first_invalid->reason}};
  return json{{"intact", v.intact}, {"entries", v.entries}, {"headHash", v.head_hash},
              {"firstInvalid", invalid}};
}

}  // namespace privacy
