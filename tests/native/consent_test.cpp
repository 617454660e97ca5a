// Verifiable parental consent (R-CON-1..5) and the disclosure (R-CON-4, R-RET-7).
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "privacy/consent.hpp"
#include "privacy/disclosure.hpp"

using namespace fixtures;
using privacy::ConsentEvent;
using privacy::ConsentMethod;
using privacy::ConsentState;

namespace {

json consent_step(const char* command, const std::string& profile, json extra = json::object()) {
  json c = {{"command", command}, {"actor", "g1"}, {"now", kStart}, {"profileId", profile}};
  c.update(extra);
  return c;
}

Engine household_with_new_child() {
  Engine e;
  build_household(e);
  ok(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
         {"profile", {{"id", "c3"}, {"name", "Ada"}, {"kind", "child"}}}});
  return e;
}

}  // namespace

TEST_CASE("a child profile can be created but not enabled or recorded into without consent") {  // covers R-CON-1
  Engine e = household_with_new_child();
  json child = ok(e, {{"command", "overview"}})["profiles"][4];
  CHECK(child["id"] == "c3");
  CHECK(child["enabled"] == false);
  CHECK(child["consent"]["state"] == "none");
  fails(e, consent_step("enableProfile", "c3", {{"enabled", true}}), "consent_required", "enabled");
  fails(e, {{"command", "addRecording"}, {"now", kStart}, {"recording", recording("r1", "c3", "d1", kStart)}},
        "consent_required", "recording.profileId");
  ok(e, consent_step("requestConsent", "c3", {{"method", "signed_form"}}));
  fails(e, {{"command", "addRecording"}, {"now", kStart}, {"recording", recording("r1", "c3", "d1", kStart)}},
        "consent_required", "recording.profileId");
  json verified = ok(e, consent_step("recordConsent", "c3",
                                     {{"method", "signed_form"}, {"reference", "F-1"}, {"verifiedBy", "Clerk"}}));
  CHECK(verified["enabled"] == true);
  CHECK(verified["consent"]["evidence"] ==
        json{{"method", "signed_form"}, {"reference", "F-1"}, {"verifiedBy", "Clerk"}, {"verifiedAt", kStart}});
  add_recording(e, recording("r1", "c3", "d1", kStart));
  // An adult needs no parental consent.
  fails(e, consent_step("requestConsent", "a1", {{"method", "signed_form"}}), "forbidden", "actor");
}

TEST_CASE("the approved methods, and what each can back") {  // covers R-CON-2, R-CON-3
  const auto& methods = privacy::all_consent_methods();
  CHECK(methods.size() == 9);
  for (auto m : methods) {
    CHECK(privacy::consent_method_from(privacy::to_string(m)) == m);
    CHECK(privacy::backs_disclosure(m) == (m != ConsentMethod::email_plus));
  }
  CHECK_FALSE(privacy::consent_method_from("checkbox"));
  CHECK_FALSE(privacy::consent_method_from("Signed_Form"));
}

TEST_CASE("consent moves only along legal transitions") {  // covers R-CON-1, R-CON-4
  using S = ConsentState;
  using E = ConsentEvent;
  struct Case { S from; E event; std::optional<S> to; };
  const Case cases[] = {
      {S::none, E::request, S::pending},      {S::none, E::verify, std::nullopt},
      {S::none, E::cancel, std::nullopt},     {S::none, E::revoke, std::nullopt},
      {S::pending, E::request, std::nullopt}, {S::pending, E::verify, S::verified},
      {S::pending, E::cancel, S::none},       {S::pending, E::revoke, std::nullopt},
      {S::verified, E::request, S::pending},  {S::verified, E::verify, std::nullopt},
      {S::verified, E::cancel, std::nullopt}, {S::verified, E::revoke, S::revoked},
      {S::revoked, E::request, S::pending},   {S::revoked, E::verify, std::nullopt},
      {S::revoked, E::cancel, std::nullopt},  {S::revoked, E::revoke, std::nullopt},
  };
  for (const auto& c : cases) {
    auto next = privacy::next_consent_state(c.from, c.event);
    CAPTURE(privacy::to_string(c.from));
    CAPTURE(static_cast<int>(c.event));
    REQUIRE(next.ok() == c.to.has_value());
    if (c.to) CHECK(*next == *c.to);
    else CHECK(next.errors().front().code == "conflict");
  }
  Engine e = household_with_new_child();
  fails(e, consent_step("recordConsent", "c3", {{"method", "signed_form"}, {"reference", "F"}, {"verifiedBy", "V"}}),
        "conflict", "consent");
  fails(e, consent_step("revokeConsent", "c3", {{"deleteData", false}}), "conflict", "consent");
}

TEST_CASE("disclosure consent is separate, off by default, and email-plus cannot back it") {  // covers R-CON-3, R-CON-2
  Engine e = household_with_new_child();
  ok(e, consent_step("requestConsent", "c3", {{"method", "email_plus"}}));
  json c = ok(e, consent_step("recordConsent", "c3", {{"method", "email_plus"}, {"reference", "M"}, {"verifiedBy", "V"}}));
  CHECK(c["consent"]["disclosure"] == false);
  add_recording(e, recording("r1", "c3", "d1", kStart));
  CHECK(may_use(e, "r1", "service") == json{{"allowed", true}, {"reason", "allowed"}});
  fails(e, consent_step("setDisclosureConsent", "c3", {{"enabled", true}}), "consent_required", "enabled");
  CHECK(may_use(e, "r1", "disclosure")["allowed"] == false);
  // Another approved method, freshly verified, can back it.
  ok(e, consent_step("requestConsent", "c3", {{"method", "government_id"}}));
  ok(e, consent_step("recordConsent", "c3", {{"method", "government_id"}, {"reference", "ID"}, {"verifiedBy", "V"}}));
  CHECK(ok(e, consent_step("setDisclosureConsent", "c3", {{"enabled", true}}))["consent"]["disclosure"] == true);
  CHECK(may_use(e, "r1", "disclosure")["allowed"] == true);
  CHECK(may_use(e, "r1", "sale")["allowed"] == false);
}

TEST_CASE("revocation stops collection at once and can delete the child's data now") {  // covers R-CON-4
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  add_recording(e, recording("r2", "c2", "d1", kStart));
  fails(e, consent_step("revokeConsent", "c1", {{"deleteData", true}}), "invalid_input", "requestId");
  json out = ok(e, consent_step("revokeConsent", "c1", {{"deleteData", true}, {"requestId", "rv-1"}}));
  CHECK(out["consent"]["state"] == "revoked");
  CHECK(out["consent"]["revokedAt"] == kStart);
  CHECK(out["enabled"] == false);
  CHECK(out["receipt"]["recordingIds"] == json::array({"r1"}));
  CHECK(out["receipt"]["counts"] == full_counts(1));
  CHECK(live_ids(e) == std::vector<std::string>{"r2"});
  fails(e, {{"command", "addRecording"}, {"now", kStart}, {"recording", recording("r3", "c1", "d1", kStart)}},
        "consent_required", "recording.profileId");
  // Keeping the data is the parent's choice too: no receipt, nothing deleted.
  json kept = ok(e, consent_step("revokeConsent", "c2", {{"deleteData", false}}));
  CHECK(kept["receipt"].is_null());
  CHECK(is_live(e, "r2"));
  CHECK(may_use(e, "r2", "training")["allowed"] == false);
}

TEST_CASE("a material change to the notice needs fresh consent; a new version alone does not") {  // covers R-CON-5
  Engine e;
  build_household(e);
  json notice = ok(e, {{"command", "overview"}})["privacyNotice"];
  json same = notice;
  same["version"] = 2;
  json quiet = ok(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", kStart}, {"privacyNotice", same}});
  CHECK(quiet["material"] == false);
  fails(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", kStart}, {"privacyNotice", same}},
        "conflict", "privacyNotice.version");
  json more = notice;
  more["version"] = 3;
  more["thirdParties"] = json::array({{{"name", "Acme"}, {"category", "analytics"}, {"purpose", "usage statistics"}}});
  json loud = ok(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", kStart}, {"privacyNotice", more}});
  CHECK(loud["material"] == true);
  CHECK(loud["needConsent"] == json::array({"c1", "c2"}));
  json c1 = ok(e, {{"command", "overview"}})["profiles"][0];
  CHECK(c1["consent"]["state"] == "pending");
  CHECK(c1["consent"]["reason"] == "material_change");
  CHECK(c1["enabled"] == false);
  json fresh = ok(e, consent_step("recordConsent", "c1", {{"method", "signed_form"}, {"reference", "F2"}, {"verifiedBy", "V"}}));
  CHECK(fresh["consent"]["noticeVersion"] == 3);
  CHECK(fresh["enabled"] == true);
}

TEST_CASE("the disclosure is generated from the written policy and escapes every text") {  // covers R-RET-7, R-CON-4
  CHECK(privacy::escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  Engine e;
  build_household(e, {.child_max_months = 9});
  json notice = {{"version", 2}, {"collects", json::array({"voice recordings", "<img src=x onerror=alert(1)>"})},
                 {"thirdParties", json::array()}};
  ok(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", kStart}, {"privacyNotice", notice}});
  json out = ok(e, {{"command", "privacyDisclosure"}});
  CHECK(out["disclosure"]["retention"][0]["childMaxMonths"] == 9);
  CHECK(out["disclosure"]["collects"][1] == "<img src=x onerror=alert(1)>");
  std::string html = out["html"];
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("No third party receives") != std::string::npos);
  CHECK(html.find("9 months") != std::string::npos);
}
