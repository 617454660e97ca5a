#pragma once
// Shared set-up for the native suite: a household built through
// Engine::execute (every command names its actor and its `now`, R-INT-5,
// R-INT-3), helpers that run a command and return its result (or fail the
// test), and a helper that checks a failure's code and path and that the
// failed command left the exported state byte-identical.
//
// The suite links the checked core (PRIVACY_CHECK_INVARIANTS): after every
// command that changed something the invariants are checked, and a failed
// command that changed anything aborts the run. So every test here is also
// an invariant test (R-INT-1).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/engine.hpp"
#include "privacy/time.hpp"

namespace fixtures {

using nlohmann::json;
using privacy::Engine;
using privacy::Instant;

// An ISO-8601 instant the test writes by hand; a typo is a test bug, so throw.
inline Instant at(std::string_view iso) {
  auto t = privacy::parse_iso8601(iso);
  if (!t) throw std::invalid_argument("bad instant in test: " + std::string(iso));
  return *t;
}

// 2026-01-01T00:00:00Z: when the fixture household is created.
inline const Instant kStart = at("2026-01-01T00:00:00Z");

// The time of the household's last audit entry (kStart before there is
// one): a change may not be dated before it (R-INT-3).
inline Instant last_at(const Engine& e) {
  const auto& log = e.household().state().audit_log;
  return e.household().exists() && !log.empty() ? log.back().at : kStart;
}
// `t`, or the last entry's time when that is later.
inline Instant later(const Engine& e, Instant t = kStart) { return std::max(t, last_at(e)); }

inline json category(const char* name, int child_max, std::optional<int> adult_max = std::nullopt) {
  return {{"category", name},
          {"childMaxMonths", child_max},
          {"adultMaxMonths", adult_max ? json(*adult_max) : json()},
          {"purpose", std::string("to answer requests (") + name + ")"},
          {"businessNeed", "to improve answers for the household"}};
}

// A written policy: the same child (and adult) maximum for every category.
inline json policy(int child_max = 18, std::optional<int> adult_max = std::nullopt,
                   std::optional<int> window_minutes = std::nullopt) {
  json p = {{"categories",
             json::array({category("audio", child_max, adult_max),
                          category("transcript", child_max, adult_max),
                          category("derived", child_max, adult_max)})}};
  if (window_minutes) p["justSaidWindowMinutes"] = *window_minutes;
  return p;
}

// The whole exported state, as the JSON text exportState gives (the state's
// own text), or the failure's answer when there is no household.
inline std::string exported(Engine& engine) {
  return engine.export_state(R"({"command":"exportState","actor":"system"})").text;
}

inline json state_of(Engine& engine) {
  auto out = engine.export_state(R"({"command":"exportState","actor":"system"})");
  REQUIRE(out.ok);
  return json::parse(out.text);
}

inline std::string dump(const json& j, std::size_t max = 1000) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, max);
}

// Runs a command that must succeed and returns the whole answer
// {type, result, effects}.
inline json answer_ok(Engine& engine, const json& command) {
  json out = engine.execute(command);
  INFO("command: " << dump(command, 400));
  INFO("answer: " << dump(out));
  REQUIRE(out.is_object());
  REQUIRE(out.value("type", "") == "success");
  REQUIRE(out.size() == 3);
  REQUIRE(out["effects"].is_object());
  REQUIRE(out["effects"]["changed"].is_boolean());
  REQUIRE(out["effects"]["deletedRecordingIds"].is_array());
  return out;
}

// Runs a command that must succeed and returns its result.
inline json ok(Engine& engine, const json& command) { return answer_ok(engine, command)["result"]; }

// True when `errors` holds an error with this code and path.
inline bool has_error(const json& errors, std::string_view code, std::string_view path) {
  if (!errors.is_array()) return false;
  for (const auto& e : errors)
    if (e.value("code", "") == code && e.value("path", "") == path) return true;
  return false;
}

inline void check_failure_shape(const json& out) {
  REQUIRE(out.is_object());
  CHECK(out.size() == 2);
  REQUIRE(out.value("type", "") == "failure");
  REQUIRE(out["errors"].is_array());
  REQUIRE_FALSE(out["errors"].empty());
  for (const auto& e : out["errors"]) {
    CHECK(e.size() == 3);
    CHECK(e["code"].is_string());
    CHECK(e["path"].is_string());
    CHECK(e["message"].is_string());
    CHECK_FALSE(e["message"].get<std::string>().empty());
  }
}

// Runs a command that must fail with (at least) an error of this code at this
// path, and checks that it changed nothing: the export is byte-identical.
// Returns the errors.
inline json fails(Engine& engine, const json& command, std::string_view code, std::string_view path) {
  std::string before = exported(engine);
  json out = engine.execute(command);
  INFO("command: " << dump(command, 400));
  INFO("answer: " << dump(out));
  check_failure_shape(out);
  CHECK_MESSAGE(has_error(out["errors"], code, path), "expected an error " << code << " at '" << path << "'");
  CHECK(exported(engine) == before);
  return out["errors"];
}

// The same for a command given as JSON text (execute_json), with the state
// beside it if given.
inline json fails_text(Engine& engine, const std::string& text, std::string_view code, std::string_view path,
                       std::string_view state = {}) {
  std::string before = exported(engine);
  std::string answer = engine.execute_json(text, state);
  INFO("command: " << text.substr(0, 200));
  INFO("answer: " << answer.substr(0, 1000));
  json out = json::parse(answer, nullptr, false);
  REQUIRE_FALSE(out.is_discarded());
  check_failure_shape(out);
  CHECK_MESSAGE(has_error(out["errors"], code, path), "expected an error " << code << " at '" << path << "'");
  CHECK(exported(engine) == before);
  return out["errors"];
}

// A recording with every kind of artifact: audio, transcript, and one derived
// item of each kind (intent, annotation, training copy).
inline json recording(const std::string& id, const std::string& profile, const std::string& device,
                      Instant captured_at, bool artifacts = true) {
  json r = {{"id", id}, {"profileId", profile}, {"deviceId", device}, {"capturedAt", captured_at}};
  if (artifacts) {
    r["audio"] = {{"ref", "blob/" + id}, {"durationMs", 1500}};
    r["transcript"] = "words of " + id;
    r["derived"] = json::array({{{"id", id + "-intent"}, {"kind", "intent"}},
                                {{"id", id + "-note"}, {"kind", "annotation"}},
                                {{"id", id + "-train"}, {"kind", "training_copy"}}});
  }
  return r;
}

// Intake is the system's (R-INT-5); `now` defaults to the capture time, or
// the last audit entry's when that is later.
inline json intake(const json& rec, Instant now) {
  return {{"command", "addRecording"}, {"actor", "system"}, {"now", now}, {"recording", rec}};
}
inline json add_recording(Engine& engine, const json& rec, std::optional<Instant> now = std::nullopt) {
  return ok(engine, intake(rec, now ? *now : later(engine, rec["capturedAt"].get<Instant>())));
}

// The fixture household "h1":
//   guardians g1 (verified), g2 (not verified);
//   devices d1 (kitchen), d2 (bedroom);
//   profiles c1, c2 (children, consented), a1, a2 (adults); default settings unless changed.
struct HouseholdOptions {
  int child_max_months = 18;
  std::optional<int> adult_max_months;
  std::optional<int> just_said_window_minutes;
  std::string id = "h1";
};

// Verifiable parental consent by a verified guardian (g1), signed form.
inline void give_consent(Engine& engine, const std::string& profile_id, const std::string& method = "signed_form",
                         std::optional<Instant> now = std::nullopt) {
  const Instant when = now ? *now : later(engine);
  ok(engine, {{"command", "requestConsent"}, {"actor", "g1"}, {"now", when}, {"profileId", profile_id},
              {"method", method}});
  ok(engine, {{"command", "recordConsent"}, {"actor", "g1"}, {"now", when}, {"profileId", profile_id},
              {"method", method}, {"reference", "ref-" + profile_id}, {"verifiedBy", "test verifier"}});
}

inline void build_household(Engine& engine, const HouseholdOptions& o = {}) {
  ok(engine, {{"command", "createHousehold"},
              {"actor", "operator"},
              {"now", kStart},
              {"id", o.id},
              {"name", "The Garcias"},
              {"retentionPolicy", policy(o.child_max_months, o.adult_max_months, o.just_said_window_minutes)}});
  auto add = [&](const char* command, const char* key, json item) {
    ok(engine, {{"command", command}, {"actor", "operator"}, {"now", kStart}, {key, item}});
  };
  add("addGuardian", "guardian", {{"id", "g1"}, {"name", "Ana"}, {"verified", true}});
  add("addGuardian", "guardian", {{"id", "g2"}, {"name", "Ben"}, {"verified", false}});
  add("addDevice", "device", {{"id", "d1"}, {"name", "Kitchen speaker"}});
  add("addDevice", "device", {{"id", "d2"}, {"name", "Bedroom speaker"}});
  // R-PRO-1: parents create children; R-CON-1: each needs verified consent
  // before anything is recorded.
  for (const char* id : {"c1", "c2"}) {
    ok(engine, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
                {"profile", {{"id", id}, {"name", std::string(id) == "c1" ? "Mia" : "Leo"}, {"kind", "child"}}}});
    give_consent(engine, id, "signed_form", kStart);
  }
  add("addProfile", "profile", {{"id", "a1"}, {"name", "Ana"}, {"kind", "adult"}});
  add("addProfile", "profile", {{"id", "a2"}, {"name", "Ben"}, {"kind", "adult"}});
}

// A teen "t1" (born 2011-06-01: 14 at kStart), added by g1.
inline void add_teen(Engine& engine, const std::string& id = "t1") {
  ok(engine, {{"command", "addProfile"}, {"actor", "g1"}, {"now", later(engine)},
              {"profile", {{"id", id}, {"name", "Sol"}, {"kind", "teen"}, {"birthDate", "2011-06-01"}}}});
}

inline json set_retention(Engine& engine, const std::string& actor, const std::string& profile,
                          const std::string& setting, std::optional<Instant> now = std::nullopt) {
  return ok(engine, {{"command", "setRetention"},
                     {"actor", actor},
                     {"now", now ? *now : later(engine)},
                     {"profileId", profile},
                     {"setting", setting}});
}

inline void enable_voice(Engine& engine, const std::string& actor, const std::string& profile) {
  ok(engine, {{"command", "setVoiceDeletion"},
              {"actor", actor},
              {"now", later(engine)},
              {"profileId", profile},
              {"enabled", true}});
}

// A household with something of everything: recordings with and without
// artifacts, a birth date, non-ASCII names, every kind of deletion, a sweep,
// voice deletion, an adult maximum and a custom window.
inline void build_rich_household(Engine& engine) {
  build_household(engine, {.child_max_months = 12, .adult_max_months = 60, .just_said_window_minutes = 15});
  ok(engine, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
              {"profile", {{"id", "c3"}, {"name", "Zoë 🎈 \"Z\""}, {"kind", "child"},
                           {"birthDate", "2019-02-28"}, {"retention", "18_months"}}}});
  give_consent(engine, "c3");
  set_retention(engine, "g1", "c1", "dont_save", kStart);
  set_retention(engine, "a1", "a1", "until_deleted", kStart);
  enable_voice(engine, "g1", "c2");
  const Instant t = at("2026-02-01T12:00:00Z");
  add_recording(engine, recording("r1", "c1", "d1", t));
  add_recording(engine, recording("r2", "c2", "d1", t + 1000));
  add_recording(engine, recording("r3", "c2", "d2", t + 2000, false));
  add_recording(engine, recording("r4", "c3", "d1", t + 3000));
  add_recording(engine, recording("r5", "a1", "d2", t + 4000));
  add_recording(engine, recording("r6", "a2", "d1", t + 5000));
  add_recording(engine, recording("r7", "c2", "d1", t + 6000));
  json bulk = json::array({recording("r8", "c3", "d2", t + 7000), recording("r9", "a1", "d1", t + 8000, false)});
  bulk[0]["transcript"] = "ünïcödé ✓ \u2028 \"quoted\" \\ back";
  ok(engine, {{"command", "addRecordings"}, {"actor", "system"}, {"now", t + 9000}, {"recordings", bulk}});
  ok(engine, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", t + 10'000}, {"requestId", "req-ids"},
              {"profileId", "c3"}, {"kind", "ids"}, {"ids", {"r4", "r4"}}});
  ok(engine, {{"command", "deleteRecordings"}, {"actor", "a1"}, {"now", t + 11'000}, {"requestId", "req-range"},
              {"profileId", "a1"}, {"kind", "range"}, {"from", t}, {"to", t + 5000}});
  ok(engine, {{"command", "voiceRequest"}, {"actor", "c2"}, {"requestId", "req-voice"}, {"profileId", "c2"},
              {"deviceId", "d1"}, {"utterance", "Alexa, delete what I just said"}, {"utcOffsetMinutes", 60},
              {"now", t + 12'000}});
  ok(engine, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", t + 13'000}, {"requestId", "req-none"},
              {"profileId", "c1"}, {"kind", "device"}, {"deviceId", "d2"}});
  ok(engine, {{"command", "sweep"}, {"actor", "system"}, {"now", t + 14'000}});  // r1: dont_save
}

// Ids of the recordings the engine still holds (all profiles), sorted.
inline std::vector<std::string> live_ids(const Engine& engine) {
  std::vector<std::string> ids;
  for (const auto& r : engine.household().state().recordings) ids.push_back(r.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

inline bool is_live(const Engine& engine, const std::string& id) {
  auto ids = live_ids(engine);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

inline json may_use(Engine& engine, const std::string& id, const std::string& purpose) {
  return ok(engine, {{"command", "mayUse"}, {"actor", "system"}, {"recordingId", id}, {"purpose", purpose}});
}

inline json audit_entries(Engine& engine) {
  return ok(engine, {{"command", "auditLog"}, {"actor", "operator"}, {"limit", 10000}})["entries"];
}

inline json tombstones(Engine& engine) {
  return ok(engine, {{"command", "tombstones"}, {"actor", "g1"}})["tombstones"];
}

inline json overview(Engine& engine, const std::string& actor = "g1") {
  return ok(engine, {{"command", "overview"}, {"actor", actor}});
}

inline json profile_view(Engine& engine, const std::string& id) {
  const json view = overview(engine, "system");
  for (const auto& p : view["profiles"])
    if (p["id"] == id) return p;
  return nullptr;
}

// importState with the state beside the command, as the package sends it.
inline json import_command(const json& state, Instant now, const std::string& actor = "operator") {
  return {{"command", "importState"}, {"actor", actor}, {"now", now}, {"state", state}};
}
inline json import_state(Engine& engine, const json& state, std::optional<Instant> now = std::nullopt,
                         const std::string& actor = "operator") {
  const Instant when = now ? *now : later(engine, state["auditLog"].empty() ? kStart : state["auditLog"].back()["at"].get<Instant>());
  return ok(engine, import_command(state, when, actor));
}

// The state as it is exports and imports back into a fresh engine byte for
// byte (R-INT-1).
inline void check_round_trip(Engine& engine) {
  const std::string text = exported(engine);
  Engine copy;
  REQUIRE(json::parse(copy.execute_json(
              json{{"command", "importState"}, {"actor", "operator"}, {"now", last_at(engine)}}.dump(), text))["type"] ==
          "success");
  CHECK(exported(copy) == text);
}

inline json counts(std::int64_t recordings, std::int64_t audio, std::int64_t transcript, std::int64_t intent,
                   std::int64_t annotation, std::int64_t training_copy) {
  return {{"recordings", recordings}, {"audio", audio},           {"transcript", transcript},
          {"intent", intent},         {"annotation", annotation}, {"training_copy", training_copy}};
}

// Every artifact of `n` fixture recordings made with recording(..., true).
inline json full_counts(std::int64_t n) { return counts(n, n, n, n, n, n); }

}  // namespace fixtures
