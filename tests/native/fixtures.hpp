#pragma once
// Shared set-up for the native suite: a household built through
// Engine::execute, helpers that run a command and return its result (or fail
// the test), and a helper that checks a failure's code and path and that the
// failed command left the exported state byte-identical.
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

// The whole exported state, as the JSON text a caller would store.
inline std::string exported(Engine& engine) {
  return engine.execute_json(R"({"command":"exportState"})");
}

// Runs a command that must succeed and returns its result.
inline json ok(Engine& engine, const json& command) {
  json out = engine.execute(command);
  INFO("command: " << command.dump(-1, ' ', false, json::error_handler_t::replace));
  INFO("answer: " << out.dump(-1, ' ', false, json::error_handler_t::replace));
  REQUIRE(out.is_object());
  REQUIRE(out.value("type", "") == "success");
  return out["result"];
}

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
inline json fails(Engine& engine, const json& command, std::string_view code,
                  std::string_view path) {
  std::string before = exported(engine);
  json out = engine.execute(command);
  INFO("command: " << command.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 400));
  INFO("answer: " << out.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 1000));
  check_failure_shape(out);
  CHECK_MESSAGE(has_error(out["errors"], code, path),
                "expected an error " << code << " at '" << path << "'");
  CHECK(exported(engine) == before);
  return out["errors"];
}

// The same for a command given as JSON text (execute_json).
inline json fails_text(Engine& engine, const std::string& text, std::string_view code,
                       std::string_view path) {
  std::string before = exported(engine);
  std::string answer = engine.execute_json(text);
  INFO("command: " << text.substr(0, 200));
  INFO("answer: " << answer.substr(0, 1000));
  json out = json::parse(answer, nullptr, false);
  REQUIRE_FALSE(out.is_discarded());
  check_failure_shape(out);
  CHECK_MESSAGE(has_error(out["errors"], code, path),
                "expected an error " << code << " at '" << path << "'");
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

inline json add_recording(Engine& engine, const json& rec, std::optional<Instant> now = std::nullopt) {
  Instant when = now ? *now : rec["capturedAt"].get<Instant>();
  return ok(engine, {{"command", "addRecording"}, {"now", when}, {"recording", rec}});
}

// The fixture household "h1":
//   guardians g1 (verified), g2 (not verified);
//   devices d1 (kitchen), d2 (bedroom);
//   profiles c1, c2 (children), a1, a2 (adults); default settings unless changed.
struct HouseholdOptions {
  int child_max_months = 18;
  std::optional<int> adult_max_months;
  std::optional<int> just_said_window_minutes;
  std::string id = "h1";
};

// Verifiable parental consent by a verified guardian (g1), signed form.
inline void give_consent(Engine& engine, const std::string& profile_id,
                         const std::string& method = "signed_form") {
  ok(engine, {{"command", "requestConsent"}, {"actor", "g1"}, {"now", kStart},
              {"profileId", profile_id}, {"method", method}});
  ok(engine, {{"command", "recordConsent"}, {"actor", "g1"}, {"now", kStart}, {"profileId", profile_id},
              {"method", method}, {"reference", "ref-" + profile_id}, {"verifiedBy", "test verifier"}});
}

inline void build_household(Engine& engine, const HouseholdOptions& o = {}) {
  ok(engine, {{"command", "createHousehold"},
              {"actor", "operator"},
              {"now", kStart},
              {"id", o.id},
              {"name", "The Garcias"},
              {"retentionPolicy",
               policy(o.child_max_months, o.adult_max_months, o.just_said_window_minutes)}});
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
    give_consent(engine, id);
  }
  add("addProfile", "profile", {{"id", "a1"}, {"name", "Ana"}, {"kind", "adult"}});
  add("addProfile", "profile", {{"id", "a2"}, {"name", "Ben"}, {"kind", "adult"}});
}

inline void set_retention(Engine& engine, const std::string& actor, const std::string& profile,
                          const std::string& setting, Instant now);
inline void enable_voice(Engine& engine, const std::string& actor, const std::string& profile);

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
  json bulk = json::array({recording("r8", "c3", "d2", t + 7000),
                           recording("r9", "a1", "d1", t + 8000, false)});
  bulk[0]["transcript"] = "ünïcödé ✓ \u2028 \"quoted\" \\ back";
  ok(engine, {{"command", "addRecordings"}, {"now", t + 9000}, {"recordings", bulk}});
  ok(engine, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", t + 10'000}, {"requestId", "req-ids"},
              {"profileId", "c3"}, {"kind", "ids"}, {"ids", {"r4", "r4"}}});
  ok(engine, {{"command", "deleteRecordings"}, {"actor", "a1"}, {"now", t + 11'000}, {"requestId", "req-range"},
              {"profileId", "a1"}, {"kind", "range"}, {"from", t}, {"to", t + 5000}});
  ok(engine, {{"command", "voiceRequest"}, {"requestId", "req-voice"}, {"profileId", "c2"}, {"deviceId", "d1"},
              {"utterance", "Alexa, delete what I just said"}, {"utcOffsetMinutes", 60}, {"now", t + 12'000}});
  ok(engine, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", t + 13'000}, {"requestId", "req-none"},
              {"profileId", "c1"}, {"kind", "device"}, {"deviceId", "d2"}});
  ok(engine, {{"command", "sweep"}, {"now", t + 14'000}});  // r1: dont_save
}

inline void set_retention(Engine& engine, const std::string& actor, const std::string& profile,
                          const std::string& setting, Instant now = kStart) {
  ok(engine, {{"command", "setRetention"},
              {"actor", actor},
              {"now", now},
              {"profileId", profile},
              {"setting", setting}});
}

inline void enable_voice(Engine& engine, const std::string& actor, const std::string& profile) {
  ok(engine, {{"command", "setVoiceDeletion"},
              {"actor", actor},
              {"now", kStart},
              {"profileId", profile},
              {"enabled", true}});
}

// Ids of the recordings the engine still holds (all profiles), sorted.
inline std::vector<std::string> live_ids(Engine& engine) {
  json list = ok(engine, {{"command", "listRecordings"}, {"limit", 10000}});
  std::vector<std::string> ids;
  for (const auto& r : list["recordings"]) ids.push_back(r["id"].get<std::string>());
  std::sort(ids.begin(), ids.end());
  return ids;
}

inline bool is_live(Engine& engine, const std::string& id) {
  auto ids = live_ids(engine);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

inline json may_use(Engine& engine, const std::string& id, const std::string& purpose) {
  return ok(engine, {{"command", "mayUse"}, {"recordingId", id}, {"purpose", purpose}});
}

inline json audit_entries(Engine& engine) {
  return ok(engine, {{"command", "auditLog"}, {"limit", 10000}})["entries"];
}

inline json counts(std::int64_t recordings, std::int64_t audio, std::int64_t transcript,
                   std::int64_t intent, std::int64_t annotation, std::int64_t training_copy) {
  return {{"recordings", recordings}, {"audio", audio},         {"transcript", transcript},
          {"intent", intent},         {"annotation", annotation}, {"training_copy", training_copy}};
}

// Every artifact of `n` fixture recordings made with recording(..., true).
inline json full_counts(std::int64_t n) { return counts(n, n, n, n, n, n); }

}  // namespace fixtures
