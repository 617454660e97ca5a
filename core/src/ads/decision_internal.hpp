#pragma once
// What the ad decision reads from one US GPP section (R-SIG-2), with
// Prebid's default interpretation (prebid.github.io features/mspa-usnat.md)
// as the reference; see us_decision.cpp.
#include <optional>
#include <string>

#include "privacy/ads.hpp"

namespace privacy::detail {

// A contradiction inside the section (fails the decision closed), or none.
std::optional<std::string> us_contradiction(const UsSection& section);
// The section says it knows the consumer is a child under 13.
bool us_known_child(const UsSection& section);
// What the section says for a personalised ad: the blockers, or the allow.
// For a teen the minor slots are read by us_teen_opt_in instead.
void us_reasons(const UsSection& section, bool teen, ReasonList& blockers, ReasonList& allows);
// The section's targeted-advertising consent for a teen of `band`: 0 not
// applicable, 1 no consent, 2 consent; UsSection::kAbsent when it has no slot.
std::uint8_t us_teen_opt_in(const UsSection& section, AgeBand band);

}  // namespace privacy::detail
