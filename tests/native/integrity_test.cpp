// Integrity (R-INT-1..3), the failures of issue 8 "Why" 2 and 3, and a seeded
// property over command sequences: every reachable state re-imports byte for
// byte, no forged one does, and a deletion is never undone by an import.
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <set>

#include "fixtures.hpp"
#include "household/context.hpp"
#include "json/codec.hpp"

using namespace fixtures;

namespace {

// A forger who knows the recipe: edits the state, then recomputes the last
// entry's state digest and re-hashes the chain from entry `from` on.
std::string reseal(const std::string& text, const std::function<void(privacy::HouseholdState&)>& edit,
                   std::size_t from = SIZE_MAX) {
  privacy::HouseholdState s;
  privacy::Errors errors;
  REQUIRE(privacy::json::read_text(text, s, errors));
  edit(s);
  privacy::Household::Impl h;
  h.s = s;
  h.exists = true;
  h.rebuild();
  auto& log = h.s.audit_log;
  log.back().state_digest = h.digest_from_scratch();
  for (std::size_t i = std::min(from, log.size() - 1); i < log.size(); ++i) {
    log[i].prev_hash = i == 0 ? privacy::kGenesisHash : log[i - 1].hash;
    log[i].hash = privacy::entry_hash(log[i]);
  }
  return privacy::json::to_text(h.s);
}

privacy::Profile& profile_in(privacy::HouseholdState& s, const std::string& id) {
  for (auto& p : s.profiles)
    if (p.id == id) return p;
  FAIL("no profile " << id);
  return s.profiles.front();
}

json import_text(Engine& e, const std::string& state, Instant now, json expected_head = nullptr) {
  json c = {{"command", "importState"}, {"actor", "operator"}, {"now", now}};
  if (!expected_head.is_null()) c["expectedHead"] = expected_head;
  return json::parse(e.execute_json(c.dump(), state));
}

void refused(Engine& e, const std::string& state, const char* code, const std::string& path, Instant now,
             json expected_head = nullptr) {
  const std::string before = exported(e);
  json out = import_text(e, state, now, expected_head);
  INFO("answer: " << dump(out));
  check_failure_shape(out);
  CHECK(has_error(out["errors"], code, path));
  CHECK(exported(e) == before);
}

json head_of(const json& state) {
  return {{"seq", state["auditLog"].back()["seq"]}, {"hash", state["auditLog"].back()["hash"]}};
}

}  // namespace

// Issue 8, "Why" 2: downloading the household, deleting a recording and
// importing the download brought the recording back, with its transcript,
// and dropped the deletion's audit entry.
TEST_CASE("restoring an old backup after a deletion keeps the recording deleted") {  // covers R-INT-2, R-DEL-4
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", at("2026-02-01T00:00:00Z")));
  add_recording(e, recording("r2", "c1", "d1", at("2026-02-01T00:01:00Z")));
  const json backup = state_of(e);
  const Instant deleted_at = at("2026-02-02T00:00:00Z");
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", deleted_at}, {"requestId", "del-1"},
         {"profileId", "c1"}, {"kind", "ids"}, {"ids", {"r1"}}});
  const json deletion_entry = audit_entries(e).back();
  REQUIRE(deletion_entry["action"] == "recordings_deleted");
  const Instant now = at("2026-02-03T00:00:00Z");
  // What it would do, first, without doing it.
  const std::string before = exported(e);
  json preview = ok(e, {{"command", "previewImport"}, {"actor", "g1"}, {"now", now}, {"state", backup}});
  CHECK(exported(e) == before);
  json answer = answer_ok(e, import_command(backup, now, "g1"));
  CHECK(answer["result"] == preview);
  CHECK(answer["result"] == json{{"outcome", "restored"}, {"householdId", "h1"}, {"schemaVersion", 3},
                                 {"migratedFrom", nullptr}, {"recordings", 1}, {"auditEntries", backup["auditLog"].size() + 2},
                                 {"keptDeleted", 1}, {"keptRemovedProfiles", 0}, {"keptWithdrawals", 0}});
  CHECK(answer["effects"]["deletedRecordingIds"] == json::array());  // r1 was already gone here
  // The recording stays deleted: not listed, its tombstone and receipt kept, never usable.
  CHECK(live_ids(e) == std::vector<std::string>{"r2"});
  json stones = tombstones(e);
  REQUIRE(stones.size() == 1);
  CHECK(stones[0] == json{{"recordingId", "r1"}, {"profileId", "c1"}, {"deletedAt", deleted_at}, {"requestId", "del-1"}});
  json state = state_of(e);
  REQUIRE(state["receipts"].size() == 1);
  CHECK(state["receipts"][0]["requestId"] == "del-1");
  CHECK(exported(e).find("words of r1") == std::string::npos);
  CHECK(may_use(e, "r1", "training")["reason"] == "deleted");
  // The deletion's entry is still in the log, and the restore is logged after it.
  json entries = audit_entries(e);
  CHECK(entries[entries.size() - 2] == deletion_entry);
  CHECK(entries.back()["action"] == "state_restored");
  CHECK(entries.back()["actor"] == "g1");
  CHECK(entries.back()["details"]["keptDeleted"] == 1);
  CHECK(entries.back()["details"]["restoredSeq"] == backup["auditLog"].back()["seq"]);
  CHECK(ok(e, {{"command", "verifyAuditLog"}, {"actor", "g1"}})["intact"] == true);
  // The same request again is already done; the id cannot come back by intake.
  CHECK(ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now}, {"requestId", "del-1"}, {"profileId", "c1"},
               {"kind", "ids"}, {"ids", {"r1"}}})["status"] == "already_done");
  fails(e, intake(recording("r1", "c1", "d1", now), now), "conflict", "recording.id");
  // And the restored household re-imports byte for byte.
  check_round_trip(e);
}

TEST_CASE("restoring a backup keeps a removed profile removed, with its data") {  // covers R-INT-2, R-PRO-1
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c2", "d1", at("2026-02-01T00:00:00Z")));
  const json backup = state_of(e);
  ok(e, {{"command", "removeProfile"}, {"actor", "g1"}, {"now", at("2026-02-02T00:00:00Z")}, {"profileId", "c2"},
         {"requestId", "rm-c2"}});
  json answer = import_state(e, backup, at("2026-02-03T00:00:00Z"));
  CHECK(answer["outcome"] == "restored");
  CHECK(answer["keptDeleted"] == 1);
  CHECK(answer["keptRemovedProfiles"] == 1);
  CHECK(profile_view(e, "c2").is_null());
  CHECK(live_ids(e).empty());
  CHECK(state_of(e)["removedProfiles"][0]["profileId"] == "c2");
  fails(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", later(e)},
            {"profile", {{"id", "c2"}, {"name", "Leo"}, {"kind", "child"}}}},
        "conflict", "profile.id");
}

TEST_CASE("an import is loaded, restored, updated or unchanged by how its log relates to ours") {  // covers R-INT-2, R-INT-3
  Engine e;
  build_household(e);
  const json early = state_of(e);
  add_recording(e, recording("r1", "c1", "d1", at("2026-02-01T00:00:00Z")));
  const json later_state = state_of(e);
  // A later state of the household: updated (nothing deleted here to keep, no entry needed).
  Engine behind;
  import_state(behind, early);
  json updated = answer_ok(behind, import_command(later_state, at("2026-02-01T00:00:00Z")));
  CHECK(updated["result"]["outcome"] == "updated");
  CHECK(exported(behind) == exported(e));
  // The same state: unchanged.
  CHECK(import_state(behind, later_state)["outcome"] == "unchanged");
  // A history that went another way: refused where it parts from ours.
  Engine fork;
  import_state(fork, early);
  add_recording(fork, recording("r9", "c2", "d1", at("2026-02-01T00:00:00Z")));
  const std::size_t k = early["auditLog"].size();
  fails(e, import_command(state_of(fork), at("2026-03-01T00:00:00Z")), "conflict",
        "state.auditLog[" + std::to_string(k) + "]");
  // Another household: refused.
  Engine other;
  build_household(other, {.id = "h2"});
  fails(e, import_command(state_of(other), at("2026-03-01T00:00:00Z")), "conflict", "state.household.id");
  // An earlier state cannot be dated before our last entry.
  fails(e, import_command(early, kStart), "out_of_order", "now");
}

// Found by the property test through the package: an engine holding an
// earlier state took a later one in which a child's consent was verified and
// disclosure turned on, and kept its own "none" as if it were a withdrawal.
TEST_CASE("an update brings consent given later; only a restore keeps withdrawals made here") {  // covers R-INT-2, R-CON-4
  Engine e;
  build_household(e);
  ok(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", later(e)},
         {"privacyNotice", {{"version", 2}, {"collects", {"voice recordings"}},
                            {"thirdParties", {{{"name", "Acme"}, {"category", "ads"}, {"purpose", "ads"}}}}}}});
  ok(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", later(e)},
         {"profile", {{"id", "c3"}, {"name", "Ivy"}, {"kind", "child"}}}});
  const json before_consent = state_of(e);
  give_consent(e, "c3");
  ok(e, {{"command", "setDisclosureConsent"}, {"actor", "g1"}, {"now", later(e)}, {"profileId", "c3"}, {"enabled", true}});
  const json given = state_of(e);
  Engine behind;
  import_state(behind, before_consent);
  json updated = answer_ok(behind, import_command(given, later(e)));
  CHECK(updated["result"]["outcome"] == "updated");
  CHECK(updated["result"]["keptWithdrawals"] == 0);
  CHECK(exported(behind) == exported(e));
  // Revoked here, then the backup with consent restored: the revocation stays.
  ok(e, {{"command", "revokeConsent"}, {"actor", "g1"}, {"now", later(e)}, {"profileId", "c3"}, {"deleteData", false}});
  json restored = answer_ok(e, import_command(given, later(e)));
  CHECK(restored["result"]["outcome"] == "restored");
  CHECK(restored["result"]["keptWithdrawals"] == 1);
  const json now_state = state_of(e);
  json c3;
  for (const auto& p : now_state["profiles"])
    if (p["id"] == "c3") c3 = p;
  CHECK(c3["consent"]["state"] == "revoked");
  CHECK(c3["consent"]["disclosure"] == false);
}

// Issue 8, "Why" 3: forged states imported silently.
TEST_CASE("a revoked or never consented child edited to verified with disclosure on is refused") {  // covers R-INT-1, R-INT-3, R-CON-1, R-CON-3
  Engine e;
  build_household(e);
  ok(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", kStart},
         {"privacyNotice", {{"version", 2}, {"collects", {"voice recordings"}},
                            {"thirdParties", {{{"name", "Acme"}, {"category", "ads"}, {"purpose", "ads"}}}}}}});
  ok(e, {{"command", "recordConsent"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c1"}, {"method", "signed_form"},
         {"reference", "F"}, {"verifiedBy", "V"}});
  ok(e, {{"command", "revokeConsent"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c1"}});
  ok(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
         {"profile", {{"id", "c3"}, {"name", "Ada"}, {"kind", "child"}}}});
  const std::string text = exported(e);
  const std::size_t last = state_of(e)["auditLog"].size() - 1;
  json forged = json::parse(text);
  for (const char* id : {"c1", "c3"}) {
    INFO(id);
    json f = forged;
    for (auto& p : f["profiles"])
      if (p["id"] == id) {
        p["enabled"] = true;
        p["consent"] = {{"state", "verified"}, {"requestedMethod", nullptr},
                        {"evidence", {{"method", "signed_form"}, {"reference", "x"}, {"verifiedBy", "x"}, {"verifiedAt", kStart}}},
                        {"noticeVersion", 2}, {"disclosure", true}, {"revokedAt", nullptr}, {"reason", nullptr}};
      }
    // Consistent as a state, but no entry vouches for it.
    Engine fresh;
    refused(fresh, f.dump(), "audit_invalid", "state.auditLog[" + std::to_string(last) + "]", kStart);
    refused(e, f.dump(), "audit_invalid", "state.auditLog[" + std::to_string(last) + "]", kStart);
    CHECK_FALSE(fresh.household().exists());
  }
  // The engine then neither records nor discloses for them.
  fails(e, intake(recording("r1", "c1", "d1", kStart), kStart), "consent_required", "recording.profileId");
}

TEST_CASE("a tombstone dropped and the recording re-added is refused") {  // covers R-INT-1, R-INT-3, R-DEL-4
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", kStart}, {"requestId", "del-1"}, {"profileId", "c1"},
         {"kind", "all"}});
  const std::string text = exported(e);
  json forged = json::parse(text);
  forged["tombstones"] = json::array();
  forged["recordings"].push_back(recording("r1", "c1", "d1", kStart));
  forged["recordings"][0]["collectedAsChild"] = true;
  Engine fresh;
  // The receipt still lists it: the deletions do not agree.
  refused(fresh, forged.dump(), "invalid_input", "state.receipts[0].recordingIds[0]", kStart);
  // The receipt dropped too: consistent, but the log does not vouch for it.
  forged["receipts"] = json::array();
  const std::size_t last = forged["auditLog"].size() - 1;
  refused(fresh, forged.dump(), "audit_invalid", "state.auditLog[" + std::to_string(last) + "]", kStart);
  refused(e, forged.dump(), "audit_invalid", "state.auditLog[" + std::to_string(last) + "]", kStart);
  CHECK(may_use(e, "r1", "training")["reason"] == "deleted");
}

// An operator's table that lifts the EU/EEA teen rule: setJurisdictionPolicy
// refuses it, and so does an import, even with a log re-sealed to vouch for it.
TEST_CASE("a jurisdiction policy that lifts the EU/EEA teen rule is refused by the command and on import") {  // covers R-AGE-4, R-INT-1
  Engine e;
  build_household(e);
  const std::string before = exported(e);
  json lifted = {{"command", "setJurisdictionPolicy"}, {"actor", "operator"}, {"now", kStart},
                 {"overrides", json::array({{{"code", "DE"}, {"teenAds13to15", "gpp_opt_in"}}})}};
  fails(e, lifted, "invalid_input", "overrides[0].teenAds13to15");
  CHECK(exported(e) == before);
  const std::string forged = reseal(before, [](privacy::HouseholdState& s) {
    s.jurisdiction_policy = {{"DE", std::nullopt, std::nullopt, privacy::TeenAdRule::gpp_opt_in, std::nullopt}};
  });
  Engine fresh;
  refused(fresh, forged, "invalid_input", "state.jurisdictionPolicy[0].teenAds13to15", kStart);
}

TEST_CASE("edited, removed and reordered audit entries are refused at the first bad one") {  // covers R-INT-3
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "dont_save");
  const json state = state_of(e);
  const std::size_t last = state["auditLog"].size() - 1;
  auto entry = [](std::size_t i) { return "state.auditLog[" + std::to_string(i) + "]"; };
  Engine fresh;
  json edited = state;
  edited["auditLog"][last]["details"]["to"] = "until_deleted";  // hide what the parent chose
  refused(fresh, edited.dump(), "audit_invalid", entry(last), kStart);
  json removed = state;
  removed["auditLog"].erase(4);
  refused(fresh, removed.dump(), "audit_invalid", entry(4), kStart);
  json reordered = state;
  std::swap(reordered["auditLog"][6], reordered["auditLog"][7]);
  refused(fresh, reordered.dump(), "audit_invalid", entry(6), kStart);
  // The last entry removed: the entry before it does not vouch for the state.
  json cut = state;
  cut["auditLog"].erase(last);
  refused(fresh, cut.dump(), "audit_invalid", entry(last - 1), kStart);
  // Every refusal says which rule and why.
  json out = import_text(fresh, edited.dump(), kStart);
  CHECK(out["errors"][0]["message"].get<std::string>().find("R-INT-3") != std::string::npos);
  CHECK_FALSE(fresh.household().exists());
}

TEST_CASE("a chain re-hashed after an edit: refused by the engine holding the household, and by an anchored head") {  // covers R-INT-2, R-INT-3
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "dont_save");
  const std::string text = exported(e);
  const json state = json::parse(text);
  const json head = head_of(state);
  const std::size_t last = state["auditLog"].size() - 1;
  // Keep the child's recordings until deleted, and re-seal everything.
  const std::string forged = reseal(text, [](privacy::HouseholdState& s) {
    profile_in(s, "c1").retention = privacy::RetentionSetting::until_deleted;
    s.audit_log.back().details["to"] = "until_deleted";
  }, json::parse(text)["auditLog"].size() - 1);
  // Alone, nothing shows it: the log vouches for the forged state.
  Engine fresh;
  CHECK(import_text(fresh, forged, kStart)["result"]["outcome"] == "loaded");
  // verifyAuditLog with the head kept elsewhere says so.
  json v = ok(fresh, {{"command", "verifyAuditLog"}, {"actor", "g1"}, {"expectedHead", head}});
  CHECK(v["intact"] == false);
  CHECK(v["firstInvalid"] == json{{"index", last}, {"seq", last + 1}, {"reason", "head"}});
  // Into the engine that holds the household: a history that differs from ours.
  refused(e, forged, "conflict", "state.auditLog[" + std::to_string(last) + "]", kStart);
  // Anchored: refused wherever it is imported.
  Engine anchored;
  refused(anchored, forged, "audit_invalid", "state.auditLog[" + std::to_string(last) + "]", kStart, head);
  // The true state passes the same anchor; a cut (an earlier export) does not.
  CHECK(import_text(anchored, text, kStart, head)["type"] == "success");
  Engine cut;
  json earlier = state;
  {
    Engine before;
    build_household(before);
    earlier = state_of(before);
  }
  refused(cut, earlier.dump(), "audit_invalid", "state.auditLog[" + std::to_string(last) + "]", kStart, head);
}

TEST_CASE("audit time running backwards is refused, even re-hashed") {  // covers R-INT-3
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "dont_save", at("2026-06-01T00:00:00Z"));
  set_retention(e, "g1", "c2", "dont_save", at("2026-07-01T00:00:00Z"));
  const std::string text = exported(e);
  const std::size_t k = json::parse(text)["auditLog"].size() - 2;
  // Consent recorded "in 2001" after 2026 entries.
  const std::string forged = reseal(text, [&](privacy::HouseholdState& s) { s.audit_log[k].at = at("2001-01-01T00:00:00Z"); }, k);
  Engine fresh;
  refused(fresh, forged, "audit_invalid", "state.auditLog[" + std::to_string(k) + "]", kStart);
  json out = import_text(fresh, forged, kStart);
  CHECK(out["errors"][0]["message"].get<std::string>().find("never runs backwards") != std::string::npos);
}

TEST_CASE("an anchored import holds the head, and refuses one it does not reach") {  // covers R-INT-3
  Engine e;
  build_household(e);
  const json state = state_of(e);
  Engine a;
  CHECK(import_text(a, exported(e), kStart, head_of(state))["type"] == "success");
  Engine b;
  json beyond = {{"seq", state["auditLog"].size() + 1}, {"hash", std::string(64, 'a')}};
  refused(b, exported(e), "audit_invalid", "state.auditLog[" + std::to_string(state["auditLog"].size()) + "]", kStart, beyond);
  json wrong = {{"seq", 3}, {"hash", std::string(64, 'a')}};
  refused(b, exported(e), "audit_invalid", "state.auditLog[2]", kStart, wrong);
}

// ---- a seeded property over command sequences ----

namespace {

struct Sequence {
  std::mt19937 rng;
  Engine e;
  Instant now = kStart;
  int step = 0;

  explicit Sequence(unsigned seed) : rng(seed) { build_household(e); }
  std::size_t pick(std::size_t n) { return rng() % n; }
  std::string one(const std::vector<std::string>& items) { return items[pick(items.size())]; }

  // One command, legal or not, from everything a household does.
  json next() {
    now += static_cast<Instant>(pick(3)) * 86'400'000 * static_cast<Instant>(1 + pick(40));
    ++step;
    const std::vector<std::string> profiles = {"c1", "c2", "a1", "a2", "t" + std::to_string(step % 3), "ghost"};
    const std::vector<std::string> actors = {"g1", "g1", "g1", "g2", "c1", "a1", "system", "operator", "support:s"};
    const std::string profile = one(profiles), actor = one(actors);
    const std::string id = "x" + std::to_string(step);
    auto with = [&](json c) {
      c["now"] = now;
      c["actor"] = actor;
      if (actor == "support:s") c["onBehalfOf"] = "g1";
      return c;
    };
    switch (pick(16)) {
      case 0:
      case 1: {
        json rec = recording(id, profile, one(std::vector<std::string>{"d1", "d2"}), now - static_cast<Instant>(pick(1000)),
                             pick(2) == 0);
        return {{"command", "addRecording"}, {"actor", "system"}, {"now", now}, {"recording", rec}};
      }
      case 2:
        return with({{"command", "setRetention"}, {"profileId", profile},
                     {"setting", one(std::vector<std::string>{"dont_save", "3_months", "18_months", "until_deleted"})}});
      case 3: {
        json c = with({{"command", "deleteRecordings"}, {"requestId", "q" + std::to_string(pick(8))},
                       {"profileId", profile}, {"kind", "all"}});
        if (pick(2)) {
          c["kind"] = "device";
          c["deviceId"] = "d1";
        }
        return c;
      }
      case 4: return {{"command", "sweep"}, {"actor", "system"}, {"now", now}};
      case 5: return {{"command", "sweepProfiles"}, {"actor", "system"}, {"now", now}};
      case 6: return with({{"command", "requestConsent"}, {"profileId", profile}, {"method", "video_call"}});
      case 7:
        return with({{"command", "recordConsent"}, {"profileId", profile},
                     {"method", one(std::vector<std::string>{"signed_form", "email_plus", "text_plus"})},
                     {"reference", id}, {"verifiedBy", "v"}});
      case 8: return with({{"command", "cancelConsent"}, {"profileId", profile}});
      case 9: return with({{"command", "revokeConsent"}, {"profileId", profile}, {"deleteData", pick(2) == 0}, {"requestId", id}});
      case 10: return with({{"command", "setDisclosureConsent"}, {"profileId", profile}, {"enabled", pick(2) == 0}});
      case 11: {
        json n = {{"version", 2 + step}, {"collects", {"voice", pick(2) ? "audio" : "text"}}, {"thirdParties", json::array()}};
        if (pick(2)) n["thirdParties"].push_back({{"name", "Acme"}, {"category", "ads"}, {"purpose", "ads"}});
        return {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", now}, {"privacyNotice", n}};
      }
      case 12:
        return with({{"command", "addProfile"},
                     {"profile", {{"id", profile}, {"name", "P"}, {"kind", profile[0] == 't' ? "teen" : profile[0] == 'a' ? "adult" : "child"}}}});
      case 13: return with({{"command", "removeProfile"}, {"profileId", profile}, {"requestId", id}});
      case 14:
        return with({{"command", "voiceRequest"}, {"requestId", id}, {"profileId", profile}, {"deviceId", "d1"},
                     {"utterance", "delete that"}, {"utcOffsetMinutes", 0}});
      default: return with({{"command", "setVoiceDeletion"}, {"profileId", profile}, {"enabled", true}});
    }
  }
};

}  // namespace

TEST_CASE("seeded sequences: every reachable state re-imports byte for byte, and restoring any earlier one undoes no deletion") {  // covers R-INT-1, R-INT-2, R-INT-3
  int commands = 0, succeeded = 0, round_trips = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) {
    CAPTURE(seed);
    Sequence s(seed);
    std::vector<json> backups = {state_of(s.e)};
    for (int i = 0; i < 40; ++i) {
      json c = s.next();
      CAPTURE(c.dump());
      json out = s.e.execute(c);  // the checked core aborts on a broken invariant or a failed change
      ++commands;
      REQUIRE(out.is_object());
      if (out["type"] == "success") ++succeeded;
      if (i % 6 == 5) {
        check_round_trip(s.e);
        ++round_trips;
        backups.push_back(state_of(s.e));
      }
    }
    // Restore a random earlier backup: what was deleted since stays deleted.
    const json& backup = backups[s.pick(backups.size())];
    json before = state_of(s.e);
    json answer = s.e.execute(import_command(backup, later(s.e) + 1));
    REQUIRE(answer["type"] == "success");
    json after = state_of(s.e);
    std::set<std::string> stones;
    for (const auto& t : after["tombstones"]) stones.insert(t["recordingId"].get<std::string>());
    for (const auto& t : before["tombstones"]) CHECK(stones.count(t["recordingId"].get<std::string>()));
    for (const auto& r : after["recordings"]) CHECK_FALSE(stones.count(r["id"].get<std::string>()));
    CHECK(after["auditLog"].size() >= before["auditLog"].size());
    CHECK(ok(s.e, {{"command", "verifyAuditLog"}, {"actor", "system"}})["intact"] == true);
  }
  MESSAGE(commands << " commands (" << succeeded << " succeeded), " << round_trips << " round trips");
  CHECK(succeeded > commands / 5);
}
