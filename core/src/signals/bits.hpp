#pragma once
// Bit reading over base64url text (RFC 4648 section 5, no '=' padding),
// shared by the TCF and GPP decoders. Six bits per character, most
// significant first. The first problem found is kept as an `invalid_signal`
// error that names the character position (absolute, in the string the
// caller was given) and the field being read; later reads return 0.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "privacy/signals.hpp"

namespace privacy::detail {

inline constexpr std::array<std::int8_t, 256> kBase64Url = [] {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 26; ++i) {
    t['A' + i] = static_cast<std::int8_t>(i);
    t['a' + i] = static_cast<std::int8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<std::int8_t>(52 + i);
  t['-'] = 62;
  t['_'] = 63;
  return t;
}();

// Concatenates message parts (one out-of-line copy keeps the decoders small).
[[gnu::noinline]] inline std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p.data(), p.size());
  return out;
}
[[gnu::noinline]] inline std::string num(std::uint64_t n) { return std::to_string(n); }

class BitReader {
 public:
  // `base` is the absolute position of text[0]; `error` receives the first problem.
  BitReader(std::string_view text, std::size_t base, std::optional<Error>& error)
      : text_(text), base_(base), error_(error) {
    if (text.empty()) {
      fail("", "is empty");
      return;
    }
    for (std::size_t i = 0; i < text.size(); ++i)
      if (kBase64Url[static_cast<unsigned char>(text[i])] < 0) {
        pos_ = i * 6;
        fail("", "is not a base64url character (A-Z a-z 0-9 - _)");
        return;
      }
    size_ = text.size() * 6;
  }

  bool ok() const { return !error_; }
  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return size_ - pos_; }

  // Reads `bits` (at most 57) as an unsigned integer; past the end: an error.
  [[gnu::noinline]] std::uint64_t read(unsigned bits, const char* field) {
    if (error_) return 0;
    if (bits > size_ - pos_) {
      fail(field, "the string ends before this field");
      return 0;
    }
    std::uint64_t value = 0;
    std::size_t p = pos_;
    unsigned left = bits;
    while (left) {
      unsigned six = static_cast<unsigned>(kBase64Url[static_cast<unsigned char>(text_[p / 6])]);
      unsigned avail = 6 - static_cast<unsigned>(p % 6);
      unsigned take = left < avail ? left : avail;
      value = (value << take) | ((six >> (avail - take)) & ((1u << take) - 1));
      p += take;
      left -= take;
    }
    pos_ = p;
    return value;
  }
  bool flag(const char* field) { return read(1, field) != 0; }

  // The encoder pads with zero bits up to a whole character (and TCF and
  // GPP encoders to 24 or 12 bits): anything else after the last field is
  // refused.
  [[gnu::noinline]] void finish(unsigned max_padding_bits) {
    if (error_) return;
    if (remaining() > max_padding_bits) {
      fail("", join({"unexpected data after the last field (", num(remaining()), " bits left)"}));
      return;
    }
    std::size_t at = pos_;
    if (read(static_cast<unsigned>(remaining()), "padding") != 0) {
      pos_ = at;
      fail("padding", "padding bits after the last field must be zero");
    }
  }

  // Records the problem at the current position (the first one wins).
  void fail(const char* field, const std::string& what) { fail_at(pos_, field, what); }
  [[gnu::noinline]] void fail_at(std::size_t bit, const char* field, const std::string& what) {
    if (error_) return;
    error_ = Error{code::invalid_signal, "",
                   join({"at character ", num(base_ + bit / 6), *field ? " (" : "", field,
                         *field ? "): " : ": ", what})};
  }

 private:
  std::string_view text_;
  std::size_t base_;
  std::optional<Error>& error_;
  std::size_t pos_ = 0;
  std::size_t size_ = 0;
};

}  // namespace privacy::detail
