// The profile lifecycle (R-PRO-1..3): removal with a receipt and an id never
// used again, inactivity, age reviews, and the child maximum that stays with
// data collected while a child.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "privacy/profiles.hpp"

using namespace fixtures;

namespace {
json sweep_profiles(Engine& e, Instant now) {
  return ok(e, {{"command", "sweepProfiles"}, {"actor", "system"}, {"now", now}});
}
json add_child(const char* id, const char* born, Instant now = kStart) {
  return {{"command", "addProfile"}, {"actor", "g1"}, {"now", now},
          {"profile", {{"id", id}, {"name", "Kid"}, {"kind", "child"}, {"birthDate", born}}}};
}
}  // namespace

TEST_CASE("parents create, rename and remove child profiles; removal deletes everything with a receipt") {  // covers R-PRO-1, R-DEL-3
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c2", "d1", kStart));
  add_recording(e, recording("r2", "c2", "d2", kStart + 1));
  json renamed =
      ok(e, {{"command", "renameProfile"}, {"actor", "g1"}, {"now", later(e)}, {"profileId", "c2"}, {"name", "Léo"}});
  CHECK(renamed["name"] == "Léo");
  fails(e, {{"command", "renameProfile"}, {"actor", "g1"}, {"now", later(e)}, {"profileId", "c2"}, {"name", "  "}},
        "invalid_input", "name");
  json answer = answer_ok(e, {{"command", "removeProfile"}, {"actor", "g1"}, {"now", kStart + 5}, {"profileId", "c2"},
                              {"requestId", "rm"}});
  json out = answer["result"];
  CHECK(answer["effects"]["deletedRecordingIds"] == json{"r1", "r2"});
  CHECK(out["profileId"] == "c2");
  CHECK(out["receipt"]["kind"] == "profile");
  CHECK(out["receipt"]["requestId"] == "rm");
  CHECK(out["receipt"]["recordingIds"] == json::array({"r1", "r2"}));
  CHECK(out["receipt"]["counts"] == full_counts(2));
  CHECK(profile_view(e, "c2").is_null());
  CHECK(may_use(e, "r1", "review") == json{{"allowed", false}, {"reason", "deleted"}});
  json state = state_of(e);
  CHECK(state["removedProfiles"] == json::array({{{"profileId", "c2"}, {"removedAt", kStart + 5}, {"requestId", "rm"}}}));
  json entries = audit_entries(e);
  CHECK(entries[entries.size() - 2]["action"] == "recordings_deleted");
  CHECK(entries.back()["action"] == "profile_removed");
  fails(e, {{"command", "removeProfile"}, {"actor", "g1"}, {"now", later(e)}, {"profileId", "c2"}, {"requestId", "rm2"}},
        "not_found", "profileId");
  fails(e, {{"command", "removeProfile"}, {"actor", "g1"}, {"now", later(e)}, {"profileId", "c1"}, {"requestId", "rm"}},
        "conflict", "requestId");
  // The state with a removed profile exports and imports unchanged.
  check_round_trip(e);
}

// Issue 8, "Why" 7: a new profile reusing a removed profile's id inherited its
// tombstones and receipts. The id is now refused.
TEST_CASE("a removed profile's id is never used again") {  // covers R-PRO-1, R-INT-2
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c2", "d1", kStart));
  ok(e, {{"command", "removeProfile"}, {"actor", "g1"}, {"now", later(e)}, {"profileId", "c2"}, {"requestId", "rm"}});
  json errors = fails(e, add_child("c2", "2018-01-01", later(e)), "conflict", "profile.id");
  CHECK(errors[0]["message"].get<std::string>().find("removed") != std::string::npos);
  // Nor as a guardian's id: guardians and profiles share one namespace.
  fails(e, {{"command", "addGuardian"}, {"actor", "operator"}, {"now", later(e)},
            {"guardian", {{"id", "c2"}, {"name", "X"}, {"verified", true}}}},
        "conflict", "guardian.id");
  // What the removed profile left stays its own: its tombstone and receipt.
  json stones = tombstones(e);
  REQUIRE(stones.size() == 1);
  CHECK(stones[0]["profileId"] == "c2");
}

TEST_CASE("an adult removes their own profile; a parent removes a teen's, or the teen") {  // covers R-PRO-1, R-CON-6
  Engine e;
  build_household(e);
  add_teen(e);
  auto remove = [&](const char* actor, const char* profile, const char* request) {
    return json{{"command", "removeProfile"}, {"actor", actor}, {"now", later(e)}, {"profileId", profile},
                {"requestId", request}};
  };
  fails(e, remove("g1", "a1", "x"), "forbidden", "actor");
  fails(e, remove("a2", "a1", "x"), "forbidden", "actor");
  fails(e, remove("operator", "a1", "x"), "forbidden", "actor");
  fails(e, remove("c1", "c1", "x"), "forbidden", "actor");
  CHECK(ok(e, remove("a1", "a1", "self"))["receipt"]["actor"] == "a1");
  CHECK(ok(e, remove("t1", "t1", "teen"))["receipt"]["status"] == "nothing_to_delete");
  CHECK(ok(e, remove("g1", "c1", "child"))["receipt"]["reason"] == "no_match");
}

TEST_CASE("inactive for the policy's months: notified, then removed after the window unless kept or active") {  // covers R-PRO-2
  Engine e;
  build_household(e);
  const Instant active = at("2026-03-31T10:00:00Z");
  add_recording(e, recording("r1", "c1", "d1", active));
  add_recording(e, recording("r2", "c2", "d1", active));
  const Instant inactive = at("2027-09-30T10:00:00Z");  // 31 Mar + 18 months, clamped
  CHECK(sweep_profiles(e, inactive - 1)["notified"].empty());
  json notice = sweep_profiles(e, inactive);
  const Instant removal = inactive + 90 * privacy::kMillisPerDay;
  CHECK(notice["notified"] == json::array({{{"profileId", "c1"}, {"removalDueAt", removal}},
                                           {{"profileId", "c2"}, {"removalDueAt", removal}}}));
  CHECK(profile_view(e, "c1")["removalDueAt"] == removal);
  CHECK(sweep_profiles(e, inactive + 1)["notified"].empty());
  ok(e, {{"command", "keepProfile"}, {"actor", "g1"}, {"now", inactive + 10}, {"profileId", "c1"}});
  CHECK(profile_view(e, "c1")["inactiveNotifiedAt"].is_null());
  CHECK(profile_view(e, "c1")["keptAt"] == inactive + 10);
  CHECK(sweep_profiles(e, removal - 1)["removed"].empty());
  json gone = sweep_profiles(e, removal);
  REQUIRE(gone["removed"].size() == 1);
  CHECK(gone["removed"][0]["profileId"] == "c2");
  CHECK(gone["removed"][0]["receipt"]["recordingIds"] == json::array({"r2"}));
  CHECK(gone["removed"][0]["receipt"]["actor"] == "system");
  CHECK(gone["removed"][0]["receipt"]["kind"] == "profile");
  CHECK(gone["removed"][0]["receipt"]["requestId"] == "inactive-c2-" + std::to_string(removal));
  CHECK(profile_view(e, "c2").is_null());
  CHECK(is_live(e, "r1"));
  // Adults are never swept for inactivity.
  CHECK(profile_view(e, "a1")["inactiveNotifiedAt"].is_null());
  // Only a parent keeps a profile; only the system sweeps.
  fails(e, {{"command", "keepProfile"}, {"actor", "a1"}, {"now", later(e)}, {"profileId", "c1"}}, "forbidden", "actor");
  fails(e, {{"command", "sweepProfiles"}, {"actor", "g1"}, {"now", later(e)}}, "forbidden", "actor");
  fails(e, {{"command", "sweepProfiles"}, {"now", later(e)}}, "invalid_input", "actor");
}

// Issue 8, "Why" 7: sweepProfiles made receipt ids (inactive-<id>-<now>) that
// could be a parent's earlier request id, and the export then did not import.
TEST_CASE("a removal's generated receipt id never collides with a parent's request id") {  // covers R-PRO-2, R-DEL-5, R-INT-1
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", at("2026-03-31T10:00:00Z")));
  const Instant inactive = at("2027-07-01T00:00:00Z");  // c2: created 2026-01-01, never active
  const Instant removal = inactive + 90 * privacy::kMillisPerDay;
  const std::string generated = "inactive-c2-" + std::to_string(removal);
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", inactive - 1}, {"requestId", generated},
         {"profileId", "c1"}, {"kind", "all"}});
  ok(e, {{"command", "deleteRecordings"}, {"actor", "a1"}, {"now", inactive - 1}, {"requestId", generated + "-2"},
         {"profileId", "a1"}, {"kind", "all"}});
  CHECK(sweep_profiles(e, inactive)["notified"] == json{{{"profileId", "c2"}, {"removalDueAt", removal}}});
  json gone = sweep_profiles(e, removal);
  REQUIRE(gone["removed"].size() == 1);
  CHECK(gone["removed"][0]["profileId"] == "c2");
  CHECK(gone["removed"][0]["receipt"]["requestId"] == generated + "-3");
  check_round_trip(e);
}

TEST_CASE("activity after the notice withdraws it") {  // covers R-PRO-2
  privacy::Profile p;
  p.kind = privacy::ProfileKind::child;
  p.created_at = at("2026-01-01T00:00:00Z");
  privacy::RetentionPolicy policy;
  CHECK(privacy::lifecycle_step(p, policy, at("2027-06-30T23:59:59.999Z")) == privacy::LifecycleStep::none);
  CHECK(privacy::lifecycle_step(p, policy, at("2027-07-01T00:00:00Z")) == privacy::LifecycleStep::notify);
  p.inactive_notified_at = at("2027-07-01T00:00:00Z");
  CHECK(privacy::lifecycle_step(p, policy, at("2027-08-01T00:00:00Z")) == privacy::LifecycleStep::none);
  CHECK(privacy::lifecycle_step(p, policy, at("2027-09-29T00:00:00Z")) == privacy::LifecycleStep::remove);
  p.last_active_at = at("2027-07-02T00:00:00Z");
  CHECK(privacy::lifecycle_step(p, policy, at("2027-09-29T00:00:00Z")) == privacy::LifecycleStep::reactivated);
  policy.inactive_after_months = 6;
  policy.notice_window_days = 30;
  privacy::Profile q;
  q.created_at = at("2026-01-31T00:00:00Z");
  CHECK(privacy::lifecycle_step(q, policy, at("2026-07-31T00:00:00Z")) == privacy::LifecycleStep::notify);
  q.kind = privacy::ProfileKind::adult;
  CHECK(privacy::lifecycle_step(q, policy, at("2030-01-01T00:00:00Z")) == privacy::LifecycleStep::none);
  q.kind = privacy::ProfileKind::teen;  // teens manage themselves: not swept either
  CHECK(privacy::lifecycle_step(q, policy, at("2030-01-01T00:00:00Z")) == privacy::LifecycleStep::none);
}

TEST_CASE("birthdays and the age review's due time") {  // covers R-PRO-3, R-AGE-3
  privacy::Profile leap;
  leap.birth_date = "2012-02-29";
  CHECK(privacy::birthday(leap, 13) == at("2025-02-28T00:00:00Z"));
  CHECK(privacy::birthday(leap, 16) == at("2028-02-29T00:00:00Z"));
  CHECK(privacy::age_review_due_at(leap, 13) == at("2025-02-28T00:00:00Z"));
  CHECK(privacy::age_review_due_at(leap, 16) == at("2028-02-29T00:00:00Z"));  // where the consent age is 16
  // Kept a child at the consent age: asked again at 18, never left a "child" for good.
  leap.age_reviewed_at = at("2025-03-01T00:00:00Z");
  CHECK(privacy::age_review_due_at(leap, 13) == at("2030-02-28T00:00:00Z"));
  leap.age_reviewed_at = at("2030-03-01T00:00:00Z");
  CHECK_FALSE(privacy::age_review_due_at(leap, 13));
  leap.age_reviewed_at.reset();
  leap.kind = privacy::ProfileKind::teen;
  CHECK(privacy::age_review_due_at(leap, 13) == at("2030-02-28T00:00:00Z"));  // at 18
  leap.kind = privacy::ProfileKind::adult;
  CHECK_FALSE(privacy::age_review_due_at(leap, 13));
  privacy::Profile unknown;
  CHECK_FALSE(privacy::age_review_due_at(unknown, 13));
}

TEST_CASE("reaching 13 flags the profile for the parent's review; only the parent converts it") {  // covers R-PRO-3
  Engine e;
  build_household(e);
  ok(e, add_child("c3", "2013-06-15"));
  CHECK(sweep_profiles(e, at("2026-06-14T23:59:59Z"))["ageReview"].empty());
  CHECK(sweep_profiles(e, at("2026-06-15T00:00:00Z"))["ageReview"] == json::array({"c3"}));
  CHECK(profile_view(e, "c3")["kind"] == "child");  // never converted silently
  CHECK(profile_view(e, "c3")["ageReviewFlaggedAt"] == at("2026-06-15T00:00:00Z"));
  CHECK(sweep_profiles(e, at("2026-06-16T00:00:00Z"))["ageReview"].empty());
  const Instant now = at("2026-06-17T00:00:00Z");
  auto resolve = [&](const char* actor, const char* kind, const char* profile = "c3") {
    return json{{"command", "resolveAgeReview"}, {"actor", actor}, {"now", now}, {"profileId", profile}, {"kind", kind}};
  };
  fails(e, resolve("c3", "teen"), "forbidden", "actor");
  fails(e, resolve("g2", "teen"), "forbidden", "actor");
  fails(e, resolve("g1", "adult"), "invalid_input", "kind");  // 13 is not an adult
  fails(e, resolve("g1", "teen", "c1"), "conflict", "profileId");  // not flagged
  fails(e, {{"command", "resolveAgeReview"}, {"actor", "g1"}, {"now", now}, {"profileId", "c3"}, {"convertToAdult", true}},
        "invalid_input", "convertToAdult");
  json kept = ok(e, resolve("g1", "child"));
  CHECK(kept["kind"] == "child");
  CHECK(kept["ageReviewFlaggedAt"].is_null());
  CHECK(kept["ageReviewedAt"] == now);
  CHECK(kept["consent"]["state"] == "none");
  CHECK(sweep_profiles(e, at("2026-07-01T00:00:00Z"))["ageReview"].empty());  // decided once, not asked again
  fails(e, resolve("g1", "teen"), "conflict", "profileId");
}

TEST_CASE("a child converted to a teen: no parental consent record, enabled, its child data kept as a child's") {  // covers R-PRO-3, R-AGE-1
  Engine e;
  build_household(e);
  ok(e, add_child("c3", "2013-06-15"));
  give_consent(e, "c3");
  add_recording(e, recording("r1", "c3", "d1", at("2026-05-01T00:00:00Z")));
  sweep_profiles(e, at("2026-06-15T00:00:00Z"));
  json teen = ok(e, {{"command", "resolveAgeReview"}, {"actor", "g1"}, {"now", at("2026-06-16T00:00:00Z")},
                     {"profileId", "c3"}, {"kind", "teen"}});
  CHECK(teen["kind"] == "teen");
  CHECK(teen["consent"].is_null());
  CHECK(teen["enabled"] == true);
  CHECK(state_of(e)["recordings"][0]["collectedAsChild"] == true);
  // Now the teen manages their own settings, with a parent.
  CHECK(set_retention(e, "c3", "c3", "18_months")["months"] == 18);
  add_recording(e, recording("r2", "c3", "d1", at("2026-07-01T00:00:00Z")));
  CHECK(state_of(e)["recordings"][1]["collectedAsChild"] == false);
  check_round_trip(e);
  // At 18 the teen is flagged the same way.
  CHECK(sweep_profiles(e, at("2031-06-15T00:00:00Z"))["ageReview"] == json{"c3"});
}

// Issue 8, "Why" 7: recordings made while a child lost the child maximum when
// the parent converted the profile (R-RET-4).
TEST_CASE("recordings made while a child keep the child maximum after the profile becomes an adult's") {  // covers R-PRO-3, R-RET-4, R-AGE-3
  Engine e;
  build_household(e, {.child_max_months = 12});
  // Where the operator puts the age of digital consent at 18, a child profile
  // is for anyone under 18, and its review comes at 18.
  ok(e, {{"command", "setJurisdictionPolicy"}, {"actor", "operator"}, {"now", kStart},
         {"overrides", {{{"code", "US"}, {"consentAge", 18}}}}});
  ok(e, add_child("c3", "2008-03-01"));  // 17 at kStart
  give_consent(e, "c3");
  set_retention(e, "g1", "c3", "until_deleted");  // a child's: the 12-month maximum
  add_recording(e, recording("r1", "c3", "d1", at("2026-01-10T00:00:00Z")));
  CHECK(sweep_profiles(e, at("2026-03-01T00:00:00Z"))["ageReview"] == json{"c3"});
  json adult = ok(e, {{"command", "resolveAgeReview"}, {"actor", "g1"}, {"now", at("2026-03-02T00:00:00Z")},
                      {"profileId", "c3"}, {"kind", "adult"}});
  CHECK(adult["kind"] == "adult");
  add_recording(e, recording("r2", "c3", "d1", at("2026-03-03T00:00:00Z")));
  // The adult keeps their own until deleted; what they said as a child goes at the child maximum.
  json list = ok(e, {{"command", "listRecordings"}, {"actor", "c3"}, {"profileId", "c3"}});
  REQUIRE(list["total"] == 2);
  CHECK(list["recordings"][0]["id"] == "r2");
  CHECK(list["recordings"][0]["dueAt"].is_null());
  CHECK(list["recordings"][1]["id"] == "r1");
  CHECK(list["recordings"][1]["collectedAsChild"] == true);
  CHECK(list["recordings"][1]["dueAt"] == at("2027-01-10T00:00:00Z"));
  json preview = ok(e, {{"command", "previewSweep"}, {"actor", "system"}, {"now", at("2027-01-10T00:00:00Z")}});
  CHECK(preview["dueCount"] == 1);
  CHECK(preview["due"][0]["id"] == "r1");
  // Across an export and import too.
  Engine copy;
  import_state(copy, state_of(e));
  CHECK(ok(copy, {{"command", "sweep"}, {"actor", "system"}, {"now", at("2027-01-10T00:00:00Z")}})["receipt"]["recordingIds"] ==
        json{"r1"});
  CHECK(is_live(copy, "r2"));
}
