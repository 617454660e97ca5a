#include "privacy/engine.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <map>
#include <unordered_set>

#include "json_reader.hpp"
#include "privacy/retention.hpp"
#include "readers.hpp"

namespace privacy {

using nlohmann::json;
using detail::index_path;
using detail::Reader;

json success(json result) { return {{"type", "success"}, {"result", std::move(result)}}; }

json failure(const Errors& errors) {
  json list = json::array();
  for (const auto& e : errors)
    list.push_back({{"code", e.code}, {"path", e.path}, {"message", e.message}});
  return {{"type", "failure"}, {"errors", list}};
}

namespace {

using Answer = Result<json>;

json optional_instant(const std::optional<Instant>& t) { return t ? json(*t) : json(); }

json to_json(const EffectiveRetention& e, const std::string& profile_id) {
  return {{"profileId", profile_id},
          {"setting", to_string(e.setting)},
          {"months", e.months ? json(*e.months) : json()},
          {"cappedByPolicy", e.capped_by_policy},
          {"policyMaxMonths", e.policy_max_months ? json(*e.policy_max_months) : json()}};
}

// Who is acting, resolved against the household (R-CON-6 in its first form:
// verified guardians manage children, an adult manages themself; issue-level
// detail lives in one place, may_manage()).
struct Actor {
  enum class Kind { operator_, system, verified_guardian, unverified_guardian, child, adult };
  Kind kind;
  std::string id;
};

}  // namespace

class Engine::Commands {
 public:
  using Handler = Answer (*)(Engine&, const json&);
  static const std::map<std::string, Handler, std::less<>>& table();

  // ---- shared pieces ----

  static const Profile* profile(const Engine& e, const std::string& id) {
    for (const auto& p : e.state_.profiles)
      if (p.id == id) return &p;
    return nullptr;
  }
  static Profile* profile(Engine& e, const std::string& id) {
    for (auto& p : e.state_.profiles)
      if (p.id == id) return &p;
    return nullptr;
  }
  static const Device* device(const Engine& e, const std::string& id) {
    for (const auto& d : e.state_.devices)
      if (d.id == id) return &d;
    return nullptr;
  }

  static std::optional<Actor> actor(const Engine& e, Reader& in) {
    auto id = in.id("actor");
    if (!id) return std::nullopt;
    if (*id == detail::kOperator) return Actor{Actor::Kind::operator_, *id};
    if (*id == detail::kSystem) return Actor{Actor::Kind::system, *id};
    for (const auto& g : e.state_.guardians)
      if (g.id == *id)
        return Actor{g.verified ? Actor::Kind::verified_guardian : Actor::Kind::unverified_guardian,
                     *id};
    if (const Profile* p = profile(e, *id))
      return Actor{p->kind == ProfileKind::child ? Actor::Kind::child : Actor::Kind::adult, *id};
    in.fail(code::not_found, "actor", "no guardian or profile '" + *id + "' in this household");
    return std::nullopt;
  }

  static bool may_manage(const Actor& a, const Profile& p) {
    if (p.kind == ProfileKind::child) return a.kind == Actor::Kind::verified_guardian;
    return a.kind == Actor::Kind::adult && a.id == p.id;
  }

  static void deny(Errors& errors, const std::string& why) {
    errors.push_back({code::forbidden, "actor", why});
  }

  // A profile the actor may manage, or an error.
  static const Profile* managed_profile(const Engine& e, Reader& in, const std::optional<Actor>& a) {
    auto id = in.id("profileId");
    if (!id) return nullptr;
    const Profile* p = profile(e, *id);
    if (!p) {
      in.fail(code::not_found, in.path("profileId"), "no profile '" + *id + "' in this household");
      return nullptr;
    }
    if (a && !may_manage(*a, *p))
      deny(in.errors(), p->kind == ProfileKind::child
                            ? "only a verified guardian of this household may do this for a child "
                              "(R-CON-6)"
                            : "only the adult themself may do this for their own profile");
    return p;
  }

  static bool require_household(const Engine& e, Errors& errors) {
    if (!e.state_.created)
      errors.push_back({code::not_found, "", "no household yet: createHousehold or importState first"});
    return e.state_.created;
  }

  static EffectiveRetention effective(const Engine& e, const Profile& p) {
    return effective_retention(p.kind, p.retention, e.state_.retention_policy);
  }

  static json recording_json(const Recording& r, const EffectiveRetention& eff) {
    json out = to_json(r);
    out["dueAt"] = optional_instant(due_at(r.captured_at, eff));
    return out;
  }

  static void audit(Engine& e, Instant at, const std::string& actor, const char* action,
                    json details) {
    e.state_.audit.append(at, actor, action, std::move(details));
  }

  static std::optional<Instant> now(Reader& in) { return in.instant("now"); }

  // Per-profile effective retention, looked up by profile id.
  static std::unordered_map<std::string, EffectiveRetention> effective_by_profile(const Engine& e) {
    std::unordered_map<std::string, EffectiveRetention> out;
    for (const auto& p : e.state_.profiles) out.emplace(p.id, effective(e, p));
    return out;
  }

  // ---- deletion ----

  struct Selection {
    std::vector<std::size_t> indexes;  // into recordings, ascending
    std::optional<std::string> reason;
  };

  static std::optional<DeletionRequest> read_deletion(const Engine& e, Reader& in,
                                                      std::optional<Actor>& actor_out) {
    std::size_t before = in.errors().size();
    if (!in.object({"command", "actor", "now", "requestId", "profileId", "kind", "ids", "from", "to",
                    "deviceId", "utcOffsetMinutes"}))
      return std::nullopt;
    DeletionRequest r;
    r.now = now(in).value_or(0);
    r.request_id = in.id("requestId").value_or("");
    actor_out = actor(e, in);
    auto kind = in.choice("kind", deletion_kind_from, "ids, range, device, all, just_said, today");
    const Profile* p = managed_profile(e, in, actor_out);
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
  static Selection select(const Engine& e, const DeletionRequest& r, Errors& errors) {
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

  static ArtifactCounts count(const Engine& e, const std::vector<std::size_t>& indexes) {
    ArtifactCounts c;
    for (auto i : indexes) c.add(e.state_.recordings[i]);
    return c;
  }

  // Deletes the selected recordings, every artifact of each (R-DEL-3), leaves
  // tombstones (R-DEL-4), stores the receipt and writes the audit log (R-DEL-5).
  static DeletionReceipt apply(Engine& e, DeletionReceipt receipt,
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

  static DeletionReceipt receipt_for(const DeletionRequest& r) {
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
  static std::optional<Answer> repeated(const Engine& e, const DeletionRequest& r) {
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

  static Answer run_deletion(Engine& e, const DeletionRequest& r) {
    if (auto again = repeated(e, r)) return *again;
    Errors errors;
    Selection sel = select(e, r, errors);
    if (!errors.empty()) return errors;
    DeletionReceipt receipt = receipt_for(r);
    receipt.reason = sel.reason;
    return to_json(apply(e, std::move(receipt), sel.indexes));
  }

  // ---- the commands ----

  static Answer create_household(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!in.object({"command", "actor", "now", "id", "name", "retentionPolicy"})) return errors;
    auto at = now(in);
    auto a = actor(e, in);
    if (a && a->kind != Actor::Kind::operator_) deny(errors, "only the operator creates a household");
    auto id = in.id("id");
    auto name = in.text("name", kMaxNameBytes);
    std::optional<RetentionPolicy> policy;
    if (const json* p = in.find("retentionPolicy")) policy = detail::read_policy(*p, "retentionPolicy", errors);
    else in.missing("retentionPolicy");
    if (e.state_.created) errors.push_back({code::conflict, "", "this engine already holds a household"});
    if (!errors.empty()) return errors;
    e.state_ = HouseholdState{};
    e.state_.created = true;
    e.state_.id = *id;
    e.state_.name = *name;
    e.state_.retention_policy = *policy;
    audit(e, *at, a->id, "household_created", {{"householdId", *id}, {"retentionPolicy", to_json(*policy)}});
    e.reindex();
    return overview(e, c);
  }

  static Answer set_retention_policy(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "actor", "now", "retentionPolicy"}))
      return errors;
    auto at = now(in);
    auto a = actor(e, in);
    if (a && a->kind != Actor::Kind::operator_) deny(errors, "only the operator writes the retention policy");
    std::optional<RetentionPolicy> policy;
    if (const json* p = in.find("retentionPolicy")) policy = detail::read_policy(*p, "retentionPolicy", errors);
    else in.missing("retentionPolicy");
    if (!errors.empty()) return errors;
    e.state_.retention_policy = *policy;
    audit(e, *at, a->id, "retention_policy_set", {{"retentionPolicy", to_json(*policy)}});
    return to_json(*policy);
  }

  // A guardian or device joins: the operator, or a verified guardian.
  template <class T, class Read, class Exists>
  static Answer add_member(Engine& e, const json& c, const char* key, Read read, Exists exists,
                           std::vector<T>& into, const char* action) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "actor", "now", key})) return errors;
    auto at = now(in);
    auto a = actor(e, in);
    if (a && a->kind != Actor::Kind::operator_ && a->kind != Actor::Kind::verified_guardian)
      deny(errors, "only the operator or a verified guardian may do this");
    std::optional<T> item;
    if (const json* v = in.find(key)) item = read(*v, key, errors);
    else in.missing(key);
    if (item && exists(item->id))
      errors.push_back({code::conflict, std::string(key) + ".id", "id '" + item->id + "' is already used"});
    if (!errors.empty()) return errors;
    into.push_back(*item);
    audit(e, *at, a->id, action, to_json(*item));
    return to_json(*item);
  }

  static bool actor_id_used(const Engine& e, const std::string& id) {
    if (id == detail::kOperator || id == detail::kSystem || profile(e, id)) return true;
    return std::any_of(e.state_.guardians.begin(), e.state_.guardians.end(),
                       [&](const Guardian& g) { return g.id == id; });
  }

  static Answer add_guardian(Engine& e, const json& c) {
    return add_member(e, c, "guardian", detail::read_guardian,
                      [&](const std::string& id) { return actor_id_used(e, id); },
                      e.state_.guardians, "guardian_added");
  }

  static Answer add_device(Engine& e, const json& c) {
    return add_member(e, c, "device", detail::read_device,
                      [&](const std::string& id) { return device(e, id) != nullptr; },
                      e.state_.devices, "device_added");
  }

  static Answer add_profile(Engine& e, const json& c) {
    return add_member(
        e, c, "profile",
        [](const json& v, const std::string& p, Errors& errs) { return detail::read_profile(v, p, errs, true); },
        [&](const std::string& id) { return actor_id_used(e, id); }, e.state_.profiles,
        "profile_added");
  }

  // Intake checks shared by one and many: known profile and device, a new
  // id, not captured in the future.
  static void check_intake(const Engine& e, const Recording& r, Instant at, const std::string& path,
                           std::unordered_set<std::string>& batch_ids, Errors& errors) {
    if (!profile(e, r.profile_id))
      errors.push_back({code::not_found, path + ".profileId", "no profile '" + r.profile_id + "'"});
    if (!device(e, r.device_id))
      errors.push_back({code::not_found, path + ".deviceId", "no device '" + r.device_id + "'"});
    if (e.recording_index_.count(r.id) || e.tombstone_index_.count(r.id) || !batch_ids.insert(r.id).second)
      errors.push_back({code::conflict, path + ".id", "recording id '" + r.id + "' is already used"});
    if (r.captured_at > at)
      errors.push_back({code::invalid_input, path + ".capturedAt",
                        "a recording captured after `now` is refused at intake"});
  }

  static void store(Engine& e, std::vector<Recording> batch) {
    for (auto& r : batch) {
      e.recording_index_.emplace(r.id, e.state_.recordings.size());
      e.state_.recordings.push_back(std::move(r));
    }
  }

  static Answer add_recording(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "actor", "now", "recording"})) return errors;
    auto at = now(in);
    if (in.find("actor")) {
      auto a = actor(e, in);
      if (a && a->kind != Actor::Kind::system) deny(errors, "recordings come in through the system");
    }
    std::optional<Recording> r;
    if (const json* v = in.find("recording")) r = detail::read_recording(*v, "recording", errors);
    else in.missing("recording");
    std::unordered_set<std::string> batch;
    if (r && at) check_intake(e, *r, *at, "recording", batch, errors);
    if (!errors.empty()) return errors;
    json out = recording_json(*r, effective(e, *profile(e, r->profile_id)));
    store(e, {std::move(*r)});
    return out;
  }

  static Answer add_recordings(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "actor", "now", "recordings"})) return errors;
    auto at = now(in);
    if (in.find("actor")) {
      auto a = actor(e, in);
      if (a && a->kind != Actor::Kind::system) deny(errors, "recordings come in through the system");
    }
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
        batch.push_back(std::move(*r));
      }
    }
    if (!errors.empty()) return errors;  // all or nothing
    std::size_t added = batch.size();
    store(e, std::move(batch));
    return json{{"added", added}};
  }

  static Answer set_retention(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) ||
        !in.object({"command", "actor", "now", "profileId", "setting"}))
      return errors;
    auto at = now(in);
    auto a = actor(e, in);
    const Profile* p = managed_profile(e, in, a);
    auto setting = in.choice("setting", retention_setting_from,
                             "dont_save, 3_months, 18_months, until_deleted");
    if (!errors.empty()) return errors;
    Profile* target = profile(e, p->id);
    std::string previous(to_string(target->retention));
    target->retention = *setting;
    // R-RET-5: due times follow the setting, so a shorter one applies at the
    // next sweep; nothing deleted comes back when it is lengthened.
    audit(e, *at, a->id, "retention_set",
          {{"profileId", p->id}, {"from", previous}, {"to", to_string(*setting)}});
    return to_json(effective(e, *target), target->id);
  }

  static Answer set_voice_deletion(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) ||
        !in.object({"command", "actor", "now", "profileId", "enabled"}))
      return errors;
    auto at = now(in);
    auto a = actor(e, in);
    const Profile* p = managed_profile(e, in, a);
    auto enabled = in.boolean("enabled");
    if (!errors.empty()) return errors;
    Profile* target = profile(e, p->id);
    target->voice_deletion = *enabled;
    audit(e, *at, a->id, "voice_deletion_set", {{"profileId", p->id}, {"enabled", *enabled}});
    return to_json(*target);
  }

  static Answer effective_retention_of(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "profileId"})) return errors;
    const Profile* p = managed_profile(e, in, std::nullopt);
    if (!errors.empty()) return errors;
    return to_json(effective(e, *p), p->id);
  }

  static Answer preview_retention(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "profileId", "setting", "now"}))
      return errors;
    auto at = now(in);
    const Profile* p = managed_profile(e, in, std::nullopt);
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

  static Answer list_recordings(Engine& e, const json& c) {
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

  static Answer overview(Engine& e, const json&) {
    Errors errors;
    if (!require_household(e, errors)) return errors;
    const auto& s = e.state_;
    std::unordered_map<std::string, std::pair<std::int64_t, std::optional<Instant>>> stats;
    auto eff = effective_by_profile(e);
    for (const auto& r : s.recordings) {
      auto& [n, next] = stats[r.profile_id];
      ++n;
      if (auto d = due_at(r.captured_at, eff.at(r.profile_id)); d && (!next || *d < *next)) next = d;
    }
    json profiles = json::array();
    for (const auto& p : s.profiles) {
      json item = to_json(p);
      item["effectiveRetention"] = to_json(eff.at(p.id), p.id);
      item["recordingCount"] = stats[p.id].first;
      item["nextDueAt"] = optional_instant(stats[p.id].second);
      profiles.push_back(std::move(item));
    }
    json guardians = json::array(), devices = json::array();
    for (const auto& g : s.guardians) guardians.push_back(to_json(g));
    for (const auto& d : s.devices) devices.push_back(to_json(d));
    return json{{"household", {{"id", s.id}, {"name", s.name}}},
                {"guardians", guardians},
                {"devices", devices},
                {"profiles", profiles},
                {"retentionPolicy", to_json(s.retention_policy)}};
  }

  struct SweepPlan {
    std::vector<std::size_t> due;
    std::optional<Instant> next_due_at;
  };

  // R-RET-6: exactly the recordings due at or before `now`, and the next due
  // time of what remains. One pass; each profile's retention resolved once.
  static SweepPlan plan_sweep(const Engine& e, Instant at) {
    const auto& s = e.state_;
    std::unordered_map<std::string_view, EffectiveRetention> eff;
    for (const auto& p : s.profiles) eff.emplace(p.id, effective(e, p));
    SweepPlan plan;
    const EffectiveRetention* last = nullptr;
    std::string_view last_profile;
    for (std::size_t i = 0; i < s.recordings.size(); ++i) {
      const auto& r = s.recordings[i];
      if (!last || r.profile_id != last_profile) {
        last = &eff.at(r.profile_id);
        last_profile = r.profile_id;
      }
      auto d = due_at(r.captured_at, *last);
      if (!d) continue;
      if (*d <= at) plan.due.push_back(i);
      else if (!plan.next_due_at || *d < *plan.next_due_at) plan.next_due_at = d;
    }
    return plan;
  }

  static Answer preview_sweep(Engine& e, const json& c) {
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
                {"due", due},
                {"counts", to_json(count(e, plan.due))},
                {"nextDueAt", optional_instant(plan.next_due_at)}};
  }

  static Answer sweep(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "now", "actor"})) return errors;
    auto at = now(in);
    if (in.find("actor")) {
      auto a = actor(e, in);
      if (a && a->kind != Actor::Kind::system) deny(errors, "sweeps are run by the system");
    }
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

  static Answer preview_deletion(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors)) return errors;
    std::optional<Actor> a;
    auto r = read_deletion(e, in, a);
    if (!r) return errors;
    Selection sel = select(e, *r, errors);
    if (!errors.empty()) return errors;
    json ids = json::array();
    for (auto i : sel.indexes) ids.push_back(e.state_.recordings[i].id);
    return json{{"recordingIds", ids},
                {"counts", to_json(count(e, sel.indexes))},
                {"reason", sel.reason ? json(*sel.reason) : json()}};
  }

  static Answer delete_recordings(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors)) return errors;
    std::optional<Actor> a;
    auto r = read_deletion(e, in, a);
    if (!r) return errors;
    return run_deletion(e, *r);
  }

  static Answer parse_voice(Engine&, const json& c) {
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
  static Answer voice_request(Engine& e, const json& c) {
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
    const Profile* p = managed_profile(e, in, std::nullopt);
    if (r.device_id && !device(e, *r.device_id))
      in.fail(code::not_found, "deviceId", "no device '" + *r.device_id + "'");
    if (p && !p->voice_deletion)
      errors.push_back({code::forbidden, "profileId",
                        "deletion by voice is off for this profile; a parent can turn it on"});
    if (!errors.empty()) return errors;
    auto parsed = parse_voice_request(*utterance);
    if (!parsed) return parsed.errors();
    r.profile_id = p->id;
    r.actor = p->id;
    r.kind = *parsed == VoiceCommand::just_said ? DeletionKind::just_said : DeletionKind::today;
    if (r.kind == DeletionKind::today) r.utc_offset_minutes = static_cast<int>(*offset);
    return run_deletion(e, r);
  }

  static Answer may_use(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command", "recordingId", "purpose", "now"}))
      return errors;
    auto id = in.id("recordingId");
    auto purpose = in.choice("purpose", purpose_from,
                             "service, playback, review, training, analytics, sale");
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
    if (p.kind == ProfileKind::child && (*purpose == Purpose::training || *purpose == Purpose::analytics))
      return verdict(false, "consent_required");
    return verdict(true, "allowed");
  }

  static Answer tombstones(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command"})) return errors;
    json out = json::array();
    for (const auto& t : e.state_.tombstones) out.push_back(to_json(t));
    return out;
  }

  static Answer audit_log(Engine& e, const json& c) {
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

  static Answer verify_audit_log(Engine& e, const json& c) {
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

  static Answer export_state(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!require_household(e, errors) || !in.object({"command"})) return errors;
    return to_json(e.state_);
  }

  static Answer import_state(Engine& e, const json& c) {
    Errors errors;
    Reader in(c, "", errors);
    if (!in.object({"command", "state"})) return errors;
    const json* state = in.find("state");
    if (!state) {
      in.missing("state");
      return errors;
    }
    auto parsed = state_from_json(*state);
    if (!parsed) {
      Errors prefixed;
      for (auto err : parsed.errors()) {
        err.path = err.path.empty() ? "state" : "state." + err.path;
        prefixed.push_back(std::move(err));
      }
      return prefixed;
    }
    e.state_ = std::move(*parsed);
    e.reindex();
    return json{{"householdId", e.state_.id},
                {"recordings", e.state_.recordings.size()},
                {"auditEntries", e.state_.audit.entries().size()}};
  }
};

const std::map<std::string, Engine::Commands::Handler, std::less<>>& Engine::Commands::table() {
  static const std::map<std::string, Handler, std::less<>> commands = {
      {"createHousehold", &create_household},
      {"setRetentionPolicy", &set_retention_policy},
      {"addGuardian", &add_guardian},
      {"addDevice", &add_device},
      {"addProfile", &add_profile},
      {"addRecording", &add_recording},
      {"addRecordings", &add_recordings},
      {"setRetention", &set_retention},
      {"setVoiceDeletion", &set_voice_deletion},
      {"effectiveRetention", &effective_retention_of},
      {"previewRetention", &preview_retention},
      {"listRecordings", &list_recordings},
      {"overview", &overview},
      {"previewSweep", &preview_sweep},
      {"sweep", &sweep},
      {"previewDeletion", &preview_deletion},
      {"deleteRecordings", &delete_recordings},
      {"parseVoiceRequest", &parse_voice},
      {"voiceRequest", &voice_request},
      {"mayUse", &may_use},
      {"tombstones", &tombstones},
      {"auditLog", &audit_log},
      {"verifyAuditLog", &verify_audit_log},
      {"exportState", &export_state},
      {"importState", &import_state},
  };
  return commands;
}

void Engine::reindex() {
  recording_index_.clear();
  tombstone_index_.clear();
  receipt_index_.clear();
  recording_index_.reserve(state_.recordings.size());
  for (std::size_t i = 0; i < state_.recordings.size(); ++i) recording_index_.emplace(state_.recordings[i].id, i);
  for (std::size_t i = 0; i < state_.tombstones.size(); ++i)
    tombstone_index_.emplace(state_.tombstones[i].recording_id, i);
  for (std::size_t i = 0; i < state_.receipts.size(); ++i)
    receipt_index_.emplace(state_.receipts[i].request_id, i);
}

json Engine::execute(const json& command) {
  // Every handler validates all of its input before it changes anything, so
  // a failure leaves the state as it was. The catch is the last line of
  // defence (allocation failure, a library surprise): an `internal` failure
  // is answered instead of an exception reaching the caller or embind.
  try {
    if (!command.is_object())
      return failure({{code::invalid_input, "", "a command must be a JSON object"}});
    auto name = command.find("command");
    if (name == command.end() || !name->is_string())
      return failure({{code::invalid_input, "command", "is required: the command's name"}});
    const auto& table = Commands::table();
    auto it = table.find(name->get_ref<const std::string&>());
    if (it == table.end())
      return failure({{code::not_found, "command",
                       "unknown command '" + name->get_ref<const std::string&>().substr(0, 64) + "'"}});
    Answer answer = it->second(*this, command);
    if (!answer) return failure(answer.errors());
    return success(std::move(answer).value());
  } catch (const std::exception& ex) {
    return failure({{code::internal, "", std::string("internal error: ") + ex.what()}});
  } catch (...) {
    return failure({{code::internal, "", "internal error"}});
  }
}

namespace {
// Refuses nesting deeper than kMaxJsonDepth before the parser sees it: deep
// input costs stack in parsing and in destruction.
bool nested_too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}
}  // namespace

std::string Engine::execute_json(std::string_view text) {
  try {
    if (text.size() > kMaxCommandBytes)
      return failure({{code::invalid_input, "", "the command is larger than 256 MiB"}}).dump(-1, ' ', false, json::error_handler_t::replace);
    if (nested_too_deep(text))
      return failure({{code::invalid_input, "", "the command nests deeper than 32 levels"}}).dump(-1, ' ', false, json::error_handler_t::replace);
    json command = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (command.is_discarded())
      return failure({{code::invalid_input, "", "the command is not valid JSON (or not UTF-8)"}}).dump(-1, ' ', false, json::error_handler_t::replace);
    return execute(command).dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (...) {
    return failure({{code::internal, "", "internal error"}}).dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace privacy
