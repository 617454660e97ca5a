#pragma once
// Bit reading over base64url text (RFC 4648 section 5, no '=' padding),
// shared by the TCF and GPP decoders. Six bits per character, most
// significant first. Written by hand because no packaged library reads
// these IAB bit layouts; kept fast because every ad decision runs it
// (issue 10: a 600-character TC string in at most 2 us natively).
//
// The text is first unpacked into 64-bit words (most significant bit first),
// so a field of up to 64 bits is one or two shifts. The first problem found
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

class BitReader {
 public:
  // `base` is the absolute position of text[0]; `error` receives the first problem.
  BitReader(std::string_view text, std::size_t base, std::optional<Error>& error)
      : base_(base), error_(error) {
    if (text.empty()) {
      fail("", "is empty");
      return;
    }
    std::size_t words = (text.size() * 6 + 63) / 64 + 1;  // one spare word: reads never branch on the end
    words_ = words <= kInline ? inline_.data() : (heap_.assign(words, 0), heap_.data());
    for (std::size_t i = 0; i < words; ++i) words_[i] = 0;
    // Six bits at a time into an accumulator, flushed a word at a time.
    std::uint64_t acc = 0;
    unsigned filled = 0;
    std::size_t w = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      int v = kBase64Url[static_cast<unsigned char>(text[i])];
      if (v < 0) {
        pos_ = i * 6;
        fail("", "is not a base64url character (A-Z a-z 0-9 - _)");
        return;
      }
      if (filled + 6 <= 64) {
        acc = (acc << 6) | static_cast<std::uint64_t>(v);
        filled += 6;
        if (filled == 64) {
          words_[w++] = acc;
          acc = 0;
          filled = 0;
        }
      } else {  // the character straddles two words
        unsigned first = 64 - filled;
        words_[w++] = (acc << first) | (static_cast<std::uint64_t>(v) >> (6 - first));
        acc = static_cast<std::uint64_t>(v) & ((1u << (6 - first)) - 1);
        filled = 6 - first;
      }
    }
    if (filled) words_[w] = acc << (64 - filled);
    size_ = text.size() * 6;
  }
  BitReader(const BitReader&) = delete;
  BitReader& operator=(const BitReader&) = delete;

  bool ok() const { return !error_; }
  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return size_ - pos_; }

  // Reads `bits` (at most 64) as an unsigned integer; past the end: an error.
  std::uint64_t read(unsigned bits, const char* field) {
    if (bits > size_ - pos_ || error_) return past_end(field);
    if (bits == 0) return 0;
    std::size_t w = pos_ >> 6;
    unsigned off = static_cast<unsigned>(pos_ & 63);
    std::uint64_t v = words_[w] << off;
    if (off + bits > 64) v |= words_[w + 1] >> (64 - off);
    pos_ += bits;
    return v >> (64 - bits);
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
  static constexpr std::size_t kInline = 64;  // 4096 bits: a 680-character segment without allocating

  [[gnu::noinline]] std::uint64_t past_end(const char* field) {
    if (!error_) fail(field, "the string ends before this field");
    return 0;
  }

  std::array<std::uint64_t, kInline> inline_;
  std::vector<std::uint64_t> heap_;
  std::uint64_t* words_ = inline_.data();
  std::size_t base_;
  std::optional<Error>& error_;
  std::size_t pos_ = 0;
  std::size_t size_ = 0;
};

}  // namespace privacy::detail
