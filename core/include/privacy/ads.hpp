#pragma once
// Ad eligibility (R-ADS-1..6): who is watching (a child, an adult, or unknown
// age), where (the context) and what the consent signals say give the ad
// level, never a sale, the reasons, and what to pass on in an OpenRTB 2.6
// bid request (`regs.coppa`, `regs.gpp`, `regs.gpp_sid`).
//
// It fails closed: a malformed or contradictory signal, or any error in the
// request, gives the most protective decision (no ads at all, treated as a
// child) with the error codes among the reasons.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/errors.hpp"
#include "privacy/signals.hpp"

namespace privacy {

enum class AdContext { kids_experience, child_directed, mixed_audience, general };
enum class AdLevel { none, contextual, personalised };
// A child profile, an adult profile, or nobody known (R-ADS-5).
enum class AgeGroup { child, adult, unknown };

std::string_view to_string(AdContext context);
std::string_view to_string(AdLevel level);
std::optional<AdContext> ad_context_from(std::string_view text);

struct AdRequest {
  AgeGroup age = AgeGroup::unknown;
  AdContext context = AdContext::general;
  std::optional<std::string_view> tc_string;   // IAB TCF v2.2
  std::optional<std::string_view> gpp_string;  // IAB GPP
  bool gpc = false;                            // Sec-GPC: 1 / navigator.globalPrivacyControl
  std::optional<int> vendor_id;                // the TCF vendor the ad would go to
};

// Reason words besides rule ids and error codes (see RULES.md R-ADS-6).
namespace reason {
inline constexpr const char* child_profile = "child_profile";
inline constexpr const char* unknown_age = "unknown_age";
inline constexpr const char* usnat_known_child = "usnat_known_child";
inline constexpr const char* kids_experience = "kids_experience";
inline constexpr const char* child_directed = "child_directed";
inline constexpr const char* gpc = "gpc";
inline constexpr const char* usnat_opted_out = "usnat_opted_out";
inline constexpr const char* usnat_no_opt_out_notice = "usnat_no_opt_out_notice";
inline constexpr const char* usnat_not_opted_out = "usnat_not_opted_out";
inline constexpr const char* usp_opted_out = "usp_opted_out";
inline constexpr const char* usp_not_opted_out = "usp_not_opted_out";
inline constexpr const char* tcf_purpose_consent_missing = "tcf_purpose_consent_missing";
inline constexpr const char* tcf_vendor_unknown = "tcf_vendor_unknown";
inline constexpr const char* tcf_vendor_consent_missing = "tcf_vendor_consent_missing";
inline constexpr const char* tcf_publisher_restriction = "tcf_publisher_restriction";
inline constexpr const char* tcf_consent = "tcf_consent";
inline constexpr const char* gpp_section_not_understood = "gpp_section_not_understood";
inline constexpr const char* no_signal = "no_signal";
}  // namespace reason

struct AdDecision {
  AdLevel level = AdLevel::none;
  bool sale_allowed = false;  // R-ADS-2: always
  // Rule ids first (R-ADS-n), then reason words and error codes; all static strings.
  std::vector<const char*> reasons;
  bool coppa = true;                 // regs.coppa
  std::optional<std::string> gpp;    // regs.gpp: the GPP string, passed on as is
  std::vector<int> gpp_sid;          // regs.gpp_sid
  bool child_treatment = true;       // ageTreatment: 'child'
  Errors errors;                     // why it failed closed, with paths
};

AdDecision decide_ads(const AdRequest& request);

// The most protective decision, for a request that could not be read.
AdDecision fail_closed(Errors errors);

}  // namespace privacy
