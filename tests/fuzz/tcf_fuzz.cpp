// libFuzzer target: the TC string decoder, and the ad decision on whatever it
// accepts. Never crashes, never reads out of bounds (ASan, UBSan), and holds
// the rules whatever the bytes: a child is never personalised, nothing is sold.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "privacy/ads.hpp"
#include "privacy/signals.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tc = privacy::decode_tc_string(text);
  if (tc) {
    for (const auto* set : {&tc->vendor_consents, &tc->vendor_legitimate_interests}) {
      auto ids = set->ids();
      if (!ids.empty() && ids.back() > set->max_vendor_id) __builtin_trap();
    }
  } else if (tc.errors().empty() || tc.errors().front().message.empty()) {
    __builtin_trap();
  }
  for (auto age : {privacy::AgeGroup::child, privacy::AgeGroup::adult}) {
    privacy::AdRequest request;
    request.age = age;
    request.tc_string = text;
    request.vendor_id = 755;
    auto decision = privacy::decide_ads(request);
    if (decision.sale_allowed) __builtin_trap();                                   // R-ADS-2
    if (age == privacy::AgeGroup::child && decision.level == privacy::AdLevel::personalised)
      __builtin_trap();                                                            // R-ADS-1
    if (!tc && decision.level != privacy::AdLevel::none) __builtin_trap();         // fails closed
  }
  return 0;
}
