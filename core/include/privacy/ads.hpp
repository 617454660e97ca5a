#pragma once
// Ad eligibility (RULES.md R-ADS-1..6, R-AGE-1..4, R-SIG-1..4): who is
// watching (a child, a teen, an adult, or unknown age, from the profile, its
// birth date and the age signals), where (the context and the jurisdiction)
// and what the consent signals say (TCF, the GPP sections in force, GPC)
// give the ad level, never a sale, the reasons, and what to pass on in an
// OpenRTB 2.6 bid request.
//
// It fails closed: a malformed, non-compliant or contradictory signal, or
// any error in the request, gives the most protective decision (no ads at
// all, treated as a child) with the error codes among the reasons.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/ages.hpp"
#include "privacy/errors.hpp"
#include "privacy/jurisdiction.hpp"
#include "privacy/signals.hpp"
#include "privacy/words.hpp"

namespace privacy {

enum class AdContext : std::uint8_t { kids_experience, child_directed, mixed_audience, general };
enum class AdLevel : std::uint8_t { none, contextual, personalised };
// What a profile says (child, teen, adult), or nobody known (R-ADS-5).
enum class AgeGroup : std::uint8_t { child, teen, adult, unknown };
// The age treatment passed on: Google Ad Manager's TFAT values (R-AGE-4).
enum class AgeTreatment : std::uint8_t { none = 0, child = 1, teen = 2 };

PRIVACY_WORDS(AdContext, {AdContext::kids_experience, "kids_experience"}, {AdContext::child_directed, "child_directed"},
              {AdContext::mixed_audience, "mixed_audience"}, {AdContext::general, "general"});
PRIVACY_WORDS(AdLevel, {AdLevel::none, "none"}, {AdLevel::contextual, "contextual"},
              {AdLevel::personalised, "personalised"});
PRIVACY_WORDS(AgeTreatment, {AgeTreatment::none, "none"}, {AgeTreatment::child, "child"}, {AgeTreatment::teen, "teen"});
inline std::string_view to_string(AdContext context) { return word(context); }
inline std::string_view to_string(AdLevel level) { return word(level); }
inline std::string_view to_string(AgeTreatment treatment) { return word(treatment); }

// Every reason a decision can give: rule ids, reason words, and the error
// codes of a decision that failed closed. One names table (kReasonNames);
// the compact result carries them as these small integers.
enum class Reason : std::uint8_t {
  r_ads_1, r_ads_2, r_ads_3, r_ads_4, r_ads_5, r_ads_6,
  r_age_1, r_age_2, r_age_3, r_age_4,
  r_sig_1, r_sig_2, r_sig_3, r_sig_4,
  // who is watching
  child_profile, teen_profile, child_age_signal, teen_age_signal, gpp_known_child, unknown_age,
  // where
  kids_experience, child_directed,
  // a teen (R-AGE-4)
  teen_never_personalised, teen_off_by_default, teen_no_opt_in, teen_opt_in,
  // Global Privacy Control (R-SIG-3)
  gpc,
  // the US GPP sections in force (R-SIG-2) and US Privacy
  us_service_provider_mode, us_opted_out, us_notice_not_given, us_no_targeted_advertising,
  us_known_minor_no_consent, us_personal_data_consent, us_not_opted_out,
  usp_opted_out, usp_not_opted_out,
  // TCF (R-ADS-4, R-SIG-1)
  tcf_missing, tcf_vendor_unknown, tcf_publisher_restriction, tcf_vendor_not_disclosed,
  tcf_purpose_consent_missing, tcf_vendor_consent_missing, tcf_consent,
  gpp_section_not_understood, no_signal,
  // why it failed closed
  invalid_signal, noncompliant_signal, contradictory_signal, invalid_input, not_found, internal,
  count
};
inline constexpr std::size_t kReasonCount = static_cast<std::size_t>(Reason::count);
// The words of Reason, in its order.
inline constexpr std::array<std::string_view, kReasonCount> kReasonNames = {
    "R-ADS-1", "R-ADS-2", "R-ADS-3", "R-ADS-4", "R-ADS-5", "R-ADS-6",
    "R-AGE-1", "R-AGE-2", "R-AGE-3", "R-AGE-4",
    "R-SIG-1", "R-SIG-2", "R-SIG-3", "R-SIG-4",
    "child_profile", "teen_profile", "child_age_signal", "teen_age_signal", "gpp_known_child", "unknown_age",
    "kids_experience", "child_directed",
    "teen_never_personalised", "teen_off_by_default", "teen_no_opt_in", "teen_opt_in",
    "gpc",
    "us_service_provider_mode", "us_opted_out", "us_notice_not_given", "us_no_targeted_advertising",
    "us_known_minor_no_consent", "us_personal_data_consent", "us_not_opted_out",
    "usp_opted_out", "usp_not_opted_out",
    "tcf_missing", "tcf_vendor_unknown", "tcf_publisher_restriction", "tcf_vendor_not_disclosed",
    "tcf_purpose_consent_missing", "tcf_vendor_consent_missing", "tcf_consent",
    "gpp_section_not_understood", "no_signal",
    code::invalid_signal, code::noncompliant_signal, code::contradictory_signal, code::invalid_input,
    code::not_found, code::internal};
template <>
struct Words<Reason> {
  static constexpr const char* name = "AdReason";
  static constexpr auto table = [] {
    std::array<std::pair<Reason, std::string_view>, kReasonCount> t{};
    for (std::size_t i = 0; i < kReasonCount; ++i) t[i] = {static_cast<Reason>(i), kReasonNames[i]};
    return t;
  }();
};
inline std::string_view to_string(Reason reason) { return kReasonNames[static_cast<std::size_t>(reason)]; }
constexpr bool is_rule_id(Reason r) { return r <= Reason::r_sig_4; }
// The reason for an error code (internal for a code no decision gives).
Reason reason_for_code(std::string_view error_code);

// A short list of reasons without allocating: rule ids first, then words,
// each once, in the order they were added.
class ReasonList {
 public:
  static constexpr std::size_t kCapacity = 32;
  void add(Reason r);
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  Reason operator[](std::size_t i) const { return items_[i]; }
  const Reason* begin() const { return items_.data(); }
  const Reason* end() const { return items_.data() + count_; }
  bool contains(Reason r) const;

 private:
  std::array<Reason, kCapacity> items_{};
  std::uint8_t count_ = 0;
  std::uint8_t rules_ = 0;  // how many of the first items are rule ids
};

struct AdRequest {
  AgeGroup age = AgeGroup::unknown;          // the profile's kind, or unknown
  std::optional<Instant> birth_date;         // the profile's birth date (UTC midnight)
  std::span<const AgeSignal> age_signals;    // R-AGE-2
  Instant now = 0;                           // for the birth date
  AdContext context = AdContext::general;
  std::optional<std::string_view> jurisdiction;  // ISO 3166 ("DE", "US-CA"); none: unknown
  const JurisdictionOverrides* overrides = nullptr;
  std::optional<std::string_view> tc_string;   // IAB TCF v2.2 / v2.3
  std::optional<std::string_view> gpp_string;  // IAB GPP
  // The sections in force (OpenRTB regs.gpp_sid); none: every section in the string.
  std::optional<std::span<const int>> gpp_sid;
  bool gpc = false;           // Sec-GPC: 1 on this request
  bool gpc_recorded = false;  // GPC already recorded on the known person (R-SIG-3)
  std::optional<int> vendor_id;  // the TCF vendor the ad would go to
};

// What OpenRTB must not carry when regs.coppa = 1, as Prebid Server strips
// it (prebid-server/features/pbs-privacy.md, "COPPA").
enum class StripAction : std::uint8_t { remove, truncate_ipv4_8_bits, truncate_ipv6_to_56_bits };
struct StripField {
  std::string_view field;  // an OpenRTB 2.6 path: "device.ifa"
  StripAction action;
};
extern const std::array<StripField, 23> kCoppaStrip;
PRIVACY_WORDS(StripAction, {StripAction::remove, "remove"}, {StripAction::truncate_ipv4_8_bits, "truncate_ipv4_8_bits"},
              {StripAction::truncate_ipv6_to_56_bits, "truncate_ipv6_to_56_bits"});
inline std::string_view to_string(StripAction action) { return word(action); }

struct AdDecision {
  AdLevel level = AdLevel::none;
  bool sale_allowed = false;  // R-ADS-2: always
  ReasonList reasons;
  // What is passed on (R-SIG-4); never us_privacy.
  bool coppa = true;                  // regs.coppa
  std::optional<bool> gdpr;           // regs.gdpr; none: unknown (left out)
  std::optional<std::string> consent; // user.consent: the TC string, where GDPR may apply
  std::optional<std::string> gpp;     // regs.gpp: the GPP string, passed on as is
  std::vector<int> gpp_sid;           // regs.gpp_sid: the sections in force
  bool gpc_header = false;            // regs.ext.gpc = "1": copied from Sec-GPC only
  AgeTreatment age_treatment = AgeTreatment::child;
  // How it was decided.
  bool gpc_honoured = false;          // a GPC signal applied (R-SIG-3)
  std::optional<AgeBand> age_band;    // none: unknown age
  AgeSource age_source = AgeSource::none;
  std::string jurisdiction;           // the policy row used; empty: unknown
  Errors errors;                      // why it failed closed, with paths
};

AdDecision decide_ads(const AdRequest& request);

// The most protective decision, for a request that could not be read.
AdDecision fail_closed(Errors errors);

// The decision as numbers, for a binding that returns it without JSON (the
// JS side names them from frozen tables built from kReasonNames and the
// enums above). gpp (1: pass the request's gppString as regs.gpp) and
// consent (1: pass its tcString as user.consent) refer to the request.
struct CompactDecision {
  std::uint8_t level = 0;           // AdLevel
  std::uint8_t age_treatment = 0;   // AgeTreatment (= TFAT)
  std::uint8_t coppa = 1;           // regs.coppa
  std::int8_t gdpr = -1;            // regs.gdpr: -1 left out, 0, 1
  std::uint8_t gpc_header = 0;      // regs.ext.gpc "1"
  std::uint8_t gpc_honoured = 0;
  std::uint8_t age_band = 0xFF;     // AgeBand, 0xFF unknown
  std::uint8_t age_source = 0;      // AgeSource
  std::uint8_t gpp = 0;
  std::uint8_t consent = 0;
  std::uint8_t error_count = 0;     // > 0: failed closed (the JSON form has the messages)
  std::uint8_t reason_count = 0;
  std::array<std::uint8_t, ReasonList::kCapacity> reasons{};
  std::uint8_t sid_count = 0;
  std::array<std::uint16_t, 32> gpp_sid{};
};
CompactDecision compact(const AdDecision& decision);

}  // namespace privacy
