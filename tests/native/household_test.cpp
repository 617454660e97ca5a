// Household and the written retention policy: validate_policy and the
// policy's reader (R-RET-4, R-RET-7), defaults, who may build a household and
// who joins it.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "fixtures.hpp"
#include "json/codec.hpp"
#include "privacy/retention.hpp"

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
  p.categories = {cat(ArtifactCategory::audio, child_max), cat(ArtifactCategory::transcript, child_max),
                  cat(ArtifactCategory::derived, child_max)};
  return p;
}

bool has(const Errors& errors, std::string_view code, std::string_view path) {
  for (const auto& e : errors)
    if (e.code == code && e.path == path) return true;
  return false;
}

json create_command(json retention_policy, const std::string& actor = "operator") {
  return {{"command", "createHousehold"}, {"actor", actor},      {"now", kStart},
          {"id", "h1"},                   {"name", "Home"}, {"retentionPolicy", std::move(retention_policy)}};
}

json set_policy(json retention_policy, const std::string& actor = "operator") {
  return {{"command", "setRetentionPolicy"}, {"actor", actor}, {"now", kStart}, {"retentionPolicy", retention_policy}};
}

}  // namespace

TEST_CASE("a complete policy, every category once, is valid") {  // covers R-RET-4, R-RET-7
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
  for (ArtifactCategory missing : {ArtifactCategory::audio, ArtifactCategory::transcript, ArtifactCategory::derived}) {
    RetentionPolicy p;
    for (auto c : {ArtifactCategory::audio, ArtifactCategory::transcript, ArtifactCategory::derived})
      if (c != missing) p.categories.push_back(cat(c, 18));
    Errors errors = validate_policy(p, "policy");
    INFO(privacy::word(missing));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "invalid_input");
    CHECK(errors[0].path == "policy.categories");
    CHECK(errors[0].message.find(std::string(privacy::word(missing))) != std::string::npos);
  }
  // No categories at all: each of the three is reported.
  CHECK(validate_policy(RetentionPolicy{}, "policy").size() == 3);
}

TEST_CASE("a category listed twice is rejected") {  // covers R-RET-4
  RetentionPolicy p = full_policy();
  p.categories.push_back(cat(ArtifactCategory::audio, 6));
  Errors errors = validate_policy(p, "policy");
  REQUIRE(errors.size() == 1);
  CHECK(has(errors, "invalid_input", "policy.categories[3].category"));
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

TEST_CASE("a child maximum of zero, negative or more than 1200 months is refused with its path") {  // covers R-RET-4
  for (json bad : {json(0), json(-1), json(-18), json(1201), json(std::numeric_limits<int>::max()),
                   json(std::numeric_limits<int>::min())}) {
    INFO(bad.dump());
    Engine e;
    json p = policy();
    p["categories"][1]["childMaxMonths"] = bad;
    fails(e, create_command(p), "invalid_input", "retentionPolicy.categories[1].childMaxMonths");
  }
}

TEST_CASE("an adult maximum, when given, is 1 to 1200 months") {  // covers R-RET-4
  Engine e;
  build_household(e);
  json p = policy();
  p["categories"][2]["adultMaxMonths"] = 0;
  fails(e, set_policy(p), "invalid_input", "retentionPolicy.categories[2].adultMaxMonths");
  p["categories"][2]["adultMaxMonths"] = 1201;
  fails(e, set_policy(p), "invalid_input", "retentionPolicy.categories[2].adultMaxMonths");
  p["categories"][2]["adultMaxMonths"] = 1200;
  CHECK(ok(e, set_policy(p))["categories"][2]["adultMaxMonths"] == 1200);
}

TEST_CASE("the written policy states purpose and business need") {  // covers R-RET-7
  Engine e;
  build_household(e);
  json p = policy();
  p["categories"][0]["purpose"] = "";
  json errors = fails(e, set_policy(p), "invalid_input", "retentionPolicy.categories[0].purpose");
  p = policy();
  p["categories"][2]["businessNeed"] = "   ";  // only white space says nothing
  fails(e, set_policy(p), "invalid_input", "retentionPolicy.categories[2].businessNeed");
  p = policy();
  p["categories"][1].erase("purpose");
  fails(e, set_policy(p), "invalid_input", "retentionPolicy.categories[1].purpose");
}

TEST_CASE("the just-said window is 1 to 1440 minutes, 10 by default") {  // covers R-DEL-2
  CHECK(RetentionPolicy{}.just_said_window_minutes == 10);
  Engine e;
  build_household(e);
  for (int bad : {0, -10, 1441}) fails(e, set_policy(policy(18, std::nullopt, bad)), "invalid_input",
                                       "retentionPolicy.justSaidWindowMinutes");
  for (int good : {1, 10, 1440})
    CHECK(ok(e, set_policy(policy(18, std::nullopt, good)))["justSaidWindowMinutes"] == good);
}

TEST_CASE("defaults: a child or teen starts at 3 months, an adult at 18, voice deletion off") {  // covers R-RET-1, R-DEL-2
  CHECK(privacy::default_retention(ProfileKind::child) == RetentionSetting::three_months);
  CHECK(privacy::default_retention(ProfileKind::teen) == RetentionSetting::three_months);
  CHECK(privacy::default_retention(ProfileKind::adult) == RetentionSetting::eighteen_months);
  Engine e;
  build_household(e);
  add_teen(e);
  json view = overview(e);
  REQUIRE(view["profiles"].size() == 5);
  for (const auto& p : view["profiles"]) {
    INFO(p["id"]);
    CHECK(p["retention"] == (p["kind"] == "adult" ? "18_months" : "3_months"));
    CHECK(p["voiceDeletion"] == false);
    CHECK(p["recordingCount"] == 0);
    CHECK(p["nextDueAt"].is_null());
    CHECK(p["createdAt"] == kStart);
  }
  // A policy that leaves the window, the inactivity months and the notice
  // window out gets the defaults.
  CHECK(view["retentionPolicy"]["justSaidWindowMinutes"] == 10);
  CHECK(view["retentionPolicy"]["inactiveAfterMonths"] == 18);
  CHECK(view["retentionPolicy"]["noticeWindowDays"] == 90);
}

TEST_CASE("the words round-trip, each written once") {  // covers R-RET-1
  using privacy::from_word;
  using privacy::word;
  for (auto s : {RetentionSetting::dont_save, RetentionSetting::three_months, RetentionSetting::eighteen_months,
                 RetentionSetting::until_deleted})
    CHECK(from_word<RetentionSetting>(word(s)) == s);
  CHECK(word(RetentionSetting::three_months) == "3_months");
  CHECK(word(RetentionSetting::eighteen_months) == "18_months");
  CHECK_FALSE(from_word<RetentionSetting>("forever"));
  CHECK_FALSE(from_word<RetentionSetting>("3_Months"));
  CHECK_FALSE(from_word<RetentionSetting>(""));
  CHECK(from_word<ProfileKind>("child") == ProfileKind::child);
  CHECK(from_word<ProfileKind>("teen") == ProfileKind::teen);
  CHECK_FALSE(from_word<ProfileKind>("toddler"));
  CHECK(from_word<ArtifactCategory>("derived") == ArtifactCategory::derived);
  CHECK_FALSE(from_word<ArtifactCategory>("video"));
  CHECK(privacy::word_list<ProfileKind>() == "child, teen, adult");
}

TEST_CASE("ids are non-empty and at most 128 bytes") {  // covers RULES.md R-DEL "Precise meanings"
  CHECK_FALSE(privacy::json::valid_id(""));
  CHECK(privacy::json::valid_id("a"));
  CHECK(privacy::json::valid_id(std::string(128, 'x')));
  CHECK_FALSE(privacy::json::valid_id(std::string(129, 'x')));
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
  json out = e.execute({{"command", "overview"}, {"actor", "operator"}});
  CHECK(out["type"] == "failure");
  CHECK(out["errors"][0]["code"] == "not_found");
  CHECK_FALSE(e.household().exists());
}

TEST_CASE("createHousehold refuses a missing category, a duplicate, and unknown fields") {  // covers R-RET-4
  Engine e;
  json p = policy();
  p["categories"].erase(1);
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories");
  p = policy();
  p["categories"].push_back(category("audio", 6));
  fails(e, create_command(p), "too_large", "retentionPolicy.categories[3]");  // more than 3
  p = policy();
  p["categories"][2] = category("audio", 6);
  fails(e, create_command(p), "invalid_input", "retentionPolicy.categories[2].category");
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
  json c = create_command(policy());
  c["jurisdiction"] = "uk";  // ISO 3166 codes are upper case
  fails(e, c, "invalid_input", "jurisdiction");
  CHECK_FALSE(e.household().exists());
}

TEST_CASE("setRetentionPolicy validates the same way and changes nothing on failure") {  // covers R-RET-4
  Engine e;
  build_household(e);
  json p = policy(12);
  p["categories"][1]["childMaxMonths"] = 0;
  fails(e, set_policy(p), "invalid_input", "retentionPolicy.categories[1].childMaxMonths");
  // Only the operator writes the policy.
  fails(e, set_policy(policy(12), "g1"), "forbidden", "actor");
  fails(e, set_policy(policy(12), "system"), "forbidden", "actor");
  json out = ok(e, set_policy(policy(12)));
  CHECK(out["categories"] == policy(12)["categories"]);
  CHECK(out["justSaidWindowMinutes"] == 10);
  CHECK(overview(e)["retentionPolicy"] == out);
  CHECK(audit_entries(e).back()["action"] == "retention_policy_set");
}

TEST_CASE("only the operator creates a household, once") {  // covers R-CON-6, R-INT-5
  Engine e;
  fails(e, create_command(policy(), "g1"), "forbidden", "actor");  // no guardian yet: not of this household
  fails(e, create_command(policy(), "system"), "forbidden", "actor");
  json none = create_command(policy());
  none.erase("actor");
  fails(e, none, "invalid_input", "actor");
  build_household(e);
  fails(e, create_command(policy()), "conflict", "");
  json first = audit_entries(e)[0];
  CHECK(first["action"] == "household_created");
  CHECK(first["actor"] == "operator");
  CHECK(first["details"]["householdId"] == "h1");
  CHECK(first["stateDigest"].is_string());
}

TEST_CASE("members join through the operator or a verified guardian") {  // covers R-PRO-1, R-CON-6
  Engine e;
  build_household(e);
  add_teen(e);
  auto add_profile = [](const std::string& actor, const std::string& id, const char* kind = "child",
                        const char* born = "2018-05-01") {
    return json{{"command", "addProfile"}, {"actor", actor}, {"now", kStart},
                {"profile", {{"id", id}, {"name", "Kid"}, {"kind", kind}, {"birthDate", born}}}};
  };
  // A verified guardian may add a child profile.
  json added = ok(e, add_profile("g1", "c3"));
  CHECK(added["retention"] == "3_months");
  CHECK(added["birthDate"] == "2018-05-01");
  CHECK(added["enabled"] == false);  // R-CON-1: not before consent
  CHECK(added["consent"]["state"] == "none");
  // An unverified guardian, a child, a teen, an adult profile, the system and strangers may not.
  for (const char* actor : {"g2", "c1", "t1", "a1", "system", "nobody", "operator"}) {
    INFO(actor);
    fails(e, add_profile(actor, "c4"), "forbidden", "actor");
  }
  // A teen's profile: a parent; an adult's: a parent or the operator.
  ok(e, add_profile("g1", "t2", "teen", "2012-01-15"));
  fails(e, add_profile("operator", "t3", "teen", "2012-01-15"), "forbidden", "actor");
  ok(e, add_profile("operator", "a3", "adult", "1990-01-01"));
  ok(e, add_profile("g1", "a4", "adult", "1991-01-01"));
  // Adding devices: the operator, a verified parent or an adult member.
  auto device = [](const std::string& actor, const std::string& id) {
    return json{{"command", "addDevice"}, {"actor", actor}, {"now", kStart}, {"device", {{"id", id}, {"name", "x"}}}};
  };
  ok(e, device("a1", "d3"));
  ok(e, device("g1", "d4"));
  fails(e, device("c1", "d5"), "forbidden", "actor");
  fails(e, device("g2", "d5"), "forbidden", "actor");
  fails(e, device("t1", "d5"), "forbidden", "actor");
}

TEST_CASE("renameDevice: who may add a device renames it; the recordings keep their device; audited") {  // covers R-CON-6, R-DEL-5
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "a1", "d1", kStart));
  auto rename = [&](const std::string& actor, const std::string& device, const std::string& name) {
    return json{{"command", "renameDevice"}, {"actor", actor}, {"now", later(e)}, {"deviceId", device}, {"name", name}};
  };
  json device = ok(e, rename("g1", "d1", "Living room speaker"));
  CHECK(device == json{{"id", "d1"}, {"name", "Living room speaker"}, {"gpcAt", nullptr}});
  CHECK(audit_entries(e).back()["action"] == "device_renamed");
  CHECK(audit_entries(e).back()["details"] == json{{"deviceId", "d1"}, {"from", "Kitchen speaker"}, {"to", "Living room speaker"}});
  CHECK(state_of(e)["recordings"][0]["deviceId"] == "d1");
  ok(e, rename("a1", "d1", "Speaker"));
  fails(e, rename("c1", "d1", "Mine"), "forbidden", "actor");
  fails(e, rename("g2", "d1", "Mine"), "forbidden", "actor");
  fails(e, rename("g1", "d9", "Nowhere"), "not_found", "deviceId");
  fails(e, rename("g1", "d1", ""), "invalid_input", "name");
  fails(e, rename("g1", "d1", std::string(201, 'x')), "too_large", "name");
  check_round_trip(e);
}

TEST_CASE("ids are unique: guardians and profiles share one namespace, reserved ids refused") {  // covers R-INT-5
  Engine e;
  build_household(e);
  auto guardian = [](const std::string& id) {
    return json{{"command", "addGuardian"}, {"actor", "operator"}, {"now", kStart},
                {"guardian", {{"id", id}, {"name", "X"}, {"verified", true}}}};
  };
  for (const char* id : {"g1", "c1", "operator", "system", "support:x", "support:", "device:d1", "device:"}) {
    INFO(id);
    fails(e, guardian(id), "conflict", "guardian.id");
  }
  fails(e, {{"command", "addDevice"}, {"actor", "operator"}, {"now", kStart}, {"device", {{"id", "d1"}, {"name", "again"}}}},
        "conflict", "device.id");
  fails(e, {{"command", "addProfile"}, {"actor", "operator"}, {"now", kStart},
            {"profile", {{"id", "g2"}, {"name", "X"}, {"kind", "adult"}}}},
        "conflict", "profile.id");
}

TEST_CASE("a profile's fields are checked, its birth date against its kind") {  // covers R-AGE-1, R-AGE-3, R-PRO-1
  Engine e;
  build_household(e);
  auto profile = [](json p) { return json{{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart}, {"profile", p}}; };
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "toddler"}}), "invalid_input", "profile.kind");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", 3}}), "invalid_input", "profile.kind");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"birthDate", "2018-02-30"}}), "invalid_input",
        "profile.birthDate");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"retention", "forever"}}), "invalid_input",
        "profile.retention");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"voiceDeletion", "yes"}}), "invalid_input",
        "profile.voiceDeletion");
  fails(e, profile({{"id", "c9"}, {"kind", "child"}}), "invalid_input", "profile.name");
  fails(e, profile({{"id", "c9"}, {"name", std::string(201, 'n')}, {"kind", "child"}}), "too_large", "profile.name");
  fails(e, profile({{"id", ""}, {"name", "Kid"}, {"kind", "child"}}), "invalid_input", "profile.id");
  // A birth date in the future, or one that does not fit the kind at `now`
  // (US: a child under 13, a teen 13 to 17, an adult 18 or over).
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"birthDate", "2026-01-02"}}), "invalid_input",
        "profile.birthDate");
  fails(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"birthDate", "2013-01-01"}}), "invalid_input",
        "profile.birthDate");  // 13 on 2026-01-01
  fails(e, profile({{"id", "t9"}, {"name", "Kid"}, {"kind", "teen"}, {"birthDate", "2013-01-02"}}), "invalid_input",
        "profile.birthDate");  // still 12
  fails(e, profile({{"id", "t9"}, {"name", "Kid"}, {"kind", "teen"}, {"birthDate", "2008-01-01"}}), "invalid_input",
        "profile.birthDate");  // 18
  fails(e, profile({{"id", "a9"}, {"name", "Kid"}, {"kind", "adult"}, {"birthDate", "2008-01-02"}}), "invalid_input",
        "profile.birthDate");  // 17
  CHECK(ok(e, profile({{"id", "c9"}, {"name", "Kid"}, {"kind", "child"}, {"birthDate", "2013-01-02"}}))["kind"] == "child");
  CHECK(ok(e, profile({{"id", "t9"}, {"name", "Kid"}, {"kind", "teen"}, {"birthDate", "2013-01-01"}}))["enabled"] == true);
  CHECK(ok(e, profile({{"id", "a9"}, {"name", "Kid"}, {"kind", "adult"}, {"birthDate", "2008-01-01"}}))["consent"].is_null());
}

TEST_CASE("the consent age of the household's jurisdiction decides what a child profile is") {  // covers R-AGE-3, R-AGE-1
  Engine e;
  build_household(e);
  // In Germany the age of digital consent is 16: a 14-year-old is a child profile there.
  ok(e, {{"command", "setJurisdiction"}, {"actor", "g1"}, {"now", kStart}, {"jurisdiction", "DE"}});
  auto profile = [](const char* id, const char* kind, const char* born) {
    return json{{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
                {"profile", {{"id", id}, {"name", "Kid"}, {"kind", kind}, {"birthDate", born}}}};
  };
  ok(e, profile("c9", "child", "2011-06-01"));
  fails(e, profile("t9", "teen", "2011-06-01"), "invalid_input", "profile.birthDate");
  ok(e, profile("t9", "teen", "2009-06-01"));
  // Only a parent or the operator says where the household lives.
  fails(e, {{"command", "setJurisdiction"}, {"actor", "g2"}, {"now", kStart}, {"jurisdiction", "GB"}}, "forbidden",
        "actor");
  fails(e, {{"command", "setJurisdiction"}, {"actor", "g1"}, {"now", kStart}, {"jurisdiction", "Germany"}},
        "invalid_input", "jurisdiction");
  CHECK(overview(e)["household"]["jurisdiction"] == "DE");
  json entry = audit_entries(e).back();
  CHECK(entry["action"] == "profile_added");
}
