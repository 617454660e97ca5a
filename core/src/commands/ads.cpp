// Ad eligibility and the signals it reads (R-ADS-1..6): decoding and the
// decision. They read a profile's age at most, and never change anything.
#include "../household/context.hpp"
#include "../signals_json.hpp"

namespace privacy {


Result<nlohmann::json> cmd::DecodeTcString::apply(Ctx&) const {
  auto decoded = decode_tc_string(tc_string);
  if (!decoded) {
    Errors errors = decoded.errors();
    for (auto& e : errors) e.path = "tcString";
    return errors;
  }
  return tc_string_json(*decoded);
}

Result<nlohmann::json> cmd::DecodeGpp::apply(Ctx&) const {
  auto decoded = decode_gpp(gpp_string);
  if (!decoded) {
    Errors errors = decoded.errors();
    for (auto& e : errors) e.path = "gppString";
    return errors;
  }
  return gpp_json(*decoded);
}

// Never a failure: whatever goes wrong gives the most protective decision
// with the errors in it (fail closed).
nlohmann::json cmd::DecideAds::closed(Errors errors) { return ad_decision_json(fail_closed(std::move(errors))); }

Result<nlohmann::json> cmd::DecideAds::apply(Ctx& ctx) const {
  AdRequest request;
  if (context) {
    auto parsed = ad_context_from(*context);
    if (!parsed)
      return closed({{code::invalid_input, "context", "must be one of kids_experience, child_directed, mixed_audience, general"}});
    request.context = *parsed;
  }
  if (profile_id) {
    const Profile& p = *ctx.h.profile(*profile_id);
    // A teen is never treated as an adult here (R-AGE-4).
    request.age = p.kind == ProfileKind::adult ? AgeGroup::adult : AgeGroup::child;
  } else {
    request.age = AgeGroup::unknown;
  }
  if (tc_string) request.tc_string = *tc_string;
  if (gpp_string) request.gpp_string = *gpp_string;
  request.gpc = gpc.value_or(false);
  if (vendor_id) request.vendor_id = *vendor_id;
  return ad_decision_json(decide_ads(request));
}

}  // namespace privacy
