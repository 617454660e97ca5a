#include "privacy/retention.hpp"

#include <algorithm>

namespace privacy {
namespace {
std::optional<int> chosen_months(RetentionSetting setting) {
  switch (setting) {
    case RetentionSetting::dont_save: return 0;
    case RetentionSetting::three_months: return 3;
    case RetentionSetting::eighteen_months: return 18;
    case RetentionSetting::until_deleted: return std::nullopt;
  }
  return 0;
}
}  // namespace

EffectiveRetention effective_retention(ProfileKind kind, RetentionSetting setting,
                                       const RetentionPolicy& policy) {
  EffectiveRetention out;
  out.setting = setting;
  out.months = chosen_months(setting);
  out.policy_max_months = kind == ProfileKind::child ? std::optional<int>(policy.child_max_months())
                                                     : policy.adult_max_months();
  if (out.policy_max_months && (!out.months || *out.months > *out.policy_max_months)) {
    out.months = out.policy_max_months;
    out.capped_by_policy = true;
  }
  return out;
}

std::optional<Instant> due_at(Instant captured_at, const EffectiveRetention& effective) {
  if (!effective.months) return std::nullopt;
  if (*effective.months == 0) return captured_at;
  return add_months(captured_at, *effective.months);
}

}  // namespace privacy
