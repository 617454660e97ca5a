#pragma once
// Error codes and limits shared by the signal decoders (tcf.hpp, gpp.hpp) and
// the ad decision (ads.hpp).
#include <cstddef>

namespace privacy {

namespace code {
// A consent signal that does not decode (TC string, GPP string).
inline constexpr const char* invalid_signal = "invalid_signal";
// A signal that decodes but breaks its framework's current rules (a TC string
// against TCF v2.3, RULES.md R-SIG-1); the message names the field.
inline constexpr const char* noncompliant_signal = "noncompliant_signal";
// Signals that decode but cannot all be true (e.g. two different TC strings,
// a notice of "not applicable" beside a choice, R-SIG-2).
inline constexpr const char* contradictory_signal = "contradictory_signal";
}  // namespace code

// The longest TC or GPP string accepted (a TC string with every vendor
// bit-field encoded three times is about 33,000 characters).
inline constexpr std::size_t kMaxSignalBytes = 100000;

}  // namespace privacy
