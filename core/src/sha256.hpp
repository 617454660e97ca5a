#pragma once
// SHA-256 (FIPS 180-4). Written by hand because no packaged implementation
// builds for both targets here: Debian's crypto libraries (OpenSSL, nettle)
// are compiled for the host only, and the WebAssembly toolchain's frozen cache cannot build
// them. Checked against the NIST test vectors in tests/native/audit_test.cpp.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace privacy {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::array<std::uint8_t, 32> finish();

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

using Digest = std::array<std::uint8_t, 32>;

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);
std::string to_hex(const Digest& digest);

}  // namespace privacy
