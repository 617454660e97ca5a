#pragma once
// UTF-8 checks for untrusted text (RFC 3629). What the engine stores or echoes
// crosses to JS and into exported JSON, which must be valid UTF-8: a C++
// caller's json may hold any bytes, and a strict dump() of them throws.
#include <cstddef>
#include <string>
#include <string_view>

namespace privacy::detail {

// The length of the well-formed UTF-8 sequence at `pos`, or 0 when there is
// none (a stray byte, a truncated sequence, an overlong form, a surrogate, or
// a code point past U+10FFFF).
inline std::size_t utf8_sequence(std::string_view s, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(pos);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) { n = 3; lo = 0xA0; }
  else if (c >= 0xE1 && c <= 0xEC) n = 3;
  else if (c == 0xED) { n = 3; hi = 0x9F; }
  else if (c >= 0xEE && c <= 0xEF) n = 3;
  else if (c == 0xF0) { n = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else if (c == 0xF4) { n = 4; hi = 0x8F; }
  else return 0;
  if (pos + n > s.size() || byte(pos + 1) < lo || byte(pos + 1) > hi) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  return n;
}

inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// At most `max_bytes` of `s`, cut on a character boundary, each invalid byte
// shown as '?': untrusted text that is safe to echo in an error.
inline std::string utf8_prefix(std::string_view s, std::size_t max_bytes) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (out.size() + (n ? n : 1) > max_bytes) break;
    if (n) out.append(s.substr(i, n));
    else out.push_back('?');
    i += n ? n : 1;
  }
  return out;
}

}  // namespace privacy::detail
