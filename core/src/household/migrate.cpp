// States of schema 1 and 2, brought to schema 3 as trees before they are read
// like any other (R-INT-1). Every access checks the type first: a migration
// never stops on a value of the wrong kind, it leaves it for the reader to
// refuse with a path (R-INT-4).
#include "migrate.hpp"

#include <map>
#include <set>

#include "privacy/consent.hpp"
#include "privacy/model.hpp"

namespace privacy {

using nlohmann::json;

namespace {

json* member(json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}
const std::string* text(json& object, const char* key) {
  json* v = member(object, key);
  return v && v->is_string() ? &v->get_ref<const std::string&>() : nullptr;
}
json* array(json& object, const char* key) {
  json* v = member(object, key);
  return v && v->is_array() ? v : nullptr;
}

// 1 -> 2: children had no consent record, so they come over as needing
// consent (not enabled) rather than with a consent nobody gave.
void v1_to_v2(json& state) {
  state["schemaVersion"] = 2;
  if (!member(state, "privacyNotice")) {
    PrivacyNotice n = default_privacy_notice();
    state["privacyNotice"] = {{"version", n.version}, {"collects", n.collects}, {"thirdParties", json::array()}};
  }
  if (json* policy = member(state, "retentionPolicy"); policy && policy->is_object()) {
    if (!member(*policy, "inactiveAfterMonths")) (*policy)["inactiveAfterMonths"] = 18;
    if (!member(*policy, "noticeWindowDays")) (*policy)["noticeWindowDays"] = 90;
  }
  // When each profile was added, and its latest recording, from what v1 kept.
  std::map<std::string, json> added, active;
  if (json* log = array(state, "auditLog"))
    for (json& e : *log) {
      json* details = member(e, "details");
      const std::string* action = text(e, "action");
      const std::string* id = details ? text(*details, "id") : nullptr;
      json* at = member(e, "at");
      if (action && *action == "profile_added" && id && at && at->is_number_integer()) added.emplace(*id, *at);
    }
  if (json* recordings = array(state, "recordings"))
    for (json& r : *recordings) {
      const std::string* profile = text(r, "profileId");
      json* at = member(r, "capturedAt");
      if (!profile || !at || !at->is_number_integer()) continue;
      json& latest = active[*profile];
      if (latest.is_null() || at->get<std::int64_t>() > latest.get<std::int64_t>()) latest = *at;
    }
  if (json* profiles = array(state, "profiles"))
    for (json& p : *profiles) {
      const std::string* id = text(p, "id");
      if (!p.is_object() || !id) continue;
      const std::string* kind = text(p, "kind");
      bool child = kind && *kind == "child";
      std::string key = *id;
      p["enabled"] = !child;
      p["consent"] = child ? json{{"state", "none"}, {"requestedMethod", nullptr}, {"evidence", nullptr},
                                  {"noticeVersion", nullptr}, {"disclosure", false}, {"revokedAt", nullptr},
                                  {"reason", nullptr}}
                           : json();
      p["createdAt"] = added.count(key) ? added[key] : json(0);
      p["lastActiveAt"] = active.count(key) ? active[key] : json();
      for (const char* f : {"keptAt", "inactiveNotifiedAt", "ageReviewFlaggedAt", "ageReviewedAt"}) p[f] = nullptr;
    }
}

// 2 -> 3: the fields schema 3 added, and the states schema 2 could reach but
// not import back, repaired (each repair is listed in the migration entry).
void v2_to_v3(json& state, std::vector<std::string>& repaired) {
  state["schemaVersion"] = kSchemaVersion;
  // Schema 2 had no operator's jurisdiction table: the defaults applied.
  if (!member(state, "jurisdictionPolicy")) state["jurisdictionPolicy"] = json::array();
  std::map<std::string, bool> child_profiles;
  if (json* profiles = array(state, "profiles"))
    for (json& p : *profiles) {
      const std::string* id = text(p, "id");
      const std::string* kind = text(p, "kind");
      if (!id) continue;
      child_profiles[*id] = kind && *kind == "child";
      json* consent = member(p, "consent");
      const std::string* consent_state = consent ? text(*consent, "state") : nullptr;
      if (!consent_state || *consent_state == "verified") continue;
      // Schema 2 left a re-requested child enabled, and disclosure on while
      // consent was pending: neither is consent (R-CON-1, R-CON-3).
      if (json* enabled = member(p, "enabled"); enabled && enabled->is_boolean() && enabled->get<bool>()) {
        p["enabled"] = false;
        repaired.push_back("profiles." + *id + ".enabled: not enabled without verified consent");
      }
      if (json* d = member(*consent, "disclosure"); d && d->is_boolean() && d->get<bool>()) {
        (*consent)["disclosure"] = false;
        repaired.push_back("profiles." + *id + ".consent.disclosure: off without verified consent");
      }
      json* reason = member(*consent, "reason");
      if (*consent_state == "pending" && (!reason || reason->is_null()) && member(*consent, "evidence") &&
          !(*consent)["evidence"].is_null())
        (*consent)["reason"] = "requested_again";
      if (*consent_state != "pending" && reason && !reason->is_null()) (*consent)["reason"] = nullptr;
    }
  if (json* recordings = array(state, "recordings"))
    for (json& r : *recordings) {
      if (!r.is_object()) continue;
      const std::string* profile = text(r, "profileId");
      r["collectedAsChild"] = profile && child_profiles.count(*profile) && child_profiles[*profile];
    }
  // Request ids schema 2 could give twice (a profile sweep's id against a
  // parent's): the later receipt gets a fresh id, and its tombstones with it.
  std::set<std::string> ids;
  std::map<std::string, std::string> renamed_recordings;  // recording id -> new request id
  if (json* receipts = array(state, "receipts"))
    for (json& r : *receipts) {
      if (!r.is_object()) continue;
      r["onBehalfOf"] = nullptr;
      const std::string* id = text(r, "requestId");
      if (!id) continue;
      std::string fresh = *id;
      for (int n = 2; ids.count(fresh); ++n) fresh = *id + "-" + std::to_string(n);
      if (fresh != *id) {
        repaired.push_back("receipts." + *id + ": a request id used twice is now " + fresh);
        if (json* list = array(r, "recordingIds"))
          for (const json& rid : *list)
            if (rid.is_string()) renamed_recordings[rid.get<std::string>()] = fresh;
        r["requestId"] = fresh;
      }
      ids.insert(fresh);
    }
  if (json* tombstones = array(state, "tombstones"))
    for (json& t : *tombstones)
      if (const std::string* rid = text(t, "recordingId"); rid && renamed_recordings.count(*rid))
        t["requestId"] = renamed_recordings[*rid];
  // Removed profiles, from the log; an id schema 2 let a new profile reuse stays with it.
  json removed = json::array();
  std::set<std::string> seen;
  if (json* log = array(state, "auditLog"))
    for (json& e : *log) {
      const std::string* action = text(e, "action");
      json* details = member(e, "details");
      const std::string* profile = details ? text(*details, "profileId") : nullptr;
      const std::string* request = details ? text(*details, "requestId") : nullptr;
      json* at = member(e, "at");
      if (!action || *action != "profile_removed" || !profile || !request || !at) continue;
      if (child_profiles.count(*profile) || !seen.insert(*profile).second) continue;
      // Its receipt, now of the kind a removal has.
      bool found = false;
      if (json* receipts = array(state, "receipts"))
        for (json& r : *receipts)
          if (const std::string* id = text(r, "requestId"); id && *id == *request) {
            r["kind"] = "profile";
            found = true;
          }
      if (found) removed.push_back({{"profileId", *profile}, {"removedAt", *at}, {"requestId", *request}});
    }
  state["removedProfiles"] = removed;
  if (json* log = array(state, "auditLog"))
    for (json& e : *log)
      if (e.is_object()) {
        e["onBehalfOf"] = nullptr;
        e["stateDigest"] = nullptr;
      }
}

}  // namespace

Result<Migration> migrate(json state) {
  Migration out;
  json* version = member(state, "schemaVersion");
  if (!version || !version->is_number_integer())
    return Error{code::invalid_input, "state.schemaVersion", "is required: a whole number (this engine reads 1, 2 and 3)"};
  out.from = static_cast<int>(version->get<std::int64_t>());
  if (out.from == 1) v1_to_v2(state);
  v2_to_v3(state, out.repaired);
  out.state = std::move(state);
  return out;
}

}  // namespace privacy
