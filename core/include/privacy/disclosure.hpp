#pragma once
// The children's privacy disclosure (R-RET-7, R-CON-4), generated from the
// operator's written retention policy and privacy notice: what is collected,
// why, how long it is kept, who receives it, and how a parent reviews,
// deletes and revokes. As structured data and as safe HTML text.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "privacy/model.hpp"

namespace privacy {

nlohmann::json privacy_disclosure(const HouseholdState& state);
// Every piece of text escaped: the result is safe to place in a page as HTML.
std::string privacy_disclosure_html(const nlohmann::json& disclosure);
std::string escape_html(std::string_view text);

}  // namespace privacy
