#pragma once
// Retention settings and their effective value (R-RET-1..5), due times, and
// the sweep (R-RET-6).
#include <optional>
#include <vector>

#include "privacy/household.hpp"
#include "privacy/recordings.hpp"

namespace privacy {

struct EffectiveRetention {
  RetentionSetting setting = RetentionSetting::three_months;
  std::optional<int> months;  // 0 for dont_save; none: kept until deleted
  bool capped_by_policy = false;
  std::optional<int> policy_max_months;
  bool operator==(const EffectiveRetention&) const = default;
};

// R-RET-4: a child's setting is the shorter of the choice and the policy's
// child maximum; `until_deleted` for a child means the policy maximum.
EffectiveRetention effective_retention(ProfileKind kind, RetentionSetting setting,
                                       const RetentionPolicy& policy);

// R-RET-2/3: dont_save is due at capture; N months at capture + N calendar
// months; none when kept until deleted.
std::optional<Instant> due_at(Instant captured_at, const EffectiveRetention& effective);

}  // namespace privacy
