#pragma once
// Limits shared by the signal decoders (tcf.hpp, gpp.hpp) and
// the ad decision (ads.hpp).
#include <cstddef>

#include "privacy/errors.hpp"  // invalid_signal, noncompliant_signal, contradictory_signal

namespace privacy {

// The longest TC or GPP string accepted (a TC string with every vendor
// bit-field encoded three times is about 33,000 characters).
inline constexpr std::size_t kMaxSignalBytes = 100000;

}  // namespace privacy
