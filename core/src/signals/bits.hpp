#pragma once
// Bit reading over base64url text (RFC 4648 section 5, no '=' padding),
// shared by the TCF and GPP decoders. Six bits per character, most
// significant first. Written by hand because no packaged library reads
// these IAB bit layouts; kept fast because every ad decision runs it
// (issue 10: a 600-character TC string in at most 2 us natively).
//
// The text is first unpacked into bytes (most significant bit first), so a
// field of up to 56 bits is one unaligned load and two shifts. The first problem found
// is kept as an `invalid_signal` error that names the character position
// (absolute, in the string the caller was given) and the field being read;
// later reads return 0.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/errors.hpp"
#include "privacy/signal_codes.hpp"

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

// "at character N (Field): what", the form of every signal error message.
[[gnu::noinline]] inline Error signal_error(const char* error_code, std::size_t character, const char* field,
                                            const std::string& what) {
  return Error{error_code, "",
               join({"at character ", num(character), *field ? " (" : "", field, *field ? "): " : ": ", what})};
}

// The 64 bits of `x` in reverse order (the IAB bit fields put id 1 first).
inline std::uint64_t reverse_bits(std::uint64_t x) {
#if defined(__has_builtin)
#if __has_builtin(__builtin_bitreverse64)
  return __builtin_bitreverse64(x);
#define PRIVACY_HAVE_BITREVERSE 1
#endif
#endif
#ifndef PRIVACY_HAVE_BITREVERSE
  x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
  x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
  x = ((x >> 4) & 0x0F0F0F0F0F0F0F0Full) | ((x & 0x0F0F0F0F0F0F0F0Full) << 4);
  return __builtin_bswap64(x);
#endif
}

// An n-bit field (n <= 64) whose first bit is id 1 -> bit (id - 1).
inline std::uint64_t id_bits(std::uint64_t msb_first, unsigned n) {
  return n == 0 ? 0 : reverse_bits(msb_first << (64 - n));
}

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "BitReader::read loads little-endian words");

class BitReader {
 public:
  // `base` is the absolute position of text[0]; `error` receives the first problem.
  BitReader(std::string_view text, std::size_t base, std::optional<Error>& error)
      : base_(base), error_(error) {
    if (text.empty()) {
      fail("", "is empty");
      return;
    }
    // Four characters (24 bits) to three bytes, big-endian; eight spare zero
    // bytes so that a read never branches on the end.
    std::size_t bytes = (text.size() + 3) / 4 * 3 + 8;
    bytes_ = bytes <= kInline ? inline_.data() : (heap_.assign(bytes, 0), heap_.data());
    const auto* in = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t n = text.size(), i = 0, o = 0;
    int bad = 0;
    for (; i + 4 <= n; i += 4, o += 3) {
      int a = kBase64Url[in[i]], b = kBase64Url[in[i + 1]], c = kBase64Url[in[i + 2]], d = kBase64Url[in[i + 3]];
      bad |= a | b | c | d;  // -1 marks a character outside the alphabet
      auto v = static_cast<std::uint32_t>((a << 18) | (b << 12) | (c << 6) | d);
      bytes_[o] = static_cast<std::uint8_t>(v >> 16);
      bytes_[o + 1] = static_cast<std::uint8_t>(v >> 8);
      bytes_[o + 2] = static_cast<std::uint8_t>(v);
    }
    std::uint32_t tail = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      int v = i + k < n ? kBase64Url[in[i + k]] : 0;
      bad |= v;
      tail = (tail << 6) | static_cast<std::uint32_t>(v & 63);
    }
    for (std::size_t k = 0; k < 3 + 8; ++k)
      bytes_[o + k] = k < 3 ? static_cast<std::uint8_t>(tail >> (16 - 8 * k)) : 0;
    if (bad < 0) {
      for (std::size_t k = 0; k < n; ++k)
        if (kBase64Url[in[k]] < 0) {
          pos_ = k * 6;
          break;
        }
      fail("", "is not a base64url character (A-Z a-z 0-9 - _)");
      return;
    }
    size_ = n * 6;
  }
  BitReader(const BitReader&) = delete;
  BitReader& operator=(const BitReader&) = delete;

  bool ok() const { return !error_; }
  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return size_ - pos_; }

  // Reads `bits` (at most 64) as an unsigned integer; past the end: an error.
  std::uint64_t read(unsigned bits, const char* field) {
    if (bits > size_ - pos_ || error_) return past_end(field);
    if (bits > 56) {  // one load holds at least 57 bits: split the rest
      std::uint64_t high = read(32, field);
      return (high << (bits - 32)) | read(bits - 32, field);
    }
    if (bits == 0) return 0;
    std::uint64_t w;
    __builtin_memcpy(&w, bytes_ + (pos_ >> 3), 8);
    w = __builtin_bswap64(w) << (pos_ & 7);
    pos_ += bits;
    return w >> (64 - bits);
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
    fail_with(code::invalid_signal, bit, field, what);
  }
  // A field that decodes but breaks the framework's rules (noncompliant_signal).
  [[gnu::noinline]] void fail_with(const char* error_code, std::size_t bit, const char* field,
                                   const std::string& what) {
    if (!error_) error_ = signal_error(error_code, base_ + bit / 6, field, what);
  }

 private:
  static constexpr std::size_t kInline = 1032;  // a 1360-character segment without allocating

  [[gnu::noinline]] std::uint64_t past_end(const char* field) {
    if (!error_) fail(field, "the string ends before this field");
    return 0;
  }

  std::array<std::uint8_t, kInline> inline_;
  std::vector<std::uint8_t> heap_;
  std::uint8_t* bytes_ = inline_.data();
  std::size_t base_;
  std::optional<Error>& error_;
  std::size_t pos_ = 0;
  std::size_t size_ = 0;
};

}  // namespace privacy::detail
