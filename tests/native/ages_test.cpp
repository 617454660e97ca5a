// Ages and jurisdictions as pure functions: the four bands and a band from a
// birth date (R-AGE-1), the lowest band any age signal indicates and which
// (R-AGE-2), and the jurisdiction table with its overrides (R-AGE-3).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "privacy/ads.hpp"
#include "privacy/ages.hpp"
#include "privacy/jurisdiction.hpp"

using namespace privacy;

namespace {
Instant day(const char* iso) { return *parse_date(iso); }
}  // namespace

TEST_CASE("four bands, and a band from a birth date at now") {  // covers R-AGE-1
  CHECK(band_of_age(0) == AgeBand::under_13);
  CHECK(band_of_age(12) == AgeBand::under_13);
  CHECK(band_of_age(13) == AgeBand::from_13_to_15);
  CHECK(band_of_age(15) == AgeBand::from_13_to_15);
  CHECK(band_of_age(16) == AgeBand::from_16_to_17);
  CHECK(band_of_age(17) == AgeBand::from_16_to_17);
  CHECK(band_of_age(18) == AgeBand::adult);
  Instant birth = day("2013-06-15");
  CHECK(band_at(birth, day("2026-06-14")) == AgeBand::under_13);
  CHECK(band_at(birth, day("2026-06-15")) == AgeBand::from_13_to_15);  // the 13th birthday, from its midnight
  CHECK(band_at(birth, day("2029-06-15")) == AgeBand::from_16_to_17);
  CHECK(band_at(birth, day("2031-06-14") + kMillisPerDay - 1) == AgeBand::from_16_to_17);
  CHECK(band_at(birth, day("2031-06-15")) == AgeBand::adult);
  // 29 February: the birthday is on 28 February in other years (as for the R-PRO-3 review).
  CHECK(age_in_years(day("2012-02-29"), day("2025-02-27")) == 12);
  CHECK(age_in_years(day("2012-02-29"), day("2025-02-28")) == 13);
  CHECK(age_in_years(day("2026-01-01"), day("2025-12-31")) == -1);
  for (auto b : {AgeBand::under_13, AgeBand::from_13_to_15, AgeBand::from_16_to_17, AgeBand::adult})
    CHECK(age_band_from(to_string(b)) == b);
}

TEST_CASE("ages from a birth date agree with counting birthdays (seeded property)") {  // covers R-AGE-1
  std::mt19937 rng(13);
  for (int n = 0; n < 3000; ++n) {
    Instant birth = day("1950-01-01") + static_cast<Instant>(rng() % 27000) * kMillisPerDay;
    Instant now = birth + static_cast<Instant>(rng() % 36500) * kMillisPerDay + static_cast<Instant>(rng() % kMillisPerDay);
    int years = age_in_years(birth, now);
    CHECK(add_months(birth, years * 12) <= now);
    CHECK(add_months(birth, (years + 1) * 12) > now);
  }
}

TEST_CASE("age signals: the lowest band any source indicates, and which") {  // covers R-AGE-2
  AgeSignal apple{AgeSource::apple, 13, 15, std::nullopt, AppleDeclaration::guardian_declared, std::nullopt};
  AgeSignal play{AgeSource::google_play, 16, 17, std::nullopt, std::nullopt, StoreUserStatus::supervised};
  AgeSignal amazon{AgeSource::amazon, 18, std::nullopt, std::nullopt, std::nullopt, StoreUserStatus::verified};
  AgeSignal self{AgeSource::self_declared, std::nullopt, std::nullopt, AgeBand::adult, std::nullopt, std::nullopt};
  AgeSignal parent{AgeSource::parent_declared, std::nullopt, std::nullopt, AgeBand::under_13, std::nullopt, std::nullopt};
  AgeSignal unknown{AgeSource::google_play, std::nullopt, std::nullopt, std::nullopt, std::nullopt, StoreUserStatus::unknown};
  AgeSignal under{AgeSource::apple, std::nullopt, 12, std::nullopt, std::nullopt, std::nullopt};
  CHECK(band_of(apple) == AgeBand::from_13_to_15);
  CHECK(band_of(play) == AgeBand::from_16_to_17);
  CHECK(band_of(amazon) == AgeBand::adult);
  CHECK(band_of(unknown) == std::nullopt);  // a store that knows nothing says nothing
  CHECK(band_of(under) == AgeBand::under_13);
  AgeSignal verified{AgeSource::google_play, std::nullopt, std::nullopt, std::nullopt, std::nullopt, StoreUserStatus::verified};
  CHECK(band_of(verified) == AgeBand::adult);
  AgeSignal supervised{AgeSource::google_play, std::nullopt, std::nullopt, std::nullopt, std::nullopt, StoreUserStatus::supervised};
  CHECK(band_of(supervised) == AgeBand::under_13);  // a minor's account with no range: it may be a child
  std::vector<AgeSignal> all = {self, amazon, play, apple};
  AgeFinding f = lowest_band(all);
  CHECK(f.band == AgeBand::from_13_to_15);
  CHECK(f.source == AgeSource::apple);
  CHECK(f.index == 3);
  all.push_back(parent);
  CHECK(lowest_band(all).source == AgeSource::parent_declared);
  CHECK_FALSE(lowest_band(std::vector<AgeSignal>{unknown}).band);
  // In a decision: the signal lowers an adult profile to a teen, and the decision says which source.
  AdRequest r;
  r.age = AgeGroup::adult;
  std::vector<AgeSignal> signals = {self, apple};
  r.age_signals = signals;
  AdDecision d = decide_ads(r);
  CHECK(d.age_band == AgeBand::from_13_to_15);
  CHECK(d.age_source == AgeSource::apple);
  CHECK(d.age_treatment == AgeTreatment::teen);
  CHECK(d.reasons.contains(Reason::r_age_2));
  CHECK(d.reasons.contains(Reason::teen_age_signal));
  CHECK(d.level == AdLevel::contextual);
}

TEST_CASE("the lowest band of random signals is the minimum of their bands (seeded property)") {  // covers R-AGE-2
  std::mt19937 rng(2);
  const AgeSource sources[] = {AgeSource::apple, AgeSource::google_play, AgeSource::amazon, AgeSource::self_declared,
                               AgeSource::parent_declared};
  for (int n = 0; n < 2000; ++n) {
    std::vector<AgeSignal> signals(rng() % 6);
    for (auto& s : signals) {
      s.source = sources[rng() % 5];
      if (s.source == AgeSource::self_declared || s.source == AgeSource::parent_declared) {
        s.band = static_cast<AgeBand>(rng() % 4);
      } else {
        if (rng() % 4) s.lower = static_cast<int>(rng() % 30);
        if (rng() % 3) s.upper = s.lower.value_or(0) + static_cast<int>(rng() % 10);
        if (s.source != AgeSource::apple) s.status = static_cast<StoreUserStatus>(rng() % 6);
      }
    }
    AgeFinding f = lowest_band(signals);
    std::optional<AgeBand> want;
    for (const auto& s : signals)
      if (auto b = band_of(s); b && (!want || *b < *want)) want = b;
    CHECK(f.band == want);
    if (f.band) CHECK(band_of(signals[f.index]) == f.band);
  }
}

TEST_CASE("jurisdictions: every EU/EEA state, the UK, the US and its sectioned states have a row with its source") {  // covers R-AGE-3
  const char* eea[] = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
                       "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"};
  for (const char* code : eea) {
    CAPTURE(code);
    JurisdictionPolicy p = policy_for(code);
    CHECK(p.code == code);
    CHECK(p.regime == Regime::eu_eea);
    CHECK(p.consent_age >= 13);
    CHECK(p.consent_age <= 16);
    CHECK(p.teen_13_15 == TeenAdRule::never);
    CHECK_FALSE(p.source.empty());
  }
  CHECK(policy_for("DE").consent_age == 16);
  CHECK(policy_for("FR").consent_age == 15);
  CHECK(policy_for("ES").consent_age == 14);
  CHECK(policy_for("BE").consent_age == 13);
  CHECK(policy_for("GB").regime == Regime::uk);
  CHECK(policy_for("GB").consent_age == 13);
  CHECK(policy_for("US").consent_age == 13);
  for (int id = 8; id <= 27; ++id) {
    auto it = std::find_if(default_jurisdictions().begin(), default_jurisdictions().end(),
                           [&](const JurisdictionPolicy& p) { return p.gpp_section == id; });
    CAPTURE(id);
    REQUIRE(it != default_jurisdictions().end());
    CHECK(it->code.rfind("US-", 0) == 0);
    CHECK(it->consent_age == 13);
  }
  CHECK(policy_for("US-AK").code == "US");  // a state without its own row
  CHECK(policy_for("GB-SCT").code == "GB");
  CHECK(policy_for("JP").code == "*");
  CHECK(policy_for("JP").consent_age == 16);
}

TEST_CASE("jurisdiction codes are ISO 3166, upper case, with a US state or another subdivision") {  // covers R-AGE-3
  for (const char* good : {"DE", "GB", "US", "US-CA", "US-DC", "US-PR", "GB-SCT", "FR-75", "JP"})
    CHECK_MESSAGE(!check_jurisdiction_code(good), good);
  struct Bad {
    const char* code;
    const char* message;
  };
  const Bad bad[] = {{"UK", "the United Kingdom is GB"}, {"EU", "give the member state"}, {"de", "upper case"},
                     {"XX", "ISO 3166-1"},             {"US-ZZ", "not a US state"},      {"US-CAL", "not a US state"},
                     {"DE-", "CC-XXX"},                {"DE_BY", "CC-XXX"},              {"", "ISO 3166-1"}};
  for (const auto& b : bad) {
    CAPTURE(b.code);
    auto e = check_jurisdiction_code(b.code);
    REQUIRE(e);
    CHECK(e->code == code::invalid_input);
    CHECK(e->message.find(b.message) != std::string::npos);
  }
}

TEST_CASE("an operator's overrides change a row, a country and its states without rows, or add a place") {  // covers R-AGE-3, R-AGE-4
  JurisdictionOverrides o = {
      {"US", std::nullopt, 14, std::nullopt, std::nullopt},
      {"US-CA", std::nullopt, std::nullopt, std::nullopt, TeenAdRule::never},
      {"JP", Regime::other, 18, TeenAdRule::never, TeenAdRule::never},
      {"*", std::nullopt, 13, std::nullopt, std::nullopt},
  };
  CHECK(policy_for("US", o).consent_age == 14);
  CHECK(policy_for("US-AK", o).consent_age == 14);      // no row of its own: the country's
  CHECK(policy_for("US-CA", o).consent_age == 13);      // its own row
  CHECK(policy_for("US-CA", o).teen_16_17 == TeenAdRule::never);
  CHECK(policy_for("US-CA", o).source == "the service operator's own setting");  // not a default's source
  CHECK(policy_for("JP", o).consent_age == 18);
  CHECK(policy_for("BR", o).consent_age == 13);
  CHECK(policy_for("DE", o).consent_age == 16);         // untouched
}

TEST_CASE("an operator's overrides never lift the EU/EEA teen rule; each code once") {  // covers R-AGE-4, R-AGE-3
  auto refused = [](JurisdictionOverrides o, const char* path) {
    auto e = check_overrides(o, "overrides");
    REQUIRE(e);
    CHECK(e->code == code::invalid_input);
    CHECK(e->path == path);
  };
  refused({{"DE", std::nullopt, std::nullopt, TeenAdRule::gpp_opt_in, std::nullopt}}, "overrides[0].teenAds13to15");
  refused({{"FR", std::nullopt, std::nullopt, std::nullopt, TeenAdRule::off_by_default}}, "overrides[0].teenAds16to17");
  refused({{"DE-BY", std::nullopt, std::nullopt, TeenAdRule::gpp_opt_in, std::nullopt}}, "overrides[0].teenAds13to15");
  refused({{"IT", Regime::other, std::nullopt, std::nullopt, std::nullopt}}, "overrides[0].regime");
  refused({{"*", Regime::eu_eea, std::nullopt, TeenAdRule::gpp_opt_in, std::nullopt}}, "overrides[0].teenAds13to15");
  refused({{"GB", std::nullopt, 13, std::nullopt, std::nullopt}, {"GB", std::nullopt, 14, std::nullopt, std::nullopt}},
          "overrides[1].code");
  // Stricter, or a consent age of its own, is the operator's to set.
  CHECK_FALSE(check_overrides({{"DE", std::nullopt, 14, TeenAdRule::never, std::nullopt},
                               {"GB", std::nullopt, std::nullopt, TeenAdRule::never, TeenAdRule::never},
                               {"US-CA", std::nullopt, std::nullopt, TeenAdRule::never, std::nullopt},
                               {"JP", Regime::eu_eea, 16, std::nullopt, std::nullopt}},
                              "overrides"));
}
