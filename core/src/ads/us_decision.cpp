// The US GPP sections in an ad decision (R-SIG-2). Prebid's default logic
// (features/mspa-usnat.md, "USNat Activity Restrictions", syncUser) is the
// reference, applied to every section in force after reading each by its own
// layout rather than Prebid's normalisation to usnat:
//   opted out when MSPA Service Provider Mode is on (MspaServiceProviderMode 1,
//   or MspaMode 2 in usmd, usin, usky, usri), any opt-out is 1, any notice is
//   2, PersonalDataConsents is 2, or a minor's consent slot says no consent
//   (usca's under-16 slots when they are set at all: they cannot tell a child
//   from a teen); GPC is read by the caller.
// Stricter than Prebid, as R-SIG-2 and the issue ask:
//   - a notice of 0 with its opt-out 2 is a contradiction (Prebid suppresses;
//     we fail closed), as is a notice of 1 with its opt-out 0 (the
//     specifications define 0 as "no notice was given or it did not apply"),
//     a processing/sharing notice of 0 ("does not process personal data")
//     with any opt-out 2, and both MSPA modes on;
//   - a targeted-advertising notice of 0 with its opt-out 0 says the business
//     does no targeted advertising: no personalised ad (Prebid would allow it);
//     so does usca's sharing pair, CCPA's word for cross-context ads.
#include "decision_internal.hpp"

#include "../signals/bits.hpp"
#include "../signals/us_sections.hpp"

namespace privacy::detail {

namespace {

using F = UsField;

struct Pair {
  F notice, opt_out;
};
constexpr Pair kPairs[] = {{F::sale_opt_out_notice, F::sale_opt_out},
                           {F::sharing_opt_out_notice, F::sharing_opt_out},
                           {F::targeted_advertising_opt_out_notice, F::targeted_advertising_opt_out}};
constexpr F kNotices[] = {F::sharing_notice, F::processing_notice, F::sale_opt_out_notice,
                          F::sharing_opt_out_notice, F::targeted_advertising_opt_out_notice,
                          F::sensitive_data_processing_opt_out_notice, F::sensitive_data_opt_out_notice,
                          F::sensitive_data_limit_use_notice};
constexpr F kOptOuts[] = {F::sale_opt_out, F::sharing_opt_out, F::targeted_advertising_opt_out};

const char* name(F f) { return kUsFieldNames[static_cast<std::size_t>(f)]; }
std::string digit(std::uint8_t v) { return std::string(1, static_cast<char>('0' + v)); }

const UsLayout& layout_of(const UsSection& s) { return *us_layout(s.id, s.version()); }

// The notice that says whether personal data is processed at all.
F processing_field(const UsSection& s) {
  return s.has(F::processing_notice) ? F::processing_notice : F::sharing_notice;
}

}  // namespace

std::optional<std::string> us_contradiction(const UsSection& s) {
  const char* section = gpp_section_name(s.id);
  if (s[F::mspa_opt_out_option_mode] == 1 && s[F::mspa_service_provider_mode] == 1)
    return join({section, ": Opt-Out Option Mode and Service Provider Mode are both on"});
  for (const Pair& p : kPairs) {
    if (!s.has(p.notice) || !s.has(p.opt_out)) continue;
    std::uint8_t n = s[p.notice], o = s[p.opt_out];
    if ((n == 0 && o == 2) || (n == 1 && o == 0))
      return join({section, ": ", name(p.notice), " is ", digit(n),
                   n == 0 ? " (not applicable)" : " (notice given)", " but ", name(p.opt_out), " is ", digit(o),
                   o == 2 ? " (did not opt out)" : " (no choice recorded)"});
  }
  F processing = processing_field(s);
  if (s.has(processing) && s[processing] == 0)
    for (F o : kOptOuts)
      if (s.has(o) && s[o] == 2)
        return join({section, ": ", name(processing), " is 0 (no personal data is processed) but ", name(o),
                     " is 2 (did not opt out)"});
  return std::nullopt;
}

bool us_known_child(const UsSection& s) {
  const UsLayout& l = layout_of(s);
  return l.child_slot >= 0 && l.child_slot < s.known_child_count && s.known_child[l.child_slot] != 0;
}

void us_reasons(const UsSection& s, bool teen, ReasonList& blockers, ReasonList& allows) {
  const UsLayout& l = layout_of(s);
  ReasonList mine;
  if (s[F::mspa_service_provider_mode] == 1 || s[F::mspa_mode] == 2) mine.add(Reason::us_service_provider_mode);
  for (F o : kOptOuts)
    if (s[o] == 1) mine.add(Reason::us_opted_out);
  for (F n : kNotices)
    if (s[n] == 2) mine.add(Reason::us_notice_not_given);
  // No targeted advertising at all: no processing, or the targeted-advertising
  // (usca: sharing) notice and opt-out both "not applicable".
  F processing = processing_field(s);
  Pair ads = s.has(F::targeted_advertising_opt_out) ? kPairs[2] : kPairs[1];
  if ((s.has(processing) && s[processing] == 0) ||
      (s.has(ads.notice) && s[ads.notice] == 0 && s[ads.opt_out] == 0))
    mine.add(Reason::us_no_targeted_advertising);
  if (s[F::personal_data_consents] == 2) mine.add(Reason::us_personal_data_consent);
  if (!teen)
    for (std::uint8_t i = 0; i < s.known_child_count; ++i) {
      std::uint8_t v = s.known_child[i];
      if (i != l.child_slot && (v == 1 || (l.under_16_slots && v != 0))) mine.add(Reason::us_known_minor_no_consent);
    }
  for (Reason r : mine) blockers.add(r);
  if (mine.empty()) allows.add(Reason::us_not_opted_out);
}

std::uint8_t us_teen_opt_in(const UsSection& s, AgeBand band) {
  const UsLayout& l = layout_of(s);
  int slot = band == AgeBand::from_13_to_15 ? l.teen_13_15_slot : band == AgeBand::from_16_to_17 ? l.teen_16_17_slot : -1;
  if (slot < 0 || slot >= s.known_child_count) return UsSection::kAbsent;
  return s.known_child[slot];
}

}  // namespace privacy::detail
