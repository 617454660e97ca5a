#pragma once
// Retention (R-RET-1..6): a profile's effective setting, and when each
// recording is due.
#include <optional>

#include "privacy/views.hpp"

namespace privacy {

// R-RET-4: a child's (and a teen's) setting is the shorter of the choice and
// the policy's child maximum; `until_deleted` then means the maximum. An
// adult's is capped by the policy's adult maximum, if any.
EffectiveRetention effective_retention(const Profile& profile, const RetentionPolicy& policy);
EffectiveRetention effective_retention(const Profile& profile, RetentionSetting setting,
                                       const RetentionPolicy& policy);

// What applies to one recording of the profile: the profile's effective
// setting, and for data collected while a child the child maximum too
// (R-PRO-3, R-RET-4).
struct RetentionRule {
  std::optional<int> months;           // the profile's
  std::optional<int> child_data_months;  // for recordings collected as a child
};
RetentionRule retention_rule(const EffectiveRetention& effective, const RetentionPolicy& policy);

// R-RET-2/3: dont_save is due at capture; N months at capture + N calendar
// months; none when kept until deleted.
std::optional<Instant> due_at(const Recording& recording, const RetentionRule& rule);
// due_at(recording, rule) <= now, mostly without the calendar (issue 10:
// a setRetention then costs a comparison per recording of the profile).
bool due_by(const Recording& recording, const RetentionRule& rule, Instant now);

RetentionSetting default_retention(ProfileKind kind);

// R-RET-4: every category once, each with a finite child maximum; empty when valid.
Errors validate_policy(const RetentionPolicy& policy, const std::string& path);

}  // namespace privacy
