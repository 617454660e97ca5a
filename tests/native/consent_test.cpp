// Verifiable parental consent (R-CON-1..6, R-AGE-5) and the disclosure
// (R-CON-4, R-RET-7).
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "privacy/consent.hpp"
#include "privacy/disclosure.hpp"

using namespace fixtures;
using privacy::ConsentEvent;
using privacy::ConsentMethod;
using privacy::ConsentState;

namespace {

json consent_step(Engine& e, const char* command, const std::string& profile, json extra = json::object(),
                  const char* actor = "g1") {
  json c = {{"command", command}, {"actor", actor}, {"now", later(e)}, {"profileId", profile}};
  if (extra.is_object()) c.update(extra);
  return c;
}

json record(Engine& e, const std::string& profile, const char* method = "signed_form") {
  return consent_step(e, "recordConsent", profile, {{"method", method}, {"reference", "F-1"}, {"verifiedBy", "Clerk"}});
}

void household_with_new_child(Engine& e) {
  build_household(e);
  ok(e, {{"command", "addProfile"}, {"actor", "g1"}, {"now", kStart},
         {"profile", {{"id", "c3"}, {"name", "Ada"}, {"kind", "child"}}}});
}

// The default notice's lines, a version, and (optionally) a named recipient
// or another line collected.
json notice(int version, bool third_party, const char* also_collected = nullptr) {
  json n = {{"version", version},
            {"collects", {"voice recordings (audio)", "transcripts", "derived data (intents, annotations)"}},
            {"thirdParties", json::array()}};
  if (also_collected) n["collects"].push_back(also_collected);
  if (third_party) n["thirdParties"].push_back({{"name", "Acme"}, {"category", "analytics"}, {"purpose", "usage statistics"}});
  return n;
}

json publish(Engine& e, const json& n) {
  return ok(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", later(e)}, {"privacyNotice", n}});
}

}  // namespace

TEST_CASE("a child profile can be created but not enabled or recorded into without consent") {  // covers R-CON-1
  Engine e;
  household_with_new_child(e);
  json child = overview(e)["profiles"][4];
  CHECK(child["id"] == "c3");
  CHECK(child["enabled"] == false);
  CHECK(child["consent"]["state"] == "none");
  fails(e, consent_step(e, "enableProfile", "c3", {{"enabled", true}}), "consent_required", "enabled");
  fails(e, intake(recording("r1", "c3", "d1", kStart), kStart), "consent_required", "recording.profileId");
  ok(e, consent_step(e, "requestConsent", "c3", {{"method", "signed_form"}}));
  fails(e, intake(recording("r1", "c3", "d1", kStart), kStart), "consent_required", "recording.profileId");
  json verified = ok(e, record(e, "c3"));
  CHECK(verified["enabled"] == true);
  CHECK(verified["consent"]["evidence"] ==
        json{{"method", "signed_form"}, {"reference", "F-1"}, {"verifiedBy", "Clerk"}, {"verifiedAt", kStart}});
  CHECK(verified["consent"]["noticeVersion"] == 1);
  add_recording(e, recording("r1", "c3", "d1", kStart));
  // Paused by the parent: no collection while not enabled.
  ok(e, consent_step(e, "enableProfile", "c3", {{"enabled", false}}));
  fails(e, intake(recording("r2", "c3", "d1", kStart), kStart), "consent_required", "recording.profileId");
  ok(e, consent_step(e, "enableProfile", "c3", {{"enabled", true}}));
  // An adult or a teen needs no parental consent.
  fails(e, consent_step(e, "requestConsent", "a1", {{"method", "signed_form"}}), "forbidden", "actor");
  add_teen(e);
  fails(e, consent_step(e, "requestConsent", "t1", {{"method", "signed_form"}}), "forbidden", "actor");
}

TEST_CASE("the approved methods, and what each can back") {  // covers R-CON-2, R-CON-3
  const auto& methods = privacy::Words<ConsentMethod>::table;
  CHECK(methods.size() == 9);
  for (const auto& [m, name] : methods) {
    CHECK(privacy::from_word<ConsentMethod>(name) == m);
    // Email-plus and text-plus are for internal use only (RULES.md R-CON-2).
    CHECK(privacy::backs_disclosure(m) == (m != ConsentMethod::email_plus && m != ConsentMethod::text_plus));
  }
  CHECK_FALSE(privacy::from_word<ConsentMethod>("checkbox"));
  CHECK_FALSE(privacy::from_word<ConsentMethod>("Signed_Form"));
}

TEST_CASE("consent moves only along legal transitions") {  // covers R-CON-1, R-CON-4
  using S = ConsentState;
  using E = ConsentEvent;
  struct Case {
    S from;
    E event;
    std::optional<S> to;
  };
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
    CAPTURE(privacy::word(c.from));
    CAPTURE(static_cast<int>(c.event));
    REQUIRE(next.ok() == c.to.has_value());
    if (c.to) CHECK(*next == *c.to);
    else CHECK(next.errors().front().code == "conflict");
  }
  Engine e;
  household_with_new_child(e);
  fails(e, record(e, "c3"), "conflict", "profileId");
  fails(e, consent_step(e, "revokeConsent", "c3", {{"deleteData", false}}), "conflict", "profileId");
  fails(e, consent_step(e, "cancelConsent", "c3"), "conflict", "profileId");
  ok(e, consent_step(e, "requestConsent", "c3", {{"method", "video_call"}}));
  fails(e, consent_step(e, "requestConsent", "c3", {{"method", "video_call"}}), "conflict", "profileId");
}

// Issue 8, "Why" 1: requestConsent on a verified child left it enabled while
// pending, and the export then failed to import. The transition was wrong
// (pending is not consent, R-CON-1), not the import rule that refused it.
TEST_CASE("asking again on a verified child stops collection until it is verified again") {  // covers R-CON-1, R-INT-1
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  json asked = ok(e, consent_step(e, "requestConsent", "c1", {{"method", "video_call"}}));
  CHECK(asked["consent"]["state"] == "pending");
  CHECK(asked["consent"]["reason"] == "requested_again");
  CHECK(asked["consent"]["requestedMethod"] == "video_call");
  CHECK(asked["consent"]["disclosure"] == false);
  CHECK(asked["enabled"] == false);
  fails(e, intake(recording("r2", "c1", "d1", kStart), kStart), "consent_required", "recording.profileId");
  CHECK(may_use(e, "r1", "service") == json{{"allowed", false}, {"reason", "consent_required"}});
  check_round_trip(e);
  // Cancelled: no consent, still not collecting.
  json cancelled = ok(e, consent_step(e, "cancelConsent", "c1"));
  CHECK(cancelled["consent"]["state"] == "none");
  CHECK(cancelled["consent"]["reason"].is_null());
  CHECK(cancelled["consent"]["requestedMethod"].is_null());
  CHECK(cancelled["enabled"] == false);
  check_round_trip(e);
  fails(e, consent_step(e, "enableProfile", "c1", {{"enabled", true}}), "consent_required", "enabled");
  // Asked and given again: collecting again.
  CHECK(ok(e, consent_step(e, "requestConsent", "c1", {{"method", "video_call"}}))["consent"]["reason"].is_null());
  CHECK(ok(e, record(e, "c1", "video_call"))["enabled"] == true);
  add_recording(e, recording("r2", "c1", "d1", kStart));
}

// Issue 8, "Why" 1: a material notice change that only altered what is
// collected left a child pending with disclosure still on. The transition was
// wrong (R-CON-3, R-CON-5): disclosure needs verified consent.
TEST_CASE("a material change with disclosure on: pending, disclosure off, and the export re-imports") {  // covers R-CON-3, R-CON-5, R-INT-1
  Engine e;
  build_household(e);
  json loud = publish(e, notice(2, true));
  CHECK(loud["needConsent"] == json{"c1", "c2"});
  ok(e, record(e, "c1"));
  CHECK(ok(e, consent_step(e, "setDisclosureConsent", "c1", {{"enabled", true}}))["consent"]["disclosure"] == true);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  CHECK(may_use(e, "r1", "disclosure")["allowed"] == true);
  // A change to what is collected alone is material too.
  json change = publish(e, notice(3, true, "location"));
  CHECK(change["material"] == true);
  CHECK(change["needConsent"] == json{"c1"});  // c2 was not verified since version 2
  json c1 = profile_view(e, "c1");
  CHECK(c1["consent"]["state"] == "pending");
  CHECK(c1["consent"]["reason"] == "material_change");
  CHECK(c1["consent"]["requestedMethod"] == "signed_form");
  CHECK(c1["consent"]["disclosure"] == false);
  CHECK(c1["enabled"] == false);
  CHECK(may_use(e, "r1", "disclosure")["allowed"] == false);
  check_round_trip(e);
  ok(e, consent_step(e, "cancelConsent", "c1"));
  check_round_trip(e);
  // Fresh consent to the new notice; disclosure must be confirmed again.
  json fresh = ok(e, consent_step(e, "requestConsent", "c1", {{"method", "signed_form"}}));
  fresh = ok(e, record(e, "c1"));
  CHECK(fresh["consent"]["noticeVersion"] == 3);
  CHECK(fresh["consent"]["disclosure"] == false);
}

TEST_CASE("disclosure consent is separate, off by default, and needs a method and a notice that back it") {  // covers R-CON-2, R-CON-3
  Engine e;
  household_with_new_child(e);
  ok(e, consent_step(e, "requestConsent", "c3", {{"method", "government_id"}}));
  CHECK(ok(e, record(e, "c3", "government_id"))["consent"]["disclosure"] == false);
  add_recording(e, recording("r1", "c3", "d1", kStart));
  CHECK(may_use(e, "r1", "service") == json{{"allowed", true}, {"reason", "allowed"}});
  CHECK(may_use(e, "r1", "disclosure") == json{{"allowed", false}, {"reason", "disclosure_consent_required"}});
  // The notice names nobody to disclose to yet.
  fails(e, consent_step(e, "setDisclosureConsent", "c3", {{"enabled", true}}), "consent_required", "enabled");
  publish(e, notice(2, true));  // material: c3 is pending again
  fails(e, consent_step(e, "setDisclosureConsent", "c3", {{"enabled", true}}), "consent_required", "enabled");
  // Email-plus and text-plus back internal use only.
  for (const char* method : {"email_plus", "text_plus"}) {
    INFO(method);
    ok(e, record(e, "c3", method));
    fails(e, consent_step(e, "setDisclosureConsent", "c3", {{"enabled", true}}), "consent_required", "enabled");
    CHECK(may_use(e, "r1", "service")["allowed"] == true);
    ok(e, consent_step(e, "requestConsent", "c3", {{"method", "government_id"}}));
  }
  ok(e, record(e, "c3", "government_id"));
  CHECK(ok(e, consent_step(e, "setDisclosureConsent", "c3", {{"enabled", true}}))["consent"]["disclosure"] == true);
  CHECK(may_use(e, "r1", "disclosure")["allowed"] == true);
  CHECK(may_use(e, "r1", "sale") == json{{"allowed", false}, {"reason", "never_sold"}});
  // Off is always allowed.
  CHECK(ok(e, consent_step(e, "setDisclosureConsent", "c3", {{"enabled", false}}))["consent"]["disclosure"] == false);
  fails(e, consent_step(e, "setDisclosureConsent", "a1", {{"enabled", true}}, "a1"), "forbidden", "actor");
}

TEST_CASE("revocation stops collection at once and can delete the child's data now") {  // covers R-CON-4
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  add_recording(e, recording("r2", "c2", "d1", kStart));
  fails(e, consent_step(e, "revokeConsent", "c1", {{"deleteData", true}}), "invalid_input", "requestId");
  json answer = answer_ok(e, consent_step(e, "revokeConsent", "c1", {{"deleteData", true}, {"requestId", "rv-1"}}));
  json out = answer["result"];
  CHECK(answer["effects"]["deletedRecordingIds"] == json{"r1"});
  CHECK(out["consent"]["state"] == "revoked");
  CHECK(out["consent"]["revokedAt"] == kStart);
  CHECK(out["enabled"] == false);
  CHECK(out["receipt"]["kind"] == "all");
  CHECK(out["receipt"]["recordingIds"] == json::array({"r1"}));
  CHECK(out["receipt"]["counts"] == full_counts(1));
  CHECK(live_ids(e) == std::vector<std::string>{"r2"});
  fails(e, intake(recording("r3", "c1", "d1", kStart), kStart), "consent_required", "recording.profileId");
  // Keeping the data is the parent's choice too: no receipt, nothing deleted, nothing used.
  fails(e, consent_step(e, "revokeConsent", "c2", {{"deleteData", true}, {"requestId", "rv-1"}}), "conflict", "requestId");
  json kept = ok(e, consent_step(e, "revokeConsent", "c2", {{"deleteData", false}}));
  CHECK(kept["receipt"].is_null());
  CHECK(is_live(e, "r2"));
  CHECK(may_use(e, "r2", "training")["allowed"] == false);
  // Asked again after a revocation: pending, a fresh consent.
  json again = ok(e, consent_step(e, "requestConsent", "c2", {{"method", "signed_form"}}));
  CHECK(again["consent"]["state"] == "pending");
  CHECK(ok(e, record(e, "c2"))["consent"]["revokedAt"].is_null());
}

TEST_CASE("a material change to the notice needs fresh consent; a new version alone does not") {  // covers R-CON-5
  Engine e;
  build_household(e);
  json quiet = publish(e, notice(2, false));
  CHECK(quiet["material"] == false);
  CHECK(quiet["needConsent"] == json::array());
  CHECK(profile_view(e, "c1")["consent"]["state"] == "verified");
  fails(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", kStart}, {"privacyNotice", notice(2, false)}},
        "conflict", "privacyNotice.version");
  fails(e, {{"command", "setPrivacyNotice"}, {"actor", "g1"}, {"now", kStart}, {"privacyNotice", notice(3, false)}},
        "forbidden", "actor");
  json loud = publish(e, notice(3, true));
  CHECK(loud["material"] == true);
  CHECK(loud["needConsent"] == json::array({"c1", "c2"}));
  json c1 = profile_view(e, "c1");
  CHECK(c1["consent"]["state"] == "pending");
  CHECK(c1["consent"]["reason"] == "material_change");
  CHECK(c1["enabled"] == false);
  json fresh = ok(e, record(e, "c1"));
  CHECK(fresh["consent"]["noticeVersion"] == 3);
  CHECK(fresh["consent"]["reason"].is_null());
  CHECK(fresh["enabled"] == true);
  json entry = audit_entries(e).back();
  CHECK(entry["action"] == "consent_verified");
}

TEST_CASE("an app store's revocation is a parent's; a significant change needs consent again") {  // covers R-AGE-5, R-CON-4, R-CON-5
  Engine e;
  build_household(e);
  add_recording(e, recording("r1", "c1", "d1", kStart));
  auto store = [&](const char* profile, const char* event, json extra = json::object(), const char* actor = "system") {
    json c = {{"command", "storeConsentEvent"}, {"actor", actor}, {"now", later(e)}, {"profileId", profile},
              {"store", "apple"}, {"event", event}};
    if (extra.is_object()) c.update(extra);
    return c;
  };
  // The service passes the store's notice on; a parent uses revokeConsent.
  fails(e, store("c1", "revoked", {}, "g1"), "forbidden", "actor");
  fails(e, store("a1", "revoked"), "forbidden", "actor");
  fails(e, store("c1", "revoked", {{"deleteData", true}}), "invalid_input", "requestId");
  json revoked = ok(e, store("c1", "revoked", {{"deleteData", true}, {"requestId", "apple-1"}}));
  CHECK(revoked["consent"]["state"] == "revoked");
  CHECK(revoked["enabled"] == false);
  CHECK(revoked["receipt"]["recordingIds"] == json{"r1"});
  CHECK(revoked["receipt"]["actor"] == "system");
  CHECK(audit_entries(e)[audit_entries(e).size() - 2]["details"]["store"] == "apple");
  fails(e, store("c1", "revoked"), "conflict", "event");
  // A significant change: pending, collection stopped, until the parent consents again.
  fails(e, store("c2", "significant_change", {{"deleteData", true}}), "invalid_input", "deleteData");
  json changed = ok(e, store("c2", "significant_change", {{"store", "google_play"}}));
  CHECK(changed["consent"]["state"] == "pending");
  CHECK(changed["consent"]["reason"] == "significant_change");
  CHECK(changed["enabled"] == false);
  fails(e, store("c2", "significant_change"), "conflict", "event");
  fails(e, store("c2", "revoked"), "conflict", "event");
  fails(e, intake(recording("r2", "c2", "d1", later(e)), later(e)), "consent_required", "recording.profileId");
  CHECK(ok(e, record(e, "c2"))["enabled"] == true);
  check_round_trip(e);
}

TEST_CASE("the disclosure is generated from the written policy and escapes every text") {  // covers R-RET-7, R-CON-4
  CHECK(privacy::escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  Engine e;
  build_household(e, {.child_max_months = 9});
  json n = {{"version", 2}, {"collects", json::array({"voice recordings", "<img src=x onerror=alert(1)>"})},
            {"thirdParties", json::array()}};
  publish(e, n);
  // What the operator publishes: anyone may read it, but names themself.
  json out = ok(e, {{"command", "privacyDisclosure"}, {"actor", "anyone"}});
  CHECK(out["disclosure"]["retention"][0]["childMaxMonths"] == 9);
  CHECK(out["disclosure"]["collects"][1] == "<img src=x onerror=alert(1)>");
  std::string html = out["html"];
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("No third party receives") != std::string::npos);
  CHECK(html.find("9 months") != std::string::npos);
  fails(e, {{"command", "privacyDisclosure"}}, "invalid_input", "actor");
}
