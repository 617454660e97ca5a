#pragma once
// The ad decision as JSON (what decideAds answers) and its JSON Schema
// (draft 2020-12). Its inputs are read by the command's spec
// (privacy/commands/ads.hpp).
#include <nlohmann/json.hpp>

#include "privacy/ads.hpp"

namespace privacy {

nlohmann::json to_json(const AdDecision& decision);
nlohmann::json ad_decision_schema();

}  // namespace privacy
