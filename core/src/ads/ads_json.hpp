#pragma once
// The ad decision as JSON (what decideAds answers) and its JSON Schema
// (draft 2020-12), and strict readers for the decision's new inputs: the
// age signals, a jurisdiction code and an operator's jurisdiction overrides.
// Each reader returns the value, or every problem as {code, path, message}
// (invalid_input) with `path` prefixed.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/ads.hpp"

namespace privacy {

nlohmann::json to_json(const AdDecision& decision);
nlohmann::json ad_decision_schema();

// [{source: "apple", lowerBound?, upperBound?, ageRangeDeclaration?},
//  {source: "google_play" | "amazon", userStatus, ageLower?, ageUpper?},
//  {source: "self_declared" | "parent_declared", band}], at most 16.
Result<std::vector<AgeSignal>> read_age_signals(const nlohmann::json& value, const std::string& path);
// "DE", "GB", "US", "US-CA": an ISO 3166 code (jurisdiction.hpp).
Result<std::string> read_jurisdiction(const nlohmann::json& value, const std::string& path);
// {"US-CA": {regime?, consentAge?, teenAds13to15?, teenAds16to17?}, "*": {...}, ...}
Result<JurisdictionOverrides> read_jurisdiction_overrides(const nlohmann::json& value, const std::string& path);

// The schemas of those inputs, for the command registry.
nlohmann::json age_signals_schema();
nlohmann::json jurisdiction_schema();
nlohmann::json jurisdiction_overrides_schema();

}  // namespace privacy
