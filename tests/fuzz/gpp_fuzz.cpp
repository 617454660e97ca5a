// libFuzzer target: the GPP decoder (header, tcfeuv2, uspv1, usnat with its
// GPC sub-section), and the ad decision on whatever it accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "privacy/ads.hpp"
#include "privacy/signals.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto gpp = privacy::decode_gpp(text);
  if (gpp) {
    if (gpp->sections.size() != gpp->section_ids.size()) __builtin_trap();
    for (const auto& s : gpp->sections)
      if (s.usnat && s.usnat->sensitive_data_processing.size() != (s.usnat->version == 1 ? 12u : 16u))
        __builtin_trap();
  }
  for (auto age : {privacy::AgeGroup::child, privacy::AgeGroup::unknown}) {
    privacy::AdRequest request;
    request.age = age;
    request.context = privacy::AdContext::mixed_audience;
    request.gpp_string = text;
    auto decision = privacy::decide_ads(request);
    if (decision.sale_allowed || decision.level == privacy::AdLevel::personalised || !decision.coppa)
      __builtin_trap();  // R-ADS-1, R-ADS-2, R-ADS-3, R-ADS-5
    if (!gpp && decision.level != privacy::AdLevel::none) __builtin_trap();
  }
  return 0;
}
