#pragma once
// The JSON facade over the Household (the same calls natively, in wasm and in
// tests/vectors):
//   {"command": "setRetention", "actor": "g1", "now": ..., "profileId": "p1", ...}
//   -> {"type": "success", "result": ..., "effects": {"changed": true, "deletedRecordingIds": [...]}}
//   |  {"type": "failure", "errors": [{"code", "path", "message"}]}
// A failed command changes nothing. Nothing throws out of execute_json().
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "privacy/household.hpp"

namespace privacy {

// The longest command text; an import's state may be longer (see below).
#ifndef PRIVACY_MAX_COMMAND_MIB
#define PRIVACY_MAX_COMMAND_MIB 64
#endif
inline constexpr std::size_t kMaxCommandBytes = std::size_t{PRIVACY_MAX_COMMAND_MIB} << 20;
// An exported state read by importState: a million recordings are ~250 MB.
#ifndef PRIVACY_MAX_STATE_MIB
#define PRIVACY_MAX_STATE_MIB 1024
#endif
inline constexpr std::size_t kMaxStateBytes = std::size_t{PRIVACY_MAX_STATE_MIB} << 20;

class Engine {
 public:
  std::string execute_json(std::string_view command);
  // The same with trees: the command dumped, the answer parsed.
  nlohmann::json execute(const nlohmann::json& command);
  // importState/previewImport with the state's text beside the command (so a
  // large state is neither embedded in nor copied into another text).
  std::string execute_json(std::string_view command, std::string_view state);
  // exportState's state itself as `text` (ok), or the failure's answer: a
  // large state is not wrapped in, nor copied into, another text.
  struct Text {
    bool ok = false;
    std::string text;
  };
  Text export_state(std::string_view command);

  Household& household() { return household_; }
  const Household& household() const { return household_; }

 private:
  Household household_;
};

// Every command's spec as JSON Schemas (describeCommands' answer).
std::string describe_commands_json();

}  // namespace privacy
