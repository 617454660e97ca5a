#include "sha256.hpp"

#include <algorithm>

namespace privacy {
namespace {

constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

// Always inlined: the wasm build is -Oz, which left rotr a call, and those
// calls were a third of intake's and import's time (bench/state profile).
[[gnu::always_inline]] constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

}  // namespace

Sha256::Sha256()
    : h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
         0x5be0cd19} {}

// The compression function, unrolled with a rolling 16-word message
// schedule: the digest trees hash every byte of a household, so this is the
// hot loop.
namespace {
[[gnu::always_inline]] inline std::uint32_t big_endian(const std::uint8_t* p) {
  return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | std::uint32_t(p[3]);
}
}  // namespace

#define PRIVACY_SHA_ROUND(a, b, c, d, e, f, g, h, k, wi)                                       \
  do {                                                                                         \
    std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + k + wi; \
    std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)));    \
    d += t1;                                                                                   \
    h = t1 + t2;                                                                               \
  } while (0)
#define PRIVACY_SHA_SCHEDULE(i)                                                                         \
  (w[(i) & 15] += (rotr(w[((i) + 1) & 15], 7) ^ rotr(w[((i) + 1) & 15], 18) ^ (w[((i) + 1) & 15] >> 3)) + \
                  w[((i) + 9) & 15] +                                                                  \
                  (rotr(w[((i) + 14) & 15], 17) ^ rotr(w[((i) + 14) & 15], 19) ^ (w[((i) + 14) & 15] >> 10)))
#define PRIVACY_SHA_EIGHT(i, W)                                                  \
  PRIVACY_SHA_ROUND(a, b, c, d, e, f, g, h, kRound[(i) + 0], W((i) + 0));          \
  PRIVACY_SHA_ROUND(h, a, b, c, d, e, f, g, kRound[(i) + 1], W((i) + 1));          \
  PRIVACY_SHA_ROUND(g, h, a, b, c, d, e, f, kRound[(i) + 2], W((i) + 2));          \
  PRIVACY_SHA_ROUND(f, g, h, a, b, c, d, e, kRound[(i) + 3], W((i) + 3));          \
  PRIVACY_SHA_ROUND(e, f, g, h, a, b, c, d, kRound[(i) + 4], W((i) + 4));          \
  PRIVACY_SHA_ROUND(d, e, f, g, h, a, b, c, kRound[(i) + 5], W((i) + 5));          \
  PRIVACY_SHA_ROUND(c, d, e, f, g, h, a, b, kRound[(i) + 6], W((i) + 6));          \
  PRIVACY_SHA_ROUND(b, c, d, e, f, g, h, a, kRound[(i) + 7], W((i) + 7))
#define PRIVACY_SHA_LOADED(i) w[(i)]

void Sha256::block(const std::uint8_t* p) {
  std::uint32_t w[16];
  for (int i = 0; i < 16; ++i) w[i] = big_endian(p + 4 * i);
  std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
  PRIVACY_SHA_EIGHT(0, PRIVACY_SHA_LOADED);
  PRIVACY_SHA_EIGHT(8, PRIVACY_SHA_LOADED);
  for (int i = 16; i < 64; i += 16) {
    PRIVACY_SHA_EIGHT(i, PRIVACY_SHA_SCHEDULE);
    PRIVACY_SHA_EIGHT(i + 8, PRIVACY_SHA_SCHEDULE);
  }
  h_[0] += a; h_[1] += b; h_[2] += c; h_[3] += d;
  h_[4] += e; h_[5] += f; h_[6] += g; h_[7] += h;
}
#undef PRIVACY_SHA_ROUND
#undef PRIVACY_SHA_SCHEDULE
#undef PRIVACY_SHA_EIGHT
#undef PRIVACY_SHA_LOADED

void Sha256::update(std::string_view data) {
  length_ += data.size();
  const auto* p = reinterpret_cast<const std::uint8_t*>(data.data());
  std::size_t n = data.size();
  if (buffered_) {
    std::size_t take = std::min(n, 64 - buffered_);
    std::copy(p, p + take, buffer_.data() + buffered_);
    buffered_ += take;
    p += take;
    n -= take;
    if (buffered_ < 64) return;
    block(buffer_.data());
    buffered_ = 0;
  }
  // Whole blocks straight from the input.
  for (; n >= 64; p += 64, n -= 64) block(p);
  std::copy(p, p + n, buffer_.data());
  buffered_ = n;
}

std::array<std::uint8_t, 32> Sha256::finish() {
  std::uint64_t bits = length_ * 8;
  buffer_[buffered_++] = 0x80;
  if (buffered_ > 56) {
    while (buffered_ < 64) buffer_[buffered_++] = 0;
    block(buffer_.data());
    buffered_ = 0;
  }
  while (buffered_ < 56) buffer_[buffered_++] = 0;
  for (int i = 7; i >= 0; --i) buffer_[buffered_++] = static_cast<std::uint8_t>(bits >> (8 * i));
  block(buffer_.data());
  std::array<std::uint8_t, 32> out{};
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<std::uint8_t>(h_[i] >> (24 - 8 * j));
  return out;
}

std::string to_hex(const Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (std::uint8_t byte : digest) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 15]);
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return to_hex(hash.finish());
}

}  // namespace privacy
