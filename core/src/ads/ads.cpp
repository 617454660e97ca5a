// The ad decision (ads.hpp): read every input (failing closed on any error),
// settle who is watching, then decide for a child, a teen or an adult.
#include "privacy/ads.hpp"

#include <algorithm>

#include "decision_internal.hpp"

namespace privacy {

namespace {

[[gnu::noinline]] void add_error(Errors& errors, const char* error_code, const char* path, std::string message) {
  errors.push_back({error_code, path, std::move(message)});
}

// A decoder's error, at the input it came from.
void add_errors(Errors& errors, const Errors& from, const char* path) {
  for (const auto& e : from) errors.push_back({e.code, path, e.message});
}

// The decoded signals in force.
struct Signals {
  std::optional<TcString> tc;
  std::optional<GppString> gpp;
  const TcString* tcf = nullptr;  // from tcString or the GPP tcfeuv2 section
  std::array<const UsSection*, 32> us{};
  std::size_t us_count = 0;
  const UspV1* usp = nullptr;
  bool not_understood = false;  // a section in force this engine does not read
  bool gpc = false;             // a US section's GPC sub-section says 1
};

bool in_force(const AdRequest& r, int id) {
  if (!r.gpp_sid) return true;
  return std::find(r.gpp_sid->begin(), r.gpp_sid->end(), id) != r.gpp_sid->end();
}

void read_signals(const AdRequest& r, Signals& s, Errors& errors) {
  if (r.tc_string) {
    auto tc = decode_tc_string(*r.tc_string);
    if (tc) s.tc = std::move(*tc);
    else add_errors(errors, tc.errors(), "tcString");
  }
  if (r.gpp_string) {
    auto gpp = decode_gpp(*r.gpp_string);
    if (gpp) s.gpp = std::move(*gpp);
    else add_errors(errors, gpp.errors(), "gppString");
  }
  if (r.gpp_sid) {
    if (!r.gpp_string) add_error(errors, code::invalid_input, "gppSid", "is given without a gppString");
    else if (s.gpp)
      for (int id : *r.gpp_sid)
        if (std::find(s.gpp->section_ids.begin(), s.gpp->section_ids.end(), id) == s.gpp->section_ids.end())
          add_error(errors, code::contradictory_signal, "gppSid",
                    "section " + std::to_string(id) + " is not in the GPP string");
  }
  if (!errors.empty()) return;
  s.tcf = s.tc ? &*s.tc : nullptr;
  if (!s.gpp) return;
  for (const auto& section : s.gpp->sections) {
    if (!in_force(r, section.id)) continue;
    if (section.tcfeuv2) {
      if (s.tc && section.text != *r.tc_string)
        add_error(errors, code::contradictory_signal, "gppString", "the GPP string's TCF section differs from tcString");
      s.tcf = &*section.tcfeuv2;
    } else if (section.us) {
      if (auto why = detail::us_contradiction(*section.us)) add_error(errors, code::contradictory_signal, "gppString", *why);
      if (s.us_count < s.us.size()) s.us[s.us_count++] = &*section.us;
      s.gpc = s.gpc || section.us->gpc.value_or(false);
    } else if (section.uspv1) {
      s.usp = &*section.uspv1;
    } else {
      s.not_understood = true;
    }
  }
}

struct Age {
  std::optional<AgeBand> band;
  AgeSource source = AgeSource::none;
};

// The lowest band any source indicates (R-AGE-1, R-AGE-2).
Age settle_age(const AdRequest& r, const Signals& s) {
  Age age;
  auto offer = [&](AgeBand band, AgeSource source) {
    if (!age.band || band < *age.band) age = {band, source};
  };
  if (r.age == AgeGroup::child) offer(AgeBand::under_13, AgeSource::profile);
  // A teen profile says 13-17: its birth date tells the band; without one, the younger band.
  if (r.age == AgeGroup::teen)
    offer(r.birth_date ? AgeBand::from_16_to_17 : AgeBand::from_13_to_15, AgeSource::profile);
  if (r.age == AgeGroup::adult) offer(AgeBand::adult, AgeSource::profile);
  if (r.birth_date) offer(band_at(*r.birth_date, r.now), AgeSource::birth_date);
  AgeFinding found = lowest_band(r.age_signals);
  if (found.band) offer(*found.band, found.source);
  for (std::size_t i = 0; i < s.us_count; ++i)
    if (detail::us_known_child(*s.us[i])) offer(AgeBand::under_13, AgeSource::gpp);
  return age;
}

Reason who(const Age& age, bool teen) {
  if (age.source == AgeSource::gpp) return Reason::gpp_known_child;
  bool signal = age.source != AgeSource::profile && age.source != AgeSource::birth_date;
  if (teen) return signal ? Reason::teen_age_signal : Reason::teen_profile;
  return signal ? Reason::child_age_signal : Reason::child_profile;
}

// TCF for one vendor (R-ADS-4, R-SIG-1): publisher restrictions first, then
// disclosure, purpose consent (legitimate interest never suffices for 3-4)
// and the vendor's consent.
Reason tcf_verdict(const AdRequest& r, const TcString& tc) {
  if (!r.vendor_id) return Reason::tcf_vendor_unknown;
  auto vendor = static_cast<unsigned>(*r.vendor_id);
  for (unsigned purpose : {1u, 3u, 4u}) {
    auto restriction = tc.restriction(purpose, vendor);
    if (restriction && *restriction != RestrictionType::require_consent) return Reason::tcf_publisher_restriction;
  }
  if (tc.vendors_disclosed && !tc.vendors_disclosed->contains(vendor)) return Reason::tcf_vendor_not_disclosed;
  if (!tc.purpose_consent(1) || !tc.purpose_consent(3) || !tc.purpose_consent(4))
    return Reason::tcf_purpose_consent_missing;
  if (!tc.vendor_consents.contains(vendor)) return Reason::tcf_vendor_consent_missing;
  return Reason::tcf_consent;
}

// R-ADS-4: personalised only where every signal in force allows it and one does.
void adult(const AdRequest& r, const Signals& s, const JurisdictionPolicy* policy, bool teen, AdDecision& d) {
  ReasonList blockers, allows;
  if (r.gpc || r.gpc_recorded || s.gpc) blockers.add(Reason::gpc);
  for (std::size_t i = 0; i < s.us_count; ++i) detail::us_reasons(*s.us[i], teen, blockers, allows);
  if (s.usp) (s.usp->opt_out_sale == 'Y' ? blockers : allows).add(s.usp->opt_out_sale == 'Y' ? Reason::usp_opted_out
                                                                                              : Reason::usp_not_opted_out);
  if (s.tcf) {
    Reason tcf = tcf_verdict(r, *s.tcf);
    (tcf == Reason::tcf_consent ? allows : blockers).add(tcf);
  } else if (policy && (policy->regime == Regime::eu_eea || policy->regime == Regime::uk)) {
    blockers.add(Reason::tcf_missing);  // under GDPR only TCF consent allows it
  }
  if (s.not_understood) blockers.add(Reason::gpp_section_not_understood);
  if (allows.empty() && blockers.empty()) blockers.add(Reason::no_signal);  // nothing allows it
  d.level = blockers.empty() ? AdLevel::personalised : AdLevel::contextual;
  d.reasons.add(Reason::r_ads_4);
  if (s.us_count) d.reasons.add(Reason::r_sig_2);
  if (s.tcf) d.reasons.add(Reason::r_sig_1);
  for (Reason why : blockers.empty() ? allows : blockers) d.reasons.add(why);
}

// R-AGE-4: what the jurisdiction lets a teen of `band` have.
void teenager(const AdRequest& r, const Signals& s, const JurisdictionPolicy* policy, AgeBand band, AdDecision& d) {
  d.reasons.add(Reason::r_age_4);
  TeenAdRule rule = !policy ? TeenAdRule::never : band == AgeBand::from_13_to_15 ? policy->teen_13_15 : policy->teen_16_17;
  if (rule == TeenAdRule::never || rule == TeenAdRule::off_by_default) {
    d.level = AdLevel::contextual;
    d.reasons.add(rule == TeenAdRule::never ? Reason::teen_never_personalised : Reason::teen_off_by_default);
    if (r.gpc || r.gpc_recorded || s.gpc) d.reasons.add(Reason::gpc);
    return;
  }
  // gpp_opt_in: the state's own section if in force, else usnat; the first with a slot for the band.
  std::uint8_t opt_in = UsSection::kAbsent;
  for (int id : {policy->gpp_section, 7})
    for (std::size_t i = 0; i < s.us_count && opt_in == UsSection::kAbsent; ++i)
      if (id && s.us[i]->id == id) opt_in = detail::us_teen_opt_in(*s.us[i], band);
  if (opt_in != 2) {
    d.level = AdLevel::contextual;
    d.reasons.add(Reason::teen_no_opt_in);
    if (r.gpc || r.gpc_recorded || s.gpc) d.reasons.add(Reason::gpc);
    return;
  }
  d.reasons.add(Reason::teen_opt_in);
  adult(r, s, policy, true, d);
}

}  // namespace

AdDecision fail_closed(Errors errors) {
  AdDecision d;  // level none, coppa 1, treated as a child
  d.reasons.add(Reason::r_ads_2);
  for (const auto& e : errors) d.reasons.add(reason_for_code(e.code));
  d.errors = std::move(errors);
  return d;
}

AdDecision decide_ads(const AdRequest& r) {
  Errors errors;
  std::optional<JurisdictionPolicy> policy;
  if (r.jurisdiction) {
    if (auto bad = check_jurisdiction_code(*r.jurisdiction)) add_error(errors, code::invalid_input, "jurisdiction", bad->message);
    else policy = policy_for(*r.jurisdiction, r.overrides ? *r.overrides : JurisdictionOverrides{});
  }
  Signals s;
  read_signals(r, s, errors);
  Age age = settle_age(r, s);
  if (r.age == AgeGroup::adult && age.source == AgeSource::gpp)
    add_error(errors, code::contradictory_signal, "gppString",
              "a US GPP section says the user is a known child under 13; the profile is an adult's");
  const bool gpc_any = r.gpc || r.gpc_recorded || s.gpc;
  if (!errors.empty()) {
    AdDecision closed = fail_closed(std::move(errors));
    closed.gpc_header = r.gpc;
    closed.gpc_honoured = gpc_any;
    return closed;
  }

  AdDecision d;
  d.reasons.add(Reason::r_ads_2);  // never a sale
  d.age_band = age.band;
  d.age_source = age.source;
  d.gpc_header = r.gpc;
  d.gpc_honoured = gpc_any;
  if (gpc_any) d.reasons.add(Reason::r_sig_3);
  if (policy) {
    d.jurisdiction = policy->code;
    d.gdpr = policy->regime == Regime::eu_eea || policy->regime == Regime::uk;
  }
  if (r.tc_string && d.gdpr != false) d.consent = std::string(*r.tc_string);
  if (s.gpp) {
    d.gpp = std::string(*r.gpp_string);
    for (int id : s.gpp->section_ids)
      if (in_force(r, id)) d.gpp_sid.push_back(id);
  }
  if (age.source != AgeSource::none && age.source != AgeSource::profile && age.source != AgeSource::gpp)
    d.reasons.add(age.source == AgeSource::birth_date ? Reason::r_age_1 : Reason::r_age_2);

  const bool unknown = !age.band;
  const bool child = age.band == AgeBand::under_13 || (unknown && r.context != AdContext::general);
  const bool teen = age.band && is_teen(*age.band);
  d.coppa = child || r.context == AdContext::kids_experience || r.context == AdContext::child_directed;  // R-ADS-3
  d.age_treatment = child ? AgeTreatment::child : teen ? AgeTreatment::teen : AgeTreatment::none;
  if (child || r.context == AdContext::kids_experience) {
    d.level = AdLevel::contextual;  // R-ADS-1: never personalised
    d.reasons.add(Reason::r_ads_1);
    d.reasons.add(Reason::r_ads_3);
    if (unknown) d.reasons.add(Reason::r_ads_5);
    if (r.context == AdContext::kids_experience) d.reasons.add(Reason::kids_experience);
    if (child) d.reasons.add(unknown ? Reason::unknown_age : who(age, false));
    if (teen) d.reasons.add(who(age, true));
  } else if (r.context == AdContext::child_directed) {
    d.level = AdLevel::contextual;  // a child-directed service treats everyone as a child
    d.reasons.add(Reason::r_ads_3);
    d.reasons.add(Reason::child_directed);
  } else if (teen) {
    d.reasons.add(who(age, true));
    teenager(r, s, policy ? &*policy : nullptr, *age.band, d);
  } else {
    adult(r, s, policy ? &*policy : nullptr, false, d);
  }
  return d;
}

}  // namespace privacy
