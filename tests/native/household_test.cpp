// Household and the written retention policy: validate_policy (R-RET-4,
// R-RET-7), defaults, and who may build a household.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "fixtures.hpp"
#include "privacy/household.hpp"

using namespace fixtures;
using privacy::ArtifactCategory;
using privacy::Errors;
using privacy::ProfileKind;
using privacy::RetentionCategory;
using privacy::RetentionPolicy;
using privacy::RetentionSetting;
using privacy::validate_policy;

namespace {

RetentionCategory cat(ArtifactCategory c, int child_max, std::optional<int> adult_max = std::nullopt) {
  return {c, child_max, adult_max, "to answer requests", "to improve answers"};
}

RetentionPolicy full_policy(int child_max = 18) {
  RetentionPolicy p;
  p.categories = {cat(ArtifactCategory::audio, child_max),
                  cat(ArtifactCategory::transcript, child_max),
                  cat(ArtifactCategory::derived, child_max)};
  return p;
}

bool has(const Errors& errors, std::string_view code, std::string_view path) {
  for (const auto& e : errors)
    if (e.code == code && e.path == path) return true;
  return false;
}

json create_command(json retention_policy) {
  return {{"command", "createHousehold"},
          {"actor", "operator"},
          {"now", kStart},
          {"id", "h1"},
          {"name", "Home"},
          {"retentionPolicy", std::move(retention_policy)}};
}

}  // namespace

TEST_CASE("a complete policy with finite child maximums is valid") {  // covers R-RET-4, R-RET-7
  CHECK(validate_policy(full_policy(), "policy").empty());
  CHECK(validate_policy(full_policy(1), "policy").empty());
  CHECK(validate_policy(full_policy(1200), "policy").empty());
  // Categories may come in any order, and adults may have their own maximum.
  RetentionPolicy p;
  p.categories = {cat(ArtifactCategory::derived, 6, 24), cat(ArtifactCategory::audio, 18),
                  cat(ArtifactCategory::transcript, 12, 1200)};
  CHECK(validate_policy(p, "policy").empty());
}

TEST_CASE("a policy missing a category is rejected") {  // covers R-RET-4
  for (ArtifactCategory missing :
       {ArtifactCategory::audio, ArtifactCategory::transcript, ArtifactCategory::derived}) {
    RetentionPolicy p;
    for (auto c : {ArtifactCategory::audio, ArtifactCategory::transcript, ArtifactCategory::derived})
      if (c != missing) p.categories.push_back(cat(c, 18));
    Errors errors = validate_policy(p, "policy");
    INFO(privacy::to_string(missing));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "invalid_input");
    CHECK(errors[0].path == "policy.categories");
    CHECK(errors[0].message.find(std::string(privacy::to_string(missing))) != std::string::npos);
  }
  // No categories at all: each of the three is reported.
  CHECK(validate_policy(RetentionPolicy{}, "policy").size() == 3);
}

TEST_CASE("a child maximum of zero, negative or more than 1200 months is rejected") {  // covers R-RET-4
  for (int bad : {0, -1, -18, 1201, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
    INFO(bad);
    RetentionPolicy p = full_policy();
    p.categories[1].child_max_months = bad;
    Errors errors = validate_policy(p, "retentionPolicy");
    REQUIRE(errors.size() == 1);
    CHECK(has(errors, "invalid_input", "retentionPolicy.categories[1].childMaxMonths"));
  }
}

TEST_CASE("an adult maximum, when given, is 1 to 1200 months") {  // covers R-RET-4
  RetentionPolicy p = full_policy();
  p.categories[2].adult_max_months = 0;
  CHECK(has(validate_policy(p, "p"), "invalid_input", "p.categories[2].adultMaxMonths"));
  p.categories[2].adult_max_months = 1201;
  CHECK(has(validate_policy(p, "p"), "invalid_input", "p.categories[2].adultMaxMonths"));
  p.categories[2].adult_max_months = 1200;
  CHECK(validate_policy(p, "p").empty());
}

TEST_CASE("a category listed twice is rejected") {  // covers R-RET-4
  RetentionPolicy p = full_policy();
  p.categories.push_back(cat(ArtifactCategory::audio, 6));
  Errors errors = validate_policy(p, "policy");
  REQUIRE(errors.size() == 1);
  CHECK(has(errors, "invalid_input", "policy.categories[3].category"));
}

TEST_CASE("the written policy states purpose and business need") {  // covers R-RET-7
  RetentionPolicy p = full_policy();
  p.categories[0].purpose.clear();
  p.categories[2].business_need.clear();
  Errors errors = validate_policy(p, "policy");
  CHECK(errors.size() == 2);
  CHECK(has(errors, "invalid_input", "policy.categories[0].purpose"));
  CHECK(has(errors, "invalid_input", "policy.categories[2].businessNeed"));
}

TEST_CASE("the just-said window is 1 to 1440 minutes, 10 by default") {  // covers R-DEL-2
  RetentionPolicy p = full_policy();
  CHECK(p.just_said_window_minutes == 10);
  for (int bad : {0, -10, 1441}) {
    p.just_said_window_minutes = bad;
    CHECK(has(validate_policy(p, "policy"), "invalid_input", "policy.justSaidWindowMinutes"));
  }
  for (int good : {1, 10, 1440}) {
    p.just_said_window_minutes = good;
    CHECK(validate_policy(p, "policy").empty());
  }
}

TEST_CASE("the policy's maximum is the shortest across categories") {  // covers R-RET-3, R-RET-4
  RetentionPolicy p;
  p.categories = {cat(ArtifactCategory::audio, 18, 36), cat(ArtifactCategory::transcript, 12),
                  cat(ArtifactCategory::derived, 24, 24)};
  CHECK(p.child_max_months() == 12);
  CHECK(p.adult_max_months() == 24);
  // No adult maximum anywhere: adults may keep until deleted.
  CHECK_FALSE(full_policy().adult_max_months().has_value());
}

TEST_CASE("defaults: a child starts at 3 months, an adult at 18, voice deletion off") {  // covers R-RET-1, R-DEL-2
  CHECK(privacy::default_retention(ProfileKind::child) == RetentionSetting::three_months);
  CHECK(privacy::default_retention(ProfileKind::adult) == RetentionSetting::eighteen_months);
  Engine e;
  build_household(e);
  json overview = ok(e, {{"command", "overview"}});
  REQUIRE(overview["profiles"].size() == 4);
  for (const auto& p : overview["profiles"]) {
    INFO(p["id"]);
    CHECK(p["retention"] == (p["kind"] == "child" ? "3_months" : "18_months"));
    CHECK(p["voiceDeletion"] == false);
    CHECK(p["recordingCount"] == 0);
    CHECK(p["nextDueAt"].is_null());
  }
  // A policy that leaves the window out gets the default of 10 minutes.
  CHECK(overview["retentionPolicy"]["justSaidWindowMinutes"] == 10);
}

TEST_CASE("the retention words round-trip") {  // covers R-RET-1
  for (auto s : {RetentionSetting::dont_save, RetentionSetting::three_months,
                 RetentionSetting::eighteen_months, RetentionSetting::until_deleted})
    CHECK(privacy::retention_setting_from(privacy::to_string(s)) == s);
  CHECK(privacy::to_string(RetentionSetting::three_months) == "3_months");
  CHECK(privacy::to_string(RetentionSetting::eighteen_months) == "18_months");
  CHECK_FALSE(privacy::retention_setting_from("forever"));
  CHECK_FALSE(privacy::retention_setting_from("3_Months"));
  CHECK_FALSE(privacy::retention_setting_from(""));
  CHECK(privacy::profile_kind_from("child") == ProfileKind::child);
  CHECK_FALSE(privacy::profile_kind_from("teen"));
  CHECK(privacy::artifact_category_from("derived") == ArtifactCategory::derived);
  CHECK_FALSE(privacy::artifact_category_from("video"));
}

TEST_CASE("ids are non-empty and at most 128 bytes") {  // covers RULES.md R-DEL "Precise meanings"
  CHECK_FALSE(privacy::valid_id(""));
  CHECK(privacy::valid_id("a"));
  CHECK(privacy::valid_id(std::string(128, 'x')));
  CHECK_FALSE(privacy::valid_id(std::string(129, 'x')));
}

TEST_CASE("createHousehold refuses a policy without a finite child maximum") {  // covers R-RET-4
  Engine e;
  json p = policy();
  SUBCASE("missing") { p["categories"][0].erase("childMaxMonths"); }
  SUBCASE("null") { p["categories"][0]["childMaxMonths"] = nullptr; }
  SUBCASE("zero") { p["categories"][0]["childMaxMonths"] = 0; }
  SUBCASE("negative") { p["categories"][0]["childMaxMonths"] = -1; }
  SUBCASE("huge") { p["categories"][0]["childMaxMonths"] = 1201; }
  SUBCASE("beyond int") { p["categories"][0]["childMaxMonths"] = 4'000'000'000LL; }
  SUBCASE("fraction") { p["categories"][0]["childMaxMonths"] = 1.5; }
  SUBCASE("infinity") { p["categories"][0]["childMaxMonths"] = std::numeric_limits<double>::infinity(); }
  SUBCASE("NaN") { p["categories"][0]["childMaxMonths"] = std::nan(""); }
  SUBCASE("string") { p["categories"][0]["childMaxMonths"] = "18"; }
  SUBCASE("boolean") { p["categories"][0]["childMaxMonths"] = true; }
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories[0].childMaxMonths");
  // Nothing was created: the engine still has no household.
  json out = e.execute({{"command", "overview"}});
  CHECK(out["type"] == "failure");
  CHECK(out["errors"][0]["code"] == "not_found");
}

TEST_CASE("createHousehold refuses a missing category, a duplicate, and unknown fields") {  // covers R-RET-4
  Engine e;
  json p = policy();
  p["categories"].erase(1);
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories");
  p = policy();
  p["categories"].push_back(category("audio", 6));
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories[3].category");
  p = policy();
  p["categories"][2]["category"] = "video";
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories[2].category");
  p = policy();
  p["categories"][0]["keepForever"] = true;
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories[0].keepForever");
  p = policy();
  p["categories"] = json::object();
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories");
  fails(e, create_command(nullptr), "invalid_input", "retentionPolicy");
}

TEST_CASE("setRetentionPolicy validates the same way and changes nothing on failure") {  // covers R-RET-4
  Engine e;
  build_household(e);
  json p = policy(12);
  p["categories"][1]["childMaxMonths"] = 0;
  fails(e, {{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", kStart}, {"retentionPolicy", p}},
        "invalid_input", "retentionPolicy.categories[1].childMaxMonths");
  // Only the operator writes the policy.
  fails(e, {{"command", "setRetentionPolicy"}, {"actor", "g1"}, {"now", kStart}, {"retentionPolicy", policy(12)}},
        "forbidden", "actor");
  json out = ok(e, {{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", kStart},
                    {"retentionPolicy", policy(12)}});
  CHECK(out["categories"] == policy(12)["categories"]);
  CHECK(out["justSaidWindowMinutes"] == 10);
  CHECK(ok(e, {{"command", "overview"}})["retentionPolicy"] == out);
}

TEST_CASE("only the operator creates a household, once") {  // covers R-CON-6
  Engine e;
  json c = create_command(policy());
  c["actor"] = "g1";
  fails(e, c, "forbidden", "actor");  // no guardian yet: not of this household
  c["actor"] = "system";
  fails(e, c, "forbidden", "actor");
  build_household(e);
  fails(e, create_command(policy()), "conflict", "");
}

TEST_CASE("members join through the operator or a verified guardian") {  // covers R-PRO-1, R-CON-6
  Engine e;
  build_household(e);
  auto add_profile = [](const std::string& actor, const std::string& id) {
    return json{{"command", "addProfile"},
                {"actor", actor},
                {"now", kStart},
                {"profile", {{"id", id}, {"name", "Kid"}, {"kind", "child"}, {"birthDate", "2018-05-01"}}}};
  };
  // A verified guardian may add a child profile.
  json added = ok(e, add_profile("g1", "c3"));
  CHECK(added["retention"] == "3_months");
  CHECK(added["birthDate"] == "2018-05-01");
  // An unverified guardian, a child, an adult profile and the system may not.
  fails(e, add_profile("g2", "c4"), "forbidden", "actor");
  fails(e, add_profile("c1", "c4"), "forbidden", "actor");
  fails(e, add_profile("a1", "c4"), "forbidden", "actor");
  fails(e, add_profile("system", "c4"), "forbidden", "actor");
  fails(e, add_profile("nobody", "c4"), "forbidden", "actor");  // not of this household
}

TEST_CASE("ids are unique: guardians and profiles share one namespace, reserved ids refused") {
  Engine e;
  build_household(e);
  auto guardian = [](const std::string& id) {
    return json{{"command", "addGuardian"},
                {"actor", "operator"},
                {"now", kStart},
                {"guardian", {{"id", id}, {"name", "X"}, {"verified", true}}}};
  };
  fails(e, guardian("g1"), "conflict", "guardian.id");
  fails(e, guardian("c1"), "conflict", "guardian.id");
  fails(e, guardian("operator"), "conflict", "guardian.id");
  fails(e, guardian("system"), "conflict", "guardian.id");
  fails(e, {{"command", "addDevice"}, {"actor", "operator"}, {"now", kStart},
            {"device", {{"id", "d1"}, {"name", "again"}}}},
        "conflict", "device.id");
  fails(e, {{"command", "addProfile"}, {"actor", "operator"}, {"now", kStart},
            {"profile", {{"id", "g2"}, {"name", "X"}, {"kind", "adult"}}}},
        "conflict", "profile.id");
}

TEST_CASE("a profile's fields are checked") {
  Engine e;
  build_household(e);
  auto profile = [](json p) {
    return json{{"command", "addProfile"}, {"actor", "operator"}, {"now", kStart}, {"profile", p}};
  };
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "teen"}}), "invalid_input", "profile.kind");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"birthDate", "2018-02-30"}}),
        "invalid_input", "profile.birthDate");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"retention", "forever"}}),
        "invalid_input", "profile.retention");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"voiceDeletion", "yes"}}),
        "invalid_input", "profile.voiceDeletion");
  fails(e, profile({{"id", "c9"}, {"kind", "child"}}), "invalid_input", "profile.name");
  fails(e, profile({{"id", "c9"}, {"name", std::string(201, 'n')}, {"kind", "child"}}),
        "invalid_input", "profile.name");
  fails(e, profile({{"id", ""}, {"name", "Kid"}, {"kind", "child"}}), "invalid_input", "profile.id");
}
