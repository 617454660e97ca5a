// Versioned state (DESIGN.md "State is versioned JSON"): export then import
// gives back the same bytes; import is strict, coded, and all-or-nothing.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <variant>

#include "fixtures.hpp"
#include "privacy/state.hpp"

using namespace fixtures;

namespace {

json exported_state(Engine& e) {
  json out = json::parse(exported(e));
  REQUIRE(out["type"] == "success");
  return out["result"];
}

json import_command(const json& state) { return {{"command", "importState"}, {"state", state}}; }

// One strict-validation case: change the exported state at `pointer` (or
// remove the field) and expect an error of `code` at `path`.
struct Erase {};
struct Case {
  const char* name;
  const char* pointer;
  std::variant<json, Erase> change;
  const char* code;
  const char* path;
};

json changed(json state, const Case& c) {
  json::json_pointer ptr(c.pointer);
  if (std::holds_alternative<Erase>(c.change)) {
    json& parent = state.at(ptr.parent_pointer());
    if (parent.is_array()) parent.erase(std::stoul(ptr.back()));
    else parent.erase(ptr.back());
  } else {
    state[ptr] = std::get<json>(c.change);
  }
  return state;
}

}  // namespace

TEST_CASE("export then import gives back byte-identical JSON") {
  Engine e;
  build_rich_household(e);
  const std::string first = exported(e);
  const json state = exported_state(e);
  CHECK(state["schemaVersion"] == privacy::kSchemaVersion);
  // The rich household has something in every collection.
  CHECK(state["recordings"].size() == 5);
  CHECK(state["tombstones"].size() == 4);
  CHECK(state["receipts"].size() == 5);
  CHECK(state["auditLog"].size() > 15);

  // Into a fresh engine, from the parsed JSON.
  Engine copy;
  json answer = ok(copy, import_command(state));
  CHECK(answer["householdId"] == "h1");
  CHECK(answer["recordings"] == 5);
  CHECK(answer["auditEntries"] == state["auditLog"].size());
  CHECK(exported(copy) == first);

  // From the JSON text, through execute_json.
  Engine from_text;
  std::string text = R"({"command":"importState","state":)" + state.dump() + "}";
  CHECK(json::parse(from_text.execute_json(text))["type"] == "success");
  CHECK(exported(from_text) == first);

  // Back into the engine it came from: nothing changes.
  ok(e, import_command(state));
  CHECK(exported(e) == first);

  // And again, from the copy: a fixed point.
  Engine again;
  ok(again, import_command(exported_state(copy)));
  CHECK(exported(again) == first);
}

TEST_CASE("state_from_json(to_json(state)) is the same state") {
  Engine e;
  build_rich_household(e);
  const json j = privacy::to_json(e.state());
  auto back = privacy::state_from_json(j);
  REQUIRE(back.ok());
  CHECK(privacy::to_json(*back).dump() == j.dump());
  CHECK(back->guardians == e.state().guardians);
  CHECK(back->devices == e.state().devices);
  CHECK(back->profiles == e.state().profiles);
  CHECK(back->recordings == e.state().recordings);
  CHECK(back->tombstones == e.state().tombstones);
  CHECK(back->receipts == e.state().receipts);
  CHECK(back->audit.entries() == e.state().audit.entries());
  CHECK(back->retention_policy == e.state().retention_policy);
  CHECK(back->audit.verify().intact);
}

TEST_CASE("an imported state works: indexes, tombstones, receipts, the audit chain") {  // covers R-DEL-4, R-DEL-5
  Engine e;
  build_rich_household(e);
  Engine copy;
  ok(copy, import_command(exported_state(e)));
  const Instant later = at("2026-02-02T00:00:00Z");
  // A receipt from before the import: the same request again is already done.
  json again = ok(copy, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", later}, {"requestId", "req-ids"},
                         {"profileId", "c3"}, {"kind", "ids"}, {"ids", {"r4"}}});
  CHECK(again["status"] == "already_done");
  // A tombstone from before: never usable, and its id never reused.
  CHECK(may_use(copy, "r4", "training")["reason"] == "deleted");
  fails(copy, {{"command", "addRecording"}, {"now", later}, {"recording", recording("r4", "c3", "d1", later)}},
        "conflict", "recording.id");
  // A live recording: deletable by id.
  CHECK(ok(copy, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", later}, {"requestId", "new"},
                  {"profileId", "c2"}, {"kind", "ids"}, {"ids", {"r2"}}})["recordingIds"] == json{"r2"});
  // The audit chain continues from the imported head.
  json v = ok(copy, {{"command", "verifyAuditLog"}});
  CHECK(v["intact"] == true);
  CHECK(v["entries"] == exported_state(e)["auditLog"].size() + 1);
}

TEST_CASE("import checks every field, with a coded error and its path") {
  Engine e;
  build_rich_household(e);
  const json state = exported_state(e);
  const std::string long_text(10'001, 't');
  const Case cases[] = {
      {"root field unknown", "/extra", json(1), "invalid_input", "extra"},
      {"household missing", "/household", Erase{}, "invalid_input", "household"},
      {"household id a number", "/household/id", json(5), "invalid_input", "household.id"},
      {"household id too long", "/household/id", json(std::string(129, 'h')), "invalid_input", "household.id"},
      {"household name too long", "/household/name", json(std::string(201, 'n')), "invalid_input", "household.name"},
      {"household field unknown", "/household/owner", json("me"), "invalid_input", "household.owner"},
      {"policy missing", "/retentionPolicy", Erase{}, "invalid_input", "retentionPolicy"},
      {"policy child max zero", "/retentionPolicy/categories/0/childMaxMonths", json(0), "invalid_input",
       "retentionPolicy.categories[0].childMaxMonths"},
      {"policy child max null", "/retentionPolicy/categories/1/childMaxMonths", json(nullptr), "invalid_input",
       "retentionPolicy.categories[1].childMaxMonths"},
      {"policy category missing", "/retentionPolicy/categories/2", Erase{}, "invalid_input",
       "retentionPolicy.categories"},
      {"policy window zero", "/retentionPolicy/justSaidWindowMinutes", json(0), "invalid_input",
       "retentionPolicy.justSaidWindowMinutes"},
      {"guardians not an array", "/guardians", json::object(), "invalid_input", "guardians"},
      {"guardians missing", "/guardians", Erase{}, "invalid_input", "guardians"},
      {"guardian verified a string", "/guardians/0/verified", json("yes"), "invalid_input", "guardians[0].verified"},
      {"guardian name missing", "/guardians/1/name", Erase{}, "invalid_input", "guardians[1].name"},
      {"guardian field unknown", "/guardians/0/role", json("parent"), "invalid_input", "guardians[0].role"},
      {"guardian a string", "/guardians/0", json("g1"), "invalid_input", "guardians[0]"},
      {"guardian id twice", "/guardians/1/id", json("g1"), "conflict", "guardians[1].id"},
      {"guardian id reserved", "/guardians/0/id", json("operator"), "conflict", "guardians[0].id"},
      {"device id twice", "/devices/1/id", json("d1"), "conflict", "devices[1].id"},
      {"device id empty", "/devices/0/id", json(""), "invalid_input", "devices[0].id"},
      {"profile kind unknown", "/profiles/0/kind", json("teen"), "invalid_input", "profiles[0].kind"},
      {"profile retention missing", "/profiles/0/retention", Erase{}, "invalid_input", "profiles[0].retention"},
      {"profile retention unknown", "/profiles/0/retention", json("forever"), "invalid_input",
       "profiles[0].retention"},
      {"profile voiceDeletion a number", "/profiles/1/voiceDeletion", json(1), "invalid_input",
       "profiles[1].voiceDeletion"},
      {"profile birth date impossible", "/profiles/0/birthDate", json("2019-02-29"), "invalid_input",
       "profiles[0].birthDate"},
      {"profile id shared with a guardian", "/profiles/0/id", json("g2"), "conflict", "profiles[0].id"},
      {"recording profile dangling", "/recordings/0/profileId", json("ghost"), "not_found",
       "recordings[0].profileId"},
      {"recording device dangling", "/recordings/0/deviceId", json("ghost"), "not_found",
       "recordings[0].deviceId"},
      {"recording id twice", "/recordings/1/id", state["recordings"][0]["id"], "conflict", "recordings[1].id"},
      {"recording id of a tombstone", "/recordings/0/id", state["tombstones"][0]["recordingId"], "conflict",
       "tombstones[0].recordingId"},
      {"recording captured without offset", "/recordings/0/capturedAt", json("2026-02-01T12:00:00"),
       "invalid_input", "recordings[0].capturedAt"},
      {"recording captured a fraction", "/recordings/0/capturedAt", json(1.5), "invalid_input",
       "recordings[0].capturedAt"},
      {"recording captured past year 9999", "/recordings/0/capturedAt", json(privacy::kMaxInstant + 1),
       "invalid_input", "recordings[0].capturedAt"},
      {"recording audio duration negative", "/recordings/0/audio/durationMs", json(-1), "invalid_input",
       "recordings[0].audio.durationMs"},
      {"recording audio field unknown", "/recordings/0/audio/codec", json("opus"), "invalid_input",
       "recordings[0].audio.codec"},
      {"recording transcript too long", "/recordings/0/transcript", json(long_text), "invalid_input",
       "recordings[0].transcript"},
      {"recording derived kind unknown", "/recordings/0/derived/0/kind", json("summary"), "invalid_input",
       "recordings[0].derived[0].kind"},
      {"recording derived id twice", "/recordings/0/derived/1/id", state["recordings"][0]["derived"][0]["id"],
       "invalid_input", "recordings[0].derived[1].id"},
      {"recording derived not an array", "/recordings/0/derived", json("none"), "invalid_input",
       "recordings[0].derived"},
      {"tombstone deleted-at not an instant", "/tombstones/0/deletedAt", json("yesterday"), "invalid_input",
       "tombstones[0].deletedAt"},
      {"tombstone request id missing", "/tombstones/1/requestId", Erase{}, "invalid_input",
       "tombstones[1].requestId"},
      {"receipt status unknown", "/receipts/0/status", json("gone"), "invalid_input", "receipts[0].status"},
      {"receipt kind unknown", "/receipts/0/kind", json("purge"), "invalid_input", "receipts[0].kind"},
      {"receipt count negative", "/receipts/0/counts/audio", json(-1), "invalid_input",
       "receipts[0].counts.audio"},
      {"receipt count missing", "/receipts/0/counts/training_copy", Erase{}, "invalid_input",
       "receipts[0].counts.training_copy"},
      {"receipt scope an array", "/receipts/0/scope", json::array(), "invalid_input", "receipts[0].scope"},
      {"receipt request id twice", "/receipts/1/requestId", state["receipts"][0]["requestId"], "conflict",
       "receipts[1].requestId"},
      {"receipt recording ids not ids", "/receipts/0/recordingIds/0", json(7), "invalid_input",
       "receipts[0].recordingIds[0]"},
      {"audit seq a string", "/auditLog/0/seq", json("1"), "invalid_input", "auditLog[0].seq"},
      {"audit details a string", "/auditLog/0/details", json("x"), "invalid_input", "auditLog[0].details"},
      {"audit hash a number", "/auditLog/2/hash", json(5), "invalid_input", "auditLog[2].hash"},
      {"audit at missing", "/auditLog/3/at", Erase{}, "invalid_input", "auditLog[3].at"},
      {"audit field unknown", "/auditLog/0/signature", json("x"), "invalid_input", "auditLog[0].signature"},
      {"audit log not an array", "/auditLog", json(nullptr), "invalid_input", "auditLog"},
  };
  const std::string before = exported(e);
  for (const auto& c : cases) {
    INFO(c.name);
    json bad = changed(state, c);
    // Directly: the path is relative to the state.
    auto parsed = privacy::state_from_json(bad);
    REQUIRE_FALSE(parsed.ok());
    bool found = false;
    for (const auto& err : parsed.errors()) found = found || (err.code == c.code && err.path == c.path);
    CHECK_MESSAGE(found, "expected " << c.code << " at " << c.path << ", got " << parsed.errors()[0].code
                                     << " at " << parsed.errors()[0].path);
    // Through the engine: under `state`, and nothing changes.
    fails(e, import_command(bad), c.code, std::string("state.") + c.path);
  }
  CHECK(exported(e) == before);
}

TEST_CASE("schemaVersion: missing, not a whole number, unknown or newer is refused") {
  Engine e;
  build_household(e);
  json state = exported_state(e);
  auto with_version = [&](json version) {
    json s = state;
    if (version.is_discarded()) s.erase("schemaVersion");
    else s["schemaVersion"] = version;
    return import_command(s);
  };
  fails(e, with_version(json(json::value_t::discarded)), "invalid_input", "state.schemaVersion");
  fails(e, with_version(nullptr), "invalid_input", "state.schemaVersion");
  fails(e, with_version("1"), "invalid_input", "state.schemaVersion");
  fails(e, with_version(1.0), "invalid_input", "state.schemaVersion");
  fails(e, with_version(true), "invalid_input", "state.schemaVersion");
  fails(e, with_version(0), "unsupported_version", "state.schemaVersion");
  fails(e, with_version(-1), "unsupported_version", "state.schemaVersion");
  fails(e, with_version(privacy::kSchemaVersion + 1), "unsupported_version", "state.schemaVersion");
  fails(e, with_version(std::uint64_t{18446744073709551615u}), "unsupported_version", "state.schemaVersion");
  // The direct call says the same.
  json newer = state;
  newer["schemaVersion"] = privacy::kSchemaVersion + 1;
  auto parsed = privacy::state_from_json(newer);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.errors()[0].code == "unsupported_version");
  CHECK(parsed.errors()[0].path == "schemaVersion");
}

TEST_CASE("a state that is not an object, or a missing state, is refused") {
  Engine e;
  build_household(e);
  fails(e, import_command(json::array()), "invalid_input", "state");
  fails(e, import_command("{}"), "invalid_input", "state");
  fails(e, import_command(42), "invalid_input", "state");
  fails(e, {{"command", "importState"}}, "invalid_input", "state");
  fails(e, {{"command", "importState"}, {"state", nullptr}}, "invalid_input", "state");
  fails(e, {{"command", "importState"}, {"state", json::object()}, {"merge", true}}, "invalid_input", "merge");
}

TEST_CASE("every problem is reported at once, and nothing is imported") {
  Engine e;
  build_rich_household(e);
  json bad = exported_state(e);
  bad["guardians"][0]["verified"] = "yes";
  bad["recordings"][1]["capturedAt"] = "soon";
  bad["receipts"][2]["status"] = "gone";
  json errors = fails(e, import_command(bad), "invalid_input", "state.guardians[0].verified");
  CHECK(has_error(errors, "invalid_input", "state.recordings[1].capturedAt"));
  CHECK(has_error(errors, "invalid_input", "state.receipts[2].status"));
}

TEST_CASE("a failed import into an empty engine leaves it empty") {
  Engine e;
  json state;
  {
    Engine source;
    build_household(source);
    state = exported_state(source);
  }
  state["devices"][0]["id"] = state["devices"][1]["id"];
  fails(e, import_command(state), "conflict", "state.devices[1].id");
  json out = e.execute({{"command", "overview"}});
  CHECK(out["type"] == "failure");
  CHECK(has_error(out["errors"], "not_found", ""));
}

TEST_CASE("an import replaces the household whole") {
  Engine e, other;
  build_rich_household(e);
  build_household(other, {.id = "h2"});
  const std::string other_state = exported(other);
  ok(e, import_command(exported_state(other)));
  CHECK(exported(e) == other_state);
  CHECK(live_ids(e).empty());
  CHECK(ok(e, {{"command", "tombstones"}}).empty());
}
