#include "privacy/ads.hpp"

#include <algorithm>
#include <array>

namespace privacy {

namespace {

constexpr std::array<std::string_view, 4> kContexts = {"kids_experience", "child_directed",
                                                       "mixed_audience", "general"};
constexpr std::array<std::string_view, 3> kLevels = {"none", "contextual", "personalised"};

// Error codes as the static strings a decision's reasons hold.
const char* static_code(const std::string& error_code) {
  for (const char* c : {code::invalid_signal, code::contradictory_signal, code::invalid_input,
                        code::not_found})
    if (error_code == c) return c;
  return code::internal;
}

[[gnu::noinline]] void add_error(Errors& errors, const char* error_code, const char* path, std::string message) {
  errors.push_back({error_code, path, std::move(message)});
}

void add(std::vector<const char*>& list, const char* item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// The signals an adult's decision reads (R-ADS-4), after decoding.
struct Signals {
  std::optional<TcString> tc;
  std::optional<GppString> gpp;
  const TcString* tcf = nullptr;  // from tcString or the GPP tcfeuv2 section
  const UsNat* usnat = nullptr;
  const UspV1* usp = nullptr;
  bool not_understood = false;    // a GPP section this engine does not read
};

Errors read_signals(const AdRequest& r, Signals& s) {
  Errors errors;
  if (r.tc_string) {
    auto tc = decode_tc_string(*r.tc_string);
    if (tc) s.tc = std::move(*tc);
    else for (const auto& e : tc.errors()) add_error(errors, static_code(e.code), "tcString", e.message);
  }
  if (r.gpp_string) {
    auto gpp = decode_gpp(*r.gpp_string);
    if (gpp) s.gpp = std::move(*gpp);
    else for (const auto& e : gpp.errors()) add_error(errors, static_code(e.code), "gppString", e.message);
  }
  if (!errors.empty()) return errors;
  s.tcf = s.tc ? &*s.tc : nullptr;
  if (s.gpp)
    for (const auto& section : s.gpp->sections) {
      if (section.tcfeuv2) {
        if (s.tc && section.text != *r.tc_string)
          add_error(errors, code::contradictory_signal, "gppString",
                    "the GPP string's TCF section differs from tcString");
        s.tcf = &*section.tcfeuv2;
      } else if (section.usnat) {
        s.usnat = &*section.usnat;
      } else if (section.uspv1) {
        s.usp = &*section.uspv1;
      } else {
        s.not_understood = true;
      }
    }
  if (s.usnat && (*s.usnat)[UsNat::mspa_opt_out_option_mode] == 1 &&
      (*s.usnat)[UsNat::mspa_service_provider_mode] == 1)
    add_error(errors, code::contradictory_signal, "gppString",
              "usnat: Opt-Out Option Mode and Service Provider Mode are both on");
  return errors;
}

// R-ADS-4 for an adult (or nobody known, in a general-audience context).
void adult(const AdRequest& r, const Signals& s, AdDecision& d) {
  std::vector<const char*> blockers, allows;
  if (r.gpc || (s.usnat && s.usnat->gpc.value_or(false))) blockers.push_back(reason::gpc);
  if (s.usnat) {
    const UsNat& u = *s.usnat;
    if (u[UsNat::sale_opt_out] == 1 || u[UsNat::sharing_opt_out] == 1 ||
        u[UsNat::targeted_advertising_opt_out] == 1)
      blockers.push_back(reason::usnat_opted_out);
    else if (u[UsNat::targeted_advertising_opt_out_notice] == 2)
      blockers.push_back(reason::usnat_no_opt_out_notice);
    else
      allows.push_back(reason::usnat_not_opted_out);
  }
  if (s.usp) {
    if (s.usp->opt_out_sale == 'Y') blockers.push_back(reason::usp_opted_out);
    else allows.push_back(reason::usp_not_opted_out);
  }
  if (s.tcf) {
    const TcString& tc = *s.tcf;
    const char* block = nullptr;
    if (!tc.purpose_consent(1) || !tc.purpose_consent(3) || !tc.purpose_consent(4)) {
      block = reason::tcf_purpose_consent_missing;  // legitimate interest never suffices
    } else if (!r.vendor_id) {
      block = reason::tcf_vendor_unknown;
    } else if (!tc.vendor_consents.contains(static_cast<unsigned>(*r.vendor_id))) {
      block = reason::tcf_vendor_consent_missing;
    } else {
      for (unsigned purpose : {1u, 3u, 4u}) {
        auto restriction = tc.restriction(purpose, static_cast<unsigned>(*r.vendor_id));
        if (restriction && *restriction != RestrictionType::require_consent)
          block = reason::tcf_publisher_restriction;
      }
    }
    if (block) blockers.push_back(block);
    else allows.push_back(reason::tcf_consent);
  }
  if (s.not_understood) blockers.push_back(reason::gpp_section_not_understood);
  if (allows.empty() && blockers.empty()) blockers.push_back(reason::no_signal);  // nothing allows it
  d.child_treatment = false;
  d.level = blockers.empty() ? AdLevel::personalised : AdLevel::contextual;
  add(d.reasons, "R-ADS-4");
  for (const char* why : blockers.empty() ? allows : blockers) add(d.reasons, why);
}

}  // namespace

std::string_view to_string(AdContext context) { return kContexts[static_cast<std::size_t>(context)]; }
std::string_view to_string(AdLevel level) { return kLevels[static_cast<std::size_t>(level)]; }

std::optional<AdContext> ad_context_from(std::string_view text) {
  for (std::size_t i = 0; i < kContexts.size(); ++i)
    if (kContexts[i] == text) return static_cast<AdContext>(i);
  return std::nullopt;
}

AdDecision fail_closed(Errors errors) {
  AdDecision d;  // level none, coppa 1, treated as a child
  d.reasons = {"R-ADS-2"};
  for (const auto& e : errors) add(d.reasons, static_code(e.code));
  d.errors = std::move(errors);
  return d;
}

AdDecision decide_ads(const AdRequest& r) {
  Signals s;
  Errors errors = read_signals(r, s);
  const bool known_child = s.usnat && s.usnat->known_child_sensitive_data_consents[1] != 0;
  if (known_child && r.age == AgeGroup::adult)
    add_error(errors, code::contradictory_signal, "gppString",
              "usnat says the user is a known child under 13; the profile is an adult's");
  if (!errors.empty()) return fail_closed(std::move(errors));

  AdDecision d;
  d.reasons = {"R-ADS-2"};  // never a sale
  const bool child_context = r.context == AdContext::kids_experience || r.context == AdContext::child_directed;
  const bool child = r.age == AgeGroup::child ||
                     (r.age == AgeGroup::unknown && (r.context != AdContext::general || known_child));
  d.coppa = child || child_context;  // R-ADS-3
  if (s.gpp) {
    d.gpp = std::string(*r.gpp_string);
    d.gpp_sid = s.gpp->section_ids;
  }
  if (child || r.context == AdContext::kids_experience) {
    d.level = AdLevel::contextual;  // R-ADS-1: never personalised
    d.child_treatment = child;
    add(d.reasons, "R-ADS-1");
    add(d.reasons, "R-ADS-3");
    if (r.age == AgeGroup::unknown) add(d.reasons, "R-ADS-5");
    if (r.context == AdContext::kids_experience) add(d.reasons, reason::kids_experience);
    if (r.age == AgeGroup::child) add(d.reasons, reason::child_profile);
    if (r.age == AgeGroup::unknown) add(d.reasons, known_child ? reason::usnat_known_child : reason::unknown_age);
  } else if (r.context == AdContext::child_directed) {
    d.level = AdLevel::contextual;  // a child-directed service treats everyone as a child
    d.child_treatment = false;
    add(d.reasons, "R-ADS-3");
    add(d.reasons, reason::child_directed);
  } else {
    adult(r, s, d);
  }
  return d;
}

}  // namespace privacy
