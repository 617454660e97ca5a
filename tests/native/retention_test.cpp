// Retention (R-RET-1..6): effective settings, due times, the sweep.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "privacy/retention.hpp"

using namespace fixtures;
using privacy::add_months;
using privacy::due_at;
using privacy::effective_retention;
using privacy::EffectiveRetention;
using privacy::ProfileKind;
using privacy::RetentionCategory;
using privacy::RetentionPolicy;
using privacy::RetentionSetting;

namespace {

RetentionPolicy make_policy(int child_max, std::optional<int> adult_max = std::nullopt) {
  RetentionPolicy p;
  for (auto c : {privacy::ArtifactCategory::audio, privacy::ArtifactCategory::transcript,
                 privacy::ArtifactCategory::derived})
    p.categories.push_back(RetentionCategory{c, child_max, adult_max, "purpose", "need"});
  return p;
}

EffectiveRetention eff(std::optional<int> months, bool capped, std::optional<int> max,
                       RetentionSetting setting) {
  return EffectiveRetention{setting, months, capped, max};
}

json sweep_preview(Engine& e, Instant now) { return ok(e, {{"command", "previewSweep"}, {"now", now}}); }
json sweep(Engine& e, Instant now) { return ok(e, {{"command", "sweep"}, {"now", now}}); }

std::vector<std::string> ids_of(const json& recordings) {
  std::vector<std::string> out;
  for (const auto& r : recordings) out.push_back(r["id"].get<std::string>());
  return out;
}

std::vector<std::string> v(std::initializer_list<std::string> items) { return items; }

}  // namespace

TEST_CASE("a child's effective setting is the shorter of the choice and the policy maximum") {  // covers R-RET-1, R-RET-4
  RetentionPolicy p = make_policy(18);
  using S = RetentionSetting;
  CHECK(effective_retention(ProfileKind::child, S::dont_save, p) == eff(0, false, 18, S::dont_save));
  CHECK(effective_retention(ProfileKind::child, S::three_months, p) == eff(3, false, 18, S::three_months));
  CHECK(effective_retention(ProfileKind::child, S::eighteen_months, p) ==
        eff(18, false, 18, S::eighteen_months));
  // until_deleted for a child means "until deleted, or the policy maximum".
  CHECK(effective_retention(ProfileKind::child, S::until_deleted, p) ==
        eff(18, true, 18, S::until_deleted));

  // A stricter policy shortens the parent's choices too.
  RetentionPolicy strict = make_policy(2);
  CHECK(effective_retention(ProfileKind::child, S::dont_save, strict) == eff(0, false, 2, S::dont_save));
  CHECK(effective_retention(ProfileKind::child, S::three_months, strict) ==
        eff(2, true, 2, S::three_months));
  CHECK(effective_retention(ProfileKind::child, S::eighteen_months, strict) ==
        eff(2, true, 2, S::eighteen_months));
  CHECK(effective_retention(ProfileKind::child, S::until_deleted, strict) ==
        eff(2, true, 2, S::until_deleted));
}

TEST_CASE("the child maximum is the shortest across categories") {  // covers R-RET-3, R-RET-4
  RetentionPolicy p = make_policy(18);
  p.categories[1].child_max_months = 6;  // transcripts are kept shorter
  auto e = effective_retention(ProfileKind::child, RetentionSetting::eighteen_months, p);
  CHECK(e.months == 6);
  CHECK(e.capped_by_policy);
  CHECK(e.policy_max_months == 6);
}

TEST_CASE("an adult keeps their choice; until_deleted is kept unless the policy caps adults") {  // covers R-RET-1
  using S = RetentionSetting;
  RetentionPolicy open = make_policy(18);
  CHECK(effective_retention(ProfileKind::adult, S::dont_save, open) ==
        eff(0, false, std::nullopt, S::dont_save));
  CHECK(effective_retention(ProfileKind::adult, S::three_months, open) ==
        eff(3, false, std::nullopt, S::three_months));
  CHECK(effective_retention(ProfileKind::adult, S::eighteen_months, open) ==
        eff(18, false, std::nullopt, S::eighteen_months));
  CHECK(effective_retention(ProfileKind::adult, S::until_deleted, open) ==
        eff(std::nullopt, false, std::nullopt, S::until_deleted));

  RetentionPolicy capped = make_policy(18, 24);
  CHECK(effective_retention(ProfileKind::adult, S::until_deleted, capped) ==
        eff(24, true, 24, S::until_deleted));
  CHECK(effective_retention(ProfileKind::adult, S::eighteen_months, capped) ==
        eff(18, false, 24, S::eighteen_months));
  // The child maximum does not apply to adults.
  CHECK(effective_retention(ProfileKind::adult, S::eighteen_months, make_policy(1)).months == 18);
}

TEST_CASE("due times: dont_save at capture, N calendar months later, never when kept") {  // covers R-RET-2, R-RET-3
  const Instant captured = at("2026-01-31T10:00:00Z");
  CHECK(due_at(captured, eff(0, false, 18, RetentionSetting::dont_save)) == captured);
  CHECK(due_at(captured, eff(3, false, 18, RetentionSetting::three_months)) ==
        at("2026-04-30T10:00:00Z"));
  CHECK(due_at(captured, eff(18, false, 18, RetentionSetting::eighteen_months)) ==
        at("2027-07-31T10:00:00Z"));
  CHECK(due_at(captured, eff(2, true, 2, RetentionSetting::three_months)) ==
        at("2026-03-31T10:00:00Z"));
  CHECK_FALSE(due_at(captured, eff(std::nullopt, false, std::nullopt, RetentionSetting::until_deleted)));
}

TEST_CASE("the engine answers each profile's effective retention") {  // covers R-RET-1, R-RET-4
  Engine e;
  build_household(e, {.child_max_months = 12});
  json c1 = ok(e, {{"command", "effectiveRetention"}, {"profileId", "c1"}});
  CHECK(c1 == json{{"profileId", "c1"}, {"setting", "3_months"}, {"months", 3},
                   {"cappedByPolicy", false}, {"policyMaxMonths", 12}});
  json set = ok(e, {{"command", "setRetention"}, {"actor", "g1"}, {"now", kStart},
                    {"profileId", "c1"}, {"setting", "until_deleted"}});
  CHECK(set == json{{"profileId", "c1"}, {"setting", "until_deleted"}, {"months", 12},
                    {"cappedByPolicy", true}, {"policyMaxMonths", 12}});
  set = ok(e, {{"command", "setRetention"}, {"actor", "g1"}, {"now", kStart},
               {"profileId", "c1"}, {"setting", "18_months"}});
  CHECK(set["months"] == 12);
  CHECK(set["cappedByPolicy"] == true);
  set = ok(e, {{"command", "setRetention"}, {"actor", "a1"}, {"now", kStart},
               {"profileId", "a1"}, {"setting", "until_deleted"}});
  CHECK(set == json{{"profileId", "a1"}, {"setting", "until_deleted"}, {"months", nullptr},
                    {"cappedByPolicy", false}, {"policyMaxMonths", nullptr}});
  fails(e, {{"command", "effectiveRetention"}, {"profileId", "zz"}}, "not_found", "profileId");
}

TEST_CASE("a recording's due time follows its profile's effective setting") {  // covers R-RET-2, R-RET-3, R-RET-4
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "dont_save");
  set_retention(e, "g1", "c2", "until_deleted");
  set_retention(e, "a2", "a2", "until_deleted");
  const Instant captured = at("2026-01-31T10:00:00Z");
  CHECK(add_recording(e, recording("r1", "c1", "d1", captured))["dueAt"] == captured);
  CHECK(add_recording(e, recording("r2", "c2", "d1", captured))["dueAt"] == at("2027-07-31T10:00:00Z"));
  CHECK(add_recording(e, recording("r3", "a1", "d1", captured))["dueAt"] == at("2027-07-31T10:00:00Z"));
  CHECK(add_recording(e, recording("r4", "a2", "d1", captured))["dueAt"].is_null());
  set_retention(e, "g1", "c1", "3_months");
  // Audio, transcript and derived data share the recording's one due time.
  json list = ok(e, {{"command", "listRecordings"}, {"profileId", "c1"}});
  REQUIRE(list["total"] == 1);
  CHECK(list["recordings"][0]["dueAt"] == at("2026-04-30T10:00:00Z"));
}

struct SweepFixture {
  Engine e;
  // r1 c2 3_months, due 2026-04-30T10:00Z; r2 c2 3_months (no artifacts), due
  // 2026-05-01T00:00Z; r3 a1 18_months, due 2027-07-15; r4 a2 until_deleted,
  // never due; r5 c1 dont_save, due at capture 2026-03-01.
  SweepFixture() {
    build_household(e);
    set_retention(e, "g1", "c1", "dont_save");
    set_retention(e, "a2", "a2", "until_deleted");
    add_recording(e, recording("r1", "c2", "d1", at("2026-01-31T10:00:00Z")));
    add_recording(e, recording("r2", "c2", "d2", at("2026-02-01T00:00:00Z"), false));
    add_recording(e, recording("r3", "a1", "d1", at("2026-01-15T00:00:00Z")));
    add_recording(e, recording("r4", "a2", "d2", at("2026-01-20T00:00:00Z")));
    add_recording(e, recording("r5", "c1", "d1", at("2026-03-01T00:00:00Z")));
  }
};

TEST_CASE_FIXTURE(SweepFixture, "a sweep preview lists exactly what is due at or before now") {  // covers R-RET-2, R-RET-3, R-RET-6
  // Before anything is due.
  json p = sweep_preview(e, at("2026-02-28T23:59:59.999Z"));
  CHECK(p["dueCount"] == 0);
  CHECK(p["due"].empty());
  CHECK(p["counts"] == counts(0, 0, 0, 0, 0, 0));
  CHECK(p["nextDueAt"] == at("2026-03-01T00:00:00Z"));

  // dont_save: due at its capture instant, inclusive.
  p = sweep_preview(e, at("2026-03-01T00:00:00Z"));
  CHECK(ids_of(p["due"]) == v({"r5"}));
  CHECK(p["nextDueAt"] == at("2026-04-30T10:00:00Z"));

  // One millisecond before r1's due time, then exactly at it.
  p = sweep_preview(e, at("2026-04-30T09:59:59.999Z"));
  CHECK(ids_of(p["due"]) == v({"r5"}));
  CHECK(p["counts"] == full_counts(1));
  p = sweep_preview(e, at("2026-04-30T10:00:00Z"));
  CHECK(ids_of(p["due"]) == v({"r1", "r5"}));
  CHECK(p["counts"] == full_counts(2));
  CHECK(p["nextDueAt"] == at("2026-05-01T00:00:00Z"));
  CHECK(p["due"][0]["dueAt"] == at("2026-04-30T10:00:00Z"));
  CHECK(p["due"][0]["transcript"] == "words of r1");

  // r2 has no artifacts: a recording is counted, nothing else.
  p = sweep_preview(e, at("2026-05-01T00:00:00Z"));
  CHECK(ids_of(p["due"]) == v({"r1", "r2", "r5"}));
  CHECK(p["counts"] == counts(3, 2, 2, 2, 2, 2));
  CHECK(p["nextDueAt"] == at("2027-07-15T00:00:00Z"));

  // Far on: everything but the adult's until_deleted; nothing remains due later.
  p = sweep_preview(e, at("2099-01-01T00:00:00Z"));
  CHECK(ids_of(p["due"]) == v({"r1", "r2", "r3", "r5"}));
  CHECK(p["nextDueAt"].is_null());

  // A preview deletes nothing.
  CHECK(live_ids(e) == v({"r1", "r2", "r3", "r4", "r5"}));
}

TEST_CASE_FIXTURE(SweepFixture, "a sweep deletes what is due: tombstones, receipt, audit") {  // covers R-RET-6, R-DEL-3, R-DEL-4, R-DEL-5
  const Instant now = at("2026-04-30T10:00:00Z");
  std::size_t audit_before = audit_entries(e).size();
  json out = sweep(e, now);
  json receipt = out["receipt"];
  CHECK(receipt["status"] == "deleted");
  CHECK(receipt["kind"] == "sweep");
  CHECK(receipt["actor"] == "system");
  CHECK(receipt["requestedAt"] == now);
  CHECK(receipt["reason"].is_null());
  CHECK(receipt["recordingIds"] == json{"r1", "r5"});
  CHECK(receipt["counts"] == full_counts(2));
  CHECK(out["nextDueAt"] == at("2026-05-01T00:00:00Z"));

  CHECK(live_ids(e) == v({"r2", "r3", "r4"}));
  json tombstones = ok(e, {{"command", "tombstones"}});
  REQUIRE(tombstones.size() == 2);
  for (const auto& t : tombstones) {
    CHECK(t["deletedAt"] == now);
    CHECK(t["requestId"] == receipt["requestId"]);
  }
  CHECK(tombstones[0]["recordingId"] == "r1");
  CHECK(tombstones[0]["profileId"] == "c2");
  for (const char* purpose : {"service", "playback", "review", "training", "analytics", "disclosure", "sale"}) {
    CHECK(may_use(e, "r1", purpose) == json{{"allowed", false}, {"reason", "deleted"}});
    CHECK(may_use(e, "r5", purpose)["allowed"] == false);
  }
  json entries = audit_entries(e);
  REQUIRE(entries.size() == audit_before + 1);
  CHECK(entries.back()["action"] == "sweep");
  CHECK(entries.back()["actor"] == "system");
  CHECK(entries.back()["at"] == now);
  CHECK(entries.back()["details"]["counts"] == full_counts(2));
  // The receipt is kept with the state.
  json state = json::parse(exported(e))["result"];
  REQUIRE(state["receipts"].size() == 1);
  CHECK(state["receipts"][0] == receipt);

  // Again at the same instant: nothing more is due; answered, not stored or logged.
  json again = sweep(e, now);
  CHECK(again["receipt"]["status"] == "nothing_to_delete");
  CHECK(again["receipt"]["recordingIds"].empty());
  CHECK(audit_entries(e).size() == audit_before + 1);
  CHECK(live_ids(e) == v({"r2", "r3", "r4"}));
}

TEST_CASE_FIXTURE(SweepFixture, "a sweep with nothing due deletes nothing and gives the next due time") {  // covers R-RET-6
  std::string before = exported(e);
  json out = sweep(e, at("2026-02-01T00:00:00Z"));
  CHECK(out["receipt"]["status"] == "nothing_to_delete");
  CHECK(out["receipt"]["reason"] == "no_match");
  CHECK(out["receipt"]["counts"] == counts(0, 0, 0, 0, 0, 0));
  CHECK(out["nextDueAt"] == at("2026-03-01T00:00:00Z"));
  CHECK(exported(e) == before);
}

TEST_CASE_FIXTURE(SweepFixture, "sweeps are run by the system only") {  // covers R-RET-6
  fails(e, {{"command", "sweep"}, {"now", at("2027-01-01T00:00:00Z")}, {"actor", "g1"}}, "forbidden", "actor");
  fails(e, {{"command", "sweep"}, {"now", at("2027-01-01T00:00:00Z")}, {"actor", "operator"}}, "forbidden", "actor");
  fails(e, {{"command", "sweep"}}, "invalid_input", "now");
  json out = ok(e, {{"command", "sweep"}, {"now", at("2027-01-01T00:00:00Z")}, {"actor", "system"}});
  CHECK(out["receipt"]["recordingIds"] == json{"r1", "r2", "r5"});
}

TEST_CASE_FIXTURE(SweepFixture, "a preview's limit caps the list, not the count") {  // covers R-RET-6
  json p = ok(e, {{"command", "previewSweep"}, {"now", at("2099-01-01T00:00:00Z")}, {"limit", 2}});
  CHECK(p["dueCount"] == 4);
  CHECK(p["due"].size() == 2);
  CHECK(p["counts"]["recordings"] == 4);
}

TEST_CASE("shortening applies at the next sweep; lengthening brings nothing back") {  // covers R-RET-5, R-RET-6
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "18_months");
  add_recording(e, recording("old", "c1", "d1", at("2026-01-10T08:00:00Z")));
  add_recording(e, recording("new", "c1", "d1", at("2026-06-01T08:00:00Z")));
  add_recording(e, recording("other", "c2", "d1", at("2026-01-10T08:00:00Z")));
  const Instant now = at("2026-07-01T00:00:00Z");
  CHECK(sweep_preview(e, now)["dueCount"] == 1);  // only c2's 3-month recording

  // What 3 months would do, without saving it.
  json preview = ok(e, {{"command", "previewRetention"}, {"profileId", "c1"}, {"setting", "3_months"}, {"now", now}});
  CHECK(preview["dueNow"] == full_counts(1));
  CHECK(ok(e, {{"command", "effectiveRetention"}, {"profileId", "c1"}})["setting"] == "18_months");

  // Shortening deletes nothing by itself...
  set_retention(e, "g1", "c1", "3_months", now);
  CHECK(live_ids(e) == v({"new", "old", "other"}));
  // ...the next sweep does.
  json p = sweep_preview(e, now);
  CHECK(ids_of(p["due"]) == v({"old", "other"}));
  json out = sweep(e, now);
  CHECK(out["receipt"]["recordingIds"] == json{"old", "other"});
  CHECK(out["nextDueAt"] == at("2026-09-01T08:00:00Z"));
  CHECK(live_ids(e) == v({"new"}));

  // Lengthening (until_deleted: the policy maximum for a child) brings nothing back.
  set_retention(e, "g1", "c1", "until_deleted", now);
  CHECK(live_ids(e) == v({"new"}));
  CHECK(may_use(e, "old", "service")["allowed"] == false);
  json list = ok(e, {{"command", "listRecordings"}, {"profileId", "c1"}});
  CHECK(list["total"] == 1);
  CHECK(list["recordings"][0]["dueAt"] == at("2027-12-01T08:00:00Z"));
  // A recording id once deleted can never be taken in again.
  fails(e, {{"command", "addRecording"}, {"now", now}, {"recording", recording("old", "c1", "d1", now)}},
        "conflict", "recording.id");

  // Shortening to dont_save: the rest is due at the next sweep.
  set_retention(e, "g1", "c1", "dont_save", now);
  CHECK(sweep(e, now + 1)["receipt"]["recordingIds"] == json{"new"});
  CHECK(live_ids(e).empty());
}

TEST_CASE("a second sweep at the same instant deletes what became due since the first") {  // covers R-RET-5, R-RET-6
  Engine e;
  build_household(e);
  const Instant now = at("2026-07-01T00:00:00Z");
  add_recording(e, recording("r1", "c2", "d1", at("2026-01-10T08:00:00Z")));
  add_recording(e, recording("r2", "c1", "d1", at("2026-06-01T08:00:00Z")));
  CHECK(sweep(e, now)["receipt"]["recordingIds"] == json{"r1"});
  // At the same instant the parent switches c1 to dont_save: r2 is now due.
  set_retention(e, "g1", "c1", "dont_save", now);
  CHECK(sweep_preview(e, now)["dueCount"] == 1);
  json out = sweep(e, now);
  CHECK(out["receipt"]["status"] == "deleted");
  CHECK(out["receipt"]["recordingIds"] == json{"r2"});
  CHECK(live_ids(e).empty());
  // Both receipts are kept, under different request ids, and the state still imports.
  json state = json::parse(exported(e))["result"];
  REQUIRE(state["receipts"].size() == 2);
  CHECK(state["receipts"][0]["requestId"] != state["receipts"][1]["requestId"]);
  Engine copy;
  ok(copy, {{"command", "importState"}, {"state", state}});
  CHECK(exported(copy) == exported(e));
}

TEST_CASE("a guardian's request id cannot block a sweep") {  // covers R-RET-6, R-DEL-5
  Engine e;
  build_household(e);
  const Instant now = at("2026-07-01T00:00:00Z");
  add_recording(e, recording("r1", "c2", "d1", at("2026-01-10T08:00:00Z")));
  add_recording(e, recording("r2", "c1", "d1", at("2026-06-01T08:00:00Z")));
  // A guardian happens to use the id a sweep at `now` would take.
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now},
         {"requestId", "sweep-" + std::to_string(now)}, {"profileId", "c1"}, {"kind", "all"}});
  json out = sweep(e, now);
  CHECK(out["receipt"]["recordingIds"] == json{"r1"});
  CHECK(live_ids(e).empty());
}

TEST_CASE("a sweep touches only what is due, whoever it belongs to") {  // covers R-RET-6, R-DEL-6
  Engine e;
  build_household(e, {.child_max_months = 18, .adult_max_months = 24});
  set_retention(e, "a1", "a1", "until_deleted");
  set_retention(e, "g1", "c1", "until_deleted");
  add_recording(e, recording("adult", "a1", "d1", at("2026-01-01T00:00:00Z")));
  add_recording(e, recording("child", "c1", "d1", at("2026-01-01T00:00:00Z")));
  // The child's until_deleted is 18 months, the adult's the adult cap of 24.
  CHECK(sweep(e, at("2027-07-01T00:00:00Z"))["receipt"]["recordingIds"] == json{"child"});
  CHECK(live_ids(e) == v({"adult"}));
  CHECK(sweep(e, at("2027-12-31T23:59:59.999Z"))["receipt"]["status"] == "nothing_to_delete");
  CHECK(sweep(e, at("2028-01-01T00:00:00Z"))["receipt"]["recordingIds"] == json{"adult"});
}

TEST_CASE("only a verified guardian changes a child's setting, only the adult their own") {  // covers R-RET-1, R-CON-6
  Engine e;
  build_household(e);
  auto cmd = [](const std::string& actor, const std::string& profile) {
    return json{{"command", "setRetention"}, {"actor", actor}, {"now", kStart},
                {"profileId", profile}, {"setting", "until_deleted"}};
  };
  fails(e, cmd("g2", "c1"), "forbidden", "actor");
  fails(e, cmd("c1", "c1"), "forbidden", "actor");
  fails(e, cmd("a1", "c1"), "forbidden", "actor");
  fails(e, cmd("operator", "c1"), "forbidden", "actor");
  fails(e, cmd("g1", "a1"), "forbidden", "actor");
  fails(e, cmd("a2", "a1"), "forbidden", "actor");
  fails(e, cmd("g1", "nobody"), "not_found", "profileId");
  json bad = cmd("g1", "c1");
  bad["setting"] = "forever";
  fails(e, bad, "invalid_input", "setting");
  ok(e, cmd("g1", "c1"));
  ok(e, cmd("a1", "a1"));
}
