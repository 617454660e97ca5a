#include "privacy/state.hpp"

#include <map>
#include <set>
#include <unordered_set>

#include "json_reader.hpp"
#include "readers.hpp"

namespace privacy {

using nlohmann::json;
using detail::index_path;
using detail::Reader;

// ---- to JSON -------------------------------------------------------------

json to_json(const Guardian& g) { return {{"id", g.id}, {"name", g.name}, {"verified", g.verified}}; }
json to_json(const Device& d) { return {{"id", d.id}, {"name", d.name}}; }

json to_json(const Consent& c) {
  json evidence;
  if (c.evidence)
    evidence = {{"method", to_string(c.evidence->method)},
                {"reference", c.evidence->reference},
                {"verifiedBy", c.evidence->verified_by},
                {"verifiedAt", c.evidence->verified_at}};
  return {{"state", to_string(c.state)},
          {"requestedMethod", c.requested_method ? json(to_string(*c.requested_method)) : json()},
          {"evidence", evidence},
          {"noticeVersion", c.notice_version ? json(*c.notice_version) : json()},
          {"disclosure", c.disclosure},
          {"revokedAt", c.revoked_at ? json(*c.revoked_at) : json()},
          {"reason", c.reason ? json(*c.reason) : json()}};
}

namespace {
json optional_json(const std::optional<Instant>& t) { return t ? json(*t) : json(); }
}  // namespace

json to_json(const Profile& p) {
  json out = {{"id", p.id},
              {"name", p.name},
              {"kind", to_string(p.kind)},
              {"retention", to_string(p.retention)},
              {"voiceDeletion", p.voice_deletion},
              {"enabled", p.enabled},
              {"consent", p.kind == ProfileKind::child ? to_json(p.consent) : json()},
              {"createdAt", p.created_at},
              {"lastActiveAt", optional_json(p.last_active_at)},
              {"keptAt", optional_json(p.kept_at)},
              {"inactiveNotifiedAt", optional_json(p.inactive_notified_at)},
              {"ageReviewFlaggedAt", optional_json(p.age_review_flagged_at)},
              {"ageReviewedAt", optional_json(p.age_reviewed_at)}};
  if (p.birth_date) out["birthDate"] = *p.birth_date;
  return out;
}

json to_json(const PrivacyNotice& n) {
  json parties = json::array();
  for (const auto& t : n.third_parties)
    parties.push_back({{"name", t.name}, {"category", t.category}, {"purpose", t.purpose}});
  return {{"version", n.version}, {"collects", n.collects}, {"thirdParties", parties}};
}

json to_json(const RetentionPolicy& policy) {
  json categories = json::array();
  for (const auto& c : policy.categories)
    categories.push_back({{"category", to_string(c.category)},
                          {"childMaxMonths", c.child_max_months},
                          {"adultMaxMonths", c.adult_max_months ? json(*c.adult_max_months) : json()},
                          {"purpose", c.purpose},
                          {"businessNeed", c.business_need}});
  return {{"categories", categories},
          {"justSaidWindowMinutes", policy.just_said_window_minutes},
          {"inactiveAfterMonths", policy.inactive_after_months},
          {"noticeWindowDays", policy.notice_window_days}};
}

json to_json(const Recording& r) {
  json derived = json::array();
  for (const auto& d : r.derived) derived.push_back({{"id", d.id}, {"kind", to_string(d.kind)}});
  return {{"id", r.id},
          {"profileId", r.profile_id},
          {"deviceId", r.device_id},
          {"capturedAt", r.captured_at},
          {"audio", r.audio ? json{{"ref", r.audio->ref}, {"durationMs", r.audio->duration_ms}}
                            : json()},
          {"transcript", r.transcript ? json(*r.transcript) : json()},
          {"derived", derived}};
}

json to_json(const ArtifactCounts& c) {
  return {{"recordings", c.recordings}, {"audio", c.audio},
          {"transcript", c.transcript}, {"intent", c.intent},
          {"annotation", c.annotation}, {"training_copy", c.training_copy}};
}

json to_json(const Tombstone& t) {
  return {{"recordingId", t.recording_id},
          {"profileId", t.profile_id},
          {"deletedAt", t.deleted_at},
          {"requestId", t.request_id}};
}

json to_json(const DeletionReceipt& r) {
  return {{"requestId", r.request_id},
          {"kind", to_string(r.kind)},
          {"actor", r.actor},
          {"profileId", r.profile_id ? json(*r.profile_id) : json()},
          {"requestedAt", r.requested_at},
          {"scope", r.scope},
          {"status", r.status},
          {"reason", r.reason ? json(*r.reason) : json()},
          {"recordingIds", r.recording_ids},
          {"counts", to_json(r.counts)}};
}

json to_json(const AuditEntry& e) {
  return {{"seq", e.seq},       {"at", e.at},
          {"actor", e.actor},   {"action", e.action},
          {"details", e.details}, {"prevHash", e.prev_hash},
          {"hash", e.hash}};
}

template <class T>
json array_of(const std::vector<T>& items) {
  json out = json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

json to_json(const HouseholdState& s) {
  return {{"schemaVersion", kSchemaVersion},
          {"household", {{"id", s.id}, {"name", s.name}}},
          {"retentionPolicy", to_json(s.retention_policy)},
          {"privacyNotice", to_json(s.privacy_notice)},
          {"guardians", array_of(s.guardians)},
          {"devices", array_of(s.devices)},
          {"profiles", array_of(s.profiles)},
          {"recordings", array_of(s.recordings)},
          {"tombstones", array_of(s.tombstones)},
          {"receipts", array_of(s.receipts)},
          {"auditLog", array_of(s.audit.entries())}};
}

// ---- from JSON -----------------------------------------------------------

namespace detail {

std::optional<Guardian> read_guardian(const json& v, const std::string& path, Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"id", "name", "verified"})) return std::nullopt;
  Guardian g;
  g.id = in.id("id").value_or("");
  g.name = in.text("name", kMaxNameBytes).value_or("");
  g.verified = in.boolean("verified").value_or(false);
  if (errors.size() != before) return std::nullopt;
  return g;
}

std::optional<Device> read_device(const json& v, const std::string& path, Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"id", "name"})) return std::nullopt;
  Device d;
  d.id = in.id("id").value_or("");
  d.name = in.text("name", kMaxNameBytes).value_or("");
  if (errors.size() != before) return std::nullopt;
  return d;
}

namespace {

std::optional<Consent> read_consent(const json& v, const std::string& path, Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"state", "requestedMethod", "evidence", "noticeVersion", "disclosure", "revokedAt",
                  "reason"}))
    return std::nullopt;
  Consent c;
  c.state = in.choice("state", consent_state_from, "none, pending, verified, revoked")
                .value_or(ConsentState::none);
  c.requested_method = in.choice("requestedMethod", consent_method_from, "an approved method", false);
  if (const json* evidence = in.find("evidence")) {
    Reader e(*evidence, in.path("evidence"), errors);
    if (e.object({"method", "reference", "verifiedBy", "verifiedAt"})) {
      ConsentEvidence out;
      out.method = e.choice("method", consent_method_from, "an approved method")
                       .value_or(ConsentMethod::signed_form);
      out.reference = e.text("reference", kMaxNameBytes).value_or("");
      out.verified_by = e.text("verifiedBy", kMaxNameBytes).value_or("");
      out.verified_at = e.instant("verifiedAt").value_or(0);
      c.evidence = out;
    }
  }
  if (auto version = in.integer("noticeVersion", 1, INT32_MAX, false))
    c.notice_version = static_cast<int>(*version);
  c.disclosure = in.boolean("disclosure").value_or(false);
  c.revoked_at = in.instant("revokedAt", false);
  c.reason = in.text("reason", 64, false);
  if (c.state == ConsentState::verified && !c.evidence)
    in.fail(code::invalid_input, in.path("evidence"), "verified consent records its evidence");
  if (c.disclosure && (c.state != ConsentState::verified || !c.evidence ||
                       !backs_disclosure(c.evidence->method)))
    in.fail(code::invalid_input, in.path("disclosure"),
            "disclosure needs verified consent by a method that backs it (R-CON-3)");
  if (errors.size() != before) return std::nullopt;
  return c;
}

}  // namespace

std::optional<Profile> read_profile(const json& v, const std::string& path, Errors& errors,
                                    bool is_new) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  bool shape = is_new ? in.object({"id", "name", "kind", "birthDate", "retention", "voiceDeletion"})
                      : in.object({"id", "name", "kind", "birthDate", "retention", "voiceDeletion",
                                   "enabled", "consent", "createdAt", "lastActiveAt", "keptAt",
                                   "inactiveNotifiedAt", "ageReviewFlaggedAt", "ageReviewedAt"});
  if (!shape) return std::nullopt;
  Profile p;
  p.id = in.id("id").value_or("");
  p.name = in.text("name", kMaxNameBytes).value_or("");
  p.kind = in.choice("kind", profile_kind_from, "child, adult").value_or(ProfileKind::child);
  if (auto birth = in.text("birthDate", 10, false)) {
    if (!parse_date(*birth))
      in.fail(code::invalid_input, in.path("birthDate"), "must be a real date, YYYY-MM-DD");
    p.birth_date = *birth;
  }
  auto setting = in.choice("retention", retention_setting_from,
                           "dont_save, 3_months, 18_months, until_deleted", !is_new);
  p.retention = setting.value_or(default_retention(p.kind));
  p.voice_deletion = in.boolean("voiceDeletion", !is_new).value_or(false);
  if (is_new) {
    // R-CON-1: a new child waits for consent; an adult is enabled at once.
    p.enabled = p.kind == ProfileKind::adult;
  } else {
    p.enabled = in.boolean("enabled").value_or(false);
    p.created_at = in.instant("createdAt").value_or(0);
    p.last_active_at = in.instant("lastActiveAt", false);
    p.kept_at = in.instant("keptAt", false);
    p.inactive_notified_at = in.instant("inactiveNotifiedAt", false);
    p.age_review_flagged_at = in.instant("ageReviewFlaggedAt", false);
    p.age_reviewed_at = in.instant("ageReviewedAt", false);
    if (const json* consent = in.find("consent")) {
      if (p.kind == ProfileKind::adult)
        in.fail(code::invalid_input, in.path("consent"), "an adult profile has no parental consent");
      else if (auto c = read_consent(*consent, in.path("consent"), errors))
        p.consent = *c;
    } else if (p.kind == ProfileKind::child) {
      in.missing("consent");
    }
    if (p.kind == ProfileKind::child && p.enabled && p.consent.state != ConsentState::verified)
      in.fail(code::invalid_input, in.path("enabled"),
              "a child profile is enabled only with verified consent (R-CON-1)");
  }
  if (errors.size() != before) return std::nullopt;
  return p;
}

std::optional<PrivacyNotice> read_notice(const json& v, const std::string& path, Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"version", "collects", "thirdParties"})) return std::nullopt;
  PrivacyNotice n;
  n.version = static_cast<int>(in.integer("version", 1, INT32_MAX).value_or(1));
  const json* collects = in.find("collects");
  if (!collects || !collects->is_array() || collects->empty() || collects->size() > 32) {
    in.fail(code::invalid_input, in.path("collects"), "must list 1 to 32 kinds of data collected");
  } else {
    for (std::size_t i = 0; i < collects->size(); ++i) {
      const json& item = (*collects)[i];
      if (!item.is_string() || item.get_ref<const std::string&>().empty() ||
          item.get_ref<const std::string&>().size() > kMaxNameBytes)
        in.fail(code::invalid_input, index_path(in.path("collects"), i), "must be a short text");
      else n.collects.push_back(item.get<std::string>());
    }
  }
  const json* parties = in.find("thirdParties");
  if (!parties || !parties->is_array() || parties->size() > 64) {
    in.fail(code::invalid_input, in.path("thirdParties"), "must be an array of at most 64 recipients");
  } else {
    for (std::size_t i = 0; i < parties->size(); ++i) {
      Reader t((*parties)[i], index_path(in.path("thirdParties"), i), errors);
      if (!t.object({"name", "category", "purpose"})) continue;
      ThirdParty party;
      party.name = t.text("name", kMaxNameBytes).value_or("");
      party.category = t.text("category", kMaxNameBytes).value_or("");
      party.purpose = t.text("purpose", kMaxTextBytes).value_or("");
      n.third_parties.push_back(std::move(party));
    }
  }
  if (errors.size() != before) return std::nullopt;
  return n;
}

std::optional<RetentionPolicy> read_policy(const json& v, const std::string& path,
                                           Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"categories", "justSaidWindowMinutes", "inactiveAfterMonths", "noticeWindowDays"}))
    return std::nullopt;
  RetentionPolicy policy;
  policy.just_said_window_minutes =
      static_cast<int>(in.integer("justSaidWindowMinutes", 1, 1440, false).value_or(10));
  policy.inactive_after_months =
      static_cast<int>(in.integer("inactiveAfterMonths", 1, kMaxPolicyMonths, false).value_or(18));
  policy.notice_window_days =
      static_cast<int>(in.integer("noticeWindowDays", 1, 3650, false).value_or(90));
  const json* categories = in.find("categories");
  if (!categories || !categories->is_array() || categories->size() > 16) {
    in.fail(code::invalid_input, in.path("categories"),
            "must be an array of the policy's categories (audio, transcript, derived)");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < categories->size(); ++i) {
    Reader c((*categories)[i], index_path(in.path("categories"), i), errors);
    if (!c.object({"category", "childMaxMonths", "adultMaxMonths", "purpose", "businessNeed"}))
      continue;
    RetentionCategory category;
    category.category =
        c.choice("category", artifact_category_from, "audio, transcript, derived")
            .value_or(ArtifactCategory::audio);
    // Range is checked by validate_policy, which explains R-RET-4.
    if (auto months = c.integer("childMaxMonths", INT32_MIN, INT32_MAX, false))
      category.child_max_months = static_cast<int>(*months);
    else if (!c.find("childMaxMonths"))
      c.fail(code::invalid_input, c.path("childMaxMonths"),
             "a child's data may not be kept indefinitely (R-RET-4): give a finite maximum "
             "of 1 to 1200 months");
    if (auto adult = c.integer("adultMaxMonths", INT32_MIN, INT32_MAX, false))
      category.adult_max_months = static_cast<int>(*adult);
    category.purpose = c.text("purpose", kMaxTextBytes).value_or("");
    category.business_need = c.text("businessNeed", kMaxTextBytes).value_or("");
    policy.categories.push_back(std::move(category));
  }
  if (errors.size() != before) return std::nullopt;
  Errors invalid = validate_policy(policy, path);
  if (!invalid.empty()) {
    errors.insert(errors.end(), invalid.begin(), invalid.end());
    return std::nullopt;
  }
  return policy;
}

std::optional<Recording> read_recording(const json& v, const std::string& path, Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"id", "profileId", "deviceId", "capturedAt", "audio", "transcript", "derived"}))
    return std::nullopt;
  Recording r;
  r.id = in.id("id").value_or("");
  r.profile_id = in.id("profileId").value_or("");
  r.device_id = in.id("deviceId").value_or("");
  r.captured_at = in.instant("capturedAt").value_or(0);
  if (const json* audio = in.find("audio")) {
    Reader a(*audio, in.path("audio"), errors);
    if (a.object({"ref", "durationMs"})) {
      Audio out;
      out.ref = a.id("ref").value_or("");
      out.duration_ms = a.integer("durationMs", 0, kMillisPerDay).value_or(0);
      r.audio = out;
    }
  }
  r.transcript = in.text("transcript", kMaxTranscriptBytes, false);
  if (const json* derived = in.find("derived")) {
    if (!derived->is_array() || derived->size() > kMaxDerivedItems) {
      in.fail(code::invalid_input, in.path("derived"), "must be an array of at most 64 items");
    } else {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < derived->size(); ++i) {
        Reader d((*derived)[i], index_path(in.path("derived"), i), errors);
        if (!d.object({"id", "kind"})) continue;
        DerivedItem item;
        item.id = d.id("id").value_or("");
        item.kind = d.choice("kind", derived_kind_from, "intent, annotation, training_copy")
                        .value_or(DerivedKind::intent);
        if (!item.id.empty() && !seen.insert(item.id).second)
          d.fail(code::invalid_input, d.path("id"), "appears twice in this recording");
        r.derived.push_back(std::move(item));
      }
    }
  }
  if (errors.size() != before) return std::nullopt;
  return r;
}

}  // namespace detail

namespace {

std::optional<Tombstone> read_tombstone(const json& v, const std::string& path, Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"recordingId", "profileId", "deletedAt", "requestId"})) return std::nullopt;
  Tombstone t;
  t.recording_id = in.id("recordingId").value_or("");
  t.profile_id = in.id("profileId").value_or("");
  t.deleted_at = in.instant("deletedAt").value_or(0);
  t.request_id = in.text("requestId", 256).value_or("");
  if (errors.size() != before) return std::nullopt;
  return t;
}

std::optional<ArtifactCounts> read_counts(const json& v, const std::string& path, Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"recordings", "audio", "transcript", "intent", "annotation", "training_copy"}))
    return std::nullopt;
  constexpr std::int64_t kMax = std::int64_t{1} << 53;
  ArtifactCounts c;
  c.recordings = in.integer("recordings", 0, kMax).value_or(0);
  c.audio = in.integer("audio", 0, kMax).value_or(0);
  c.transcript = in.integer("transcript", 0, kMax).value_or(0);
  c.intent = in.integer("intent", 0, kMax).value_or(0);
  c.annotation = in.integer("annotation", 0, kMax).value_or(0);
  c.training_copy = in.integer("training_copy", 0, kMax).value_or(0);
  if (errors.size() != before) return std::nullopt;
  return c;
}

std::optional<DeletionReceipt> read_receipt(const json& v, const std::string& path,
                                            Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"requestId", "kind", "actor", "profileId", "requestedAt", "scope", "status",
                  "reason", "recordingIds", "counts"}))
    return std::nullopt;
  DeletionReceipt r;
  r.request_id = in.text("requestId", 256).value_or("");
  auto kind = in.text("kind", 16);
  if (kind) {
    if (*kind == "sweep") r.kind = DeletionKind::sweep;
    else if (auto k = deletion_kind_from(*kind)) r.kind = *k;
    else in.fail(code::invalid_input, in.path("kind"), "is not a deletion kind");
  }
  r.actor = in.id("actor").value_or("");
  r.profile_id = in.id("profileId", false);
  r.requested_at = in.instant("requestedAt").value_or(0);
  const json* scope = in.find("scope");
  if (!scope || !scope->is_object()) in.fail(code::invalid_input, in.path("scope"), "must be an object");
  else r.scope = *scope;
  r.status = in.text("status", 32).value_or("");
  if (!r.status.empty() && r.status != "deleted" && r.status != "nothing_to_delete" &&
      r.status != "already_done")
    in.fail(code::invalid_input, in.path("status"), "is not a receipt status");
  r.reason = in.text("reason", 32, false);
  const json* ids = in.find("recordingIds");
  if (!ids || !ids->is_array()) {
    in.fail(code::invalid_input, in.path("recordingIds"), "must be an array of ids");
  } else {
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const json& id = (*ids)[i];
      if (!id.is_string() || !valid_id(id.get_ref<const std::string&>()))
        in.fail(code::invalid_input, index_path(in.path("recordingIds"), i), "must be an id");
      else r.recording_ids.push_back(id.get<std::string>());
    }
  }
  if (const json* counts = in.find("counts")) {
    if (auto c = read_counts(*counts, in.path("counts"), errors)) r.counts = *c;
  } else {
    in.missing("counts");
  }
  if (errors.size() != before) return std::nullopt;
  return r;
}

std::optional<AuditEntry> read_audit_entry(const json& v, const std::string& path,
                                           Errors& errors) {
  Reader in(v, path, errors);
  std::size_t before = errors.size();
  if (!in.object({"seq", "at", "actor", "action", "details", "prevHash", "hash"}))
    return std::nullopt;
  AuditEntry e;
  e.seq = in.integer("seq", 0, std::int64_t{1} << 53).value_or(0);
  e.at = in.instant("at").value_or(0);
  e.actor = in.id("actor").value_or("");
  e.action = in.text("action", 64).value_or("");
  const json* details = in.find("details");
  if (!details || !details->is_object()) in.fail(code::invalid_input, in.path("details"), "must be an object");
  else e.details = *details;
  e.prev_hash = in.text("prevHash", 128).value_or("");
  e.hash = in.text("hash", 128).value_or("");
  if (errors.size() != before) return std::nullopt;
  return e;
}

// Reads an array field item by item with `read`, into `out`.
template <class T, class Read>
void read_array(Reader& in, std::string_view key, std::vector<T>& out, Read read) {
  const json* items = in.find(key);
  if (!items || !items->is_array()) {
    in.fail(code::invalid_input, in.path(key), "must be an array");
    return;
  }
  out.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i)
    if (auto item = read((*items)[i], index_path(in.path(key), i), in.errors()))
      out.push_back(std::move(*item));
}

}  // namespace

json migrate_v1_to_v2(json state) {
  if (!state.is_object()) return state;
  state["schemaVersion"] = 2;
  if (!state.contains("privacyNotice")) state["privacyNotice"] = to_json(default_privacy_notice());
  auto& policy = state["retentionPolicy"];
  if (policy.is_object()) {
    if (!policy.contains("inactiveAfterMonths")) policy["inactiveAfterMonths"] = 18;
    if (!policy.contains("noticeWindowDays")) policy["noticeWindowDays"] = 90;
  }
  // When each profile was added, and its latest recording, from what v1 kept.
  std::map<std::string, json> added, active;
  if (state.contains("auditLog") && state["auditLog"].is_array())
    for (const auto& e : state["auditLog"])
      if (e.is_object() && e.value("action", "") == "profile_added" && e.contains("details") &&
          e["details"].is_object() && e["details"].contains("id") && e["details"]["id"].is_string())
        added.emplace(e["details"]["id"].get<std::string>(), e.value("at", json(0)));
  if (state.contains("recordings") && state["recordings"].is_array())
    for (const auto& r : state["recordings"])
      if (r.is_object() && r.contains("profileId") && r["profileId"].is_string() &&
          r.contains("capturedAt") && r["capturedAt"].is_number_integer()) {
        auto& latest = active[r["profileId"].get<std::string>()];
        if (latest.is_null() || r["capturedAt"].get<Instant>() > latest.get<Instant>())
          latest = r["capturedAt"];
      }
  if (state.contains("profiles") && state["profiles"].is_array())
    for (auto& p : state["profiles"]) {
      if (!p.is_object() || !p.contains("id") || !p["id"].is_string()) continue;
      std::string id = p["id"].get<std::string>();
      bool child = p.value("kind", "") == "child";
      p["enabled"] = !child;
      p["consent"] = child ? to_json(Consent{}) : json();
      p["createdAt"] = added.count(id) ? added[id] : json(0);
      p["lastActiveAt"] = active.count(id) ? active[id] : json();
      p["keptAt"] = nullptr;
      p["inactiveNotifiedAt"] = nullptr;
      p["ageReviewFlaggedAt"] = nullptr;
      p["ageReviewedAt"] = nullptr;
    }
  return state;
}

Result<HouseholdState> state_from_json(const json& v) {
  Errors errors;
  Reader in(v, "", errors);
  if (!in.object({"schemaVersion", "household", "retentionPolicy", "privacyNotice", "guardians",
                  "devices", "profiles", "recordings", "tombstones", "receipts", "auditLog"}))
    return errors;
  const json* version = in.find("schemaVersion");
  if (!version || !version->is_number_integer()) {
    return Error{code::invalid_input, "schemaVersion",
                 "is required: a whole number (this engine reads versions 1 and 2)"};
  }
  auto number = version->get<std::int64_t>();
  if (number == 1) return state_from_json(migrate_v1_to_v2(v));
  if (number != kSchemaVersion) {
    // A newer version comes from a later engine and must not be half-read.
    return Error{code::unsupported_version, "schemaVersion",
                 "schemaVersion " + version->dump() + " is not supported; this engine reads 1 and 2"};
  }
  HouseholdState s;
  s.created = true;
  if (const json* household = in.find("household")) {
    Reader h(*household, "household", errors);
    if (h.object({"id", "name"})) {
      s.id = h.id("id").value_or("");
      s.name = h.text("name", kMaxNameBytes).value_or("");
    }
  } else {
    in.missing("household");
  }
  if (const json* policy = in.find("retentionPolicy")) {
    if (auto p = detail::read_policy(*policy, "retentionPolicy", errors)) s.retention_policy = *p;
  } else {
    in.missing("retentionPolicy");
  }
  if (const json* notice = in.find("privacyNotice")) {
    if (auto n = detail::read_notice(*notice, "privacyNotice", errors)) s.privacy_notice = *n;
  } else {
    in.missing("privacyNotice");
  }
  read_array(in, "guardians", s.guardians, detail::read_guardian);
  read_array(in, "devices", s.devices, detail::read_device);
  read_array(in, "profiles", s.profiles,
             [](const json& j, const std::string& p, Errors& e) {
               return detail::read_profile(j, p, e, false);
             });
  read_array(in, "recordings", s.recordings, detail::read_recording);
  read_array(in, "tombstones", s.tombstones, read_tombstone);
  read_array(in, "receipts", s.receipts, read_receipt);
  std::vector<AuditEntry> audit;
  read_array(in, "auditLog", audit, read_audit_entry);
  if (!errors.empty()) return errors;

  // References and uniqueness: actors (guardians and profiles) share one
  // namespace, devices have their own, recording ids are never reused.
  std::unordered_set<std::string> actors{detail::kOperator, detail::kSystem}, devices, recordings,
      requests;
  auto unique = [&](std::unordered_set<std::string>& set, const std::string& id,
                    const std::string& path) {
    if (!set.insert(id).second)
      errors.push_back({code::conflict, path, "id '" + id + "' is used twice or is reserved"});
  };
  for (std::size_t i = 0; i < s.guardians.size(); ++i)
    unique(actors, s.guardians[i].id, index_path("guardians", i) + ".id");
  for (std::size_t i = 0; i < s.profiles.size(); ++i)
    unique(actors, s.profiles[i].id, index_path("profiles", i) + ".id");
  for (std::size_t i = 0; i < s.devices.size(); ++i)
    unique(devices, s.devices[i].id, index_path("devices", i) + ".id");
  std::unordered_map<std::string, const Profile*> profiles;
  for (const auto& p : s.profiles) profiles[p.id] = &p;
  for (std::size_t i = 0; i < s.recordings.size(); ++i) {
    const auto& r = s.recordings[i];
    std::string at = index_path("recordings", i);
    unique(recordings, r.id, at + ".id");
    if (!profiles.count(r.profile_id))
      errors.push_back({code::not_found, at + ".profileId", "no such profile"});
    if (!devices.count(r.device_id))
      errors.push_back({code::not_found, at + ".deviceId", "no such device"});
  }
  for (std::size_t i = 0; i < s.tombstones.size(); ++i)
    unique(recordings, s.tombstones[i].recording_id, index_path("tombstones", i) + ".recordingId");
  for (std::size_t i = 0; i < s.receipts.size(); ++i)
    unique(requests, s.receipts[i].request_id, index_path("receipts", i) + ".requestId");
  if (!errors.empty()) return errors;
  s.audit.assign(std::move(audit));
  return s;
}

}  // namespace privacy
