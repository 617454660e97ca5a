#pragma once
// Computed views the commands share: effective retention, due times, the
// overview.
#include <vector>

#include "impl.hpp"
#include "privacy/jurisdiction.hpp"
#include "privacy/retention.hpp"

namespace privacy {

EffectiveRetention effective(const Household::Impl& h, const Profile& p);
RetentionRule rule_of(const Household::Impl& h, const Profile& p);
// One rule per profile slot, for passes over every recording.
std::vector<RetentionRule> rules_by_slot(const Household::Impl& h);
RecordingView view_of(const Recording& r, const RetentionRule& rule);
privacy::Overview overview(const Household::Impl& h);
// The jurisdiction policy where the household lives (R-AGE-3); unknown: the US rules.
JurisdictionPolicy household_policy(const Household::Impl& h);

}  // namespace privacy
