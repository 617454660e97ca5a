// Retention (R-RET-1..6): effective settings, due times, shortening at once,
// the sweep.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "privacy/retention.hpp"

using namespace fixtures;
using privacy::due_at;
using privacy::effective_retention;
using privacy::EffectiveRetention;
using privacy::ProfileKind;
using privacy::RetentionCategory;
using privacy::RetentionPolicy;
using privacy::RetentionRule;
using privacy::RetentionSetting;

namespace {

RetentionPolicy make_policy(int child_max, std::optional<int> adult_max = std::nullopt) {
  RetentionPolicy p;
  for (auto c : {privacy::ArtifactCategory::audio, privacy::ArtifactCategory::transcript,
                 privacy::ArtifactCategory::derived})
    p.categories.push_back(RetentionCategory{c, child_max, adult_max, "purpose", "need"});
  return p;
}

privacy::Profile person(ProfileKind kind) {
  privacy::Profile p;
  p.id = "p";
  p.kind = kind;
  return p;
}

EffectiveRetention eff(std::optional<int> months, bool capped, std::optional<int> max, RetentionSetting setting) {
  return EffectiveRetention{"p", setting, months, capped, max};
}

EffectiveRetention of(ProfileKind kind, RetentionSetting s, const RetentionPolicy& p) {
  return effective_retention(person(kind), s, p);
}

privacy::Recording captured(Instant at, bool as_child = false) {
  privacy::Recording r;
  r.captured_at = at;
  r.collected_as_child = as_child;
  return r;
}

json sweep_preview(Engine& e, Instant now) {
  return ok(e, {{"command", "previewSweep"}, {"actor", "system"}, {"now", now}});
}
json sweep(Engine& e, Instant now) { return ok(e, {{"command", "sweep"}, {"actor", "system"}, {"now", now}}); }

std::vector<std::string> ids_of(const json& recordings) {
  std::vector<std::string> out;
  for (const auto& r : recordings) out.push_back(r["id"].get<std::string>());
  return out;
}

std::vector<std::string> v(std::initializer_list<std::string> items) { return items; }

json effective_of(Engine& e, const std::string& profile, const std::string& actor = "g1") {
  return ok(e, {{"command", "effectiveRetention"}, {"actor", actor}, {"profileId", profile}});
}

}  // namespace

TEST_CASE("a child's effective setting is the shorter of the choice and the policy maximum") {  // covers R-RET-1, R-RET-4
  RetentionPolicy p = make_policy(18);
  using S = RetentionSetting;
  const auto child = ProfileKind::child;
  CHECK(of(child, S::dont_save, p) == eff(0, false, 18, S::dont_save));
  CHECK(of(child, S::three_months, p) == eff(3, false, 18, S::three_months));
  CHECK(of(child, S::eighteen_months, p) == eff(18, false, 18, S::eighteen_months));
  // until_deleted for a child means "until deleted, or the policy maximum".
  CHECK(of(child, S::until_deleted, p) == eff(18, true, 18, S::until_deleted));

  // A stricter policy shortens the parent's choices too.
  RetentionPolicy strict = make_policy(2);
  CHECK(of(child, S::dont_save, strict) == eff(0, false, 2, S::dont_save));
  CHECK(of(child, S::three_months, strict) == eff(2, true, 2, S::three_months));
  CHECK(of(child, S::eighteen_months, strict) == eff(2, true, 2, S::eighteen_months));
  CHECK(of(child, S::until_deleted, strict) == eff(2, true, 2, S::until_deleted));
}

TEST_CASE("a teen is capped by the child maximum too") {  // covers R-RET-4, R-AGE-1
  using S = RetentionSetting;
  RetentionPolicy p = make_policy(12, 60);
  CHECK(of(ProfileKind::teen, S::until_deleted, p) == eff(12, true, 12, S::until_deleted));
  CHECK(of(ProfileKind::teen, S::eighteen_months, p) == eff(12, true, 12, S::eighteen_months));
  CHECK(of(ProfileKind::teen, S::three_months, p) == eff(3, false, 12, S::three_months));
}

TEST_CASE("the child maximum is the shortest across categories") {  // covers R-RET-3, R-RET-4
  RetentionPolicy p = make_policy(18);
  p.categories[1].child_max_months = 6;  // transcripts are kept shorter
  auto e = of(ProfileKind::child, RetentionSetting::eighteen_months, p);
  CHECK(e.months == 6);
  CHECK(e.capped_by_policy);
  CHECK(e.policy_max_months == 6);
}

TEST_CASE("an adult keeps their choice; until_deleted is kept unless the policy caps adults") {  // covers R-RET-1
  using S = RetentionSetting;
  const auto adult = ProfileKind::adult;
  RetentionPolicy open = make_policy(18);
  CHECK(of(adult, S::dont_save, open) == eff(0, false, std::nullopt, S::dont_save));
  CHECK(of(adult, S::three_months, open) == eff(3, false, std::nullopt, S::three_months));
  CHECK(of(adult, S::eighteen_months, open) == eff(18, false, std::nullopt, S::eighteen_months));
  CHECK(of(adult, S::until_deleted, open) == eff(std::nullopt, false, std::nullopt, S::until_deleted));

  RetentionPolicy capped = make_policy(18, 24);
  CHECK(of(adult, S::until_deleted, capped) == eff(24, true, 24, S::until_deleted));
  CHECK(of(adult, S::eighteen_months, capped) == eff(18, false, 24, S::eighteen_months));
  // The child maximum does not apply to an adult's own data.
  CHECK(of(adult, S::eighteen_months, make_policy(1)).months == 18);
}

TEST_CASE("due times: dont_save at capture, N calendar months later, never when kept") {  // covers R-RET-2, R-RET-3
  const Instant t = at("2026-01-31T10:00:00Z");
  CHECK(due_at(captured(t), RetentionRule{0, 0}) == t);
  CHECK(due_at(captured(t), RetentionRule{3, 3}) == at("2026-04-30T10:00:00Z"));
  CHECK(due_at(captured(t), RetentionRule{18, 18}) == at("2027-07-31T10:00:00Z"));
  CHECK(due_at(captured(t), RetentionRule{2, 2}) == at("2026-03-31T10:00:00Z"));
  CHECK_FALSE(due_at(captured(t), RetentionRule{std::nullopt, 18}));
}

TEST_CASE("due_by is due_at <= now, at month ends and around the calendar's bounds") {  // covers R-RET-2, R-RET-3, R-RET-5
  // Every capture time near month ends over four years (leap year included),
  // every retention length the settings and policies give, and a `now` on
  // each side of the due time and of the bounds due_by decides by.
  const privacy::Instant day = privacy::kMillisPerDay;
  std::size_t checked = 0;
  for (const char* month_end : {"2027-01-28T00:00:00Z", "2027-12-27T23:59:59Z", "2028-02-26T12:00:00Z", "2028-08-28T06:30:00Z"}) {
    for (int k = 0; k < 5; ++k) {
      const Instant t = at(month_end) + k * day;
      for (std::optional<int> months : {std::optional<int>{}, std::optional<int>{0}, std::optional<int>{1},
                                        std::optional<int>{2}, std::optional<int>{3}, std::optional<int>{12},
                                        std::optional<int>{18}, std::optional<int>{1200}}) {
        const RetentionRule rule{months, months};
        const auto due = due_at(captured(t), rule);
        std::vector<Instant> nows{t - 1, t, t + 1};
        if (due) for (Instant d : {*due - day, *due - 1, *due, *due + 1, *due + day}) nows.push_back(d);
        if (months) for (int edge : {*months * 28 - 3, *months * 31}) for (int s : {-1, 0, 1}) nows.push_back(t + edge * day + s);
        for (Instant now : nows) {
          CAPTURE(t);
          CAPTURE(now);
          CHECK(privacy::due_by(captured(t), rule, now) == (due && *due <= now));
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("data collected as a child keeps the child maximum whatever the profile's rule") {  // covers R-PRO-3, R-RET-4
  const Instant t = at("2026-01-31T10:00:00Z");
  RetentionPolicy p = make_policy(12);
  // An adult who keeps until deleted: their own data is never due, what they
  // said as a child is due at the child maximum.
  RetentionRule rule = privacy::retention_rule(of(ProfileKind::adult, RetentionSetting::until_deleted, p), p);
  CHECK_FALSE(due_at(captured(t), rule));
  CHECK(due_at(captured(t, true), rule) == at("2027-01-31T10:00:00Z"));
  // A shorter setting than the maximum applies to both.
  rule = privacy::retention_rule(of(ProfileKind::adult, RetentionSetting::three_months, p), p);
  CHECK(due_at(captured(t, true), rule) == at("2026-04-30T10:00:00Z"));
}

TEST_CASE("the engine answers each profile's effective retention") {  // covers R-RET-1, R-RET-4
  Engine e;
  build_household(e, {.child_max_months = 12});
  CHECK(effective_of(e, "c1") ==
        json{{"profileId", "c1"}, {"setting", "3_months"}, {"months", 3}, {"cappedByPolicy", false}, {"policyMaxMonths", 12}});
  json set = set_retention(e, "g1", "c1", "until_deleted");
  CHECK(set == json{{"profileId", "c1"}, {"setting", "until_deleted"}, {"months", 12}, {"cappedByPolicy", true},
                    {"policyMaxMonths", 12}, {"receipt", nullptr}});
  set = set_retention(e, "g1", "c1", "18_months");
  CHECK(set["months"] == 12);
  CHECK(set["cappedByPolicy"] == true);
  set = set_retention(e, "a1", "a1", "until_deleted");
  CHECK(set == json{{"profileId", "a1"}, {"setting", "until_deleted"}, {"months", nullptr}, {"cappedByPolicy", false},
                    {"policyMaxMonths", nullptr}, {"receipt", nullptr}});
  fails(e, {{"command", "effectiveRetention"}, {"actor", "g1"}, {"profileId", "zz"}}, "not_found", "profileId");
  // A read names its actor too (R-INT-5), and the table decides.
  fails(e, {{"command", "effectiveRetention"}, {"profileId", "c1"}}, "invalid_input", "actor");
  fails(e, {{"command", "effectiveRetention"}, {"actor", "a1"}, {"profileId", "c1"}}, "forbidden", "actor");
  CHECK(effective_of(e, "a1", "a1")["setting"] == "until_deleted");
}

TEST_CASE("a recording's due time follows its profile's effective setting") {  // covers R-RET-2, R-RET-3, R-RET-4
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "dont_save");
  set_retention(e, "g1", "c2", "until_deleted");
  set_retention(e, "a2", "a2", "until_deleted");
  const Instant t = at("2026-01-31T10:00:00Z");
  CHECK(add_recording(e, recording("r1", "c1", "d1", t))["dueAt"] == t);
  json r2 = add_recording(e, recording("r2", "c2", "d1", t));
  CHECK(r2["dueAt"] == at("2027-07-31T10:00:00Z"));
  CHECK(r2["collectedAsChild"] == true);
  json r3 = add_recording(e, recording("r3", "a1", "d1", t));
  CHECK(r3["dueAt"] == at("2027-07-31T10:00:00Z"));
  CHECK(r3["collectedAsChild"] == false);
  CHECK(add_recording(e, recording("r4", "a2", "d1", t))["dueAt"].is_null());
  set_retention(e, "g1", "c2", "3_months");
  // Audio, transcript and derived data share the recording's one due time.
  json list = ok(e, {{"command", "listRecordings"}, {"actor", "g1"}, {"profileId", "c2"}});
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
  // Before anything is due (a preview is a read: any `now` will do).
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
  json answer = answer_ok(e, {{"command", "sweep"}, {"actor", "system"}, {"now", now}});
  json out = answer["result"];
  CHECK(answer["effects"] == json{{"changed", true}, {"deletedRecordingIds", {"r1", "r5"}}});
  json receipt = out["receipt"];
  CHECK(receipt["status"] == "deleted");
  CHECK(receipt["kind"] == "sweep");
  CHECK(receipt["actor"] == "system");
  CHECK(receipt["onBehalfOf"].is_null());
  CHECK(receipt["requestId"] == "sweep-" + std::to_string(now));
  CHECK(receipt["requestedAt"] == now);
  CHECK(receipt["reason"].is_null());
  CHECK(receipt["recordingIds"] == json{"r1", "r5"});
  CHECK(receipt["counts"] == full_counts(2));
  CHECK(out["nextDueAt"] == at("2026-05-01T00:00:00Z"));

  CHECK(live_ids(e) == v({"r2", "r3", "r4"}));
  json stones = tombstones(e);
  REQUIRE(stones.size() == 2);
  for (const auto& t : stones) {
    CHECK(t["deletedAt"] == now);
    CHECK(t["requestId"] == receipt["requestId"]);
  }
  CHECK(stones[0]["recordingId"] == "r1");
  CHECK(stones[0]["profileId"] == "c2");
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
  json state = state_of(e);
  REQUIRE(state["receipts"].size() == 1);
  CHECK(state["receipts"][0] == receipt);

  // Again at the same instant: nothing more is due; answered, not stored or logged.
  json again = answer_ok(e, {{"command", "sweep"}, {"actor", "system"}, {"now", now}});
  CHECK(again["result"]["receipt"]["status"] == "nothing_to_delete");
  CHECK(again["result"]["receipt"]["recordingIds"].empty());
  CHECK(again["effects"] == json{{"changed", false}, {"deletedRecordingIds", json::array()}});
  CHECK(audit_entries(e).size() == audit_before + 1);
  CHECK(live_ids(e) == v({"r2", "r3", "r4"}));
}

TEST_CASE_FIXTURE(SweepFixture, "a sweep with nothing due deletes nothing and gives the next due time") {  // covers R-RET-6
  CHECK(sweep(e, at("2026-03-01T00:00:00Z"))["receipt"]["recordingIds"] == json{"r5"});
  std::string before = exported(e);
  json out = sweep(e, at("2026-03-02T00:00:00Z"));
  CHECK(out["receipt"]["status"] == "nothing_to_delete");
  CHECK(out["receipt"]["reason"] == "no_match");
  CHECK(out["receipt"]["counts"] == counts(0, 0, 0, 0, 0, 0));
  CHECK(out["nextDueAt"] == at("2026-04-30T10:00:00Z"));
  CHECK(exported(e) == before);
}

TEST_CASE_FIXTURE(SweepFixture, "sweeps are run by the system only, never back in time") {  // covers R-RET-6, R-INT-3, R-INT-5
  const Instant later_on = at("2027-01-01T00:00:00Z");
  fails(e, {{"command", "sweep"}, {"now", later_on}, {"actor", "g1"}}, "forbidden", "actor");
  fails(e, {{"command", "sweep"}, {"now", later_on}, {"actor", "operator"}}, "forbidden", "actor");
  fails(e, {{"command", "sweep"}, {"now", later_on}, {"actor", "support:s1"}, {"onBehalfOf", "g1"}}, "forbidden",
        "actor");
  // No actor, or a null one, is refused, not taken for the system (R-INT-5).
  fails(e, {{"command", "sweep"}, {"now", later_on}}, "invalid_input", "actor");
  fails(e, {{"command", "sweep"}, {"now", later_on}, {"actor", nullptr}}, "invalid_input", "actor");
  fails(e, {{"command", "sweep"}, {"actor", "system"}}, "invalid_input", "now");
  // Before the last audit entry (r5's intake, 2026-03-01): out of order.
  fails(e, {{"command", "sweep"}, {"actor", "system"}, {"now", at("2026-02-28T00:00:00Z")}}, "out_of_order", "now");
  json out = ok(e, {{"command", "sweep"}, {"now", later_on}, {"actor", "system"}});
  CHECK(out["receipt"]["recordingIds"] == json{"r1", "r2", "r5"});
  // Previewing is a read: the service or a parent, at any time.
  CHECK(ok(e, {{"command", "previewSweep"}, {"actor", "g1"}, {"now", at("2026-01-01T00:00:00Z")}})["dueCount"] == 0);
  fails(e, {{"command", "previewSweep"}, {"actor", "a1"}, {"now", later_on}}, "forbidden", "actor");
  fails(e, {{"command", "previewSweep"}, {"now", later_on}}, "invalid_input", "actor");
}

TEST_CASE_FIXTURE(SweepFixture, "a preview's limit caps the list, not the count") {  // covers R-RET-6
  json p = ok(e, {{"command", "previewSweep"}, {"actor", "system"}, {"now", at("2099-01-01T00:00:00Z")}, {"limit", 2}});
  CHECK(p["dueCount"] == 4);
  CHECK(p["due"].size() == 2);
  CHECK(p["counts"]["recordings"] == 4);
}

// RULES.md R-RET-5 changed: shortening applies when the parent confirms it
// (setRetention), no longer at the next sweep.
TEST_CASE("shortening applies at once, with a receipt; lengthening brings nothing back") {  // covers R-RET-5, R-RET-6
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "18_months");
  add_recording(e, recording("old", "c1", "d1", at("2026-01-10T08:00:00Z")));
  add_recording(e, recording("other", "c2", "d1", at("2026-01-10T08:00:00Z")));
  add_recording(e, recording("new", "c1", "d1", at("2026-06-01T08:00:00Z")));
  const Instant now = at("2026-07-01T00:00:00Z");
  CHECK(sweep_preview(e, now)["dueCount"] == 1);  // only c2's 3-month recording

  // What 3 months would do, without saving it.
  json preview = ok(e, {{"command", "previewRetention"}, {"actor", "g1"}, {"profileId", "c1"}, {"setting", "3_months"},
                        {"now", now}});
  CHECK(preview["dueNow"] == full_counts(1));
  CHECK(preview["recordingIds"] == json{"old"});
  CHECK(preview["effective"]["months"] == 3);
  CHECK(effective_of(e, "c1")["setting"] == "18_months");

  // Confirmed: what it makes due goes at once, receipted and audited.
  json answer = answer_ok(e, {{"command", "setRetention"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"},
                              {"setting", "3_months"}});
  json receipt = answer["result"]["receipt"];
  CHECK(answer["effects"]["deletedRecordingIds"] == json{"old"});
  CHECK(receipt["kind"] == "retention");
  CHECK(receipt["requestId"] == "retention-c1-" + std::to_string(now));
  CHECK(receipt["recordingIds"] == json{"old"});
  CHECK(receipt["counts"] == full_counts(1));
  CHECK(receipt["scope"] == json{{"kind", "retention"}, {"profileId", "c1"}, {"setting", "3_months"}});
  CHECK(receipt["actor"] == "g1");
  CHECK(live_ids(e) == v({"new", "other"}));
  json entries = audit_entries(e);
  CHECK(entries[entries.size() - 2]["action"] == "retention_set");
  CHECK(entries.back()["action"] == "recordings_deleted");
  CHECK(entries.back()["details"]["requestId"] == receipt["requestId"]);
  CHECK(may_use(e, "old", "training")["reason"] == "deleted");
  // Another profile's due recording waits for the sweep.
  CHECK(sweep(e, now)["receipt"]["recordingIds"] == json{"other"});

  // Lengthening (until_deleted: the policy maximum for a child) brings nothing back.
  CHECK(set_retention(e, "g1", "c1", "until_deleted", now)["receipt"].is_null());
  CHECK(live_ids(e) == v({"new"}));
  json list = ok(e, {{"command", "listRecordings"}, {"actor", "g1"}, {"profileId", "c1"}});
  CHECK(list["total"] == 1);
  CHECK(list["recordings"][0]["dueAt"] == at("2027-12-01T08:00:00Z"));
  // A recording id once deleted can never be taken in again.
  fails(e, intake(recording("old", "c1", "d1", now), now), "conflict", "recording.id");

  // Shortening to dont_save, with the parent's own request id: the rest goes now.
  json last = ok(e, {{"command", "setRetention"}, {"actor", "g1"}, {"now", now + 1}, {"profileId", "c1"},
                     {"setting", "dont_save"}, {"requestId", "shorten-1"}});
  CHECK(last["receipt"]["requestId"] == "shorten-1");
  CHECK(last["receipt"]["recordingIds"] == json{"new"});
  CHECK(live_ids(e).empty());
}

TEST_CASE("a shortening's receipt id never collides with an earlier request id") {  // covers R-RET-5, R-DEL-5
  Engine e;
  build_household(e);
  const Instant now = at("2026-07-01T00:00:00Z");
  add_recording(e, recording("r1", "c1", "d1", at("2026-01-10T08:00:00Z")));
  add_recording(e, recording("r2", "c2", "d1", at("2026-01-11T08:00:00Z")));
  const std::string generated = "retention-c1-" + std::to_string(now);
  // A parent happened to use the id the engine would generate.
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now}, {"requestId", generated},
         {"profileId", "c2"}, {"kind", "all"}});
  json out = set_retention(e, "g1", "c1", "dont_save", now);
  CHECK(out["receipt"]["requestId"] == generated + "-2");
  // A request id the parent gives that is taken is a conflict, and nothing changes.
  add_recording(e, recording("r3", "c1", "d1", at("2026-02-01T00:00:00Z")), now);  // due under 3 months too
  fails(e, {{"command", "setRetention"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}, {"setting", "3_months"},
            {"requestId", generated}},
        "conflict", "requestId");
  // The state with both receipts exports and imports back byte for byte (R-INT-1).
  check_round_trip(e);
}

TEST_CASE("a second sweep at the same instant deletes what became due since the first") {  // covers R-RET-6
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "dont_save");
  const Instant now = at("2026-07-01T00:00:00Z");
  add_recording(e, recording("r1", "c2", "d1", at("2026-01-10T08:00:00Z")));
  CHECK(sweep(e, now)["receipt"]["recordingIds"] == json{"r1"});
  // At the same instant a recording arrives for a dont_save profile: due at once.
  add_recording(e, recording("r2", "c1", "d1", now), now);
  CHECK(sweep_preview(e, now)["dueCount"] == 1);
  json out = sweep(e, now);
  CHECK(out["receipt"]["status"] == "deleted");
  CHECK(out["receipt"]["recordingIds"] == json{"r2"});
  CHECK(out["receipt"]["requestId"] == "sweep-" + std::to_string(now) + "-2");
  CHECK(live_ids(e).empty());
  // Both receipts are kept, under different request ids, and the state still imports.
  json state = state_of(e);
  REQUIRE(state["receipts"].size() == 2);
  CHECK(state["receipts"][0]["requestId"] != state["receipts"][1]["requestId"]);
  check_round_trip(e);
}

TEST_CASE("a guardian's request id cannot block a sweep") {  // covers R-RET-6, R-DEL-5
  Engine e;
  build_household(e);
  const Instant now = at("2026-07-01T00:00:00Z");
  add_recording(e, recording("r1", "c2", "d1", at("2026-01-10T08:00:00Z")));
  add_recording(e, recording("r2", "c1", "d1", at("2026-06-01T08:00:00Z")));
  // A guardian happens to use the id a sweep at `now` would take.
  const std::string id = "sweep-" + std::to_string(now);
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", now}, {"requestId", id}, {"profileId", "c1"},
         {"kind", "all"}});
  json out = sweep(e, now);
  CHECK(out["receipt"]["recordingIds"] == json{"r1"});
  CHECK(out["receipt"]["requestId"] == id + "-2");
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

TEST_CASE("a parent or the teen sets a teen's retention, capped by the child maximum") {  // covers R-RET-1, R-RET-4, R-CON-6
  Engine e;
  build_household(e, {.child_max_months = 12});
  add_teen(e);
  json mine = set_retention(e, "t1", "t1", "until_deleted");
  CHECK(mine["months"] == 12);
  CHECK(mine["cappedByPolicy"] == true);
  CHECK(set_retention(e, "g1", "t1", "3_months")["months"] == 3);
  fails(e, {{"command", "setRetention"}, {"actor", "t1"}, {"now", later(e)}, {"profileId", "c1"}, {"setting", "dont_save"}},
        "forbidden", "actor");
  fails(e, {{"command", "setRetention"}, {"actor", "a1"}, {"now", later(e)}, {"profileId", "t1"}, {"setting", "dont_save"}},
        "forbidden", "actor");
}

TEST_CASE("only a verified guardian changes a child's setting, only the adult their own") {  // covers R-RET-1, R-CON-6, R-INT-5
  Engine e;
  build_household(e);
  auto cmd = [](const std::string& actor, const std::string& profile) {
    return json{{"command", "setRetention"}, {"actor", actor}, {"now", kStart}, {"profileId", profile},
                {"setting", "until_deleted"}};
  };
  for (const char* actor : {"g2", "c1", "c2", "a1", "operator", "system", "support:s1", "support:", "device:d1", "nobody"}) {
    INFO(actor);
    fails(e, cmd(actor, "c1"), "forbidden", "actor");
  }
  fails(e, cmd("g1", "a1"), "forbidden", "actor");
  fails(e, cmd("a2", "a1"), "forbidden", "actor");
  fails(e, cmd("g1", "nobody"), "not_found", "profileId");
  json bad = cmd("g1", "c1");
  bad["setting"] = "forever";
  fails(e, bad, "invalid_input", "setting");
  json none = cmd("g1", "c1");
  none.erase("actor");
  fails(e, none, "invalid_input", "actor");
  ok(e, cmd("g1", "c1"));
  ok(e, cmd("a1", "a1"));
  // Support acts on a verified parent's request, and says so.
  json support = cmd("support:s1", "c1");
  support["onBehalfOf"] = "g1";
  support["setting"] = "3_months";
  ok(e, support);
  json entry = audit_entries(e).back();
  CHECK(entry["actor"] == "support:s1");
  CHECK(entry["onBehalfOf"] == "g1");
  support["onBehalfOf"] = "g2";  // not verified: no request to carry
  fails(e, support, "forbidden", "actor");
}
