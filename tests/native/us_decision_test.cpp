// The US decision over the GPP sections in gpp_sid (R-SIG-2), GPC (R-SIG-3)
// and what is passed on (R-SIG-4), with Prebid's default logic as the
// reference. The strings were made by @iabgpp/cmpapi 3.2.0 from a base of
// every notice given (1) and no opt-out (2), not an MSPA covered
// transaction, with the one change each name says.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "privacy/ads.hpp"

using namespace privacy;

namespace {

constexpr const char* kUsnatOk = "DBABLA~CVVqAAAAAACA.QA";
constexpr const char* kUsnatGpc = "DBABLA~CVVqAAAAAACA.YA";
constexpr const char* kUsnatTaNotice0 = "DBABLA~CVFoAAAAAACA.QA";         // TargetedAdvertisingOptOutNotice 0, opt-out 0
constexpr const char* kUsnatTaNotice0OptOut2 = "DBABLA~CVFqAAAAAACA.QA";  // notice 0, opt-out 2
constexpr const char* kUsnatNotice1OptOut0 = "DBABLA~CVVKAAAAAACA.QA";    // SaleOptOut 0 after notice 1
constexpr const char* kUsnatSpm = "DBABLA~CVVqAAAAAABk.QA";               // MSPA Service Provider Mode
constexpr const char* kUsnatBothModes = "DBABLA~CVVqAAAAAABU.QA";
constexpr const char* kUsnatPdc = "DBABLA~CVVqAAAAAAKA.QA";               // PersonalDataConsents 2
constexpr const char* kUsnatProcessing0 = "DBABLA~CFVVAAAAAACA.QA";       // SharingNotice 0, every opt-out 1
constexpr const char* kUsnatNoticeNotGiven = "DBABLA~CZVKAAAAAACA.QA";    // SaleOptOutNotice 2, SaleOptOut 0
constexpr const char* kUsnatOptedOut = "DBABLA~CVVpAAAAAACA.QA";          // TargetedAdvertisingOptOut 1
constexpr const char* kUsnatTeen13No = "DBABLA~CVVqAAAAAECA.QA";          // a known 13-15 year old, no consent
constexpr const char* kUscaOk = "DBABBg~BVoAAACA.QA";
constexpr const char* kUscaTeenOptIn = "DBABBg~BVoAAAiA.QA";              // sharing under 16: consent
constexpr const char* kUsmdOk = "DBABEYA~BlWg.QA";
constexpr const char* kUsmdSpm = "DBABEYA~BZWg.QA";                       // MspaMode 2
constexpr const char* kUsvaKnownChild = "DBABRg~BVoAAGA";                 // a known child, no consent
constexpr const char* kUsflTeenSensitiveNo = "DBABAw~BVoAABCA";           // 13-15 sensitive data: no consent
constexpr const char* kUsriOk = "DBABSYA~BhWg.AAA";
constexpr const char* kUsnatOkUscaOptedOut = "DBABrw~CVVqAAAAAACA.QA~BVkAAACA.QA";

AdDecision adult(std::string_view gpp, bool gpc = false, bool recorded = false) {
  AdRequest r;
  r.age = AgeGroup::adult;
  r.gpp_string = gpp;
  r.gpc = gpc;
  r.gpc_recorded = recorded;
  return decide_ads(r);
}

}  // namespace

TEST_CASE("every US section that says nothing against it allows personalised ads") {  // covers R-SIG-2, R-ADS-4
  for (const char* s : {kUsnatOk, kUscaOk, kUsmdOk, kUsriOk}) {
    CAPTURE(s);
    AdDecision d = adult(s);
    CHECK(d.level == AdLevel::personalised);
    CHECK(d.reasons.contains(Reason::r_sig_2));
    CHECK(d.reasons.contains(Reason::us_not_opted_out));
  }
}

TEST_CASE("a usnat TargetedAdvertisingOptOutNotice of 0 with nothing else is not personalised") {  // covers R-SIG-2
  AdDecision d = adult(kUsnatTaNotice0);
  CHECK(d.level == AdLevel::contextual);
  CHECK(d.reasons.contains(Reason::us_no_targeted_advertising));
}

TEST_CASE("opted out: Service Provider Mode, GPC, an opt-out, a notice not given, a minor's slot") {  // covers R-SIG-2, R-SIG-3
  struct Case {
    const char* gpp;
    Reason why;
  };
  const Case cases[] = {
      {kUsnatSpm, Reason::us_service_provider_mode}, {kUsmdSpm, Reason::us_service_provider_mode},
      {kUsnatGpc, Reason::gpc},                      {kUsnatOptedOut, Reason::us_opted_out},
      {kUsnatNoticeNotGiven, Reason::us_notice_not_given}, {kUsnatProcessing0, Reason::us_opted_out},
      {kUsnatPdc, Reason::us_personal_data_consent}, {kUsnatTeen13No, Reason::us_known_minor_no_consent},
      {kUscaTeenOptIn, Reason::us_known_minor_no_consent},  // usca's under-16 slots cannot tell a teen from a child
      {kUsflTeenSensitiveNo, Reason::us_known_minor_no_consent},
  };
  for (const auto& c : cases) {
    CAPTURE(c.gpp);
    AdDecision d = adult(c.gpp);
    CHECK(d.level == AdLevel::contextual);
    CHECK(d.reasons.contains(c.why));
    CHECK(d.errors.empty());
  }
  CHECK(adult(kUsnatProcessing0).reasons.contains(Reason::us_no_targeted_advertising));
}

TEST_CASE("contradictions fail closed: notice 0 with its opt-out 2, notice 1 with opt-out 0, both MSPA modes") {  // covers R-SIG-2
  for (const char* s : {kUsnatTaNotice0OptOut2, kUsnatNotice1OptOut0, kUsnatBothModes}) {
    CAPTURE(s);
    AdDecision d = adult(s);
    CHECK(d.level == AdLevel::none);
    CHECK(d.coppa);
    CHECK(d.age_treatment == AgeTreatment::child);
    REQUIRE(d.errors.size() == 1);
    CHECK(d.errors[0].code == code::contradictory_signal);
    CHECK(d.errors[0].path == "gppString");
    CHECK(d.errors[0].message.find("usnat: ") == 0);
  }
  CHECK(adult(kUsnatTaNotice0OptOut2).errors[0].message ==
        "usnat: targetedAdvertisingOptOutNotice is 0 (not applicable) but targetedAdvertisingOptOut is 2 (did not opt out)");
}

TEST_CASE("a state section's known-child slot makes an unknown viewer a child; with an adult profile it contradicts") {  // covers R-SIG-2, R-ADS-5, R-AGE-2
  AdRequest r;
  r.gpp_string = kUsvaKnownChild;
  AdDecision d = decide_ads(r);
  CHECK(d.level == AdLevel::contextual);
  CHECK(d.age_treatment == AgeTreatment::child);
  CHECK(d.age_source == AgeSource::gpp);
  CHECK(d.reasons.contains(Reason::gpp_known_child));
  CHECK(adult(kUsvaKnownChild).errors.at(0).code == code::contradictory_signal);
}

TEST_CASE("only the sections in gpp_sid are read; a section in gpp_sid must be in the string") {  // covers R-SIG-2, R-SIG-4
  CHECK(adult(kUsnatOkUscaOptedOut).level == AdLevel::contextual);  // usca (8) opted out of sharing
  AdRequest r;
  r.age = AgeGroup::adult;
  r.gpp_string = kUsnatOkUscaOptedOut;
  const int usnat_only[] = {7};
  r.gpp_sid = usnat_only;
  AdDecision d = decide_ads(r);
  CHECK(d.level == AdLevel::personalised);
  CHECK(d.gpp_sid == std::vector<int>{7});
  REQUIRE(d.gpp);
  CHECK(*d.gpp == kUsnatOkUscaOptedOut);
  const int missing[] = {7, 12};
  r.gpp_sid = missing;
  AdDecision bad = decide_ads(r);
  CHECK(bad.level == AdLevel::none);
  CHECK(bad.errors.at(0).path == "gppSid");
}

TEST_CASE("GPC from the header, recorded on the person, or in the GPP string: honoured; only the header is passed on") {  // covers R-SIG-3, R-SIG-4
  AdDecision header = adult(kUsnatOk, true);
  CHECK(header.level == AdLevel::contextual);
  CHECK(header.gpc_honoured);
  CHECK(header.gpc_header);  // regs.ext.gpc = "1"
  CHECK(header.reasons.contains(Reason::r_sig_3));
  AdDecision recorded = adult(kUsnatOk, false, true);
  CHECK(recorded.level == AdLevel::contextual);
  CHECK(recorded.gpc_honoured);
  CHECK_FALSE(recorded.gpc_header);
  AdDecision in_gpp = adult(kUsnatGpc);
  CHECK(in_gpp.gpc_honoured);
  CHECK_FALSE(in_gpp.gpc_header);  // never copied from GPP
  CHECK_FALSE(adult(kUsnatOk).gpc_honoured);
  // A child's decision honours it too, and passes the header on.
  AdRequest child;
  child.age = AgeGroup::child;
  child.gpc = true;
  AdDecision c = decide_ads(child);
  CHECK(c.gpc_honoured);
  CHECK(c.gpc_header);
}

TEST_CASE("what is passed on: coppa, gdpr with the consent string, gpp and gpp_sid; the COPPA strip list") {  // covers R-SIG-4, R-ADS-3
  AdRequest r;
  r.age = AgeGroup::child;
  r.jurisdiction = "US-CA";
  r.gpp_string = kUsnatOk;
  AdDecision d = decide_ads(r);
  CHECK(d.coppa);
  CHECK(d.gdpr == false);
  CHECK(d.gpp_sid == std::vector<int>{7});
  CHECK(d.jurisdiction == "US-CA");
  CompactDecision c = compact(d);
  CHECK(c.coppa == 1);
  CHECK(c.gdpr == 0);
  CHECK(c.age_treatment == 1);  // TFAT 1
  CHECK(c.gpp == 1);
  CHECK(c.sid_count == 1);
  CHECK(c.gpp_sid[0] == 7);
  CHECK(std::find_if(kCoppaStrip.begin(), kCoppaStrip.end(), [](const StripField& f) { return f.field == "device.ifa"; }) !=
        kCoppaStrip.end());
  CHECK(std::find_if(kCoppaStrip.begin(), kCoppaStrip.end(), [](const StripField& f) {
          return f.field == "device.ip" && f.action == StripAction::truncate_ipv4_8_bits;
        }) != kCoppaStrip.end());
  // Under GDPR: regs.gdpr = 1 and the TC string as user.consent.
  AdRequest eu;
  eu.age = AgeGroup::adult;
  eu.jurisdiction = "FR";
  eu.tc_string = "CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA";
  eu.vendor_id = 755;
  AdDecision e = decide_ads(eu);
  CHECK(e.level == AdLevel::personalised);
  CHECK(e.gdpr == true);
  REQUIRE(e.consent);
  CHECK(*e.consent == *eu.tc_string);
  CHECK_FALSE(e.coppa);
  CHECK(compact(e).consent == 1);
  // Under GDPR without a TC string nothing allows it.
  eu.tc_string.reset();
  CHECK(decide_ads(eu).reasons.contains(Reason::tcf_missing));
}

TEST_CASE("random usnat strings: the rules hold whatever the values (seeded property)") {  // covers R-SIG-2, R-ADS-1, R-ADS-2
  // usnat version 2 written bit by bit: 6 + 9 x 2 + 16 x 2 + 3 x 2 + 4 x 2 = 70 bits.
  const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::mt19937 rng(7);
  int personalised = 0, failed_closed = 0;
  for (int n = 0; n < 4000; ++n) {
    // Six notices and three opt-outs, each half the time as a consenting user's (1 and 2), else anything.
    std::vector<int> v(9);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = rng() % 8 ? (i < 6 ? 1 : 2) : static_cast<int>(rng() % 3);
    std::string bits = "000010";
    auto put = [&](int value, int width) { for (int i = width - 1; i >= 0; --i) bits += (value >> i & 1) ? '1' : '0'; };
    for (int x : v) put(x, 2);
    for (int i = 0; i < 16; ++i) put(static_cast<int>(rng() % 3), 2);
    int child = rng() % 2 ? 0 : static_cast<int>(rng() % 3), teen = rng() % 2 ? 0 : static_cast<int>(rng() % 3);
    put(teen, 2); put(child, 2); put(0, 2);
    int pdc = static_cast<int>(rng() % 3), oom = static_cast<int>(rng() % 3), spm = rng() % 2 ? 0 : static_cast<int>(rng() % 3);
    put(pdc, 2); put(1 + static_cast<int>(rng() % 2), 2); put(oom, 2); put(spm, 2);
    bool gpc = rng() % 4 == 0;
    while (bits.size() % 6) bits += '0';
    std::string text = "DBABLA~";
    for (std::size_t i = 0; i < bits.size(); i += 6) text += abc[std::stoi(bits.substr(i, 6), nullptr, 2)];
    text += gpc ? ".YA" : ".QA";
    CAPTURE(text);
    AdDecision d = adult(text);
    CHECK_FALSE(d.sale_allowed);
    if (d.level == AdLevel::personalised) {
      ++personalised;
      // No notice withheld (2), personal data processed, the targeted-advertising notice given and
      // not opted out of; no opt-out at all, no service provider mode, no GPC, no minor.
      CHECK(std::none_of(v.begin(), v.begin() + 6, [](int x) { return x == 2; }));
      CHECK(v[0] == 1);
      CHECK(v[3] == 1);
      CHECK(v[8] == 2);
      CHECK(std::none_of(v.begin() + 6, v.end(), [](int x) { return x == 1; }));
      CHECK(spm != 1);
      CHECK_FALSE(gpc);
      CHECK(child == 0);
      CHECK(teen != 1);
      CHECK(pdc != 2);
    }
    if (d.level == AdLevel::none) ++failed_closed;
    AdRequest kid;
    kid.age = AgeGroup::child;
    kid.gpp_string = text;
    CHECK(decide_ads(kid).level != AdLevel::personalised);
  }
  CHECK(failed_closed > 100);
  CHECK(personalised > 100);
}
