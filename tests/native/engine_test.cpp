// The JSON command engine under hostile input (R-INT-4): every bad command is
// answered with a failure of a stable code and path, nothing throws, every
// limit is a coded refusal, and the exported state is byte-identical before
// and after every failed command.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "privacy/model.hpp"

using namespace fixtures;

namespace {

json guardian_command(json guardian) {
  return {{"command", "addGuardian"}, {"actor", "operator"}, {"now", kStart}, {"guardian", std::move(guardian)}};
}

json preview_at(json now) { return {{"command", "previewSweep"}, {"actor", "system"}, {"now", std::move(now)}}; }

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Text that is not JSON: invalid_input, "not valid JSON at byte n", nothing changed.
void not_json(Engine& e, const std::string& text) {
  std::string before = exported(e);
  json out = json::parse(e.execute_json(text));
  INFO("command: " << text.substr(0, 120));
  INFO("answer: " << dump(out));
  check_failure_shape(out);
  CHECK(out["errors"][0]["code"] == "invalid_input");
  CHECK(out["errors"].back()["message"].get<std::string>().rfind("not valid JSON at byte ", 0) == 0);
  CHECK(exported(e) == before);
}

}  // namespace

TEST_CASE("answers are tagged: success with a result and its effects, failure with coded errors") {  // covers R-INT-4
  Engine e;
  build_household(e);
  json good = e.execute({{"command", "overview"}, {"actor", "g1"}});
  CHECK(good["type"] == "success");
  CHECK(good.size() == 3);
  CHECK(good["result"]["household"]["id"] == "h1");
  CHECK(good["effects"] == json{{"changed", false}, {"deletedRecordingIds", json::array()}});
  // The answer's text: keys in the order of each type's fields, not sorted.
  std::string text = e.execute_json(R"({"command":"effectiveRetention","actor":"g1","profileId":"c1"})");
  CHECK(text ==
        R"({"type":"success","result":{"profileId":"c1","setting":"3_months","months":3,"cappedByPolicy":false,"policyMaxMonths":18},"effects":{"changed":false,"deletedRecordingIds":[]}})");
  json bad = e.execute({{"command", "tombstones"}, {"actor", "g1"}, {"verbose", true}});
  check_failure_shape(bad);
  CHECK(has_error(bad["errors"], "invalid_input", "verbose"));
  // A change says so.
  json changed = answer_ok(e, {{"command", "renameProfile"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c1"},
                               {"name", "Mía"}});
  CHECK(changed["effects"] == json{{"changed", true}, {"deletedRecordingIds", json::array()}});
}

TEST_CASE("commands before a household exists are not_found, except creating or importing one") {
  Engine e;
  const json commands[] = {
      {{"command", "overview"}, {"actor", "g1"}},
      {{"command", "exportState"}, {"actor", "operator"}},
      {{"command", "tombstones"}, {"actor", "operator"}},
      {{"command", "auditLog"}, {"actor", "operator"}},
      {{"command", "verifyAuditLog"}, {"actor", "operator"}},
      {{"command", "sweep"}, {"actor", "system"}, {"now", kStart}},
      {{"command", "sweepProfiles"}, {"actor", "system"}, {"now", kStart}},
      {{"command", "previewSweep"}, {"actor", "system"}, {"now", kStart}},
      {{"command", "listRecordings"}, {"actor", "g1"}, {"profileId", "c1"}},
      {{"command", "mayUse"}, {"actor", "system"}, {"recordingId", "r1"}, {"purpose", "service"}},
      {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", kStart}, {"requestId", "q"}, {"profileId", "c1"}, {"kind", "all"}},
      {{"command", "addGuardian"}, {"actor", "operator"}, {"now", kStart}, {"guardian", {{"id", "g1"}, {"name", "A"}, {"verified", true}}}},
      {{"command", "setRetention"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c1"}, {"setting", "dont_save"}},
  };
  for (const auto& command : commands) {
    INFO(command.dump());
    json out = e.execute(command);
    check_failure_shape(out);
    CHECK(out["errors"][0]["code"] == "not_found");
    CHECK(out["errors"][0]["path"] == "");
  }
  // What needs no household answers without one.
  CHECK(ok(e, {{"command", "parseVoiceRequest"}, {"utterance", "delete that"}})["kind"] == "just_said");
  CHECK(ok(e, {{"command", "authorizationTable"}})["rows"].size() > 40);
  CHECK(ok(e, {{"command", "decideAds"}, {"age", "unknown"}, {"now", kStart}})["level"] == "contextual");
}

TEST_CASE("malformed JSON text is invalid_input, with the byte where it broke") {  // covers R-INT-4
  Engine e;
  build_household(e);
  for (std::string text : {std::string(""), std::string(" "), std::string("{"), std::string("}"),
                           std::string("{\"command\":"), std::string("{\"command\":\"overview\""),
                           std::string("{'command':'overview'}"), std::string("{command:\"overview\"}"),
                           std::string("{\"command\":\"overview\",\"actor\":\"g1\"} trailing"),
                           std::string("{\"command\":\"overview\",}"), std::string("/* c */{\"command\":\"overview\"}"),
                           std::string("{\"command\":\"previewSweep\",\"actor\":\"system\",\"now\":NaN}"),
                           std::string("{\"command\":\"previewSweep\",\"actor\":\"system\",\"now\":Infinity}"),
                           std::string("{\"command\":\"previewSweep\",\"actor\":\"system\",\"now\":-Infinity}"),
                           std::string("{\"command\":\"previewSweep\",\"actor\":\"system\",\"now\":0x10}"),
                           std::string("{\"command\":\"previewSweep\",\"actor\":\"system\",\"now\":01}"),
                           std::string("\x00{}", 3), std::string("nul"), std::string("\"unterminated")}) {
    not_json(e, text);
  }
  json out = json::parse(e.execute_json(R"({"command":"overview","actor":"g1"} trailing)"));
  CHECK(out["errors"][0]["path"] == "");
  CHECK(out["errors"][0]["message"] == "not valid JSON at byte 36: invalid literal");
}

TEST_CASE("a command that is not an object is invalid_input at the root") {  // covers R-INT-4
  Engine e;
  build_household(e);
  for (const char* text : {"[]", "[{\"command\":\"overview\"}]", "42", "-1.5", "\"overview\"", "null", "true", "false"})
    fails_text(e, text, "invalid_input", "");
  fails(e, json::array({{{"command", "overview"}}}), "invalid_input", "");
  fails(e, json(nullptr), "invalid_input", "");
  fails(e, json("exportState"), "invalid_input", "");
}

TEST_CASE("a missing, mistyped or unknown command name") {  // covers R-INT-4
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
  fails(e, {{"command", "convertToAdult"}}, "not_found", "command");  // replaced by resolveAgeReview
  // A huge unknown name is not echoed whole.
  json errors = fails(e, {{"command", std::string(1'000'000, 'x')}}, "not_found", "command");
  CHECK(errors[0]["message"].get<std::string>().size() < 200);
}

TEST_CASE("a key given twice is refused with its path, not last-one-wins") {  // covers R-INT-4
  Engine e;
  build_household(e);
  fails_text(e, R"({"command":"setRetention","actor":"g1","actor":"g2","now":0,"profileId":"c1","setting":"dont_save"})",
             "invalid_input", "actor");
  fails_text(e, R"({"command":"setRetention","actor":"g1","now":0,"profileId":"c1","profileId":"c2","setting":"dont_save"})",
             "invalid_input", "profileId");
  fails_text(e, R"({"command":"tombstones","command":"tombstones","actor":"g1"})", "invalid_input", "command");
  fails_text(e, R"({"command":"addGuardian","actor":"operator","now":0,"guardian":{"id":"g9","id":"g8","name":"x","verified":true}})",
             "invalid_input", "guardian.id");
  fails_text(e, R"({"command":"setRetentionPolicy","actor":"operator","now":0,"retentionPolicy":{"categories":[],"categories":[]}})",
             "invalid_input", "retentionPolicy.categories");
  // decideAds never fails: it fails closed, and says why.
  json out = json::parse(e.execute_json(
      R"({"command":"decideAds","actor":"g1","profileId":"a1","profileId":"c1","now":0,"context":"general"})"));
  REQUIRE(out["type"] == "success");
  CHECK(out["result"]["level"] == "none");
  CHECK(has_error(out["result"]["errors"], "invalid_input", "profileId"));
  // In a state too (the import's own reader).
  std::string state = exported(e);
  std::string twice = state;
  twice.insert(twice.find("\"household\":{") + 13, R"("id":"h1",)");
  fails_text(e, R"({"command":"importState","actor":"operator","now":1767225600000})", "invalid_input",
             "state.household.id", twice);
}

TEST_CASE("deep nesting is refused as it is read") {  // covers R-INT-4
  Engine e;
  build_household(e);
  // 33 levels in all.
  std::string deep = R"({"command":"tombstones","actor":"g1","x":)" + repeat("[", 32) + repeat("]", 32) + "}";
  json out = json::parse(e.execute_json(deep));
  check_failure_shape(out);
  CHECK(out["errors"].back()["message"].get<std::string>().find("nested deeper than 32 levels") != std::string::npos);
  // A million levels: refused at once, no stack spent.
  auto started = std::chrono::steady_clock::now();
  not_json(e, repeat("[", 1'000'000));
  not_json(e, repeat("{\"a\":", 500'000));
  not_json(e, R"({"command":"tombstones","actor":"g1","x":)" + repeat("[", 1'000'000));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
  // 32 levels in all is read, and then judged on its fields.
  std::string at_limit = R"({"command":"tombstones","actor":"g1","x":)" + repeat("[", 31) + repeat("]", 31) + "}";
  fails_text(e, at_limit, "invalid_input", "x");
  // Brackets inside strings are text, not nesting (escaped quotes included).
  std::string in_string = R"({"command":"parseVoiceRequest","utterance":"\")" + repeat("[", 100) + R"("})";
  fails_text(e, in_string, "not_understood", "utterance");
}

TEST_CASE("a large command under the cap is read in bounded memory; over it, too_large") {  // covers R-INT-4
  Engine e;
  build_household(e);
  // About 60 MiB of [[],[],...]: once this ran the module out of memory.
  std::string arrays = "[" + repeat("[],", 20'000'000) + "[]]";
  REQUIRE(arrays.size() < privacy::kMaxCommandBytes);
  fails_text(e, arrays, "invalid_input", "");
  // The same inside a command's list: refused at the list's own limit.
  std::string batch = R"({"command":"addRecordings","actor":"system","now":0,"recordings":)" + arrays + "}";
  json out = json::parse(e.execute_json(batch));
  check_failure_shape(out);
  // Over the command cap: too_large, with a message built from the constant.
  std::string huge = R"({"command":"tombstones","actor":"g1","x":")" + std::string(privacy::kMaxCommandBytes, 'x') + "\"}";
  json errors = fails_text(e, huge, "too_large", "");
  CHECK(errors[0]["message"].get<std::string>().find(std::to_string(privacy::kMaxCommandBytes >> 20) + " MiB") !=
        std::string::npos);
}

TEST_CASE("every limit is a coded refusal with a message built from its constant") {  // covers R-INT-4
  Engine e;
  build_household(e);
  // Ids per deletion request.
  json ids = json::array();
  for (std::size_t i = 0; i <= privacy::kMaxIdsPerRequest; ++i) ids.push_back("r" + std::to_string(i));
  json errors = fails(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", kStart}, {"requestId", "q"},
                          {"profileId", "c1"}, {"kind", "ids"}, {"ids", ids}},
                      "too_large", "ids[" + std::to_string(privacy::kMaxIdsPerRequest) + "]");
  CHECK(errors[0]["message"].get<std::string>().find(std::to_string(privacy::kMaxIdsPerRequest)) != std::string::npos);
  // Derived items per recording.
  json rec = recording("r1", "c1", "d1", kStart);
  rec["derived"] = json::array();
  for (std::size_t i = 0; i <= privacy::kMaxDerivedItems; ++i)
    rec["derived"].push_back({{"id", "d" + std::to_string(i)}, {"kind", "intent"}});
  fails(e, intake(rec, kStart), "too_large", "recording.derived[" + std::to_string(privacy::kMaxDerivedItems) + "]");
  // Notice lines.
  json notice = {{"version", 2}, {"collects", json::array()}, {"thirdParties", json::array()}};
  for (std::size_t i = 0; i <= privacy::kMaxNoticeItems; ++i) notice["collects"].push_back("item " + std::to_string(i));
  fails(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", kStart}, {"privacyNotice", notice}},
        "too_large", "privacyNotice.collects[" + std::to_string(privacy::kMaxNoticeItems) + "]");
}

TEST_CASE("huge strings are refused where they would be stored, with their path") {  // covers R-INT-4
  Engine e;
  build_household(e);
  const std::string mega(1 << 20, 'x');
  fails(e, guardian_command({{"id", "g9"}, {"name", mega}, {"verified", true}}), "too_large", "guardian.name");
  fails(e, {{"command", "parseVoiceRequest"}, {"utterance", std::string(10 << 20, 'a')}}, "too_large", "utterance");
  json rec = recording("r1", "c1", "d1", kStart);
  rec["transcript"] = mega;
  fails(e, intake(rec, kStart), "too_large", "recording.transcript");
  json p = policy();
  p["categories"][0]["purpose"] = mega;
  fails(e, {{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", kStart}, {"retentionPolicy", p}},
        "too_large", "retentionPolicy.categories[0].purpose");
  // An unknown field with a huge name: refused, its path cut short.
  fails(e, {{"command", "tombstones"}, {"actor", "g1"}, {mega, 1}}, "invalid_input", std::string(64, 'x'));
  // The same through JSON text.
  json errors = fails_text(e, guardian_command({{"id", "g9"}, {"name", mega}, {"verified", true}}).dump(), "too_large",
                           "guardian.name");
  CHECK(errors[0]["message"] == "is longer than " + std::to_string(privacy::kMaxNameBytes) + " bytes");
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
  fails(e, {{"command", "deleteRecordings"}, {"actor", ""}, {"now", kStart}, {"requestId", "r"}, {"profileId", "c1"},
            {"kind", "all"}},
        "invalid_input", "actor");
  fails(e, {{"command", "mayUse"}, {"actor", "system"}, {"recordingId", std::string(129, 'r')}, {"purpose", "service"}},
        "invalid_input", "recordingId");
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
      json(nullptr),
      json::array({1767225600000}),
      json::object({{"ms", 1767225600000}}),
  };
  for (const auto& now : bad) {
    INFO(dump(now));
    fails(e, preview_at(now), "invalid_input", "now");
  }
  // The same refusal where an instant is stored.
  json rec = recording("r1", "c1", "d1", kStart);
  rec["capturedAt"] = 1.5;
  fails(e, intake(rec, kStart), "invalid_input", "recording.capturedAt");
  // Through JSON text: a number too big for 64 bits, and an exponent.
  fails_text(e, R"({"command":"previewSweep","actor":"system","now":18446744073709551616})", "invalid_input", "now");
  fails_text(e, R"({"command":"previewSweep","actor":"system","now":1.7672256e12})", "invalid_input", "now");
  fails_text(e, R"({"command":"previewSweep","actor":"system","now":-0.0})", "invalid_input", "now");
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
  auto list = [](json extra) {
    json c = {{"command", "listRecordings"}, {"actor", "g1"}, {"profileId", "c1"}};
    c.update(extra);
    return c;
  };
  fails(e, list({{"limit", 0}}), "invalid_input", "limit");
  fails(e, list({{"limit", 10'001}}), "invalid_input", "limit");
  fails(e, list({{"limit", 2.5}}), "invalid_input", "limit");
  fails(e, list({{"offset", -1}}), "invalid_input", "offset");
  fails(e, list({{"offset", std::numeric_limits<std::uint64_t>::max()}}), "invalid_input", "offset");
  json rec = recording("r1", "c1", "d1", kStart);
  rec["audio"]["durationMs"] = std::numeric_limits<double>::infinity();
  fails(e, intake(rec, kStart), "invalid_input", "recording.audio.durationMs");
  rec["audio"]["durationMs"] = privacy::kMaxAudioMs + 1;
  fails(e, intake(rec, kStart), "invalid_input", "recording.audio.durationMs");
}

TEST_CASE("invalid UTF-8 is refused where it is read") {  // covers R-INT-4
  Engine e;
  build_household(e);
  for (std::string bytes : {std::string("\xff"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
                            std::string("\x80"), std::string("\xe2\x82"), std::string("\xf8\x88\x80\x80\x80")}) {
    std::string text = R"({"command":"addGuardian","actor":"operator","now":0,"guardian":{"id":"g9","name":")" + bytes +
                       R"(","verified":true}})";
    fails_text(e, text, "invalid_input", "guardian.name");
  }
  // An escaped lone surrogate is not a character either.
  fails_text(e, R"({"command":"parseVoiceRequest","utterance":"\ud800 delete that"})", "invalid_input", "utterance");
  fails_text(e, "{\"command\":\"tombstones\",\"actor\":\"g\xff\"}", "invalid_input", "actor");
  // Valid UTF-8 of every length is kept as given.
  json kept = ok(e, guardian_command({{"id", "g9"}, {"name", "Zoë ☃ 🎈"}, {"verified", true}}));
  CHECK(kept["name"] == "Zoë ☃ 🎈");
}

TEST_CASE("an unknown field's path is cut on a character boundary") {  // covers R-INT-4
  Engine e;
  build_household(e);
  // 22 three-byte characters (66 bytes): a cut at 64 bytes would split the 22nd.
  const std::string key = repeat("\xe2\x82\xac", 22);
  json out = e.execute({{"command", "tombstones"}, {"actor", "g1"}, {key, 1}});
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
  fails(e, intake(recording("r1", "c1", "d1", now + 1), now), "invalid_input", "recording.capturedAt");
  fails(e,
        {{"command", "addRecording"}, {"actor", "system"}, {"now", "2026-03-01T12:00:00Z"},
         {"recording", recording("r1", "c1", "d1", at("2026-03-01T13:00:00+00:59"))}},
        "invalid_input", "recording.capturedAt");
  // Bulk intake is all or nothing.
  json batch = json::array({recording("r1", "c1", "d1", now - 1), recording("r2", "c1", "d1", now + 60'000),
                            recording("r3", "c1", "d1", now)});
  fails(e, {{"command", "addRecordings"}, {"actor", "system"}, {"now", now}, {"recordings", batch}}, "invalid_input",
        "recordings[1].capturedAt");
  CHECK(live_ids(e).empty());
  // Captured at `now` exactly is not the future.
  CHECK(add_recording(e, recording("r1", "c1", "d1", now), now)["capturedAt"] == now);
}

TEST_CASE("intake checks references, ids and who records") {  // covers R-CON-1, R-INT-5
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  fails(e, intake(recording("r1", "c1", "d1", kStart), kStart), "conflict", "recording.id");
  fails(e, intake(recording("r2", "ghost", "d1", kStart), kStart), "not_found", "recording.profileId");
  fails(e, intake(recording("r2", "c1", "ghost", kStart), kStart), "not_found", "recording.deviceId");
  json rec = recording("r2", "c1", "d1", kStart);
  rec["derived"].push_back({{"id", "r2-intent"}, {"kind", "intent"}});
  fails(e, intake(rec, kStart), "invalid_input", "recording.derived[3].id");
  // Intake is the system's, or the device's own (R-INT-5).
  json by = intake(recording("r2", "c1", "d1", kStart), kStart);
  for (const char* actor : {"g1", "operator", "c1", "a1", "device:d9", "support:s1"}) {
    INFO(actor);
    by["actor"] = actor;
    fails(e, by, "forbidden", "actor");
  }
  by["actor"] = "device:d2";  // a device records only its own
  fails(e, by, "forbidden", "recording.deviceId");
  by.erase("actor");
  fails(e, by, "invalid_input", "actor");
  by["actor"] = nullptr;
  fails(e, by, "invalid_input", "actor");
  by["actor"] = "device:d1";
  CHECK(ok(e, by)["id"] == "r2");
  json batch = json::array({recording("r3", "c1", "d1", kStart), recording("r3", "c1", "d1", kStart)});
  fails(e, {{"command", "addRecordings"}, {"actor", "system"}, {"now", kStart}, {"recordings", batch}}, "conflict",
        "recordings[1].id");
  fails(e, {{"command", "addRecordings"}, {"now", kStart}, {"recordings", json::array()}}, "invalid_input", "actor");
  CHECK(live_ids(e) == std::vector<std::string>{"r1", "r2"});
}

TEST_CASE("every failed command leaves the exported state byte-identical") {  // covers R-INT-1, R-INT-4
  Engine e;
  build_rich_household(e);
  const Instant now = at("2026-03-01T00:00:00Z");
  const std::vector<std::pair<json, std::pair<const char*, const char*>>> commands = {
      {{{"command", "createHousehold"}, {"actor", "operator"}, {"now", now}, {"id", "h2"}, {"name", "x"},
        {"retentionPolicy", policy()}},
       {"conflict", ""}},
      {{{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", now}, {"retentionPolicy", policy(0)}},
       {"invalid_input", "retentionPolicy.categories[0].childMaxMonths"}},
      {{{"command", "addGuardian"}, {"actor", "operator"}, {"now", now},
        {"guardian", {{"id", "g1"}, {"name", "again"}, {"verified", true}}}},
       {"conflict", "guardian.id"}},
      {{{"command", "addDevice"}, {"actor", "g2"}, {"now", now}, {"device", {{"id", "d9"}, {"name", "x"}}}},
       {"forbidden", "actor"}},
      {{{"command", "setRetention"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}, {"setting", "1_week"}},
       {"invalid_input", "setting"}},
      {{{"command", "setRetention"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c1"}, {"setting", "3_months"}},
       {"out_of_order", "now"}},
      {{{"command", "setVoiceDeletion"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}, {"enabled", "on"}},
       {"invalid_input", "enabled"}},
      {{{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now}, {"requestId", "req-ids"}, {"profileId", "c2"},
        {"kind", "all"}},
       {"conflict", "requestId"}},
      {{{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now}, {"requestId", "x1"}, {"profileId", "c2"},
        {"kind", "ids"}, {"ids", {"r2", "r6"}}},
       {"forbidden", "ids[1]"}},
      {{{"command", "voiceRequest"}, {"actor", "c1"}, {"requestId", "x2"}, {"profileId", "c1"}, {"deviceId", "d1"},
        {"utterance", "delete that"}, {"utcOffsetMinutes", 0}, {"now", now}},
       {"forbidden", "profileId"}},
      {{{"command", "voiceRequest"}, {"actor", "c2"}, {"requestId", "x2"}, {"profileId", "c2"}, {"deviceId", "d1"},
        {"utterance", "delete my whole life"}, {"utcOffsetMinutes", 0}, {"now", now}},
       {"not_understood", "utterance"}},
      {{{"command", "voiceRequest"}, {"requestId", "x2"}, {"profileId", "c2"}, {"deviceId", "d1"},
        {"utterance", "delete that"}, {"utcOffsetMinutes", 0}, {"now", now}},
       {"invalid_input", "actor"}},
      {{{"command", "sweep"}, {"now", now}, {"actor", "g1"}}, {"forbidden", "actor"}},
      {{{"command", "sweep"}, {"now", now}}, {"invalid_input", "actor"}},
      {{{"command", "addRecordings"}, {"actor", "system"}, {"now", now}, {"recordings", "all of them"}},
       {"invalid_input", "recordings"}},
      {{{"command", "importState"}, {"actor", "operator"}, {"now", now}, {"state", {{"schemaVersion", 99}}}},
       {"unsupported_version", "state.schemaVersion"}},
      {{{"command", "importState"}, {"now", now}, {"state", state_of(e)}}, {"invalid_input", "actor"}},
      {{{"command", "exportState"}, {"actor", "operator"}, {"pretty", true}}, {"invalid_input", "pretty"}},
      {{{"command", "exportState"}}, {"invalid_input", "actor"}},
  };
  for (const auto& [command, expected] : commands) {
    INFO(dump(command, 200));
    fails(e, command, expected.first, expected.second);
  }
}

TEST_CASE("thousands of failing commands leave the engine healthy") {  // covers R-INT-4
  Engine e;
  build_rich_household(e);
  const std::string before = exported(e);
  const std::vector<std::string> hostile = {
      "",
      "{",
      "[]",
      "null",
      R"({"command":"nope"})",
      R"({"command":"previewSweep","actor":"system","now":1.5})",
      R"({"command":"previewSweep","actor":"system","now":"2026-01-01T00:00:00"})",
      R"({"command":"addGuardian","actor":"operator","now":1900000000000,"guardian":{"id":"g1","name":"x","verified":true}})",
      R"({"command":"deleteRecordings","actor":"g2","now":1900000000000,"requestId":"q","profileId":"c2","kind":"all"})",
      R"({"command":"deleteRecordings","actor":"g1","now":1900000000000,"requestId":"q","profileId":"c2","kind":"range","from":5,"to":5})",
      R"({"command":"deleteRecordings","actor":"g1","now":0,"requestId":"q","profileId":"c2","kind":"all"})",
      R"({"command":"addRecording","now":1900000000000,"recording":{"id":"late","profileId":"c2","deviceId":"d1","capturedAt":1}})",
      R"({"command":"importState","actor":"operator","now":0,"state":{"schemaVersion":"1"}})",
      R"({"command":"importState","actor":"operator","now":0,"state":{"schemaVersion":1,"auditLog":[{"action":5}]}})",
      R"({"command":"voiceRequest","actor":"c2","requestId":"v","profileId":"c2","deviceId":"d1","utterance":"delete everything","utcOffsetMinutes":0,"now":1900000000000})",
      R"({"command":"tombstones","actor":"g1","actor":"g1"})",
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
  const Instant now = at("2026-03-01T00:00:00Z");
  set_retention(e, "g1", "c2", "dont_save", now);  // deletes c2's recordings at once (R-RET-5)
  CHECK(live_ids(e) == std::vector<std::string>{"r6", "r8", "r9"});
  CHECK(ok(e, {{"command", "verifyAuditLog"}, {"actor", "g1"}})["intact"] == true);
}

TEST_CASE("the same command on the same state gives the same answer, byte for byte") {  // covers R-INT-1
  Engine a, b;
  build_rich_household(a);
  build_rich_household(b);
  CHECK(exported(a) == exported(b));
  const std::string command =
      R"({"command":"deleteRecordings","actor":"g1","now":"2026-03-01T00:00:00Z","requestId":"same","profileId":"c2","kind":"all"})";
  CHECK(a.execute_json(command) == b.execute_json(command));
  CHECK(exported(a) == exported(b));
  const std::string list = R"({"command":"listRecordings","actor":"g1","profileId":"c3"})";
  CHECK(a.execute_json(list) == b.execute_json(list));
}
