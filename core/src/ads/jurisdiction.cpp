// The jurisdiction policy table (R-AGE-3, R-AGE-4) with the source of every
// default. The ages of digital consent are those each EU/EEA state set under
// GDPR Art. 8(1) (16 unless the state chose 13-15), as the national acts
// cited give them; an operator should confirm them with counsel and may
// override any row (jurisdiction.hpp).
#include "privacy/jurisdiction.hpp"

#include <array>


namespace privacy {

namespace {


// ISO 3166-1 alpha-2, the 249 officially assigned codes.
constexpr std::string_view kCountries =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCU"
    "CVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIE"
    "ILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMT"
    "MUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSM"
    "SNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";
// ISO 3166-2:US: the 50 states, DC and the outlying areas.
constexpr std::string_view kUsSubdivisions =
    "AKALARAZCACOCTDEFLGAHIIAIDILINKSKYLAMAMDMEMIMNMOMSMTNCNDNENHNJNMNVNYOHOKORPARISCSDTNTXUTVAVTWAWIWVWY"
    "DCASGUMPPRUMVI";

bool in_pairs(std::string_view list, std::string_view code) {
  for (std::size_t i = 0; i + 1 < list.size(); i += 2)
    if (list[i] == code[0] && list[i + 1] == code[1]) return true;
  return false;
}

JurisdictionPolicy eu(const char* code, int age, std::string_view source) {
  return {code, Regime::eu_eea, age, TeenAdRule::never, TeenAdRule::never, 0, source};
}
JurisdictionPolicy us(const char* code, int section, TeenAdRule t13, TeenAdRule t16, std::string_view source) {
  return {code, Regime::us, 13, t13, t16, section, source};
}

std::vector<JurisdictionPolicy> build() {
  using T = TeenAdRule;
  constexpr auto n = T::never;
  constexpr auto opt = T::gpp_opt_in;
  return {
      {"*", Regime::other, 16, n, n, 0,
       "anywhere not listed: GDPR's default consent age, and no personalised ads to teens (R-AGE-4)"},
      eu("AT", 14, "AT DSG s. 4(4); GDPR Art. 8; DSA Art. 28"),
      eu("BE", 13, "BE Law of 30 July 2018 art. 7; GDPR Art. 8; DSA Art. 28"),
      eu("BG", 14, "BG Personal Data Protection Act art. 25c; GDPR Art. 8; DSA Art. 28"),
      eu("HR", 16, "HR Act on the Implementation of the GDPR art. 19; GDPR Art. 8; DSA Art. 28"),
      eu("CY", 14, "CY Law 125(I)/2018 s. 8; GDPR Art. 8; DSA Art. 28"),
      eu("CZ", 15, "CZ Act 110/2019 s. 7; GDPR Art. 8; DSA Art. 28"),
      eu("DK", 13, "DK Data Protection Act s. 6(2); GDPR Art. 8; DSA Art. 28"),
      eu("EE", 13, "EE Personal Data Protection Act s. 8; GDPR Art. 8; DSA Art. 28"),
      eu("FI", 13, "FI Data Protection Act s. 5; GDPR Art. 8; DSA Art. 28"),
      eu("FR", 15, "FR Loi Informatique et Libertes art. 45; GDPR Art. 8; DSA Art. 28"),
      eu("DE", 16, "DE: no derogation, GDPR Art. 8 default; DSA Art. 28"),
      eu("GR", 15, "GR Law 4624/2019 art. 21; GDPR Art. 8; DSA Art. 28"),
      eu("HU", 16, "HU Infotv. (Act CXII of 2011): GDPR Art. 8 default; DSA Art. 28"),
      eu("IE", 16, "IE Data Protection Act 2018 s. 31; GDPR Art. 8; DSA Art. 28"),
      eu("IT", 14, "IT Privacy Code art. 2-quinquies; GDPR Art. 8; DSA Art. 28"),
      eu("LV", 13, "LV Personal Data Processing Law s. 33; GDPR Art. 8; DSA Art. 28"),
      eu("LT", 14, "LT Law on Legal Protection of Personal Data art. 6; GDPR Art. 8; DSA Art. 28"),
      eu("LU", 16, "LU: no derogation, GDPR Art. 8 default; DSA Art. 28"),
      eu("MT", 13, "MT S.L. 586.11 (Child's Consent regulations); GDPR Art. 8; DSA Art. 28"),
      eu("NL", 16, "NL UAVG art. 5: GDPR Art. 8 default; DSA Art. 28"),
      eu("PL", 16, "PL: no derogation, GDPR Art. 8 default; DSA Art. 28"),
      eu("PT", 13, "PT Law 58/2019 art. 16; GDPR Art. 8; DSA Art. 28"),
      eu("RO", 16, "RO Law 190/2018: no derogation, GDPR Art. 8 default; DSA Art. 28"),
      eu("SK", 16, "SK Act 18/2018 s. 15: GDPR Art. 8 default; DSA Art. 28"),
      eu("SI", 15, "SI ZVOP-2 art. 8; GDPR Art. 8; DSA Art. 28"),
      eu("ES", 14, "ES LOPDGDD art. 7; GDPR Art. 8; DSA Art. 28"),
      eu("SE", 13, "SE Act 2018:218 ch. 2 s. 4; GDPR Art. 8; DSA Art. 28"),
      eu("IS", 13, "IS Act 90/2018 art. 10 (EEA); GDPR Art. 8; teens as in the EU (R-AGE-4)"),
      eu("LI", 16, "LI: no derogation, GDPR Art. 8 default (EEA); teens as in the EU (R-AGE-4)"),
      eu("NO", 13, "NO Personal Data Act s. 5 (EEA); GDPR Art. 8; teens as in the EU (R-AGE-4)"),
      {"GB", Regime::uk, 13, T::off_by_default, T::off_by_default, 0,
       "UK GDPR Art. 8 and DPA 2018 s. 9 (13); Children's Code: profiling off by default"},
      us("US", 0, n, n, "COPPA 16 CFR 312 (under 13: a parent consents); teens: no opt-in the engine can read"),
      us("US-CA", 8, opt, n, "CCPA Cal. Civ. Code 1798.120(c): sale/sharing opt-in under 16 (usca)"),
      us("US-VA", 9, n, n, "VCDPA; usva carries no teen opt-in"),
      us("US-CO", 10, n, n, "CPA; usco carries no teen opt-in"),
      us("US-UT", 11, n, n, "UCPA; usut carries no teen opt-in"),
      us("US-CT", 12, opt, n, "CTDPA s. 42-520(a)(7): targeted-ad consent at 13-15 (usct)"),
      us("US-FL", 13, n, n, "FDBR; usfl carries no teen targeted-ad opt-in"),
      us("US-MT", 14, opt, n, "MCDPA s. 7(2)(d): targeted-ad consent at 13-15 (usmt)"),
      us("US-OR", 15, opt, n, "OCPA s. 5(2)(b): targeted-ad consent at 13-15 (usor)"),
      us("US-TX", 16, n, n, "TDPSA; ustx carries no teen opt-in"),
      us("US-DE", 17, opt, opt, "DPDPA 12D-106(a)(7): targeted-ad consent at 13-17 (usde)"),
      us("US-IA", 18, n, n, "ICDPA; usia carries no teen opt-in"),
      us("US-NE", 19, n, n, "NDPA; usne carries no teen opt-in"),
      us("US-NH", 20, opt, n, "NH 507-H:6(I)(g): targeted-ad consent at 13-15 (usnh)"),
      us("US-NJ", 21, opt, opt, "NJDPA s. 9(a)(7): targeted-ad consent at 13-16 (usnj)"),
      us("US-TN", 22, n, n, "TIPA; ustn carries no teen opt-in"),
      us("US-MN", 23, n, n, "MCDPA; usmn carries no teen opt-in"),
      us("US-MD", 24, n, n, "MODPA 14-4607: no targeted ads to consumers under 18"),
      us("US-IN", 25, n, n, "ICDPA; usin carries no teen opt-in"),
      us("US-KY", 26, n, n, "KCDPA; usky carries no teen opt-in"),
      us("US-RI", 27, n, n, "RIDTPPA; usri carries no teen opt-in"),
  };
}

const JurisdictionPolicy* row(std::string_view code) {
  for (const auto& p : default_jurisdictions())
    if (p.code == code) return &p;
  return nullptr;
}

void apply(JurisdictionPolicy& p, const JurisdictionOverrides& overrides, std::string_view code) {
  for (const auto& o : overrides) {
    if (o.code != code) continue;
    p.code = o.code;
    p.source = "the service operator's own setting";
    if (o.regime) p.regime = *o.regime;
    if (o.consent_age) p.consent_age = *o.consent_age;
    if (o.teen_13_15) p.teen_13_15 = *o.teen_13_15;
    if (o.teen_16_17) p.teen_16_17 = *o.teen_16_17;
  }
}

}  // namespace


std::optional<Error> check_overrides(const JurisdictionOverrides& overrides, std::string_view list) {
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const std::string at = std::string(list) + "[" + std::to_string(i) + "].";
    const std::string& place = overrides[i].code;
    for (std::size_t j = 0; j < i; ++j)
      if (overrides[j].code == place) return Error{code::invalid_input, at + "code", "'" + place + "' is given twice"};
    // An operator may make a place stricter, never lift the EU/EEA rule.
    if (overrides[i].regime && *overrides[i].regime != Regime::eu_eea && policy_for(place).regime == Regime::eu_eea)
      return Error{code::invalid_input, at + "regime", "'" + place + "' is in the EU/EEA: its regime stays eu_eea"};
    JurisdictionPolicy row = policy_for(place, overrides);
    if (row.regime != Regime::eu_eea) continue;
    for (auto [rule, field] : {std::pair{row.teen_13_15, "teenAds13to15"}, std::pair{row.teen_16_17, "teenAds16to17"}})
      if (rule != TeenAdRule::never)
        return Error{code::invalid_input, at + field,
                     "an EU/EEA place gives teens no personalised ads whatever they consent to (DSA Art. 28, "
                     "R-AGE-4): only never"};
  }
  return std::nullopt;
}

const std::vector<JurisdictionPolicy>& default_jurisdictions() {
  static const std::vector<JurisdictionPolicy> table = build();
  return table;
}

std::optional<Error> check_jurisdiction_code(std::string_view code) {
  auto bad = [](std::string message) { return Error{code::invalid_input, "", std::move(message)}; };
  if (code == "UK") return bad("is not an ISO 3166 code: the United Kingdom is GB");
  if (code == "EU") return bad("is not a country: give the member state (DE, FR, ...)");
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (code.size() < 2 || !upper(code[0]) || !upper(code[1]) || !in_pairs(kCountries, code))
    return bad("must be an ISO 3166-1 alpha-2 country code in upper case (DE, GB, US), "
               "optionally with an ISO 3166-2 subdivision (US-CA)");
  if (code.size() == 2) return std::nullopt;
  std::string_view sub = code.substr(3);
  bool alnum = code[2] == '-' && !sub.empty() && sub.size() <= 3;
  for (char c : sub) alnum = alnum && (upper(c) || (c >= '0' && c <= '9'));
  if (!alnum) return bad("a subdivision is written CC-XXX with 1-3 upper-case letters or digits (US-CA)");
  if (code.substr(0, 2) == "US" && (sub.size() != 2 || !in_pairs(kUsSubdivisions, sub)))
    return bad("is not a US state, DC or territory (ISO 3166-2:US)");
  return std::nullopt;
}

JurisdictionPolicy policy_for(std::string_view code, const JurisdictionOverrides& overrides) {
  JurisdictionPolicy p = *row("*");
  apply(p, overrides, "*");
  std::string_view country = code.substr(0, 2);
  if (const auto* c = row(country)) p = *c;
  apply(p, overrides, country);
  if (code.size() > 2) {
    if (const auto* s = row(code)) p = *s;
    apply(p, overrides, code);
  }
  return p;
}

}  // namespace privacy
