#pragma once
// Jurisdictions (RULES.md R-AGE-3, R-AGE-4; sources S3, S6, S8): an ISO 3166
// code ("DE", "GB", "US", "US-CA") and the policy in force there: which
// regime (GDPR with the DSA, UK GDPR, the US, or elsewhere), the age of
// digital consent, and the ad rule for each teen band. The defaults, with
// their sources, are in core/src/ads/jurisdiction.cpp; an operator may
// override any row or add one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/errors.hpp"
#include "privacy/schema.hpp"
#include "privacy/words.hpp"

namespace privacy {

// eu_eea: GDPR and the DSA; uk: UK GDPR and the Children's Code; us: COPPA
// and the state laws (GPP US sections); other: none of these.
enum class Regime : std::uint8_t { eu_eea, uk, us, other };
PRIVACY_WORDS(Regime, {Regime::eu_eea, "eu_eea"}, {Regime::uk, "uk"}, {Regime::us, "us"}, {Regime::other, "other"});
inline std::string_view to_string(Regime regime) { return word(regime); }

// What a teen may get (R-AGE-4):
//   never          no personalised ads, whatever they consent to (DSA Art. 28);
//   off_by_default contextual unless the operator opts the place in (UK Children's Code);
//   gpp_opt_in     personalised only with the opt-in the state's GPP section (or
//                  usnat) carries for that band, on top of every adult condition;
// No rule treats a teen as an adult (R-ADS-4): an operator can make a place
// stricter or give it the GPP opt-in, never lift it. This engine holds no
// teen's own opt-in, so off_by_default is contextual too.
enum class TeenAdRule : std::uint8_t { never, off_by_default, gpp_opt_in };
PRIVACY_WORDS(TeenAdRule, {TeenAdRule::never, "never"}, {TeenAdRule::off_by_default, "off_by_default"},
              {TeenAdRule::gpp_opt_in, "gpp_opt_in"});
inline std::string_view to_string(TeenAdRule rule) { return word(rule); }

struct JurisdictionPolicy {
  std::string code;  // the row that applied: "US-CA", "US", "DE", or "*" (anywhere else)
  Regime regime = Regime::other;
  int consent_age = 16;  // the age of digital consent (R-AGE-3)
  TeenAdRule teen_13_15 = TeenAdRule::never;
  TeenAdRule teen_16_17 = TeenAdRule::never;
  int gpp_section = 0;  // the place's own GPP section id (8-27), 0 for none
  std::string_view source;  // where the default comes from (empty for an operator's row)
};

// An operator's change to one row; unset fields keep the default.
struct JurisdictionOverride {
  std::string code;
  std::optional<Regime> regime;
  std::optional<int> consent_age;
  std::optional<TeenAdRule> teen_13_15;
  std::optional<TeenAdRule> teen_16_17;
  bool operator==(const JurisdictionOverride&) const = default;
  static constexpr const char* type_name = "JurisdictionOverride";
  template <class V> static void fields(V& v) {
    v("code", &JurisdictionOverride::code, schema::Place{true}, "the row it changes, or * for anywhere else");
    v("regime", &JurisdictionOverride::regime, schema::Choice<Regime>{});
    v("consentAge", &JurisdictionOverride::consent_age, schema::Int{13, 18}, "the age of digital consent (R-AGE-3)");
    v("teenAds13to15", &JurisdictionOverride::teen_13_15, schema::Choice<TeenAdRule>{}, "R-AGE-4");
    v("teenAds16to17", &JurisdictionOverride::teen_16_17, schema::Choice<TeenAdRule>{}, "R-AGE-4");
  }
};
using JurisdictionOverrides = std::vector<JurisdictionOverride>;

// A jurisdiction code: an ISO 3166-1 alpha-2 country ("DE"), or a country and
// an ISO 3166-2 subdivision ("US-CA"; for the US, a state, DC or a
// territory). Upper case. The error says what is wrong (invalid_input).
std::optional<Error> check_jurisdiction_code(std::string_view code);

// The policy for a valid code: the default for anywhere ("*"), then the
// country's row and its override, then the subdivision's own row (if it has
// one) and its override. So an override of "US" changes the US and the
// states without a row of their own.
JurisdictionPolicy policy_for(std::string_view code, const JurisdictionOverrides& overrides = {});

// What every set of overrides keeps, checked by setJurisdictionPolicy and on
// import alike: each code once, and the EU/EEA rule for teens never lifted
// (R-AGE-4, DSA Art. 28). `list` names the field in the error's path.
std::optional<Error> check_overrides(const JurisdictionOverrides& overrides, std::string_view list);

// Every default row, "*" first.
const std::vector<JurisdictionPolicy>& default_jurisdictions();

}  // namespace privacy
