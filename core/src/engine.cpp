#include "privacy/engine.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>

#include "engine_internal.hpp"
#include "utf8.hpp"

namespace privacy {

using detail::Reader;

json success(json result) { return {{"type", "success"}, {"result", std::move(result)}}; }

json failure(const Errors& errors) {
  json list = json::array();
  for (const auto& e : errors)
    list.push_back({{"code", e.code}, {"path", e.path}, {"message", e.message}});
  return {{"type", "failure"}, {"errors", list}};
}

json optional_instant(const std::optional<Instant>& t) { return t ? json(*t) : json(); }

json to_json(const EffectiveRetention& e, const std::string& profile_id) {
  return {{"profileId", profile_id},
          {"setting", to_string(e.setting)},
          {"months", e.months ? json(*e.months) : json()},
          {"cappedByPolicy", e.capped_by_policy},
          {"policyMaxMonths", e.policy_max_months ? json(*e.policy_max_months) : json()}};
}

// ---- shared pieces ----------------------------------------------------------

// Profiles are looked up per recording at intake and in sweeps: by index.
const Profile* Engine::Commands::profile(const Engine& e, const std::string& id) {
  auto it = e.profile_index_.find(id);
  return it == e.profile_index_.end() ? nullptr : &e.state_.profiles[it->second];
}

Profile* Engine::Commands::profile(Engine& e, const std::string& id) {
  auto it = e.profile_index_.find(id);
  return it == e.profile_index_.end() ? nullptr : &e.state_.profiles[it->second];
}

const Device* Engine::Commands::device(const Engine& e, const std::string& id) {
  for (const auto& d : e.state_.devices)
    if (d.id == id) return &d;
  return nullptr;
}

const Guardian* Engine::Commands::guardian(const Engine& e, const std::string& id) {
  for (const auto& g : e.state_.guardians)
    if (g.id == id) return &g;
  return nullptr;
}

std::optional<Acting> Engine::Commands::actor(const Engine& e, Reader& in) {
  auto id = in.id("actor");
  auto on_behalf_of = in.id("onBehalfOf", false);
  if (!id) return std::nullopt;
  Acting a{ActorKind::other_household, *id, {}};
  if (*id == detail::kOperator) a.kind = ActorKind::operator_;
  else if (*id == detail::kSystem) a.kind = ActorKind::system;
  else if (id->rfind("support:", 0) == 0) {
    // A support agent acts only on a verified guardian's request (R-CON-6).
    const Guardian* g = on_behalf_of ? guardian(e, *on_behalf_of) : nullptr;
    a.kind = g && g->verified ? ActorKind::support_with_request : ActorKind::support_without_request;
    if (a.kind == ActorKind::support_with_request) a.on_behalf_of = on_behalf_of;
  } else if (const Guardian* g = guardian(e, *id)) {
    a.kind = g->verified ? ActorKind::verified_guardian : ActorKind::unverified_guardian;
  } else if (const Profile* p = profile(e, *id)) {
    a.kind = p->kind == ProfileKind::child ? ActorKind::child : ActorKind::adult;
  }
  if (on_behalf_of && id->rfind("support:", 0) != 0)
    in.fail(code::invalid_input, "onBehalfOf", "only a support agent acts on someone's behalf");
  return a;
}

bool Engine::Commands::allowed(Errors& errors, std::string_view command, Target target, const Acting& a,
                               std::string_view profile_id) {
  if (authorize(command, target, a.kind, a.id, profile_id)) return true;
  errors.push_back({code::forbidden, "actor",
                    "'" + a.id + "' (" + std::string(to_string(a.kind)) + ") may not " +
                        std::string(command) +
                        (target == Target::household ? std::string(" in this household")
                                                     : " for " + std::string(target == Target::adult ? "an adult" : "a child") +
                                                           " profile") +
                        " (R-CON-6; see the authorization table)"});
  return false;
}

const Profile* Engine::Commands::managed_profile(const Engine& e, Reader& in,
                                                 const std::optional<Acting>& a,
                                                 std::string_view command) {
  auto id = in.id("profileId");
  if (!id) return nullptr;
  const Profile* p = profile(e, *id);
  if (!p) {
    in.fail(code::not_found, in.path("profileId"), "no profile '" + *id + "' in this household");
    return nullptr;
  }
  if (a) allowed(in.errors(), command, target_of(*p), *a, p->id);
  return p;
}

Engine::Commands::OnProfile::OnProfile(const Engine& e, const json& c, std::string_view command,
                                       std::initializer_list<std::string_view> fields)
    : in(c, "", errors) {
  std::vector<std::string_view> allowed{"command", "actor", "now", "profileId"};
  allowed.insert(allowed.end(), fields.begin(), fields.end());
  if (!require_household(e, errors) || !in.object(allowed)) return;
  ready = true;
  at = now(in);
  acting = actor(e, in);
  profile = managed_profile(e, in, acting, command);
}

bool Engine::Commands::require_household(const Engine& e, Errors& errors) {
  if (!e.state_.created)
    errors.push_back({code::not_found, "", "no household yet: createHousehold or importState first"});
  return e.state_.created;
}

EffectiveRetention Engine::Commands::effective(const Engine& e, const Profile& p) {
  return effective_retention(p.kind, p.retention, e.state_.retention_policy);
}

std::unordered_map<std::string, EffectiveRetention> Engine::Commands::effective_by_profile(const Engine& e) {
  std::unordered_map<std::string, EffectiveRetention> out;
  for (const auto& p : e.state_.profiles) out.emplace(p.id, effective(e, p));
  return out;
}

json Engine::Commands::recording_json(const Recording& r, const EffectiveRetention& eff) {
  json out = to_json(r);
  out["dueAt"] = optional_instant(due_at(r.captured_at, eff));
  return out;
}

void Engine::Commands::audit(Engine& e, Instant at, const std::string& actor, const char* action,
                             json details) {
  e.state_.audit.append(at, actor, action, std::move(details));
}

void Engine::Commands::audit(Engine& e, Instant at, const Acting& a, const char* action, json details) {
  if (a.on_behalf_of) details["onBehalfOf"] = *a.on_behalf_of;
  audit(e, at, a.id, action, std::move(details));
}

std::vector<std::size_t> Engine::Commands::profile_recordings(const Engine& e, const std::string& id) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < e.state_.recordings.size(); ++i)
    if (e.state_.recordings[i].profile_id == id) out.push_back(i);
  return out;
}

// ---- the command table --------------------------------------------------------

const std::map<std::string, Engine::Commands::Handler, std::less<>>& Engine::Commands::table() {
  static const std::map<std::string, Handler, std::less<>> commands = {
      {"createHousehold", &create_household},
      {"setRetentionPolicy", &set_retention_policy},
      {"setPrivacyNotice", &set_privacy_notice},
      {"addGuardian", &add_guardian},
      {"addDevice", &add_device},
      {"addProfile", &add_profile},
      {"renameProfile", &rename_profile},
      {"removeProfile", &remove_profile},
      {"enableProfile", &enable_profile},
      {"keepProfile", &keep_profile},
      {"resolveAgeReview", &resolve_age_review},
      {"sweepProfiles", &sweep_profiles},
      {"requestConsent", &request_consent},
      {"recordConsent", &record_consent},
      {"cancelConsent", &cancel_consent},
      {"revokeConsent", &revoke_consent},
      {"setDisclosureConsent", &set_disclosure_consent},
      {"privacyDisclosure", &privacy_disclosure_of},
      {"authorizationTable", &authorization_table_of},
      {"addRecording", &add_recording},
      {"addRecordings", &add_recordings},
      {"setRetention", &set_retention},
      {"setVoiceDeletion", &set_voice_deletion},
      {"effectiveRetention", &effective_retention_of},
      {"previewRetention", &preview_retention},
      {"listRecordings", &list_recordings},
      {"overview", &overview_command},
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
      {"exportProfileData", &export_profile_data},
      {"importState", &import_state},
      {"decodeTcString", [](Engine& e, const json& c) { return decode_tc_string_command(e.state(), c); }},
      {"decodeGpp", [](Engine& e, const json& c) { return decode_gpp_command(e.state(), c); }},
      {"decideAds", [](Engine& e, const json& c) { return decide_ads_command(e.state(), c); }},
  };
  return commands;
}

void Engine::reindex() {
  profile_index_.clear();
  for (std::size_t i = 0; i < state_.profiles.size(); ++i) profile_index_.emplace(state_.profiles[i].id, i);
  recording_index_.clear();
  tombstone_index_.clear();
  receipt_index_.clear();
  recording_index_.reserve(state_.recordings.size());
  recording_slot_.clear();
  recording_slot_.reserve(state_.recordings.size());
  for (std::size_t i = 0; i < state_.recordings.size(); ++i) {
    recording_index_.emplace(state_.recordings[i].id, i);
    recording_slot_.push_back(static_cast<std::uint32_t>(profile_index_.at(state_.recordings[i].profile_id)));
  }
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
                       "unknown command '" + detail::utf8_prefix(name->get_ref<const std::string&>(), 64) + "'"}});
    Answer answer = it->second(*this, command);
    if (!answer) return failure(answer.errors());
    return success(std::move(answer).value());
  } catch (const std::exception& ex) {
#ifdef PRIVACY_ABORT_ON_EXCEPTION
    std::abort();
#endif
    return failure({{code::internal, "", std::string("internal error: ") + ex.what()}});
  } catch (...) {
#ifdef PRIVACY_ABORT_ON_EXCEPTION
    std::abort();
#endif
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
#ifdef PRIVACY_ABORT_ON_EXCEPTION
    std::abort();
#endif
    return failure({{code::internal, "", "internal error"}}).dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace privacy
