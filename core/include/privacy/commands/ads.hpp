#pragma once
// Command specs: ad eligibility and the consent signals it reads (R-ADS-1..6,
// R-SIG). They read the household (a profile's age) but never change it.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "privacy/access.hpp"

namespace privacy {
struct Ctx;
}  // namespace privacy

namespace privacy::cmd {

enum class UnknownAge { unknown };

struct DecodeTcString {
  static constexpr CommandInfo info{
      .name = "decodeTcString",
      .summary = "Decodes an IAB TCF TC string strictly, field by field, or says where it is malformed.",
      .subject = Subject::none,
      .needs_household = false,
      .needs_now = false};
  std::string tc_string;
  using Output = nlohmann::json;
  Result<Output> apply(Ctx& ctx) const;
  static nlohmann::json output_schema();
  template <class V> static void fields(V& v);
};

struct DecodeGpp {
  static constexpr CommandInfo info{
      .name = "decodeGpp",
      .summary = "Decodes an IAB GPP string strictly, every section it names, or says where it is malformed.",
      .subject = Subject::none,
      .needs_household = false,
      .needs_now = false};
  std::string gpp_string;
  using Output = nlohmann::json;
  Result<Output> apply(Ctx& ctx) const;
  static nlohmann::json output_schema();
  template <class V> static void fields(V& v);
};

struct DecideAds {
  static constexpr CommandInfo info{
      .name = "decideAds",
      .summary = "Which ads a person may see and what to pass on; never a sale, never personalised for a child; fails closed (R-ADS-1..6).",
      .subject = Subject::optional_profile,
      .access = access::ads,
      .needs_household = false,
      .needs_now = false};
  std::optional<std::string> profile_id;
  std::optional<UnknownAge> age;
  std::optional<std::string> context;
  std::optional<std::string> tc_string;
  std::optional<std::string> gpp_string;
  std::optional<bool> gpc;
  std::optional<int> vendor_id;
  using Output = nlohmann::json;
  Result<Output> apply(Ctx& ctx) const;
  // Any problem, in the input or the signals, gives the most protective decision.
  static Output closed(Errors errors);
  static nlohmann::json output_schema();
  template <class V> static void fields(V& v);
};

}  // namespace privacy::cmd

namespace privacy {
template <>
struct Words<cmd::UnknownAge> {
  static constexpr const char* name = "UnknownAge";
  static constexpr auto table = std::to_array<std::pair<cmd::UnknownAge, std::string_view>>({{cmd::UnknownAge::unknown, "unknown"}});
};
}  // namespace privacy

namespace privacy::cmd {
inline constexpr std::size_t kMaxSignalText = 100000;
template <class V> void DecodeTcString::fields(V& v) {
  v("tcString", &DecodeTcString::tc_string, schema::Text{kMaxSignalText});
}
template <class V> void DecodeGpp::fields(V& v) {
  v("gppString", &DecodeGpp::gpp_string, schema::Text{kMaxSignalText});
}
template <class V> void DecideAds::fields(V& v) {
  v("profileId", &DecideAds::profile_id, schema::Id{}, "whose ad it is");
  v("age", &DecideAds::age, schema::Choice<UnknownAge>{}, "for nobody known");
  v("context", &DecideAds::context, schema::Text{64}, "kids_experience, child_directed, mixed_audience, general");
  v("tcString", &DecideAds::tc_string, schema::Text{kMaxSignalText});
  v("gppString", &DecideAds::gpp_string, schema::Text{kMaxSignalText});
  v("gpc", &DecideAds::gpc, schema::Bool{}, "Sec-GPC: 1 or navigator.globalPrivacyControl");
  v("vendorId", &DecideAds::vendor_id, schema::Int{1, 65535}, "the TCF vendor the ad would go to");
  v.one_of({"profileId", "age"});
}
}  // namespace privacy::cmd
