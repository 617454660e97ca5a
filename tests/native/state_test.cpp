// Versioned state (DESIGN.md "State is versioned JSON", R-INT-1): export
// then import gives back the same bytes; import is strict, coded and
// all-or-nothing; schema 1 and 2 states migrate with an entry that says so.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "fixtures.hpp"
#include "json/codec.hpp"

using namespace fixtures;

namespace {

// One strict-validation case: change the exported state at `pointer` (or
// remove the field) and expect an error of `code` at `path`.
struct Erase {};
struct Case {
  const char* name;
  std::string pointer;
  std::variant<json, Erase> change;
  const char* code;
  std::string path;
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

json fixture(const char* name) {
  std::ifstream in(std::string(PRIVACY_VECTORS_DIR) + "/fixtures/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

const Instant kAfter = at("2026-12-01T00:00:00Z");  // after everything in the fixtures

}  // namespace

TEST_CASE("export then import gives back byte-identical JSON") {  // covers R-INT-1
  Engine e;
  build_rich_household(e);
  const std::string first = exported(e);
  const json state = state_of(e);
  CHECK(state["schemaVersion"] == privacy::kSchemaVersion);
  // The rich household has something in every collection.
  CHECK(state["recordings"].size() == 5);
  CHECK(state["tombstones"].size() == 4);
  CHECK(state["receipts"].size() == 5);
  CHECK(state["auditLog"].size() > 20);
  // Keys in declaration order (the state's own text, not a sorted dump).
  CHECK(first.rfind(R"({"schemaVersion":3,"household":{"id":"h1")", 0) == 0);

  // Into a fresh engine, from the parsed JSON: loaded, and no entry added.
  Engine copy;
  json answer = import_state(copy, state);
  CHECK(answer == json{{"outcome", "loaded"}, {"householdId", "h1"}, {"schemaVersion", 3}, {"migratedFrom", nullptr},
                       {"recordings", 5}, {"auditEntries", state["auditLog"].size()}, {"keptDeleted", 0},
                       {"keptRemovedProfiles", 0}, {"keptWithdrawals", 0}});
  CHECK(exported(copy) == first);

  // From the JSON text, through execute_json, with the state beside the command.
  Engine from_text;
  const std::string command =
      R"({"command":"importState","actor":"operator","now":)" + std::to_string(last_at(e)) + "}";
  CHECK(json::parse(from_text.execute_json(command, first))["type"] == "success");
  CHECK(exported(from_text) == first);
  // And embedded in the command text.
  Engine embedded;
  std::string inline_command = R"({"command":"importState","actor":"operator","now":)" + std::to_string(last_at(e)) +
                               R"(,"state":)" + first + "}";
  CHECK(json::parse(embedded.execute_json(inline_command))["type"] == "success");
  CHECK(exported(embedded) == first);
  // Given both ways, it is refused.
  fails_text(embedded, inline_command, "invalid_input", "state", first);

  // Back into the engine it came from: unchanged, nothing logged.
  json same = answer_ok(e, import_command(state, last_at(e)));
  CHECK(same["result"]["outcome"] == "unchanged");
  CHECK(same["effects"]["changed"] == false);
  CHECK(exported(e) == first);

  // And again, from the copy: a fixed point.
  Engine again;
  import_state(again, state_of(copy));
  CHECK(exported(again) == first);
}

TEST_CASE("reading an export's text into the typed state and writing it back is the same text") {  // covers R-INT-1
  Engine e;
  build_rich_household(e);
  const std::string text = exported(e);
  privacy::HouseholdState back;
  privacy::Errors errors;
  REQUIRE(privacy::json::read_text(text, back, errors));
  CHECK(errors.empty());
  CHECK(privacy::json::to_text(back) == text);
  const auto& s = e.household().state();
  CHECK(back.guardians == s.guardians);
  CHECK(back.devices == s.devices);
  CHECK(back.profiles == s.profiles);
  CHECK(back.recordings == s.recordings);
  CHECK(back.tombstones == s.tombstones);
  CHECK(back.receipts == s.receipts);
  CHECK(back.audit_log == s.audit_log);
  CHECK(back.retention_policy == s.retention_policy);
  CHECK(e.household().check().empty());
}

TEST_CASE("an imported state works: indexes, tombstones, receipts, the audit chain") {  // covers R-DEL-4, R-DEL-5, R-INT-1
  Engine e;
  build_rich_household(e);
  Engine copy;
  import_state(copy, state_of(e));
  const Instant later_on = at("2026-02-02T00:00:00Z");
  // A receipt from before the import: the same request again is already done.
  json again = ok(copy, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", later_on}, {"requestId", "req-ids"},
                         {"profileId", "c3"}, {"kind", "ids"}, {"ids", {"r4"}}});
  CHECK(again["status"] == "already_done");
  // A tombstone from before: never usable, and its id never reused.
  CHECK(may_use(copy, "r4", "training")["reason"] == "deleted");
  fails(copy, intake(recording("r4", "c3", "d1", later_on), later_on), "conflict", "recording.id");
  // A live recording: deletable by id.
  CHECK(ok(copy, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", later_on}, {"requestId", "new"},
                  {"profileId", "c2"}, {"kind", "ids"}, {"ids", {"r2"}}})["recordingIds"] == json{"r2"});
  // The audit chain continues from the imported head.
  json v = ok(copy, {{"command", "verifyAuditLog"}, {"actor", "g1"}});
  CHECK(v["intact"] == true);
  CHECK(v["entries"] == state_of(e)["auditLog"].size() + 1);
}

TEST_CASE("import checks every field, with a coded error and its path") {  // covers R-INT-1, R-INT-4
  Engine e;
  build_rich_household(e);
  const json state = state_of(e);
  const std::string long_text(10'001, 't');
  // A child's recording with every artifact (r2 or r8), wherever deletions moved it.
  std::size_t k = 0;
  while (state["recordings"][k]["profileId"] == "a1" || state["recordings"][k]["profileId"] == "a2" ||
         state["recordings"][k]["derived"].size() < 2)
    ++k;
  const std::string rec = "/recordings/" + std::to_string(k), at_rec = "recordings[" + std::to_string(k) + "]";
  const std::size_t last_entry = state["auditLog"].size() - 1;
  const Case cases[] = {
      {"root field unknown", "/extra", json(1), "invalid_input", "extra"},
      {"household missing", "/household", Erase{}, "invalid_input", "household"},
      {"household id a number", "/household/id", json(5), "invalid_input", "household.id"},
      {"household id too long", "/household/id", json(std::string(129, 'h')), "invalid_input", "household.id"},
      {"household name too long", "/household/name", json(std::string(201, 'n')), "too_large", "household.name"},
      {"household field unknown", "/household/owner", json("me"), "invalid_input", "household.owner"},
      {"household jurisdiction lower case", "/household/jurisdiction", json("de"), "invalid_input",
       "household.jurisdiction"},
      {"policy missing", "/retentionPolicy", Erase{}, "invalid_input", "retentionPolicy"},
      {"policy child max zero", "/retentionPolicy/categories/0/childMaxMonths", json(0), "invalid_input",
       "retentionPolicy.categories[0].childMaxMonths"},
      {"policy child max null", "/retentionPolicy/categories/1/childMaxMonths", json(nullptr), "invalid_input",
       "retentionPolicy.categories[1].childMaxMonths"},
      {"policy category missing", "/retentionPolicy/categories/2", Erase{}, "invalid_input",
       "retentionPolicy.categories"},
      {"policy window zero", "/retentionPolicy/justSaidWindowMinutes", json(0), "invalid_input",
       "retentionPolicy.justSaidWindowMinutes"},
      {"notice version zero", "/privacyNotice/version", json(0), "invalid_input", "privacyNotice.version"},
      {"jurisdiction policy not a list", "/jurisdictionPolicy", json::object(), "invalid_input", "jurisdictionPolicy"},
      {"guardians not an array", "/guardians", json::object(), "invalid_input", "guardians"},
      {"guardians missing", "/guardians", Erase{}, "invalid_input", "guardians"},
      {"guardian verified a string", "/guardians/0/verified", json("yes"), "invalid_input", "guardians[0].verified"},
      {"guardian name missing", "/guardians/1/name", Erase{}, "invalid_input", "guardians[1].name"},
      {"guardian field unknown", "/guardians/0/role", json("parent"), "invalid_input", "guardians[0].role"},
      {"guardian a string", "/guardians/0", json("g1"), "invalid_input", "guardians[0]"},
      {"guardian id twice", "/guardians/1/id", json("g1"), "conflict", "guardians[1].id"},
      {"guardian id reserved", "/guardians/0/id", json("operator"), "conflict", "guardians[0].id"},
      {"guardian id a support agent's", "/guardians/0/id", json("support:x"), "conflict", "guardians[0].id"},
      {"device id twice", "/devices/1/id", json("d1"), "conflict", "devices[1].id"},
      {"device id empty", "/devices/0/id", json(""), "invalid_input", "devices[0].id"},
      {"profile kind unknown", "/profiles/0/kind", json("toddler"), "invalid_input", "profiles[0].kind"},
      {"profile kind not a string", "/profiles/0/kind", json(3), "invalid_input", "profiles[0].kind"},
      {"profile retention missing", "/profiles/0/retention", Erase{}, "invalid_input", "profiles[0].retention"},
      {"profile retention unknown", "/profiles/0/retention", json("forever"), "invalid_input", "profiles[0].retention"},
      {"profile voiceDeletion a number", "/profiles/1/voiceDeletion", json(1), "invalid_input",
       "profiles[1].voiceDeletion"},
      {"profile birth date impossible", "/profiles/0/birthDate", json("2019-02-29"), "invalid_input",
       "profiles[0].birthDate"},
      {"profile id shared with a guardian", "/profiles/0/id", json("g2"), "conflict", "profiles[0].id"},
      {"an adult with consent", "/profiles/3/consent", state["profiles"][0]["consent"], "invalid_input",
       "profiles[3].consent"},
      {"a child without a consent record", "/profiles/0/consent", json(nullptr), "invalid_input", "profiles[0].consent"},
      {"recording profile dangling", rec + "/profileId", json("ghost"), "invalid_input", at_rec + ".profileId"},
      {"recording device dangling", rec + "/deviceId", json("ghost"), "invalid_input", at_rec + ".deviceId"},
      {"recording id twice", "/recordings/1/id", state["recordings"][0]["id"], "conflict", "recordings[1].id"},
      {"recording id of a tombstone", "/recordings/0/id", state["tombstones"][0]["recordingId"], "conflict",
       "tombstones[0].recordingId"},
      {"recording captured without offset", rec + "/capturedAt", json("2026-02-01T12:00:00"), "invalid_input",
       at_rec + ".capturedAt"},
      {"recording captured a fraction", rec + "/capturedAt", json(1.5), "invalid_input",
       at_rec + ".capturedAt"},
      {"recording captured past year 9999", rec + "/capturedAt", json(privacy::kMaxInstant + 1), "invalid_input",
       at_rec + ".capturedAt"},
      {"recording captured after the last entry", rec + "/capturedAt", json(at("2030-01-01T00:00:00Z")),
       "invalid_input", at_rec + ".capturedAt"},
      {"recording audio duration negative", rec + "/audio/durationMs", json(-1), "invalid_input",
       at_rec + ".audio.durationMs"},
      {"recording audio field unknown", rec + "/audio/codec", json("opus"), "invalid_input",
       at_rec + ".audio.codec"},
      {"recording transcript too long", rec + "/transcript", json(long_text), "too_large",
       at_rec + ".transcript"},
      {"recording derived kind unknown", rec + "/derived/0/kind", json("summary"), "invalid_input",
       at_rec + ".derived[0].kind"},
      {"recording derived id twice", rec + "/derived/1/id", state["recordings"][k]["derived"][0]["id"],
       "invalid_input", at_rec + ".derived[1].id"},
      {"recording derived not an array", rec + "/derived", json("none"), "invalid_input", at_rec + ".derived"},
      {"a child's recording not a child's data", rec + "/collectedAsChild", json(false), "invalid_input",
       at_rec + ".collectedAsChild"},
      {"tombstone deleted-at not an instant", "/tombstones/0/deletedAt", json("yesterday"), "invalid_input",
       "tombstones[0].deletedAt"},
      {"tombstone request id missing", "/tombstones/1/requestId", Erase{}, "invalid_input", "tombstones[1].requestId"},
      {"tombstone without its receipt", "/tombstones/1/requestId", json("no-such-request"), "invalid_input",
       "tombstones[1].requestId"},
      {"receipt status unknown", "/receipts/0/status", json("gone"), "invalid_input", "receipts[0].status"},
      {"receipt kind unknown", "/receipts/0/kind", json("purge"), "invalid_input", "receipts[0].kind"},
      {"receipt count negative", "/receipts/0/counts/audio", json(-1), "invalid_input", "receipts[0].counts.audio"},
      {"receipt count missing", "/receipts/0/counts/training_copy", Erase{}, "invalid_input",
       "receipts[0].counts.training_copy"},
      {"receipt scope an array", "/receipts/0/scope", json::array(), "invalid_input", "receipts[0].scope"},
      {"receipt request id twice", "/receipts/1/requestId", state["receipts"][0]["requestId"], "conflict",
       "receipts[1].requestId"},
      {"receipt recording ids not ids", "/receipts/0/recordingIds/0", json(7), "invalid_input",
       "receipts[0].recordingIds[0]"},
      {"receipt on behalf of someone, not by support", "/receipts/0/onBehalfOf", json("g1"), "invalid_input",
       "receipts[0].onBehalfOf"},
      {"audit seq a string", "/auditLog/0/seq", json("1"), "invalid_input", "auditLog[0].seq"},
      {"audit details a string", "/auditLog/0/details", json("x"), "invalid_input", "auditLog[0].details"},
      {"audit hash a number", "/auditLog/2/hash", json(5), "invalid_input", "auditLog[2].hash"},
      {"audit hash upper case", "/auditLog/2/hash", json(std::string(64, 'A')), "invalid_input", "auditLog[2].hash"},
      {"audit at missing", "/auditLog/3/at", Erase{}, "invalid_input", "auditLog[3].at"},
      {"audit action unknown", "/auditLog/3/action", json(5), "invalid_input", "auditLog[3].action"},
      {"audit field unknown", "/auditLog/0/signature", json("x"), "invalid_input", "auditLog[0].signature"},
      {"audit log not an array", "/auditLog", json(nullptr), "invalid_input", "auditLog"},
      // No entry recorded the intake of what the state holds.
      {"audit log empty", "/auditLog", json::array(), "invalid_input", "recordings[0].capturedAt"},
      // Well-formed and consistent, but not the state the log vouches for (R-INT-3).
      {"household renamed", "/household/name", json("Someone else"), "audit_invalid",
       "auditLog[" + std::to_string(last_entry) + "]"},
  };
  const std::string before = exported(e);
  for (const auto& c : cases) {
    INFO(c.name);
    fails(e, import_command(changed(state, c), kAfter), c.code, std::string("state.") + c.path);
    // Into an empty engine: refused the same way.
    Engine empty;
    fails(empty, import_command(changed(state, c), kAfter), c.code, std::string("state.") + c.path);
    CHECK_FALSE(empty.household().exists());
  }
  CHECK(exported(e) == before);
}

TEST_CASE("schemaVersion: missing, not a whole number, unknown or newer is refused") {  // covers R-INT-1
  Engine e;
  build_household(e);
  json state = state_of(e);
  auto with_version = [&](json version) {
    json s = state;
    if (version.is_discarded()) s.erase("schemaVersion");
    else s["schemaVersion"] = version;
    return import_command(s, kAfter);
  };
  fails(e, with_version(json(json::value_t::discarded)), "invalid_input", "state.schemaVersion");
  fails(e, with_version(nullptr), "invalid_input", "state.schemaVersion");
  fails(e, with_version("3"), "invalid_input", "state.schemaVersion");
  fails(e, with_version(3.0), "invalid_input", "state.schemaVersion");
  fails(e, with_version(true), "invalid_input", "state.schemaVersion");
  fails(e, with_version(0), "unsupported_version", "state.schemaVersion");
  fails(e, with_version(privacy::kSchemaVersion + 1), "unsupported_version", "state.schemaVersion");
  fails(e, with_version(1000), "unsupported_version", "state.schemaVersion");
  // Beyond what a version number can be: refused as input, with the range.
  fails(e, with_version(-1), "invalid_input", "state.schemaVersion");
  fails(e, with_version(std::uint64_t{18446744073709551615u}), "invalid_input", "state.schemaVersion");
}

TEST_CASE("a state that is not an object, or a missing state, is refused") {  // covers R-INT-4
  Engine e;
  build_household(e);
  auto with_state = [](json s) { return import_command(s, kAfter); };
  fails(e, with_state(json::array()), "invalid_input", "state");
  fails(e, with_state("{}"), "invalid_input", "state");
  fails(e, with_state(42), "invalid_input", "state");
  fails(e, with_state(nullptr), "invalid_input", "state");
  fails(e, {{"command", "importState"}, {"actor", "operator"}, {"now", kAfter}}, "invalid_input", "state");
  fails(e, {{"command", "importState"}, {"actor", "operator"}, {"now", kAfter}, {"state", json::object()}, {"merge", true}},
        "invalid_input", "merge");
  fails(e, {{"command", "importState"}, {"actor", "operator"}, {"state", state_of(e)}}, "invalid_input", "now");
  // Only importState and previewImport take a state beside the command.
  fails_text(e, R"({"command":"overview","actor":"g1"})", "invalid_input", "state", exported(e));
}

TEST_CASE("every problem is reported at once, and nothing is imported") {  // covers R-INT-4
  Engine e;
  build_rich_household(e);
  json bad = state_of(e);
  bad["guardians"][0]["verified"] = "yes";
  bad["recordings"][1]["capturedAt"] = "soon";
  bad["receipts"][2]["status"] = "gone";
  json errors = fails(e, import_command(bad, kAfter), "invalid_input", "state.guardians[0].verified");
  CHECK(has_error(errors, "invalid_input", "state.recordings[1].capturedAt"));
  CHECK(has_error(errors, "invalid_input", "state.receipts[2].status"));
}

TEST_CASE("a failed import into an empty engine leaves it empty") {  // covers R-INT-1
  Engine e;
  json state;
  {
    Engine source;
    build_household(source);
    state = state_of(source);
  }
  state["devices"][0]["id"] = state["devices"][1]["id"];
  fails(e, import_command(state, kAfter), "conflict", "state.devices[1].id");
  json out = e.execute({{"command", "overview"}, {"actor", "operator"}});
  CHECK(out["type"] == "failure");
  CHECK(has_error(out["errors"], "not_found", ""));
}

// The old engine replaced its household whole with any state imported; that
// let an export of another household (or a forged one) overwrite this one.
// R-INT-2 now refuses it: another household goes into a new engine.
TEST_CASE("another household's state is refused by an engine that holds one") {  // covers R-INT-2
  Engine e, other;
  build_rich_household(e);
  build_household(other, {.id = "h2"});
  const std::string before = exported(e);
  fails(e, import_command(state_of(other), kAfter), "conflict", "state.household.id");
  CHECK(exported(e) == before);
  // A new engine takes it.
  Engine fresh;
  CHECK(import_state(fresh, state_of(other))["outcome"] == "loaded");
  CHECK(exported(fresh) == exported(other));
}

TEST_CASE("a schema 1 state migrates: children need consent, and a migration entry vouches for the result") {  // covers R-CON-1, R-INT-1, R-INT-3
  const json v1 = fixture("household-v1.json");
  REQUIRE(v1["schemaVersion"] == 1);
  Engine e;
  json answer = import_state(e, v1, kAfter);
  CHECK(answer["outcome"] == "loaded");
  CHECK(answer["migratedFrom"] == 1);
  CHECK(answer["schemaVersion"] == 3);
  json entries = audit_entries(e);
  REQUIRE(entries.size() == v1["auditLog"].size() + 1);
  // The entries kept from schema 1 have no state digest; the migration entry does.
  for (std::size_t i = 0; i + 1 < entries.size(); ++i) CHECK(entries[i]["stateDigest"].is_null());
  json last = entries.back();
  CHECK(last["action"] == "state_migrated");
  CHECK(last["actor"] == "operator");
  CHECK(last["at"] == kAfter);
  CHECK(last["details"]["migratedFrom"] == 1);
  CHECK(last["stateDigest"] == e.household().state_digest());
  CHECK(ok(e, {{"command", "verifyAuditLog"}, {"actor", "g1"}})["intact"] == true);
  const json view = overview(e);
  for (const auto& p : view["profiles"])
    if (p["kind"] == "child") {
      CHECK(p["consent"]["state"] == "none");
      CHECK(p["enabled"] == false);
    }
  // The migrated state is a schema 3 state like any other: it round-trips.
  check_round_trip(e);
  // Importing the same schema 1 state again into that engine: its history
  // is a prefix of ours, so it is restored, nothing lost.
  CHECK(import_state(e, v1)["outcome"] == "restored");
}

TEST_CASE("a schema 2 state migrates: consent kept, child data marked, an entry vouches for it") {  // covers R-INT-1, R-INT-3, R-PRO-3
  const json v2 = fixture("household-v2.json");
  REQUIRE(v2["schemaVersion"] == 2);
  Engine e;
  json answer = import_state(e, v2, kAfter);
  CHECK(answer["migratedFrom"] == 2);
  CHECK(answer["recordings"] == v2["recordings"].size());
  json state = state_of(e);
  CHECK(state["removedProfiles"] == json::array());
  for (const auto& r : state["recordings"]) CHECK(r["collectedAsChild"] == (r["profileId"] != "a1"));
  CHECK(state["profiles"][0]["consent"]["state"] == "verified");
  CHECK(state["profiles"][0]["enabled"] == true);
  CHECK(state["auditLog"].back()["action"] == "state_migrated");
  CHECK(state["auditLog"].back()["details"]["repaired"] == json::array());
  // Time runs on from the migration: a later command is accepted, an earlier one not.
  fails(e, intake(recording("r99", "c1", "d1", kAfter - 1), kAfter - 1), "out_of_order", "now");
  add_recording(e, recording("r99", "c1", "d1", kAfter));
  // A migration dated before a recording was captured cannot vouch for it.
  Engine early;
  fails(early, import_command(v2, at("2025-01-01T00:00:00Z")), "invalid_input", "state.recordings[4].capturedAt");
}

TEST_CASE("schema 2 states that schema 2 reached but could not re-import are repaired, and the repair logged") {  // covers R-INT-1, R-CON-1, R-CON-3
  json v2 = fixture("household-v2.json");
  // Schema 2's requestConsent left a verified child enabled while pending,
  // with disclosure on (issue 8, "Why" 1).
  json& c1 = v2["profiles"][0];
  c1["consent"]["state"] = "pending";
  c1["consent"]["requestedMethod"] = "signed_form";
  c1["consent"]["disclosure"] = true;
  REQUIRE(c1["enabled"] == true);
  Engine e;
  import_state(e, v2, kAfter);
  json p = profile_view(e, "c1");
  CHECK(p["enabled"] == false);
  CHECK(p["consent"]["disclosure"] == false);
  CHECK(p["consent"]["reason"] == "requested_again");
  json repaired = audit_entries(e).back()["details"]["repaired"];
  CHECK(repaired == json{"profiles.c1.enabled: not enabled without verified consent",
                         "profiles.c1.consent.disclosure: off without verified consent"});
  fails(e, intake(recording("r99", "c1", "d1", kAfter), kAfter), "consent_required", "recording.profileId");
}

TEST_CASE("legacy states with values of the wrong kind get coded answers, never an abort") {  // covers R-INT-4
  const std::string command = R"({"command":"importState","actor":"operator","now":0})";
  // The small v1 state that once aborted the module (issue 8, "Why" 4).
  const std::string v1 = R"({"schemaVersion":1,"auditLog":[{"action":5}]})";
  Engine e;
  json out = json::parse(e.execute_json(command, v1));
  check_failure_shape(out);
  CHECK(has_error(out["errors"], "invalid_input", "state.auditLog[0].action"));
  for (const char* text : {R"({"schemaVersion":1,"profiles":[{"id":"c1","kind":7}],"auditLog":[]})",
                           R"({"schemaVersion":2,"profiles":[{"id":5,"kind":"child","consent":"yes"}]})",
                           R"({"schemaVersion":2,"receipts":[{"requestId":1},{"requestId":"a","recordingIds":[1,{}]}]})",
                           R"({"schemaVersion":1,"recordings":[{"profileId":"c1","capturedAt":"x"}],"auditLog":{}})",
                           R"({"schemaVersion":2,"auditLog":[{"action":"profile_removed","details":{"profileId":1}}]})",
                           R"({"schemaVersion":1})", R"({"schemaVersion":2,"profiles":7,"auditLog":[1,2]})",
                           R"({"schemaVersion":1,"household":[],"retentionPolicy":"x","privacyNotice":3})"}) {
    INFO(text);
    out = json::parse(e.execute_json(command, text));
    check_failure_shape(out);
    for (const auto& err : out["errors"]) {
      CHECK(err["code"] == "invalid_input");
      CHECK(err["path"].get<std::string>().rfind("state", 0) == 0);
    }
  }
  json kind = json::parse(e.execute_json(command, R"({"schemaVersion":1,"profiles":[{"id":"c1","kind":7}],"auditLog":[]})"));
  CHECK(has_error(kind["errors"], "invalid_input", "state.profiles[0].kind"));
  CHECK_FALSE(e.household().exists());
}
