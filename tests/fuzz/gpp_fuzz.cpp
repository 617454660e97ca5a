// libFuzzer target: the GPP decoder (header, tcfeuv2, uspv1, usnat and the
// twenty US state sections with their sub-sections), and the ad decision on
// whatever it accepts. A child or an unknown viewer where children are
// expected is never personalised, nothing is sold, regs.coppa holds, GPC in
// the string is never passed on as the header's, and a failed decode fails
// closed.
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
    for (const auto& s : gpp->sections) {
      if (s.us && (s.us->id != s.id || !privacy::is_us_section(s.id))) __builtin_trap();
      if (s.us && s.id == 7 && s.us->sensitive_count != (s.us->version() == 1 ? 12u : 16u)) __builtin_trap();
      if (s.us)
        for (std::size_t f = 0; f < privacy::kUsFieldCount; ++f)
          if (s.us->fields[f] != privacy::UsSection::kAbsent && s.us->fields[f] > 2 &&
              f != static_cast<std::size_t>(privacy::UsField::version) &&
              f != static_cast<std::size_t>(privacy::UsField::mspa_version))
            __builtin_trap();
    }
  }
  for (auto age : {privacy::AgeGroup::child, privacy::AgeGroup::unknown, privacy::AgeGroup::teen}) {
    privacy::AdRequest request;
    request.age = age;
    request.context = privacy::AdContext::mixed_audience;
    request.jurisdiction = "US-CA";
    request.gpp_string = text;
    auto decision = privacy::decide_ads(request);
    if (decision.sale_allowed || decision.gpc_header) __builtin_trap();  // R-ADS-2, R-SIG-4
    if (age != privacy::AgeGroup::teen && (decision.level == privacy::AdLevel::personalised || !decision.coppa))
      __builtin_trap();  // R-ADS-1, R-ADS-3, R-ADS-5
    if (!gpp && decision.level != privacy::AdLevel::none) __builtin_trap();
  }
  return 0;
}
