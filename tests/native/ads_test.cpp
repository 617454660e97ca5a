// Ad eligibility (R-ADS-1..6) through the C++ API and the engine's
// decideAds command: a child is never shown personalised ads whatever the
// signals say, nothing is ever sold, regs.coppa follows the child and the
// context, an adult's decision follows TCF, usnat, US Privacy and GPC, and
// anything malformed or contradictory fails closed.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "privacy/ads.hpp"

using namespace privacy;
using fixtures::json;

namespace {

// Made by the IAB's reference encoders (see tests/native/signals_test.cpp):
// TCF v2.3, purposes 1 3 4 consented; vendors 755 and 32 consented; 755, 32
// and 8 disclosed.
constexpr const char* kTcfConsent134 =
    "CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA";
constexpr const char* kGppTcfUspUsnat =
    "DBACPeA~CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA~1YNN~CVVqAAAAAACA.QA";
// usnat version 2 (@iabgpp/cmpapi): every notice given, did not opt out of
// anything, not an MSPA covered transaction; and the same with GPC on.
constexpr const char* kUsnatNotOptedOut = "DBABLA~CVVqAAAAAACA.QA";
constexpr const char* kUsnatGpc = "DBABLA~CVVqAAAAAACA.YA";
// usnat version 2: opted out of targeted advertising, a known child under 13 (no consent), GPC on.
constexpr const char* kUsnatOptedOutKnownChild = "DBABLA~CVVpAAAAABCA.YA";
// TCF v2.3: no purpose consented; vendor 755 disclosed.
constexpr const char* kTcfNoConsent = "CQuZP8AQuZP8AEsACAENCWFgAAAAAAAAAAYgAAAAAAAA.IF5wAQF5gAAA.YAAAAAAAAAAA";

AdRequest request(AgeGroup age, AdContext context) {
  AdRequest r;
  r.age = age;
  r.context = context;
  return r;
}

bool has(const AdDecision& d, std::string_view reason) {
  return std::any_of(d.reasons.begin(), d.reasons.end(), [&](Reason r) { return reason == to_string(r); });
}

// Every signal that would allow personalised ads for an adult.
AdRequest everything_allows(AgeGroup age, AdContext context) {
  AdRequest r = request(age, context);
  r.tc_string = kTcfConsent134;
  r.gpp_string = kUsnatNotOptedOut;
  r.vendor_id = 755;
  return r;
}

// A TC string built bit by bit: purposes with consent and with legitimate
// interest (bit i-1 for purpose i), and one vendor with consent.
std::string tc_string(std::uint32_t consents, std::uint32_t legitimate_interests, unsigned vendor) {
  std::string bits;
  auto put = [&](std::uint64_t v, unsigned n) { while (n--) bits += (v >> n & 1u) ? '1' : '0'; };
  auto purposes = [&](std::uint32_t set) { for (unsigned p = 1; p <= 24; ++p) put(set >> (p - 1) & 1u, 1); };
  put(2, 6); put(17000000000, 36); put(17000000000, 36); put(7, 12); put(1, 12); put(1, 6);
  put(4, 6); put(13, 6); put(100, 12); put(4, 6); put(0b10, 2); put(0, 12);  // service-specific, 2023: v2.2
  purposes(consents);
  purposes(legitimate_interests);
  put(0, 1); put(3, 6); put(4, 6);
  put(vendor, 16); put(0, 1); put(0, vendor - 1); put(1, 1);  // vendor consents: a bit field
  put(0, 17);                                                // vendor legitimate interests: none
  put(0, 12);                                                // no publisher restrictions
  while (bits.size() % 24) bits += '0';
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string text;
  for (std::size_t i = 0; i < bits.size(); i += 6) text += abc[std::stoi(bits.substr(i, 6), nullptr, 2)];
  return text;
}
constexpr std::uint32_t purpose(unsigned p) { return 1u << (p - 1); }

constexpr AdContext kContexts[] = {AdContext::kids_experience, AdContext::child_directed,
                                   AdContext::mixed_audience, AdContext::general};

}  // namespace

TEST_CASE("a child profile never gets personalised ads, whatever the signals say") {  // covers R-ADS-1, R-ADS-3
  for (AdContext context : kContexts) {
    CAPTURE(to_string(context));
    AdDecision d = decide_ads(everything_allows(AgeGroup::child, context));
    CHECK(d.level == AdLevel::contextual);
    CHECK(d.coppa);
    CHECK(d.age_treatment == AgeTreatment::child);
    CHECK(has(d, "R-ADS-1"));
    CHECK(has(d, "R-ADS-3"));
    CHECK(has(d, "child_profile"));
    CHECK(d.errors.empty());
  }
}

TEST_CASE("a kids experience never gets personalised ads, not even for an adult") {  // covers R-ADS-1, R-ADS-3
  AdDecision d = decide_ads(everything_allows(AgeGroup::adult, AdContext::kids_experience));
  CHECK(d.level == AdLevel::contextual);
  CHECK(d.coppa);
  CHECK(d.age_treatment == AgeTreatment::none);
  CHECK(has(d, "R-ADS-1"));
  CHECK(has(d, "kids_experience"));
}

TEST_CASE("personal data is never sold, for any profile and any signal") {  // covers R-ADS-2
  for (AgeGroup age : {AgeGroup::child, AgeGroup::adult, AgeGroup::unknown})
    for (AdContext context : kContexts) {
      AdDecision d = decide_ads(everything_allows(age, context));
      CHECK_FALSE(d.sale_allowed);
      CHECK(to_string(d.reasons[0]) == "R-ADS-2");
    }
  CHECK_FALSE(fail_closed({{code::invalid_input, "x", "y"}}).sale_allowed);
}

TEST_CASE("regs.coppa is 1 for a child or a child-directed context, 0 for an adult elsewhere") {  // covers R-ADS-3
  CHECK(decide_ads(request(AgeGroup::adult, AdContext::child_directed)).coppa);
  CHECK(decide_ads(request(AgeGroup::adult, AdContext::kids_experience)).coppa);
  CHECK_FALSE(decide_ads(request(AgeGroup::adult, AdContext::mixed_audience)).coppa);
  CHECK_FALSE(decide_ads(request(AgeGroup::adult, AdContext::general)).coppa);
  CHECK(decide_ads(request(AgeGroup::child, AdContext::general)).coppa);
  // An adult in a child-directed context: contextual, because everyone there is treated as a child.
  AdDecision d = decide_ads(everything_allows(AgeGroup::adult, AdContext::child_directed));
  CHECK(d.level == AdLevel::contextual);
  CHECK(has(d, "child_directed"));
}

TEST_CASE("an adult: personalised only with TCF consent to purposes 1, 3, 4 and the vendor") {  // covers R-ADS-4
  AdRequest r = request(AgeGroup::adult, AdContext::general);
  r.tc_string = kTcfConsent134;
  r.vendor_id = 755;
  AdDecision yes = decide_ads(r);
  CHECK(yes.level == AdLevel::personalised);
  CHECK(has(yes, "R-ADS-4"));
  CHECK(has(yes, "tcf_consent"));
  CHECK_FALSE(yes.coppa);
  CHECK(yes.age_treatment == AgeTreatment::none);

  r.vendor_id = 8;  // disclosed, not consented
  CHECK(has(decide_ads(r), "tcf_vendor_consent_missing"));
  CHECK(decide_ads(r).level == AdLevel::contextual);
  r.vendor_id = 1;  // not disclosed: no personalised ads (R-SIG-1), before its consent is looked at
  CHECK(has(decide_ads(r), "tcf_vendor_not_disclosed"));
  r.vendor_id.reset();
  CHECK(has(decide_ads(r), "tcf_vendor_unknown"));
  r.tc_string = kTcfNoConsent;
  r.vendor_id = 755;
  AdDecision no = decide_ads(r);
  CHECK(no.level == AdLevel::contextual);
  CHECK(has(no, "tcf_purpose_consent_missing"));
}

TEST_CASE("an adult: legitimate interest never suffices for purposes 3 and 4, and restrictions bind") {  // covers R-ADS-4, R-SIG-1
  AdRequest r = request(AgeGroup::adult, AdContext::general);
  r.vendor_id = 42;
  std::string all = tc_string(purpose(1) | purpose(3) | purpose(4), 0, 42);
  r.tc_string = all;
  CHECK(decide_ads(r).level == AdLevel::personalised);
  // Consent to 1 only, legitimate interest for 2 and 7: not enough.
  std::string li = tc_string(purpose(1), purpose(2) | purpose(7), 42);
  r.tc_string = li;
  AdDecision d = decide_ads(r);
  CHECK(d.level == AdLevel::contextual);
  CHECK(has(d, "tcf_purpose_consent_missing"));
  // Legitimate interest for 3 and 4 may not even be signalled since TCF v2.2:
  // the string is refused and the decision fails closed (R-SIG-1).
  std::string li34 = tc_string(purpose(1), purpose(3) | purpose(4), 42);
  r.tc_string = li34;
  AdDecision refused = decide_ads(r);
  CHECK(refused.level == AdLevel::none);
  CHECK(has(refused, "noncompliant_signal"));
  CHECK(refused.errors.at(0).message.find("(PurposesLITransparency)") != std::string::npos);
  // Purpose 1 is required too.
  std::string no_storage = tc_string(purpose(3) | purpose(4), 0, 42);
  r.tc_string = no_storage;
  CHECK(has(decide_ads(r), "tcf_purpose_consent_missing"));

  // Made by @iabtechlabtcf/core: purposes 1 2 3 4 7 consented; purpose 3 "not allowed" for vendor 8.
  r.tc_string = "CQSWoeAQSZcpQEsACBFRAHEoAPIAAEKAAAYgAmsUQGG_LGBiMRCgAoQAAQAQwAEABAAA";
  r.vendor_id = 8;
  AdDecision restricted = decide_ads(r);
  CHECK(restricted.level == AdLevel::contextual);
  CHECK(has(restricted, "tcf_publisher_restriction"));
  r.vendor_id = 6;  // consented, no restriction
  CHECK(decide_ads(r).level == AdLevel::personalised);
}

TEST_CASE("an adult in the US: GPC or a usnat opt-out means contextual") {  // covers R-ADS-4
  AdRequest r = request(AgeGroup::adult, AdContext::mixed_audience);
  r.gpp_string = kUsnatNotOptedOut;
  AdDecision yes = decide_ads(r);
  CHECK(yes.level == AdLevel::personalised);
  CHECK(has(yes, "us_not_opted_out"));  // was usnat_not_opted_out: every US section now
  REQUIRE(yes.gpp);
  CHECK(*yes.gpp == kUsnatNotOptedOut);
  CHECK(yes.gpp_sid == std::vector<int>{7});

  r.gpc = true;  // Sec-GPC: 1
  AdDecision gpc = decide_ads(r);
  CHECK(gpc.level == AdLevel::contextual);
  CHECK(has(gpc, "gpc"));
  r.gpc = false;
  r.gpp_string = kUsnatGpc;  // GPC in the usnat sub-section
  CHECK(has(decide_ads(r), "gpc"));

  AdRequest unknown = request(AgeGroup::unknown, AdContext::general);
  unknown.gpp_string = "DBABLA~CVVpAAAAAACA.QA";  // opted out of targeted advertising
  CHECK(decide_ads(unknown).level == AdLevel::contextual);
  CHECK(has(decide_ads(unknown), "us_opted_out"));  // was usnat_opted_out: every US section now
}

TEST_CASE("an adult with no signal at all gets contextual ads: nothing allows personalised") {  // covers R-ADS-4
  AdDecision d = decide_ads(request(AgeGroup::adult, AdContext::general));
  CHECK(d.level == AdLevel::contextual);
  CHECK(has(d, "no_signal"));
  // US Privacy alone: "1YNN" did not opt out of sale; "1YYN" did.
  AdRequest r = request(AgeGroup::adult, AdContext::general);
  r.gpp_string = "DBABTA~1YNN";
  CHECK(decide_ads(r).level == AdLevel::personalised);
  r.gpp_string = "DBABTA~1YYN";
  CHECK(has(decide_ads(r), "usp_opted_out"));
  // A section this engine does not read could hold an opt-out: not personalised.
  const std::string with_canada = std::string("DBABjw~") + kTcfNoConsent + "~1YNN";  // AdRequest holds views
  r.gpp_string = with_canada;
  CHECK(has(decide_ads(r), "gpp_section_not_understood"));
}

TEST_CASE("unknown age in a child-directed or mixed-audience context is treated as a child") {  // covers R-ADS-5, R-ADS-1, R-ADS-3
  for (AdContext context : {AdContext::child_directed, AdContext::mixed_audience, AdContext::kids_experience}) {
    AdDecision d = decide_ads(everything_allows(AgeGroup::unknown, context));
    CHECK(d.level == AdLevel::contextual);
    CHECK(d.coppa);
    CHECK(d.age_treatment == AgeTreatment::child);
    CHECK(has(d, "R-ADS-5"));
    CHECK(has(d, "unknown_age"));
  }
  // In a general-audience context an unknown user is decided as an adult...
  CHECK(decide_ads(everything_allows(AgeGroup::unknown, AdContext::general)).level == AdLevel::personalised);
  // ...unless the usnat section says a known child under 13 is there.
  AdRequest r = request(AgeGroup::unknown, AdContext::general);
  r.gpp_string = kUsnatOptedOutKnownChild;
  AdDecision d = decide_ads(r);
  CHECK(d.level == AdLevel::contextual);
  CHECK(d.age_treatment == AgeTreatment::child);
  CHECK(has(d, "gpp_known_child"));  // was usnat_known_child: every US section now
  CHECK(d.age_source == AgeSource::gpp);
}

TEST_CASE("malformed or contradictory signals fail closed: no ads, treated as a child, errors as reasons") {  // covers R-ADS-1, R-ADS-2, R-ADS-6
  AdRequest garbage = everything_allows(AgeGroup::adult, AdContext::general);
  garbage.tc_string = "garbage";
  AdDecision d = decide_ads(garbage);
  CHECK(d.level == AdLevel::none);
  CHECK(d.coppa);
  CHECK(d.age_treatment == AgeTreatment::child);
  CHECK_FALSE(d.gpp);
  CHECK(has(d, "invalid_signal"));
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].path == "tcString");

  // Two different TC strings: one passed on its own, another inside the GPP string.
  AdRequest two = request(AgeGroup::adult, AdContext::general);
  two.tc_string = kTcfNoConsent;
  two.gpp_string = kGppTcfUspUsnat;
  two.vendor_id = 755;
  CHECK(has(decide_ads(two), "contradictory_signal"));
  two.tc_string = kTcfConsent134;  // the same one twice is not a contradiction
  CHECK(decide_ads(two).level == AdLevel::personalised);

  // usnat says a known child under 13; the profile says adult.
  AdRequest child_signal = request(AgeGroup::adult, AdContext::general);
  child_signal.gpp_string = kUsnatOptedOutKnownChild;
  AdDecision c = decide_ads(child_signal);
  CHECK(c.level == AdLevel::none);
  CHECK(has(c, "contradictory_signal"));
  // Opt-Out Option Mode and Service Provider Mode both on.
  AdRequest modes = request(AgeGroup::adult, AdContext::general);
  modes.gpp_string = "DBABLA~CVVqAAAAAABU.QA";
  CHECK(has(decide_ads(modes), "contradictory_signal"));
  // A child's decision fails closed too: less than contextual, never more.
  AdRequest child = request(AgeGroup::child, AdContext::general);
  child.gpp_string = "DBABLA~";
  CHECK(decide_ads(child).level == AdLevel::none);
}

TEST_CASE("decideAds through the engine: profiles, unknown age without a household, and bad input failing closed") {  // covers R-ADS-1, R-ADS-4, R-ADS-5, R-ADS-6, R-INT-5
  const fixtures::Instant now = fixtures::kStart;
  fixtures::Engine bare;
  json unknown = bare.execute({{"command", "decideAds"}, {"age", "unknown"}, {"context", "general"}, {"now", now},
                               {"gppString", kUsnatNotOptedOut}});
  REQUIRE(unknown["type"] == "success");
  CHECK(unknown["result"]["level"] == "personalised");
  CHECK(unknown["result"]["regs"] == json{{"coppa", 0}, {"gpp", kUsnatNotOptedOut}, {"gpp_sid", {7}}});
  CHECK_FALSE(unknown["result"].contains("ageTreatment"));

  fixtures::Engine e;
  fixtures::build_household(e);  // children c1, c2; adults a1, a2
  fixtures::add_teen(e);         // t1
  const std::string child = "c1";
  json c = e.execute({{"command", "decideAds"}, {"actor", "system"}, {"now", now}, {"profileId", child},
                      {"context", "general"}, {"tcString", kTcfConsent134}, {"vendorId", 755}, {"gpc", false}});
  CHECK(c["result"]["level"] == "contextual");
  CHECK(c["result"]["ageTreatment"] == "child");
  CHECK(c["result"]["regs"]["coppa"] == 1);
  CHECK(c["result"]["saleAllowed"] == false);
  json a = e.execute({{"command", "decideAds"}, {"actor", "a1"}, {"now", now}, {"profileId", "a1"},
                      {"context", "general"}, {"tcString", kTcfConsent134}, {"vendorId", 755}});
  CHECK(a["result"]["level"] == "personalised");
  CHECK(a["result"]["reasons"] == json{"R-ADS-2", "R-ADS-4", "R-SIG-1", "tcf_consent"});  // R-SIG-1: TCF v2.3 decided
  // A teen is never treated as an adult here (R-AGE-4): the same signals, contextual.
  json t = e.execute({{"command", "decideAds"}, {"actor", "t1"}, {"now", now}, {"profileId", "t1"},
                      {"context", "general"}, {"tcString", kTcfConsent134}, {"vendorId", 755}});
  CHECK(t["result"]["level"] == "contextual");
  CHECK(t["result"]["ageTreatment"] == "teen");

  // Every kind of bad input is answered with the most protective decision, never a failure.
  const json bad[] = {
      {{"command", "decideAds"}, {"now", now}, {"context", "general"}},                               // no age at all
      {{"command", "decideAds"}, {"now", now}, {"age", "unknown"}, {"context", "outdoors"}},          // unknown context
      {{"command", "decideAds"}, {"now", now}, {"age", 12}, {"context", "general"}},                  // age is only 'unknown'
      {{"command", "decideAds"}, {"actor", "system"}, {"now", now}, {"profileId", "nobody"}, {"context", "general"}},
      {{"command", "decideAds"}, {"actor", "system"}, {"now", now}, {"profileId", child}, {"age", "unknown"}, {"context", "general"}},
      {{"command", "decideAds"}, {"now", now}, {"age", "unknown"}, {"context", "general"}, {"vendorId", 0}},
      {{"command", "decideAds"}, {"now", now}, {"age", "unknown"}, {"context", "general"}, {"gpc", "yes"}},
      {{"command", "decideAds"}, {"now", now}, {"age", "unknown"}, {"context", "general"}, {"extra", true}},
      {{"command", "decideAds"}, {"now", now}, {"age", "unknown"}, {"context", "general"}, {"tcString", 5}},
      {{"command", "decideAds"}, {"age", "unknown"}, {"context", "general"}},                         // no now
      {{"command", "decideAds"}, {"now", now}, {"profileId", child}, {"context", "general"}},         // no actor
      {{"command", "decideAds"}, {"actor", "a1"}, {"now", now}, {"profileId", child}, {"context", "general"}},  // not theirs
      {{"command", "decideAds"}, {"now", now}, {"age", "unknown"}, {"jurisdiction", "uk"}},
  };
  for (const auto& command : bad) {
    CAPTURE(command.dump());
    json answer = e.execute(command);
    REQUIRE(answer["type"] == "success");
    CHECK(answer["result"]["level"] == "none");
    CHECK(answer["result"]["regs"]["coppa"] == 1);
    CHECK(answer["result"]["ageTreatment"] == "child");
    CHECK(answer["result"]["errors"].size() >= 1);
    CHECK(answer["result"]["reasons"][0] == "R-ADS-2");
    CHECK(answer["effects"]["changed"] == false);
  }
  json nobody = e.execute(bad[3]);
  CHECK(nobody["result"]["reasons"] == json{"R-ADS-2", "not_found"});
  json stranger = e.execute(bad[11]);
  CHECK(fixtures::has_error(stranger["result"]["errors"], "forbidden", "actor"));
}

TEST_CASE("recordGpc: the signal binds the person from then on, and a conflicting choice gives way") {  // covers R-SIG-3
  fixtures::Engine e;
  fixtures::build_household(e);
  const fixtures::Instant now = fixtures::kStart;
  auto decide = [&](const char* actor, const char* profile, bool gpc) {
    return fixtures::ok(e, {{"command", "decideAds"}, {"actor", actor}, {"now", now}, {"profileId", profile},
                            {"context", "general"}, {"gppString", kUsnatNotOptedOut}, {"gpc", gpc}});
  };
  CHECK(decide("a1", "a1", false)["level"] == "personalised");
  CHECK(decide("a1", "a1", true)["gpcHonoured"] == true);
  json recorded = fixtures::ok(e, {{"command", "recordGpc"}, {"actor", "system"}, {"now", now}, {"profileId", "a1"}});
  CHECK(recorded["gpcAt"] == now);
  // A later request without the header: still opted out.
  json later = decide("a1", "a1", false);
  CHECK(later["level"] == "contextual");
  CHECK(later["gpcHonoured"] == true);
  // Again: nothing new to record, nothing changes.
  json again = fixtures::answer_ok(e, {{"command", "recordGpc"}, {"actor", "a1"}, {"now", now}, {"profileId", "a1"}});
  CHECK(again["effects"]["changed"] == false);
  // A child's disclosure consent gives way, and the conflict is recorded.
  fixtures::ok(e, {{"command", "setPrivacyNotice"}, {"actor", "operator"}, {"now", now},
                   {"privacyNotice", {{"version", 2}, {"collects", {"voice recordings"}},
                                      {"thirdParties", {{{"name", "Acme"}, {"category", "ads"}, {"purpose", "ads"}}}}}}});
  fixtures::ok(e, {{"command", "recordConsent"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}, {"method", "signed_form"},
                   {"reference", "F-2"}, {"verifiedBy", "Clerk"}});
  fixtures::ok(e, {{"command", "setDisclosureConsent"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}, {"enabled", true}});
  json child = fixtures::ok(e, {{"command", "recordGpc"}, {"actor", "g1"}, {"now", now}, {"profileId", "c1"}});
  CHECK(child["consent"]["disclosure"] == false);
  json entry = fixtures::audit_entries(e).back();
  CHECK(entry["action"] == "gpc_recorded");
  CHECK(entry["details"] == json{{"profileId", "c1"}, {"disclosureWithdrawn", true}});
  fixtures::fails(e, {{"command", "recordGpc"}, {"actor", "c2"}, {"now", now}, {"profileId", "c1"}}, "forbidden", "actor");
  fixtures::fails(e, {{"command", "recordGpc"}, {"now", now}, {"profileId", "c1"}}, "invalid_input", "actor");
}

TEST_CASE("decodeTcString and decodeGpp commands: decoded fields, or invalid_signal at the path") {  // covers R-ADS-4
  fixtures::Engine e;
  json tc = e.execute({{"command", "decodeTcString"}, {"tcString", kTcfNoConsent}});
  REQUIRE(tc["type"] == "success");
  CHECK(tc["result"]["cmpId"] == 300);
  CHECK(tc["result"]["vendorConsents"] == json{{"ids", json::array()}, {"isRangeEncoding", false}, {"maxVendorId", 0}});
  CHECK(tc["result"]["vendorsDisclosed"]["ids"] == json{755});
  CHECK(tc["result"]["publisherTC"]["numCustomPurposes"] == 0);
  json bad = e.execute({{"command", "decodeTcString"}, {"tcString", "CPX"}});
  REQUIRE(bad["type"] == "failure");
  CHECK(bad["errors"][0]["code"] == "invalid_signal");
  CHECK(bad["errors"][0]["path"] == "tcString");
  json gpp = e.execute({{"command", "decodeGpp"}, {"gppString", kGppTcfUspUsnat}});
  REQUIRE(gpp["type"] == "success");
  CHECK(gpp["result"]["sectionIds"] == json{2, 6, 7});
  CHECK(gpp["result"]["sections"][2]["name"] == "usnat");
  CHECK(gpp["result"]["sections"][2]["fields"]["gpc"] == false);
  CHECK(e.execute({{"command", "decodeGpp"}})["errors"][0]["path"] == "gppString");
  // Decoding reads no household data: no actor, no now.
  CHECK(e.execute({{"command", "decodeGpp"}, {"gppString", kGppTcfUspUsnat}, {"now", 0}})["errors"][0]["path"] == "now");
}
