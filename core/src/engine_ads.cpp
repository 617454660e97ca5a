// The ad-eligibility and signal commands (decodeTcString, decodeGpp,
// decideAds): they read the household but never change it.
#include <string>

#include "ads/ads_json.hpp"
#include "json_reader.hpp"
#include "signals/signals_json.hpp"
#include "privacy/ads.hpp"
#include "privacy/engine.hpp"
#include "privacy/signals.hpp"

namespace privacy {

using nlohmann::json;
using detail::Reader;

namespace {

// A decoder's answer as JSON: the decoded fields, or its errors.
template <class Decoded>
Result<json> as_json(const Result<Decoded>& decoded) {
  if (!decoded) return decoded.errors();
  return to_json(*decoded);
}

Result<json> tc_json(std::string_view text) { return as_json(decode_tc_string(text)); }
Result<json> gpp_json(std::string_view text) { return as_json(decode_gpp(text)); }

// A signal string command: {tcString} or {gppString}, decoded or refused.
Result<json> decode_command(const json& c, const char* key, Result<json> (*decode)(std::string_view)) {
  Errors errors;
  Reader in(c, "", errors);
  if (!in.object({"command", key})) return errors;
  auto text = in.text(key, kMaxSignalBytes);
  if (!text) return errors;
  auto decoded = decode(*text);
  if (decoded) return decoded;
  for (const auto& e : decoded.errors()) errors.push_back({e.code, key, e.message});
  return errors;
}

}  // namespace

Result<json> decode_tc_string_command(const HouseholdState&, const json& command) {
  return decode_command(command, "tcString", &tc_json);
}

Result<json> decode_gpp_command(const HouseholdState&, const json& command) {
  return decode_command(command, "gppString", &gpp_json);
}

// Never a failure: whatever goes wrong gives the most protective decision
// with the errors in it (fail closed).
Result<json> decide_ads_command(const HouseholdState& state, const json& command) {
  Errors errors;
  Reader in(command, "", errors);
  AdRequest request;
  std::optional<std::string> tc, gpp;
  if (in.object({"command", "profileId", "age", "context", "tcString", "gppString", "gpc", "vendorId"})) {
    if (auto context = in.choice("context", ad_context_from,
                                 "kids_experience, child_directed, mixed_audience, general"))
      request.context = *context;
    auto profile_id = in.id("profileId", false);
    const json* age = in.find("age");
    if (profile_id && age) {
      in.fail(code::invalid_input, "age", "give profileId or age, not both");
    } else if (profile_id) {
      const Profile* found = nullptr;
      for (const auto& p : state.profiles)
        if (p.id == *profile_id) found = &p;
      if (!found) in.fail(code::not_found, "profileId", "is not a profile of this household");
      else request.age = found->kind == ProfileKind::child ? AgeGroup::child : AgeGroup::adult;
    } else if (age) {
      if (!age->is_string() || *age != "unknown")
        in.fail(code::invalid_input, "age", "must be 'unknown' (or give profileId)");
    } else {
      in.fail(code::invalid_input, "profileId", "is required: whose ad this is (or age: 'unknown')");
    }
    tc = in.text("tcString", kMaxSignalBytes, false);
    gpp = in.text("gppString", kMaxSignalBytes, false);
    request.gpc = in.boolean("gpc", false).value_or(false);
    if (auto vendor = in.integer("vendorId", 1, 65535, false)) request.vendor_id = static_cast<int>(*vendor);
  }
  if (!errors.empty()) return to_json(fail_closed(std::move(errors)));
  if (tc) request.tc_string = *tc;
  if (gpp) request.gpp_string = *gpp;
  return to_json(decide_ads(request));
}

}  // namespace privacy
