// The JSON command engine under hostile input: every bad command is answered
// with a failure of a stable code and path, nothing throws, and the exported
// state is byte-identical before and after every failed command.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

// A command as JSON text, for the cases that only text can express.
std::string text_of(const json& command) { return command.dump(); }

json guardian_command(json guardian) {
  return {{"command", "addGuardian"}, {"actor", "operator"}, {"now", kStart}, {"guardian", std::move(guardian)}};
}

json preview_at(json now) { return {{"command", "previewSweep"}, {"now", std::move(now)}}; }

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("answers are tagged: success with a result, failure with coded errors") {
  Engine e;
  build_household(e);
  json good = e.execute({{"command", "overview"}});
  CHECK(good["type"] == "success");
  CHECK(good.size() == 2);
  CHECK(good["result"]["household"]["id"] == "h1");
  json bad = e.execute({{"command", "tombstones"}, {"verbose", true}});
  check_failure_shape(bad);
  CHECK(has_error(bad["errors"], "invalid_input", "verbose"));
}

TEST_CASE("commands before a household exists are not_found, except creating or importing one") {
  Engine e;
  for (const char* name : {"overview", "exportState", "tombstones", "auditLog", "verifyAuditLog", "sweep",
                           "previewSweep", "listRecordings", "mayUse", "deleteRecordings", "voiceRequest",
                           "addGuardian", "setRetention"}) {
    INFO(name);
    json out = e.execute({{"command", name}});
    check_failure_shape(out);
    CHECK(out["errors"][0]["code"] == "not_found");
    CHECK(out["errors"][0]["path"] == "");
  }
}

TEST_CASE("malformed JSON text is invalid_input at the root") {
  Engine e;
  build_household(e);
  for (std::string text : {std::string(""), std::string(" "), std::string("{"), std::string("}"),
                           std::string("{\"command\":"), std::string("{\"command\":\"overview\""),
                           std::string("{'command':'overview'}"), std::string("{command:\"overview\"}"),
                           std::string("{\"command\":\"overview\"} trailing"),
                           std::string("{\"command\":\"overview\",}"), std::string("/* c */{\"command\":\"overview\"}"),
                           std::string("{\"command\":\"previewSweep\",\"now\":NaN}"),
                           std::string("{\"command\":\"previewSweep\",\"now\":Infinity}"),
                           std::string("{\"command\":\"previewSweep\",\"now\":-Infinity}"),
                           std::string("{\"command\":\"previewSweep\",\"now\":1e400}"),
                           std::string("{\"command\":\"previewSweep\",\"now\":0x10}"),
                           std::string("{\"command\":\"previewSweep\",\"now\":01}"),
                           std::string("\x00{}", 3), std::string("nul"), std::string("\"unterminated")}) {
    INFO(text);
    fails_text(e, text, "invalid_input", "");
  }
}

TEST_CASE("a command that is not an object is invalid_input at the root") {
  Engine e;
  build_household(e);
  for (const char* text : {"[]", "[{\"command\":\"overview\"}]", "42", "-1.5", "\"overview\"", "null", "true", "false"})
    fails_text(e, text, "invalid_input", "");
  fails(e, json::array({{{"command", "overview"}}}), "invalid_input", "");
  fails(e, json(nullptr), "invalid_input", "");
  fails(e, json("exportState"), "invalid_input", "");
  fails(e, json::binary({1, 2, 3}), "invalid_input", "");
}

TEST_CASE("a missing, mistyped or unknown command name") {
  Engine e;
  build_household(e);
  fails(e, json::object(), "invalid_input", "command");
  fails(e, {{"command", 5}}, "invalid_input", "command");
  fails(e, {{"command", nullptr}}, "invalid_input", "command");
  fails(e, {{"command", {{"name", "overview"}}}}, "invalid_input", "command");
  fails(e, {{"command", "dropHousehold"}}, "not_found", "command");
  fails(e, {{"command", "Overview"}}, "not_found", "command");  // names are exact
  fails(e, {{"command", "overview "}}, "not_found", "command");
  fails(e, {{"command", ""}}, "not_found", "command");
  // A huge unknown name is not echoed whole.
  json errors = fails(e, {{"command", std::string(1'000'000, 'x')}}, "not_found", "command");
  CHECK(errors[0]["message"].get<std::string>().size() < 200);
}

TEST_CASE("deep nesting is refused before parsing") {
  Engine e;
  build_household(e);
  // 33 levels inside a field.
  std::string deep = R"({"command":"tombstones","x":)" + repeat("[", 32) + repeat("]", 32) + "}";
  fails_text(e, deep, "invalid_input", "");
  // A million levels: refused at once, no stack spent.
  auto started = std::chrono::steady_clock::now();
  fails_text(e, repeat("[", 1'000'000), "invalid_input", "");
  fails_text(e, repeat("{\"a\":", 500'000), "invalid_input", "");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  // 32 levels in all is parsed, and then judged on its fields.
  std::string at_limit = R"({"command":"tombstones","x":)" + repeat("[", 31) + repeat("]", 31) + "}";
  fails_text(e, at_limit, "invalid_input", "x");
  // Brackets inside strings are text, not nesting (escaped quotes included).
  std::string in_string = R"({"command":"parseVoiceRequest","utterance":"\")" + repeat("[", 100) + R"("})";
  fails_text(e, in_string, "not_understood", "utterance");
}

TEST_CASE("huge strings are refused where they would be stored, with their path") {
  Engine e;
  build_household(e);
  const std::string mega(1 << 20, 'x');
  fails(e, guardian_command({{"id", "g9"}, {"name", mega}, {"verified", true}}), "invalid_input", "guardian.name");
  fails(e, {{"command", "parseVoiceRequest"}, {"utterance", std::string(10 << 20, 'a')}}, "invalid_input", "utterance");
  json rec = recording("r1", "c1", "d1", kStart);
  rec["transcript"] = mega;
  fails(e, {{"command", "addRecording"}, {"now", kStart}, {"recording", rec}}, "invalid_input", "recording.transcript");
  json p = policy();
  p["categories"][0]["purpose"] = mega;
  fails(e, {{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", kStart}, {"retentionPolicy", p}},
        "invalid_input", "retentionPolicy.categories[0].purpose");
  // An unknown field with a huge name: refused, its path cut short.
  json cmd = {{"command", "tombstones"}, {mega, 1}};
  json errors = fails(e, cmd, "invalid_input", std::string(64, 'x'));
  // The same through JSON text.
  fails_text(e, text_of(guardian_command({{"id", "g9"}, {"name", mega}, {"verified", true}})), "invalid_input",
             "guardian.name");
}

TEST_CASE("ids are non-empty strings of at most 128 bytes") {  // covers RULES.md R-DEL "Precise meanings"
  Engine e;
  build_household(e);
  const std::string euro = "\xe2\x82\xac";  // 3 bytes
  for (json bad : {json(std::string(129, 'g')), json(repeat(euro, 43)), json(""), json(7), json(true),
                   json::array({"g9"}), json::object()}) {
    INFO(bad.dump());
    fails(e, guardian_command({{"id", bad}, {"name", "X"}, {"verified", true}}), "invalid_input", "guardian.id");
  }
  fails(e, guardian_command({{"name", "X"}, {"verified", true}}), "invalid_input", "guardian.id");
  fails(e, {{"command", "deleteRecordings"}, {"actor", std::string(129, 'g')}, {"now", kStart}, {"requestId", "r"},
            {"profileId", "c1"}, {"kind", "all"}},
        "invalid_input", "actor");
  fails(e, {{"command", "mayUse"}, {"recordingId", std::string(129, 'r')}, {"purpose", "service"}}, "invalid_input",
        "recordingId");
  // 128 bytes exactly, and 42 three-byte characters, are ids.
  ok(e, guardian_command({{"id", std::string(128, 'g')}, {"name", "X"}, {"verified", true}}));
  ok(e, guardian_command({{"id", repeat(euro, 42)}, {"name", "X"}, {"verified", true}}));
}

TEST_CASE("instants must be whole epoch milliseconds in years 1..9999, or ISO-8601 with an offset") {
  Engine e;
  build_household(e);
  const std::vector<json> bad = {
      json(1.5),
      json(1767225600000.0),  // integral, but a float: not a whole number in JSON terms
      json(1e300),
      json(-1e300),
      json(std::numeric_limits<double>::quiet_NaN()),
      json(std::numeric_limits<double>::infinity()),
      json(-std::numeric_limits<double>::infinity()),
      json(privacy::kMaxInstant + 1),
      json(privacy::kMinInstant - 1),
      json(std::numeric_limits<std::int64_t>::max()),
      json(std::numeric_limits<std::int64_t>::min()),
      json(std::numeric_limits<std::uint64_t>::max()),
      json("1767225600000"),
      json("NaN"),
      json("Infinity"),
      json("2026-01-01T00:00:00"),
      json("2026-02-30T00:00:00Z"),
      json("2026-01-01T24:00:00Z"),
      json("yesterday"),
      json(""),
      json(true),
      json::array({1767225600000}),
      json::object({{"ms", 1767225600000}}),
  };
  for (const auto& now : bad) {
    INFO(now.dump(-1, ' ', false, json::error_handler_t::replace));
    fails(e, preview_at(now), "invalid_input", "now");
  }
  // The same refusal where an instant is stored.
  json rec = recording("r1", "c1", "d1", kStart);
  rec["capturedAt"] = 1.5;
  fails(e, {{"command", "addRecording"}, {"now", kStart}, {"recording", rec}}, "invalid_input", "recording.capturedAt");
  // Through JSON text: a number too big for 64 bits, and an exponent.
  fails_text(e, R"({"command":"previewSweep","now":18446744073709551616})", "invalid_input", "now");
  fails_text(e, R"({"command":"previewSweep","now":1.7672256e12})", "invalid_input", "now");
  fails_text(e, R"({"command":"previewSweep","now":-0.0})", "invalid_input", "now");
  // The edges themselves are instants.
  CHECK(ok(e, preview_at(privacy::kMaxInstant))["now"] == privacy::kMaxInstant);
  CHECK(ok(e, preview_at(privacy::kMinInstant))["now"] == privacy::kMinInstant);
  CHECK(ok(e, preview_at("9999-12-31T23:59:59.999Z"))["now"] == privacy::kMaxInstant);
  CHECK(ok(e, preview_at("2026-01-01T01:00:00+01:00"))["now"] == kStart);
  CHECK(ok(e, preview_at(0))["now"] == 0);
  CHECK(ok(e, preview_at(-1))["now"] == -1);
}

TEST_CASE("other whole numbers are range-checked too") {
  Engine e;
  build_household(e);
  fails(e, {{"command", "listRecordings"}, {"limit", 0}}, "invalid_input", "limit");
  fails(e, {{"command", "listRecordings"}, {"limit", 10'001}}, "invalid_input", "limit");
  fails(e, {{"command", "listRecordings"}, {"limit", 2.5}}, "invalid_input", "limit");
  fails(e, {{"command", "listRecordings"}, {"limit", std::numeric_limits<double>::quiet_NaN()}}, "invalid_input",
        "limit");
  fails(e, {{"command", "listRecordings"}, {"offset", -1}}, "invalid_input", "offset");
  fails(e, {{"command", "listRecordings"}, {"offset", std::numeric_limits<std::uint64_t>::max()}}, "invalid_input",
        "offset");
  json rec = recording("r1", "c1", "d1", kStart);
  rec["audio"]["durationMs"] = std::numeric_limits<double>::infinity();
  fails(e, {{"command", "addRecording"}, {"now", kStart}, {"recording", rec}}, "invalid_input",
        "recording.audio.durationMs");
}

TEST_CASE("invalid UTF-8 is refused") {
  Engine e;
  build_household(e);
  // In JSON text: the parser refuses it, at the root.
  for (std::string bytes : {std::string("\xff"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
                            std::string("\x80"), std::string("\xe2\x82"), std::string("\xf8\x88\x80\x80\x80")}) {
    std::string text = R"({"command":"addGuardian","actor":"operator","now":0,"guardian":{"id":"g9","name":")" +
                       bytes + R"(","verified":true}})";
    fails_text(e, text, "invalid_input", "");
  }
  // An escaped lone surrogate is not a character either.
  fails_text(e, R"({"command":"parseVoiceRequest","utterance":"\ud800 delete that"})", "invalid_input", "");
  // Handed over as a JSON value, the field that holds it is named.
  fails(e, guardian_command({{"id", "g9"}, {"name", "Ana \xff"}, {"verified", true}}), "invalid_input",
        "guardian.name");
  fails(e, guardian_command({{"id", "g\xc0\xaf"}, {"name", "Ana"}, {"verified", true}}), "invalid_input",
        "guardian.id");
  json rec = recording("r1", "c1", "d1", kStart);
  rec["transcript"] = "caf\xe9";  // Latin-1, not UTF-8
  fails(e, {{"command", "addRecording"}, {"now", kStart}, {"recording", rec}}, "invalid_input", "recording.transcript");
  // Valid UTF-8 of every length is kept as given.
  json kept = ok(e, guardian_command({{"id", "g9"}, {"name", "Zoë ☃ 🎈"}, {"verified", true}}));
  CHECK(kept["name"] == "Zoë ☃ 🎈");
}

TEST_CASE("an unknown field's path is cut on a character boundary") {
  Engine e;
  build_household(e);
  // 22 three-byte characters (66 bytes): a cut at 64 bytes would split the 22nd.
  const std::string key = repeat("\xe2\x82\xac", 22);
  json out = e.execute({{"command", "tombstones"}, {key, 1}});
  check_failure_shape(out);
  std::string path = out["errors"][0]["path"];
  CHECK(path == repeat("\xe2\x82\xac", 21));
  CHECK_NOTHROW(out.dump());  // dumping strictly (no replacement) needs valid UTF-8
  // The same for an unknown command's name in the message.
  out = e.execute({{"command", repeat("\xe2\x82\xac", 30)}});
  CHECK_NOTHROW(out.dump());
}

TEST_CASE("a recording captured in the future is refused at intake") {  // covers RULES.md R-DEL "Precise meanings"
  Engine e;
  build_household(e);
  const Instant now = at("2026-03-01T12:00:00Z");
  fails(e, {{"command", "addRecording"}, {"now", now}, {"recording", recording("r1", "c1", "d1", now + 1)}},
        "invalid_input", "recording.capturedAt");
  fails(e, {{"command", "addRecording"}, {"now", "2026-03-01T12:00:00Z"},
            {"recording", recording("r1", "c1", "d1", at("2026-03-01T13:00:00+00:59"))}},
        "invalid_input", "recording.capturedAt");
  // Bulk intake is all or nothing.
  json batch = json::array({recording("r1", "c1", "d1", now - 1), recording("r2", "c1", "d1", now + 60'000),
                            recording("r3", "c1", "d1", now)});
  fails(e, {{"command", "addRecordings"}, {"now", now}, {"recordings", batch}}, "invalid_input",
        "recordings[1].capturedAt");
  CHECK(live_ids(e).empty());
  // Captured at `now` exactly is not the future.
  CHECK(add_recording(e, recording("r1", "c1", "d1", now), now)["capturedAt"] == now);
}

TEST_CASE("intake checks references and ids") {
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  auto intake = [](json rec) { return json{{"command", "addRecording"}, {"now", kStart}, {"recording", rec}}; };
  fails(e, intake(recording("r1", "c1", "d1", kStart)), "conflict", "recording.id");
  fails(e, intake(recording("r2", "ghost", "d1", kStart)), "not_found", "recording.profileId");
  fails(e, intake(recording("r2", "c1", "ghost", kStart)), "not_found", "recording.deviceId");
  json rec = recording("r2", "c1", "d1", kStart);
  rec["derived"].push_back({{"id", "r2-intent"}, {"kind", "intent"}});
  fails(e, intake(rec), "invalid_input", "recording.derived[3].id");
  rec = recording("r2", "c1", "d1", kStart);
  rec["derived"] = json::array();
  for (int i = 0; i < 65; ++i) rec["derived"].push_back({{"id", "d" + std::to_string(i)}, {"kind", "intent"}});
  fails(e, intake(rec), "invalid_input", "recording.derived");
  // Intake is the system's.
  fails(e, {{"command", "addRecording"}, {"actor", "g1"}, {"now", kStart}, {"recording", recording("r2", "c1", "d1", kStart)}},
        "forbidden", "actor");
  json batch = json::array({recording("r2", "c1", "d1", kStart), recording("r2", "c1", "d1", kStart)});
  fails(e, {{"command", "addRecordings"}, {"now", kStart}, {"recordings", batch}}, "conflict", "recordings[1].id");
  CHECK(live_ids(e) == std::vector<std::string>{"r1"});
}

TEST_CASE("every failed command leaves the exported state byte-identical") {
  Engine e;
  build_rich_household(e);
  const Instant now = at("2026-03-01T00:00:00Z");
  const std::vector<std::pair<json, std::pair<const char*, const char*>>> commands = {
      {{{"command", "createHousehold"}, {"actor", "operator"}, {"now", now}, {"id", "h2"}, {"name", "x"},
        {"retentionPolicy", policy()}},
       {"conflict", ""}},
      {{{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", now}, {"retentionPolicy", policy(0)}},
       {"invalid_input", "retentionPolicy.categories[0].childMaxMonths"}},
      {guardian_command({{"id", "g1"}, {"name", "again"}, {"verified", true}}), {"conflict", "guardian.id"}},
      {{{"command", "addDevice"}, {"actor", "g2"}, {"now", now}, {"device", {{"id", "d9"}, {"name", "x"}}}},
       {"forbidden", "actor"}},
      {{{"command", "setRetention"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}, {"setting", "1_week"}},
       {"invalid_input", "setting"}},
      {{{"command", "setVoiceDeletion"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}, {"enabled", "on"}},
       {"invalid_input", "enabled"}},
      {{{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now}, {"requestId", "req-ids"},
        {"profileId", "c2"}, {"kind", "all"}},
       {"conflict", "requestId"}},
      {{{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now}, {"requestId", "x1"}, {"profileId", "c2"},
        {"kind", "ids"}, {"ids", {"r2", "r6"}}},
       {"forbidden", "ids[1]"}},
      {{{"command", "voiceRequest"}, {"requestId", "x2"}, {"profileId", "c1"}, {"deviceId", "d1"},
        {"utterance", "delete that"}, {"utcOffsetMinutes", 0}, {"now", now}},
       {"forbidden", "profileId"}},
      {{{"command", "voiceRequest"}, {"requestId", "x2"}, {"profileId", "c2"}, {"deviceId", "d1"},
        {"utterance", "delete my whole life"}, {"utcOffsetMinutes", 0}, {"now", now}},
       {"not_understood", "utterance"}},
      {{{"command", "sweep"}, {"now", now}, {"actor", "g1"}}, {"forbidden", "actor"}},
      {{{"command", "addRecordings"}, {"now", now}, {"recordings", "all of them"}}, {"invalid_input", "recordings"}},
      {{{"command", "importState"}, {"state", {{"schemaVersion", 99}}}}, {"unsupported_version", "state.schemaVersion"}},
      {{{"command", "exportState"}, {"pretty", true}}, {"invalid_input", "pretty"}},
  };
  for (const auto& [command, expected] : commands) {
    INFO(command.dump().substr(0, 200));
    fails(e, command, expected.first, expected.second);
  }
}

TEST_CASE("thousands of failing commands leave the engine healthy") {
  Engine e;
  build_rich_household(e);
  const std::string before = exported(e);
  const std::vector<std::string> hostile = {
      "",
      "{",
      "[]",
      "null",
      R"({"command":"nope"})",
      R"({"command":"previewSweep","now":1.5})",
      R"({"command":"previewSweep","now":"2026-01-01T00:00:00"})",
      R"({"command":"addGuardian","actor":"operator","now":0,"guardian":{"id":"g1","name":"x","verified":true}})",
      R"({"command":"deleteRecordings","actor":"g2","now":0,"requestId":"q","profileId":"c2","kind":"all"})",
      R"({"command":"deleteRecordings","actor":"g1","now":0,"requestId":"q","profileId":"c2","kind":"range","from":5,"to":5})",
      R"({"command":"addRecording","now":0,"recording":{"id":"late","profileId":"c2","deviceId":"d1","capturedAt":1}})",
      R"({"command":"importState","state":{"schemaVersion":"1"}})",
      R"({"command":"voiceRequest","requestId":"v","profileId":"c2","deviceId":"d1","utterance":"delete everything","utcOffsetMinutes":0,"now":0})",
      "{\"command\":\"tombstones\",\"x\":\"\xff\"}",
      repeat("[", 40),
  };
  std::vector<std::string> first_answers;
  for (const auto& text : hostile) first_answers.push_back(e.execute_json(text));
  int failures = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::size_t k = static_cast<std::size_t>(i) % hostile.size();
    std::string answer = e.execute_json(hostile[k]);
    json out = json::parse(answer, nullptr, false);
    if (!out.is_discarded() && out.value("type", "") == "failure" && !out["errors"].empty()) ++failures;
    // Deterministic: the same command on the same state, the same answer.
    if (answer != first_answers[k]) {
      FAIL_CHECK("answer changed at iteration " << i << ": " << answer.substr(0, 200));
      break;
    }
  }
  CHECK(failures == 3000);
  CHECK(exported(e) == before);
  // Still healthy: valid commands work and the audit chain is intact.
  ok(e, {{"command", "setRetention"}, {"actor", "g1"}, {"now", at("2026-03-01T00:00:00Z")}, {"profileId", "c2"},
         {"setting", "dont_save"}});
  CHECK(ok(e, {{"command", "sweep"}, {"now", at("2026-03-01T00:00:00Z")}})["receipt"]["status"] == "deleted");
  CHECK(ok(e, {{"command", "verifyAuditLog"}})["intact"] == true);
}

TEST_CASE("the same command on the same state gives the same answer, byte for byte") {
  Engine a, b;
  build_rich_household(a);
  build_rich_household(b);
  CHECK(exported(a) == exported(b));
  const std::string command =
      R"({"command":"deleteRecordings","actor":"g1","now":"2026-03-01T00:00:00Z","requestId":"same","profileId":"c2","kind":"all"})";
  CHECK(a.execute_json(command) == b.execute_json(command));
  CHECK(exported(a) == exported(b));
  CHECK(a.execute_json(R"({"command":"listRecordings"})") == b.execute_json(R"({"command":"listRecordings"})"));
}
