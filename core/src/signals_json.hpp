#pragma once
// Decoded signals and ad decisions as JSON (the answers of decodeTcString,
// decodeGpp and decideAds).
#include <nlohmann/json.hpp>

#include "privacy/ads.hpp"
#include "privacy/signals.hpp"

namespace privacy {

nlohmann::json tc_string_json(const TcString& tc);
nlohmann::json gpp_json(const GppString& gpp);
nlohmann::json ad_decision_json(const AdDecision& decision);

}  // namespace privacy
