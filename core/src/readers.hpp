#pragma once
// Reading domain values from untrusted JSON; shared by state import and the
// engine's commands so that one value is validated by one piece of code.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "privacy/deletion.hpp"
#include "privacy/household.hpp"
#include "privacy/recordings.hpp"

namespace privacy::detail {

using nlohmann::json;

std::optional<Guardian> read_guardian(const json& v, const std::string& path, Errors& errors);
std::optional<Device> read_device(const json& v, const std::string& path, Errors& errors);
// A new profile may leave out retention and voiceDeletion (defaults apply).
std::optional<Profile> read_profile(const json& v, const std::string& path, Errors& errors,
                                    bool is_new);
std::optional<RetentionPolicy> read_policy(const json& v, const std::string& path,
                                           Errors& errors);
std::optional<PrivacyNotice> read_notice(const json& v, const std::string& path, Errors& errors);
std::optional<Recording> read_recording(const json& v, const std::string& path, Errors& errors);

// Reserved actors: the service operator and the system's own sweeps.
inline constexpr const char* kOperator = "operator";
inline constexpr const char* kSystem = "system";

}  // namespace privacy::detail
