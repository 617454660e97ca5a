#pragma once
// The decoded signals as JSON (what decodeTcString and decodeGpp answer),
// and a JSON Schema (draft 2020-12) for each. Names are camelCase: the TC
// string's as the engine has always given them, the GPP sections' the
// lower-camel-case of @iabgpp/cmpapi's field names.
#include <nlohmann/json.hpp>

#include "privacy/signals.hpp"

namespace privacy {

// The answers' text, appended to `out` (signals_text.cpp).
void write_json(std::string& out, const TcString& tc);
void write_json(std::string& out, const GppString& gpp);
// The same as trees, for the tests.
nlohmann::json to_json(const TcString& tc);
nlohmann::json to_json(const GppString& gpp);

nlohmann::json tc_string_schema();
nlohmann::json gpp_string_schema();

namespace detail {
// The schema pieces the decision's schema shares.
nlohmann::json schema_integer(std::int64_t min, std::int64_t max);
nlohmann::json schema_object(nlohmann::json properties);  // every property required, no others
nlohmann::json schema_nullable(nlohmann::json schema);
}  // namespace detail

}  // namespace privacy
