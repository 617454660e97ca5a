// libFuzzer target: the TC string decoder (TCF v2.3 rules included), and the
// ad decision on whatever it accepts, for every age group and in an EU, a UK
// and a US jurisdiction. Never crashes, never reads out of bounds (ASan,
// UBSan), and holds the rules whatever the bytes: a child is never
// personalised, nothing is sold, a teen in the EU is never personalised, and
// an accepted string keeps the v2.3 rules.
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
    if (tc->policy_version < 4 || !tc->is_service_specific) __builtin_trap();        // R-SIG-1
    if (tc->purpose_legitimate_interests & 0b111101u) __builtin_trap();              // R-SIG-1
    if (tc->is_v23() && !tc->vendors_disclosed) __builtin_trap();                    // R-SIG-1
  } else if (tc.errors().empty() || tc.errors().front().message.empty()) {
    __builtin_trap();
  }
  for (auto age : {privacy::AgeGroup::child, privacy::AgeGroup::teen, privacy::AgeGroup::adult}) {
    for (const char* place : {"DE", "GB", "US-CA"}) {
      privacy::AdRequest request;
      request.age = age;
      request.jurisdiction = place;
      request.tc_string = text;
      request.vendor_id = 755;
      auto decision = privacy::decide_ads(request);
      if (decision.sale_allowed) __builtin_trap();                                   // R-ADS-2
      if (age != privacy::AgeGroup::adult && place[0] != 'U' &&
          decision.level == privacy::AdLevel::personalised)
        __builtin_trap();                                                            // R-ADS-1, R-AGE-4
      if (!tc && decision.level != privacy::AdLevel::none) __builtin_trap();         // fails closed
      if (decision.reasons.empty()) __builtin_trap();                                // R-ADS-6
    }
  }
  return 0;
}
