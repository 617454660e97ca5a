// The child-profile lifecycle (R-PRO-1..3).
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "privacy/profiles.hpp"

using namespace fixtures;

namespace {
json sweep_profiles(Engine& e, Instant now) {
  return ok(e, {{"command", "sweepProfiles"}, {"now", now}});
}
json profile_of(Engine& e, const std::string& id) {
  json overview = ok(e, {{"command", "overview"}});
  for (const auto& p : overview["profiles"])
    if (p["id"] == id) return p;
  return nullptr;
}
}  // namespace

TEST_CASE("parents create, rename and remove child profiles; removal deletes everything with a receipt") {  // covers R-PRO-1
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c2", "d1", kStart));
  add_recording(e, recording("r2", "c2", "d2", kStart + 1));
  json renamed = ok(e, {{"command", "renameProfile"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c2"}, {"name", "Léo"}});
  CHECK(renamed["name"] == "Léo");
  json out = ok(e, {{"command", "removeProfile"}, {"actor", "g1"}, {"now", kStart + 5}, {"profileId", "c2"}, {"requestId", "rm"}});
  CHECK(out["receipt"]["recordingIds"] == json::array({"r1", "r2"}));
  CHECK(out["receipt"]["counts"] == full_counts(2));
  CHECK(profile_of(e, "c2").is_null());
  CHECK(may_use(e, "r1", "review") == json{{"allowed", false}, {"reason", "deleted"}});
  fails(e, {{"command", "removeProfile"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c2"}, {"requestId", "rm2"}},
        "not_found", "profileId");
  // The state with a removed profile exports and imports unchanged.
  std::string text = exported(e);
  Engine copy;
  ok(copy, {{"command", "importState"}, {"state", json::parse(text)["result"]}});
  CHECK(exported(copy) == text);
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
  CHECK(profile_of(e, "c1")["removalDueAt"] == removal);
  CHECK(sweep_profiles(e, inactive + 1)["notified"].empty());
  ok(e, {{"command", "keepProfile"}, {"actor", "g1"}, {"now", inactive + 10}, {"profileId", "c1"}});
  CHECK(profile_of(e, "c1")["inactiveNotifiedAt"].is_null());
  CHECK(sweep_profiles(e, removal - 1)["removed"].empty());
  json gone = sweep_profiles(e, removal);
  REQUIRE(gone["removed"].size() == 1);
  CHECK(gone["removed"][0]["profileId"] == "c2");
  CHECK(gone["removed"][0]["receipt"]["recordingIds"] == json::array({"r2"}));
  CHECK(gone["removed"][0]["receipt"]["actor"] == "system");
  CHECK(profile_of(e, "c2").is_null());
  CHECK(is_live(e, "r1"));
  // Adults are never swept for inactivity.
  CHECK(profile_of(e, "a1")["inactiveNotifiedAt"].is_null());
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
}

TEST_CASE("turning 13 flags the profile for the parent's review; only the parent converts it") {  // covers R-PRO-3
  privacy::Profile leap;
  leap.birth_date = "2012-02-29";
  CHECK(privacy::thirteenth_birthday(leap) == at("2025-02-28T00:00:00Z"));
  Engine e;
  build_household(e);
  ok(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
         {"profile", {{"id", "c3"}, {"name", "Teen"}, {"kind", "child"}, {"birthDate", "2013-06-15"}}}});
  CHECK(sweep_profiles(e, at("2026-06-14T23:59:59Z"))["ageReview"].empty());
  CHECK(sweep_profiles(e, at("2026-06-15T00:00:00Z"))["ageReview"] == json::array({"c3"}));
  CHECK(profile_of(e, "c3")["kind"] == "child");
  CHECK(sweep_profiles(e, at("2026-06-16T00:00:00Z"))["ageReview"].empty());
  fails(e, {{"command", "resolveAgeReview"}, {"actor", "c3"}, {"now", kStart}, {"profileId", "c3"}, {"convertToAdult", true}},
        "forbidden", "actor");
  json kept = ok(e, {{"command", "resolveAgeReview"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c3"}, {"convertToAdult", false}});
  CHECK(kept["kind"] == "child");
  CHECK(kept["ageReviewFlaggedAt"].is_null());
  CHECK(kept["ageReviewedAt"] == kStart);
  CHECK(sweep_profiles(e, at("2026-07-01T00:00:00Z"))["ageReview"].empty());  // decided once, not asked again
  fails(e, {{"command", "resolveAgeReview"}, {"actor", "g1"}, {"now", kStart}, {"profileId", "c3"}, {"convertToAdult", true}},
        "conflict", "profileId");
}
