// The household, its members and profiles, verifiable parental consent
// (R-CON-1..6), the profile lifecycle (R-PRO-1..3), the disclosure, and the
// state's export and import.
#include <algorithm>

#include "engine_internal.hpp"
#include "privacy/disclosure.hpp"
#include "privacy/profiles.hpp"

namespace privacy {

using detail::Reader;

namespace {
constexpr const char* kSupportPrefix = "support:";
}  // namespace

Answer Engine::Commands::create_household(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!in.object({"command", "actor", "now", "id", "name", "retentionPolicy", "privacyNotice"}))
    return errors;
  auto at = now(in);
  auto a = actor(e, in);
  if (a) allowed(errors, "createHousehold", Target::household, *a);
  auto id = in.id("id");
  auto name = in.text("name", kMaxNameBytes);
  std::optional<RetentionPolicy> policy;
  if (const json* p = in.find("retentionPolicy")) policy = detail::read_policy(*p, "retentionPolicy", errors);
  else in.missing("retentionPolicy");
  PrivacyNotice notice = default_privacy_notice();
  if (const json* n = in.find("privacyNotice")) {
    if (auto read = detail::read_notice(*n, "privacyNotice", errors)) notice = *read;
  }
  if (e.state_.created) errors.push_back({code::conflict, "", "this engine already holds a household"});
  if (!errors.empty()) return errors;
  e.state_ = HouseholdState{};
  e.state_.created = true;
  e.state_.id = *id;
  e.state_.name = *name;
  e.state_.retention_policy = *policy;
  e.state_.privacy_notice = notice;
  audit(e, *at, *a, "household_created",
        {{"householdId", *id}, {"retentionPolicy", to_json(*policy)}, {"privacyNotice", to_json(notice)}});
  e.reindex();
  return overview(e, c);
}

Answer Engine::Commands::set_retention_policy(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "actor", "now", "retentionPolicy"}))
    return errors;
  auto at = now(in);
  auto a = actor(e, in);
  if (a) allowed(errors, "setRetentionPolicy", Target::household, *a);
  std::optional<RetentionPolicy> policy;
  if (const json* p = in.find("retentionPolicy")) policy = detail::read_policy(*p, "retentionPolicy", errors);
  else in.missing("retentionPolicy");
  if (!errors.empty()) return errors;
  e.state_.retention_policy = *policy;
  audit(e, *at, *a, "retention_policy_set", {{"retentionPolicy", to_json(*policy)}});
  return to_json(*policy);
}

// R-CON-5: a material change to what is collected or disclosed puts every
// child with consent back to needing it; collection stops until it is given.
Answer Engine::Commands::set_privacy_notice(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "actor", "now", "privacyNotice"}))
    return errors;
  auto at = now(in);
  auto a = actor(e, in);
  if (a) allowed(errors, "setPrivacyNotice", Target::household, *a);
  std::optional<PrivacyNotice> notice;
  if (const json* n = in.find("privacyNotice")) notice = detail::read_notice(*n, "privacyNotice", errors);
  else in.missing("privacyNotice");
  if (notice && notice->version <= e.state_.privacy_notice.version)
    errors.push_back({code::conflict, "privacyNotice.version",
                      "a new notice needs a version above " +
                          std::to_string(e.state_.privacy_notice.version)});
  if (!errors.empty()) return errors;
  bool material = notice->materially_differs(e.state_.privacy_notice);
  bool recipients_changed = notice->third_parties != e.state_.privacy_notice.third_parties;
  json affected = json::array();
  if (material) {
    for (auto& p : e.state_.profiles) {
      if (p.kind != ProfileKind::child || p.consent.state != ConsentState::verified) continue;
      p.consent.state = ConsentState::pending;
      p.consent.requested_method = p.consent.evidence->method;
      p.consent.reason = "material_change";
      if (recipients_changed) p.consent.disclosure = false;
      p.enabled = false;
      affected.push_back(p.id);
    }
  }
  e.state_.privacy_notice = *notice;
  audit(e, *at, *a, "privacy_notice_set",
        {{"privacyNotice", to_json(*notice)}, {"material", material}, {"needConsent", affected}});
  return json{{"privacyNotice", to_json(*notice)}, {"material", material}, {"needConsent", affected}};
}

template <class T, class Read, class Exists>
Answer Engine::Commands::add_member(Engine& e, const json& c, const char* command, const char* key,
                                    Read read, Exists exists, std::vector<T>& into,
                                    const char* action) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "actor", "now", key}))
    return errors;
  auto at = now(in);
  auto a = actor(e, in);
  std::optional<T> item;
  if (const json* v = in.find(key)) item = read(*v, key, errors);
  else in.missing(key);
  if (a) {
    Target target = Target::household;
    if constexpr (std::is_same_v<T, Profile>) {
      if (item) target = target_of(*item);
      else target = Target::child;  // the stricter row, so a broken profile is still judged
    }
    allowed(errors, command, target, *a);
  }
  if (item && exists(item->id))
    errors.push_back({code::conflict, std::string(key) + ".id", "id '" + item->id + "' is already used"});
  if (!errors.empty()) return errors;
  if constexpr (std::is_same_v<T, Profile>) item->created_at = *at;
  into.push_back(*item);
  if constexpr (std::is_same_v<T, Profile>) e.profile_index_.emplace(item->id, into.size() - 1);
  audit(e, *at, *a, action, to_json(*item));
  return to_json(*item);
}

bool Engine::Commands::actor_id_used(const Engine& e, const std::string& id) {
  if (id == detail::kOperator || id == detail::kSystem || id.rfind(kSupportPrefix, 0) == 0 ||
      profile(e, id))
    return true;
  return guardian(e, id) != nullptr;
}

Answer Engine::Commands::add_guardian(Engine& e, const json& c) {
  return add_member(e, c, "addGuardian", "guardian", detail::read_guardian,
                    [&](const std::string& id) { return actor_id_used(e, id); },
                    e.state_.guardians, "guardian_added");
}

Answer Engine::Commands::add_device(Engine& e, const json& c) {
  return add_member(e, c, "addDevice", "device", detail::read_device,
                    [&](const std::string& id) { return device(e, id) != nullptr; },
                    e.state_.devices, "device_added");
}

// R-PRO-1: parents create child profiles; a child starts without consent
// and not enabled (R-CON-1).
Answer Engine::Commands::add_profile(Engine& e, const json& c) {
  return add_member(
      e, c, "addProfile", "profile",
      [](const json& v, const std::string& p, Errors& errs) { return detail::read_profile(v, p, errs, true); },
      [&](const std::string& id) { return actor_id_used(e, id); }, e.state_.profiles,
      "profile_added");
}

Answer Engine::Commands::rename_profile(Engine& e, const json& c) {
  OnProfile cmd(e, c, "renameProfile", {"name"});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  auto name = in.text("name", kMaxNameBytes);
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  std::string previous = target->name;
  target->name = *name;
  audit(e, *at, *a, "profile_renamed", {{"profileId", p->id}, {"from", previous}, {"to", *name}});
  return to_json(*target);
}

namespace {
// Takes a profile out of the household after its data went (with a receipt).
void erase_profile(HouseholdState& s, const std::string& id) {
  s.profiles.erase(std::remove_if(s.profiles.begin(), s.profiles.end(),
                                  [&](const Profile& p) { return p.id == id; }),
                   s.profiles.end());
}

std::optional<std::string> unused_request_id(const Engine& e, Reader& in,
                                             const std::unordered_map<std::string, std::size_t>& used,
                                             bool required) {
  auto id = in.id("requestId", required);
  (void)e;
  if (id && used.count(*id)) {
    in.fail(code::conflict, "requestId", "request id '" + *id + "' is already used");
    return std::nullopt;
  }
  return id;
}
}  // namespace

// Removal deletes all of the profile's data, with a receipt (R-PRO-1, R-DEL-3).
Answer Engine::Commands::remove_profile(Engine& e, const json& c) {
  OnProfile cmd(e, c, "removeProfile", {"requestId"});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  auto request_id = unused_request_id(e, in, e.receipt_index_, true);
  if (!errors.empty()) return errors;
  Profile removed = *p;
  DeletionReceipt receipt = delete_all_of(e, removed, *request_id, a->id, *at);
  erase_profile(e.state_, removed.id);
  e.reindex();
  audit(e, *at, *a, "profile_removed", {{"profileId", removed.id}, {"requestId", *request_id}});
  return json{{"profileId", removed.id}, {"receipt", to_json(receipt)}};
}

// R-CON-1: enabling a child needs verified consent; pausing is always allowed.
Answer Engine::Commands::enable_profile(Engine& e, const json& c) {
  OnProfile cmd(e, c, "enableProfile", {"enabled"});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  auto enabled = in.boolean("enabled");
  if (p && enabled && *enabled && p->consent.state != ConsentState::verified)
    errors.push_back({code::consent_required, "enabled",
                      "a child profile is enabled only with verified parental consent (R-CON-1)"});
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  target->enabled = *enabled;
  audit(e, *at, *a, "profile_enabled", {{"profileId", p->id}, {"enabled", *enabled}});
  return to_json(*target);
}

// R-PRO-2: the parent keeps an inactive profile; its inactivity clock restarts.
Answer Engine::Commands::keep_profile(Engine& e, const json& c) {
  OnProfile cmd(e, c, "keepProfile", {});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  target->kept_at = *at;
  target->inactive_notified_at.reset();
  audit(e, *at, *a, "profile_kept", {{"profileId", p->id}});
  return to_json(*target);
}

// R-PRO-3: the parent reviews a child who turned 13; only the parent's
// explicit choice converts the profile to an adult's.
Answer Engine::Commands::resolve_age_review(Engine& e, const json& c) {
  OnProfile cmd(e, c, "resolveAgeReview", {"convertToAdult"});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  auto convert = in.boolean("convertToAdult");
  if (p && !p->age_review_flagged_at)
    errors.push_back({code::conflict, "profileId", "this profile is not flagged for an age review"});
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  target->age_review_flagged_at.reset();
  target->age_reviewed_at = *at;
  if (*convert) {
    target->kind = ProfileKind::adult;
    target->consent = Consent{};
    target->enabled = true;
  }
  audit(e, *at, *a, "age_review_resolved", {{"profileId", p->id}, {"convertToAdult", *convert}});
  return to_json(*target);
}

// R-PRO-2 and R-PRO-3 at `now`: notices, withdrawals, removals, reviews.
Answer Engine::Commands::sweep_profiles(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "actor", "now"})) return errors;
  auto at = now(in);
  Acting system{ActorKind::system, detail::kSystem, {}};
  if (in.find("actor"))
    if (auto a = actor(e, in)) allowed(errors, "sweepProfiles", Target::household, *a);
  if (!errors.empty()) return errors;
  const auto& policy = e.state_.retention_policy;
  json notified = json::array(), reactivated = json::array(), removed = json::array(),
       review = json::array();
  std::vector<std::string> to_remove;
  for (auto& p : e.state_.profiles) {
    switch (lifecycle_step(p, policy, *at)) {
      case LifecycleStep::notify:
        p.inactive_notified_at = *at;
        notified.push_back({{"profileId", p.id}, {"removalDueAt", *removal_due_at(p, policy)}});
        audit(e, *at, system, "profile_inactive_notified", {{"profileId", p.id}});
        break;
      case LifecycleStep::reactivated:
        p.inactive_notified_at.reset();
        reactivated.push_back(p.id);
        audit(e, *at, system, "profile_reactivated", {{"profileId", p.id}});
        break;
      case LifecycleStep::remove: to_remove.push_back(p.id); break;
      case LifecycleStep::none: break;
    }
    auto thirteen = thirteenth_birthday(p);
    if (p.kind == ProfileKind::child && thirteen && *thirteen <= *at && !p.age_review_flagged_at &&
        !p.age_reviewed_at) {
      p.age_review_flagged_at = *at;
      review.push_back(p.id);
      audit(e, *at, system, "age_review_flagged", {{"profileId", p.id}});
    }
  }
  for (const auto& id : to_remove) {
    Profile gone = *profile(e, id);
    DeletionReceipt receipt =
        delete_all_of(e, gone, "inactive-" + id + "-" + std::to_string(*at), detail::kSystem, *at);
    erase_profile(e.state_, id);
    e.reindex();
    audit(e, *at, system, "profile_removed", {{"profileId", id}, {"requestId", receipt.request_id}});
    removed.push_back({{"profileId", id}, {"receipt", to_json(receipt)}});
  }
  return json{{"notified", notified}, {"reactivated", reactivated}, {"removed", removed},
              {"ageReview", review}};
}

// One step of a child's consent along its legal transitions (consent.hpp).
Answer Engine::Commands::consent_step(Engine& e, const json& c, const char* command, ConsentEvent event) {
  Errors errors;
  Reader in(c, "", errors);
  bool shape = false;
  switch (event) {
    case ConsentEvent::request:
      shape = in.object({"command", "actor", "now", "profileId", "method"});
      break;
    case ConsentEvent::verify:
      shape = in.object({"command", "actor", "now", "profileId", "method", "reference",
                         "verifiedBy"});
      break;
    case ConsentEvent::cancel:
      shape = in.object({"command", "actor", "now", "profileId"});
      break;
    case ConsentEvent::revoke:
      shape = in.object({"command", "actor", "now", "profileId", "deleteData", "requestId"});
      break;
  }
  if (!require_household(e, errors) || !shape) return errors;
  auto at = now(in);
  auto a = actor(e, in);
  const Profile* p = managed_profile(e, in, a, command);
  std::optional<ConsentMethod> method;
  std::optional<std::string> reference, verified_by, request_id;
  bool delete_data = false;
  if (event == ConsentEvent::request || event == ConsentEvent::verify)
    method = in.choice("method", consent_method_from,
                       "signed_form, payment_card, toll_free_call, video_call, government_id, "
                       "knowledge_based, face_match, text_plus, email_plus");
  if (event == ConsentEvent::verify) {
    reference = in.text("reference", kMaxNameBytes);
    verified_by = in.text("verifiedBy", kMaxNameBytes);
    if (reference && reference->empty()) in.fail(code::invalid_input, "reference", "is required: the verifier's reference");
    if (verified_by && verified_by->empty()) in.fail(code::invalid_input, "verifiedBy", "is required: who verified");
  }
  if (event == ConsentEvent::revoke) {
    delete_data = in.boolean("deleteData").value_or(false);
    request_id = unused_request_id(e, in, e.receipt_index_, delete_data);
  }
  std::optional<ConsentState> next;
  if (p) {
    if (p->kind != ProfileKind::child) {
      errors.push_back({code::invalid_input, "profileId", "parental consent is for child profiles"});
    } else {
      auto moved = next_consent_state(p->consent.state, event);
      if (!moved) errors.push_back(moved.errors().front());
      else next = *moved;
    }
  }
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  Consent& consent = target->consent;
  consent.state = *next;
  json details = {{"profileId", p->id}, {"state", to_string(*next)}};
  json receipt;
  switch (event) {
    case ConsentEvent::request:
      consent.requested_method = *method;
      details["method"] = to_string(*method);
      break;
    case ConsentEvent::verify:
      consent.evidence = ConsentEvidence{*method, *reference, *verified_by, *at};
      consent.requested_method.reset();
      consent.notice_version = e.state_.privacy_notice.version;
      consent.reason.reset();
      consent.revoked_at.reset();
      if (!backs_disclosure(*method)) consent.disclosure = false;  // email-plus: internal only
      target->enabled = true;
      details["method"] = to_string(*method);
      details["reference"] = *reference;
      details["verifiedBy"] = *verified_by;
      break;
    case ConsentEvent::cancel:
      consent.requested_method.reset();
      break;
    case ConsentEvent::revoke:
      // R-CON-4: collection stops at once; the parent chose whether the data goes now.
      consent.revoked_at = *at;
      consent.disclosure = false;
      target->enabled = false;
      details["deleteData"] = delete_data;
      break;
  }
  audit(e, *at, *a, event == ConsentEvent::request  ? "consent_requested"
                    : event == ConsentEvent::verify ? "consent_verified"
                    : event == ConsentEvent::cancel ? "consent_cancelled"
                                                    : "consent_revoked",
        details);
  json out = {{"profileId", p->id}, {"consent", to_json(target->consent)}, {"enabled", target->enabled}};
  if (event == ConsentEvent::revoke) {
    Profile snapshot = *target;
    out["receipt"] = delete_data ? to_json(delete_all_of(e, snapshot, *request_id, a->id, *at)) : json();
  }
  return out;
}

Answer Engine::Commands::request_consent(Engine& e, const json& c) {
  return consent_step(e, c, "requestConsent", ConsentEvent::request);
}
Answer Engine::Commands::record_consent(Engine& e, const json& c) {
  return consent_step(e, c, "recordConsent", ConsentEvent::verify);
}
Answer Engine::Commands::cancel_consent(Engine& e, const json& c) {
  return consent_step(e, c, "cancelConsent", ConsentEvent::cancel);
}
Answer Engine::Commands::revoke_consent(Engine& e, const json& c) {
  return consent_step(e, c, "revokeConsent", ConsentEvent::revoke);
}

// R-CON-3: separate, off by default, never a condition of the service; only
// a method that backs disclosure (not email-plus) can turn it on.
Answer Engine::Commands::set_disclosure_consent(Engine& e, const json& c) {
  OnProfile cmd(e, c, "setDisclosureConsent", {"enabled"});
  if (!cmd.ready) return cmd.errors;
  auto& [errors, in, ready, at, a, p] = cmd;
  auto enabled = in.boolean("enabled");
  if (p && enabled && *enabled) {
    if (p->consent.state != ConsentState::verified)
      errors.push_back({code::consent_required, "enabled",
                        "disclosure consent needs verified consent to collection first"});
    else if (!backs_disclosure(p->consent.evidence->method))
      errors.push_back({code::consent_required, "enabled",
                        "consent by email-plus backs internal use only; disclosure to third "
                        "parties needs another approved method (R-CON-2)"});
  }
  if (!errors.empty()) return errors;
  Profile* target = profile(e, p->id);
  target->consent.disclosure = *enabled;
  audit(e, *at, *a, "disclosure_consent_set", {{"profileId", p->id}, {"enabled", *enabled}});
  return json{{"profileId", p->id}, {"consent", to_json(target->consent)}};
}

Answer Engine::Commands::privacy_disclosure_of(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command"})) return errors;
  json disclosure = privacy_disclosure(e.state_);
  return json{{"disclosure", disclosure}, {"html", privacy_disclosure_html(disclosure)}};
}

Answer Engine::Commands::authorization_table_of(Engine&, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!in.object({"command"})) return errors;
  json rows = json::array();
  for (const auto& row : authorization_table()) {
    json decisions = json::object();
    for (const auto& [kind, decision] : row.decisions)
      decisions[std::string(to_string(kind))] = decision == Decision::allow       ? "allow"
                                                : decision == Decision::self_only ? "self"
                                                                                  : "deny";
    rows.push_back({{"command", row.command}, {"target", to_string(row.target)}, {"decisions", decisions}});
  }
  json kinds = json::array();
  for (auto k : all_actor_kinds()) kinds.push_back(to_string(k));
  return json{{"actorKinds", kinds}, {"rows", rows}};
}

Answer Engine::Commands::overview_command(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command"})) return errors;
  return overview(e, c);
}

// Also the answer to createHousehold, whose fields it does not read.
Answer Engine::Commands::overview(Engine& e, const json&) {
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
    item["removalDueAt"] = optional_instant(removal_due_at(p, s.retention_policy));
    profiles.push_back(std::move(item));
  }
  json guardians = json::array(), devices = json::array();
  for (const auto& g : s.guardians) guardians.push_back(to_json(g));
  for (const auto& d : s.devices) devices.push_back(to_json(d));
  return json{{"household", {{"id", s.id}, {"name", s.name}}},
              {"guardians", guardians},
              {"devices", devices},
              {"profiles", profiles},
              {"retentionPolicy", to_json(s.retention_policy)},
              {"privacyNotice", to_json(s.privacy_notice)}};
}

// R-CON-4 review: one profile's data, for its parent (or the adult themself).
Answer Engine::Commands::export_profile_data(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command", "actor", "now", "profileId"}))
    return errors;
  auto a = actor(e, in);
  const Profile* p = managed_profile(e, in, a, "exportProfileData");
  if (!errors.empty()) return errors;
  EffectiveRetention eff = effective(e, *p);
  json recordings = json::array(), tombstones = json::array(), receipts = json::array();
  for (const auto& r : e.state_.recordings)
    if (r.profile_id == p->id) recordings.push_back(recording_json(r, eff));
  for (const auto& t : e.state_.tombstones)
    if (t.profile_id == p->id) tombstones.push_back(to_json(t));
  for (const auto& r : e.state_.receipts)
    if (r.profile_id == p->id) receipts.push_back(to_json(r));
  return json{{"schemaVersion", kSchemaVersion},
              {"householdId", e.state_.id},
              {"profile", to_json(*p)},
              {"effectiveRetention", to_json(eff, p->id)},
              {"recordings", recordings},
              {"tombstones", tombstones},
              {"receipts", receipts}};
}

Answer Engine::Commands::export_state(Engine& e, const json& c) {
  Errors errors;
  Reader in(c, "", errors);
  if (!require_household(e, errors) || !in.object({"command"})) return errors;
  return to_json(e.state_);
}

Answer Engine::Commands::import_state(Engine& e, const json& c) {
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
              {"schemaVersion", kSchemaVersion},
              {"recordings", e.state_.recordings.size()},
              {"auditEntries", e.state_.audit.entries().size()}};
}

}  // namespace privacy
