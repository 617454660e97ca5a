#pragma once
// The engine: one household's state and every command on it, as JSON in and a
// tagged JSON answer out (the same calls natively, in wasm and in tests/vectors):
//   {"command": "setRetention", "actor": "g1", "profileId": "p1", ...}
//   -> {"type": "success", "result": ...}
//   |  {"type": "failure", "errors": [{"code", "path", "message"}]}
// A failed command changes nothing. Nothing throws out of execute().
#include <cstddef>
#include <string>
#include <string_view>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/state.hpp"

namespace privacy {

// Larger inputs are refused before parsing (a bulk intake of 10,000
// recordings is ~2 MB; this leaves room for a large exported household).
// The wasm build sets 64 MiB, which its 2 GB memory parses with room to spare.
#ifndef PRIVACY_MAX_COMMAND_MIB
#define PRIVACY_MAX_COMMAND_MIB 256
#endif
inline constexpr std::size_t kMaxCommandBytes = std::size_t{PRIVACY_MAX_COMMAND_MIB} << 20;
inline constexpr int kMaxJsonDepth = 32;

class Engine {
 public:
  nlohmann::json execute(const nlohmann::json& command);
  std::string execute_json(std::string_view command_text);

  const HouseholdState& state() const { return state_; }

  class Commands;  // the handlers, in engine.cpp

 private:
  void reindex();
  HouseholdState state_;
  std::unordered_map<std::string, std::size_t> profile_index_;
  std::unordered_map<std::string, std::size_t> recording_index_;
  // Each recording's profile, as an index into state_.profiles: sweeps touch
  // every recording, and a vector read beats hashing its profile id.
  std::vector<std::uint32_t> recording_slot_;
  std::unordered_map<std::string, std::size_t> tombstone_index_;
  std::unordered_map<std::string, std::size_t> receipt_index_;
};

nlohmann::json success(nlohmann::json result);
nlohmann::json failure(const Errors& errors);

// Ad eligibility and consent signals (engine_ads.cpp): commands that read the
// household and never change it. decideAds never fails: any error gives the
// most protective decision with the error among its reasons (R-ADS, fail closed).
Result<nlohmann::json> decode_tc_string_command(const HouseholdState& state, const nlohmann::json& command);
Result<nlohmann::json> decode_gpp_command(const HouseholdState& state, const nlohmann::json& command);
Result<nlohmann::json> decide_ads_command(const HouseholdState& state, const nlohmann::json& command);

}  // namespace privacy
