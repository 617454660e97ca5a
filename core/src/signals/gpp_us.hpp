#pragma once
// Decoding one US GPP section (usnat and the state sections, ids 7-27) by its
// layout in us_sections.cpp.
#include <cstddef>
#include <optional>
#include <string_view>

#include "privacy/gpp.hpp"

namespace privacy::detail {

// GPP encoders pad to a whole character (the IAB's own to a byte first).
inline constexpr unsigned kGppPadding = 11;

// `text` is the section; `base` its position in the GPP string. The first
// problem goes to `error` (invalid_signal, naming the field and character).
void decode_us_section(std::string_view text, std::size_t base, int id, UsSection& out,
                       std::optional<Error>& error);

}  // namespace privacy::detail
