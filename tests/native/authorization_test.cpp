// R-CON-6, R-INT-5: one table decides every command on household data, reads
// included; here every row is tried with every kind of actor through the
// engine (the JS suite does the same through the package), and a missing
// actor is refused everywhere.
#include <doctest/doctest.h>

#include <set>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

// The actor of each kind, as a command names it.
json who(const std::string& kind) {
  if (kind == "verified_guardian") return {{"actor", "g1"}};
  if (kind == "unverified_guardian") return {{"actor", "g2"}};
  if (kind == "other_household") return {{"actor", "g-elsewhere"}};
  if (kind == "child") return {{"actor", "c1"}};
  if (kind == "teen") return {{"actor", "t1"}};
  if (kind == "adult") return {{"actor", "a1"}};
  if (kind == "device") return {{"actor", "device:d1"}};
  if (kind == "support_with_request") return {{"actor", "support:s1"}, {"onBehalfOf", "g1"}};
  if (kind == "support_without_request") return {{"actor", "support:s1"}};
  if (kind == "system") return {{"actor", "system"}};
  if (kind == "operator") return {{"actor", "operator"}};
  FAIL("no actor for kind " << kind);
  return {};
}

// Commands that take no `now` (reads that do not depend on time).
const std::set<std::string> kNoNow = {"jurisdictionPolicy", "overview", "privacyDisclosure", "exportProfileData",
                                      "effectiveRetention", "listRecordings", "mayUse", "tombstones",
                                      "auditLog", "verifyAuditLog", "exportState"};

// The household every case starts from: the fixture, a teen, voice deletion
// on for c1, t1 and a1, a recording of each, and c9 (13) and t9 (18) flagged for their age reviews.
json base_state() {
  Engine e;
  build_household(e);
  add_teen(e);
  ok(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
         {"profile", {{"id", "c9"}, {"name", "Ivy"}, {"kind", "child"}, {"birthDate", "2013-06-15"}}}});
  ok(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
         {"profile", {{"id", "t9"}, {"name", "Rue"}, {"kind", "teen"}, {"birthDate", "2008-06-15"}}}});
  enable_voice(e, "g1", "c1");
  enable_voice(e, "t1", "t1");
  enable_voice(e, "a1", "a1");
  add_recording(e, recording("r1", "c1", "d1", kStart));
  add_recording(e, recording("r2", "a1", "d1", kStart));
  add_recording(e, recording("r3", "t1", "d1", kStart));
  const Instant birthday = at("2026-06-15T00:00:00Z");
  REQUIRE(ok(e, {{"command", "sweepProfiles"}, {"actor", "system"}, {"now", birthday}})["ageReview"] == json{"c9", "t9"});
  return state_of(e);
}

// A valid command for a row (so an allowed actor succeeds), after any set-up.
json command_for(Engine& e, const std::string& command, const std::string& target) {
  const std::string profile = target == "adult" ? "a1" : target == "teen" ? "t1" : "c1";
  const Instant now = later(e);
  json c = {{"command", command}};
  if (!kNoNow.count(command)) c["now"] = now;
  auto with = [&](json extra) {
    if (target != "household") c["profileId"] = profile;
    if (extra.is_object()) c.update(extra);
    return c;
  };
  if (command == "createHousehold") return with({{"id", "h2"}, {"name", "N"}, {"retentionPolicy", policy()}});
  if (command == "setRetentionPolicy") return with({{"retentionPolicy", policy(6)}});
  if (command == "setPrivacyNotice")
    return with({{"privacyNotice", {{"version", 2}, {"collects", {"audio"}}, {"thirdParties", json::array()}}}});
  if (command == "addGuardian") return with({{"guardian", {{"id", "g-new"}, {"name", "N"}, {"verified", false}}}});
  if (command == "addDevice") return with({{"device", {{"id", "d-new"}, {"name", "N"}}}});
  if (command == "renameDevice") return with({{"deviceId", "d1"}, {"name", "N"}});
  if (command == "recordDeviceGpc") return with({{"deviceId", "d1"}});
  if (command == "setJurisdiction") return with({{"jurisdiction", "US-CA"}});
  if (command == "setJurisdictionPolicy") return with({{"overrides", json::array({{{"code", "JP"}, {"consentAge", 18}}})}});
  if (command == "addProfile") {  // the target is the profile being added
    c["profile"] = {{"id", "p-new"}, {"name", "N"}, {"kind", target}};
    return c;
  }
  if (command == "addRecording") return with({{"recording", recording("r-new", "c1", "d1", now)}});
  if (command == "addRecordings") return with({{"recordings", {recording("r-new", "c1", "d1", now)}}});
  if (command == "setRetention" || command == "previewRetention") return with({{"setting", "3_months"}});
  if (command == "setVoiceDeletion") return with({{"enabled", true}});
  if (command == "deleteRecordings") return with({{"requestId", "q"}, {"kind", "all"}});
  if (command == "previewDeletion") return with({{"kind", "all"}});
  if (command == "renameProfile") return with({{"name", "R"}});
  if (command == "removeProfile") return with({{"requestId", "rm"}});
  if (command == "requestConsent") return with({{"method", "video_call"}});
  if (command == "recordConsent" || command == "cancelConsent") {
    ok(e, {{"command", "requestConsent"}, {"actor", "g1"}, {"now", now}, {"profileId", profile}, {"method", "video_call"}});
    if (command == "cancelConsent") return with({});
    return with({{"method", "video_call"}, {"reference", "call"}, {"verifiedBy", "staff"}});
  }
  if (command == "revokeConsent") return with({{"deleteData", false}});
  if (command == "setDisclosureConsent") return with({{"enabled", false}});
  if (command == "storeConsentEvent") return with({{"store", "apple"}, {"event", "significant_change"}});
  if (command == "enableProfile") return with({{"enabled", false}});
  if (command == "resolveAgeReview") {  // flagged by the base state's sweep (an adult never is)
    c["profileId"] = target == "child" ? "c9" : target == "teen" ? "t9" : "a1";
    c["kind"] = target;
    return c;
  }
  if (command == "voiceRequest")
    return with({{"requestId", "v"}, {"deviceId", "d1"}, {"utterance", "delete that"}, {"utcOffsetMinutes", 0}});
  if (command == "mayUse") return with({{"recordingId", "r1"}, {"purpose", "service"}});
  if (command == "decideAds") return with({{"context", "general"}});
  if (command == "importState" || command == "previewImport") return with({{"state", state_of(e)}});
  // Commands whose only input is the actor (and now, or a profile).
  for (const char* plain : {"jurisdictionPolicy", "overview", "privacyDisclosure", "keepProfile", "sweepProfiles",
                            "exportProfileData", "effectiveRetention", "listRecordings", "previewSweep", "sweep",
                            "tombstones", "auditLog", "verifyAuditLog", "exportState", "recordGpc"})
    if (command == plain) return with({});
  FAIL("no command built for " << command);
  return c;
}

}  // namespace

TEST_CASE("every command on household data, with every kind of actor, is allowed or denied by the table") {  // covers R-CON-6, R-INT-5
  const json base = base_state();
  Engine reader;
  const json table = ok(reader, {{"command", "authorizationTable"}});
  REQUIRE(table["actorKinds"].size() == 11);
  std::set<std::string> commands;
  int allowed = 0, denied = 0;
  for (const auto& row : table["rows"]) {
    const std::string command = row["command"], target = row["target"];
    commands.insert(command);
    for (const auto& kind_json : table["actorKinds"]) {
      const std::string kind = kind_json;
      CAPTURE(command);
      CAPTURE(target);
      CAPTURE(kind);
      Engine e;
      if (command != "createHousehold") import_state(e, base);
      json c = command_for(e, command, target);
      c.update(who(kind));
      const std::string target_id = target == "adult" ? "a1" : target == "teen" ? "t1" : "c1";
      auto listed = [&](const char* list) {
        for (const auto& k : row[list])
          if (k == kind) return true;
        return false;
      };
      const bool expect = listed("allow") || (listed("self") && who(kind)["actor"] == target_id);
      if (command == "decideAds") {
        // It never fails: a refusal is the most protective decision, with the reason.
        json out = ok(e, c);
        CHECK((out["level"] != "none") == expect);
        CHECK(has_error(out.value("errors", json::array()), "forbidden", "actor") == !expect);
        (expect ? allowed : denied)++;
        continue;
      }
      if (expect) {
        ok(e, c);
        ++allowed;
      } else {
        fails(e, c, "forbidden", "actor");
        ++denied;
      }
    }
  }
  // Every command on household data has a row; the rest take no actor.
  CHECK(commands.size() == 47);
  for (const char* free : {"parseVoiceRequest", "decodeTcString", "decodeGpp", "authorizationTable", "describeCommands"})
    CHECK_FALSE(commands.count(free));
  CHECK(allowed > 150);
  CHECK(denied > 500);
}

TEST_CASE("no actor, or a null one, is refused on intake, sweeps and every read") {  // covers R-INT-5
  const json base = base_state();
  Engine e;
  import_state(e, base);
  const Instant now = later(e);
  const json commands[] = {
      {{"command", "addRecording"}, {"now", now}, {"recording", recording("x", "c1", "d1", now)}},
      {{"command", "addRecordings"}, {"now", now}, {"recordings", {recording("x", "c1", "d1", now)}}},
      {{"command", "sweep"}, {"now", now}},
      {{"command", "sweepProfiles"}, {"now", now}},
      {{"command", "overview"}},
      {{"command", "listRecordings"}, {"profileId", "c1"}},
      {{"command", "exportState"}},
      {{"command", "auditLog"}},
      {{"command", "verifyAuditLog"}},
      {{"command", "tombstones"}},
      {{"command", "mayUse"}, {"recordingId", "r1"}, {"purpose", "training"}},
      {{"command", "exportProfileData"}, {"profileId", "c1"}},
      {{"command", "effectiveRetention"}, {"profileId", "c1"}},
      {{"command", "previewRetention"}, {"now", now}, {"profileId", "c1"}, {"setting", "dont_save"}},
      {{"command", "previewSweep"}, {"now", now}},
      {{"command", "previewDeletion"}, {"now", now}, {"profileId", "c1"}, {"kind", "all"}},
      {{"command", "privacyDisclosure"}},
      {{"command", "jurisdictionPolicy"}},
      {{"command", "voiceRequest"}, {"now", now}, {"requestId", "v"}, {"profileId", "c1"}, {"deviceId", "d1"},
       {"utterance", "delete that"}, {"utcOffsetMinutes", 0}},
      {{"command", "importState"}, {"now", now}, {"state", base}},
      {{"command", "previewImport"}, {"now", now}, {"state", base}},
      {{"command", "recordGpc"}, {"now", now}, {"profileId", "a1"}},
  };
  for (json c : commands) {
    INFO(c["command"]);
    fails(e, c, "invalid_input", "actor");
    c["actor"] = nullptr;
    fails(e, c, "invalid_input", "actor");
    c["actor"] = "";
    fails(e, c, "invalid_input", "actor");
  }
  // decideAds for a known person needs one too; for nobody known it takes none.
  json ads = ok(e, {{"command", "decideAds"}, {"now", now}, {"profileId", "a1"}, {"context", "general"}});
  CHECK(ads["level"] == "none");
  CHECK(has_error(ads["errors"], "invalid_input", "actor"));
  CHECK(ok(e, {{"command", "decideAds"}, {"now", now}, {"age", "unknown"}, {"context", "general"}})["level"] == "contextual");
  // Commands without household data refuse an actor as an unknown field.
  fails(e, {{"command", "parseVoiceRequest"}, {"actor", "g1"}, {"utterance", "delete that"}}, "invalid_input", "actor");
  fails(e, {{"command", "authorizationTable"}, {"actor", "g1"}}, "invalid_input", "actor");
  fails(e, {{"command", "decodeGpp"}, {"actor", "g1"}, {"gppString", "DBABLA~CVVqAAAAAACA.QA"}}, "invalid_input", "actor");
}

TEST_CASE("a support agent has a non-empty id and acts only on a verified parent's request") {  // covers R-INT-5, R-CON-6
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  const Instant now = later(e);
  auto del = [&](json actor, const char* request) {
    json c = {{"command", "deleteRecordings"}, {"now", now}, {"requestId", request}, {"profileId", "c1"}, {"kind", "all"}};
    c.update(actor);
    return c;
  };
  fails(e, del({{"actor", "support:"}, {"onBehalfOf", "g1"}}, "q0"), "forbidden", "actor");  // no agent named
  fails(e, del({{"actor", "support:s1"}}, "q0"), "forbidden", "actor");                      // no request
  fails(e, del({{"actor", "support:s1"}, {"onBehalfOf", "g2"}}, "q0"), "forbidden", "actor");  // not a verified parent
  fails(e, del({{"actor", "support:s1"}, {"onBehalfOf", "nobody"}}, "q0"), "forbidden", "actor");
  fails(e, del({{"actor", "support:s1"}, {"onBehalfOf", ""}}, "q0"), "invalid_input", "onBehalfOf");
  // Only a support agent acts on someone's behalf.
  fails(e, del({{"actor", "g1"}, {"onBehalfOf", "g1"}}, "q0"), "invalid_input", "onBehalfOf");
  // With the request, it is on the receipt and the audit entry.
  json receipt = ok(e, del({{"actor", "support:s1"}, {"onBehalfOf", "g1"}}, "q1"));
  CHECK(receipt["actor"] == "support:s1");
  CHECK(receipt["onBehalfOf"] == "g1");
  CHECK(receipt["recordingIds"] == json{"r1"});
  json entry = audit_entries(e).back();
  CHECK(entry["actor"] == "support:s1");
  CHECK(entry["onBehalfOf"] == "g1");
  CHECK(state_of(e)["receipts"].back()["onBehalfOf"] == "g1");
  // Every receipt a support request causes: a retention change that deletes, a removal.
  add_recording(e, recording("r2", "c2", "d1", at("2026-01-01T00:00:00Z")), at("2026-06-01T00:00:00Z"));
  json shortened = ok(e, {{"command", "setRetention"}, {"actor", "support:s1"}, {"onBehalfOf", "g1"},
                          {"now", at("2026-06-01T00:00:00Z")}, {"profileId", "c2"}, {"setting", "dont_save"}});
  CHECK(shortened["receipt"]["onBehalfOf"] == "g1");
  json removed = ok(e, {{"command", "removeProfile"}, {"actor", "support:s1"}, {"onBehalfOf", "g1"},
                        {"now", at("2026-06-01T00:00:00Z")}, {"profileId", "c2"}, {"requestId", "rm-c2"}});
  CHECK(removed["receipt"]["onBehalfOf"] == "g1");
  for (const auto& en : audit_entries(e))
    if (en["actor"] == "support:s1") CHECK(en["onBehalfOf"] == "g1");
  // Ids that would pass for reserved actors cannot be taken.
  fails(e, {{"command", "addGuardian"}, {"actor", "operator"}, {"now", later(e)},
            {"guardian", {{"id", "support:x"}, {"name", "X"}, {"verified", true}}}},
        "conflict", "guardian.id");
  // The exported state with support receipts imports back (R-INT-1).
  check_round_trip(e);
}

TEST_CASE("importState needs an actor of the table, and is logged when it changes something") {  // covers R-INT-5, R-INT-2
  Engine e;
  build_household(e);
  const json backup = state_of(e);
  add_recording(e, recording("r1", "c1", "d1", at("2026-02-01T00:00:00Z")));
  const json current = state_of(e);
  // Into an empty engine, the state coming in says who may load it.
  Engine fresh;
  fails(fresh, import_command(current, later(e), "g2"), "forbidden", "actor");
  fails(fresh, import_command(current, later(e), "nobody"), "forbidden", "actor");
  fails(fresh, import_command(current, later(e), "c1"), "forbidden", "actor");
  CHECK(import_state(fresh, current, std::nullopt, "g1")["outcome"] == "loaded");
  // A schema 3 state loaded whole needs no entry: its log already vouches for it.
  CHECK(state_of(fresh)["auditLog"].size() == current["auditLog"].size());
  // A restore changes the household: logged, with its actor.
  const Instant now = at("2026-03-01T00:00:00Z");
  fails(e, import_command(backup, now, "a1"), "forbidden", "actor");
  json support = import_command(backup, now, "support:s1");
  fails(e, support, "forbidden", "actor");
  support["onBehalfOf"] = "g1";
  json answer = answer_ok(e, support);
  CHECK(answer["result"]["outcome"] == "restored");
  CHECK(answer["effects"]["changed"] == true);
  json entry = audit_entries(e).back();
  CHECK(entry["action"] == "state_restored");
  CHECK(entry["actor"] == "support:s1");
  CHECK(entry["onBehalfOf"] == "g1");
  CHECK(entry["at"] == now);
  // The same state again changes nothing and logs nothing.
  const std::size_t entries = audit_entries(e).size();
  CHECK(import_state(e, state_of(e), now, "system")["outcome"] == "unchanged");
  CHECK(audit_entries(e).size() == entries);
}
