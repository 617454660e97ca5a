// Teens and ads (R-AGE-4): never in the EU/EEA, off by default in the UK, in
// a US state only with the opt-in that state's GPP section (or usnat)
// carries for the band, otherwise contextual; the age treatment passed on is
// teen (TFAT 2); an adult gets personalised ads only where R-ADS-4 allows.
#include <doctest/doctest.h>

#include <string>

#include "privacy/ads.hpp"

using namespace privacy;

namespace {

// TCF v2.3: purposes 1 3 4, vendor 755 consented and disclosed.
constexpr const char* kTcf = "CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA";
// @iabgpp/cmpapi, every notice given, no opt-out (see us_decision_test.cpp):
constexpr const char* kUsnatOk = "DBABLA~CVVqAAAAAACA.QA";
constexpr const char* kUsnatTeen13 = "DBABLA~CVVqAAAAAICA.QA";  // 13-15: consent
constexpr const char* kUsnatTeen16 = "DBABLA~CVVqAAAAAAiA.QA";  // 16-17: consent
constexpr const char* kUscaTeenOptIn = "DBABBg~BVoAAAiA.QA";    // sharing under 16: consent
constexpr const char* kUscaTeenNo = "DBABBg~BVoAAASA.QA";       // sharing under 16: no consent
constexpr const char* kUsctTeenOptIn = "DBABVg~BVoAAAoA.QA";    // 13-15 targeted advertising: consent
constexpr const char* kUsdeTeen13 = "DBABUw~BVoAAAICAA.QA";
constexpr const char* kUsdeTeen16 = "DBABUw~BVoAAAAiAA.QA";
constexpr const char* kUsnjTeen16 = "DBABAYA~BVoAAAAIgA.QA";

AdDecision teen(const char* jurisdiction, const char* gpp, AgeGroup group = AgeGroup::teen,
                std::optional<Instant> birth = std::nullopt, const JurisdictionOverrides* overrides = nullptr) {
  AdRequest r;
  r.age = group;
  r.birth_date = birth;
  r.now = *parse_date("2026-12-01");
  if (jurisdiction) r.jurisdiction = jurisdiction;
  r.overrides = overrides;
  r.tc_string = gpp ? std::nullopt : std::optional<std::string_view>(kTcf);
  if (gpp) r.gpp_string = gpp;
  r.vendor_id = 755;
  return decide_ads(r);
}

const Instant kAge14 = *parse_date("2012-06-01");
const Instant kAge17 = *parse_date("2009-06-01");

}  // namespace

TEST_CASE("EU/EEA: a teen never gets personalised ads, whatever TCF consent says") {  // covers R-AGE-4, R-ADS-4
  for (const char* place : {"DE", "FR", "IE", "NO"}) {
    CAPTURE(place);
    AdDecision d = teen(place, nullptr);
    CHECK(d.level == AdLevel::contextual);
    CHECK(d.reasons.contains(Reason::r_age_4));
    CHECK(d.reasons.contains(Reason::teen_never_personalised));
    CHECK(d.age_treatment == AgeTreatment::teen);  // TFAT 2
    CHECK(compact(d).age_treatment == 2);
    CHECK_FALSE(d.coppa);
    CHECK(d.gdpr == true);
    // The same consent gives an adult there personalised ads.
    CHECK(teen(place, nullptr, AgeGroup::adult).level == AdLevel::personalised);
  }
}

TEST_CASE("UK: off by default; unknown place: never") {  // covers R-AGE-4
  AdDecision uk = teen("GB", nullptr);
  CHECK(uk.level == AdLevel::contextual);
  CHECK(uk.reasons.contains(Reason::teen_off_by_default));
  AdDecision nowhere = teen(nullptr, nullptr);
  CHECK(nowhere.level == AdLevel::contextual);
  CHECK(nowhere.reasons.contains(Reason::teen_never_personalised));
}

TEST_CASE("US states: a teen's opt-in in the state's own section, or in usnat, for that band") {  // covers R-AGE-4, R-SIG-2
  // California: under 16 opt in to sharing; 16-17 have no opt-in.
  AdDecision ca = teen("US-CA", kUscaTeenOptIn, AgeGroup::teen, kAge14);
  CHECK(ca.level == AdLevel::personalised);
  CHECK(ca.reasons.contains(Reason::teen_opt_in));
  CHECK(ca.reasons.contains(Reason::r_ads_4));
  CHECK(ca.age_band == AgeBand::from_13_to_15);
  CHECK(teen("US-CA", kUscaTeenNo, AgeGroup::teen, kAge14).reasons.contains(Reason::teen_no_opt_in));
  CHECK(teen("US-CA", kUscaTeenOptIn, AgeGroup::teen, kAge17).reasons.contains(Reason::teen_never_personalised));
  // A teen profile without a birth date is read as the younger band.
  CHECK(teen("US-CA", kUscaTeenOptIn).level == AdLevel::personalised);
  // Connecticut 13-15: its own section, or usnat's 13-16 slot where only usnat is given.
  CHECK(teen("US-CT", kUsctTeenOptIn, AgeGroup::teen, kAge14).level == AdLevel::personalised);
  CHECK(teen("US-CT", kUsnatTeen13, AgeGroup::teen, kAge14).level == AdLevel::personalised);
  CHECK(teen("US-CT", kUsnatOk, AgeGroup::teen, kAge14).reasons.contains(Reason::teen_no_opt_in));
  CHECK(teen("US-CT", kUsnatTeen16, AgeGroup::teen, kAge17).reasons.contains(Reason::teen_never_personalised));
  // Delaware and New Jersey: 16-17 too.
  CHECK(teen("US-DE", kUsdeTeen16, AgeGroup::teen, kAge17).level == AdLevel::personalised);
  CHECK(teen("US-DE", kUsdeTeen13, AgeGroup::teen, kAge14).level == AdLevel::personalised);
  CHECK(teen("US-DE", kUsdeTeen13, AgeGroup::teen, kAge17).reasons.contains(Reason::teen_no_opt_in));
  CHECK(teen("US-NJ", kUsnjTeen16, AgeGroup::teen, kAge17).level == AdLevel::personalised);
  CHECK(teen("US-NJ", kUsnatTeen16, AgeGroup::teen, kAge17).level == AdLevel::personalised);
  // A state whose section carries no teen opt-in: contextual.
  CHECK(teen("US-VA", kUsnatTeen13, AgeGroup::teen, kAge14).reasons.contains(Reason::teen_never_personalised));
  // The opt-in is on top of the adult conditions: GPC still wins.
  AdRequest r;
  r.age = AgeGroup::teen;
  r.jurisdiction = "US-CA";
  r.gpp_string = kUscaTeenOptIn;
  r.gpc = true;
  AdDecision gpc = decide_ads(r);
  CHECK(gpc.level == AdLevel::contextual);
  CHECK(gpc.reasons.contains(Reason::gpc));
}

TEST_CASE("an operator may be stricter with teens somewhere; a birth date under 13 makes a teen profile a child") {  // covers R-AGE-4, R-AGE-1, R-ADS-1
  // No rule treats a teen as an adult: the operator's choices are never, off by default, or the GPP opt-in.
  JurisdictionOverrides o = {{"US-CA", std::nullopt, std::nullopt, TeenAdRule::never, std::nullopt}};
  AdDecision d = teen("US-CA", kUscaTeenOptIn, AgeGroup::teen, kAge14, &o);
  CHECK(d.level == AdLevel::contextual);  // the same string opts in without the override
  CHECK(d.reasons.contains(Reason::teen_never_personalised));
  CHECK(d.age_treatment == AgeTreatment::teen);
  AdDecision child = teen("US-CA", kUscaTeenOptIn, AgeGroup::teen, *parse_date("2015-01-01"));
  CHECK(child.level == AdLevel::contextual);
  CHECK(child.age_band == AgeBand::under_13);
  CHECK(child.age_source == AgeSource::birth_date);
  CHECK(child.age_treatment == AgeTreatment::child);
  CHECK(child.coppa);
  // An adult profile whose birth date says 17: a teen, never silently an adult.
  AdDecision young = teen("DE", nullptr, AgeGroup::adult, kAge17);
  CHECK(young.age_band == AgeBand::from_16_to_17);
  CHECK(young.level == AdLevel::contextual);
}
