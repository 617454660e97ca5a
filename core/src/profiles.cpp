#include "privacy/profiles.hpp"

#include <algorithm>

namespace privacy {

Instant last_sign_of_life(const Profile& p) {
  Instant t = p.created_at;
  if (p.last_active_at) t = std::max(t, *p.last_active_at);
  if (p.kept_at) t = std::max(t, *p.kept_at);
  return t;
}

std::optional<Instant> removal_due_at(const Profile& p, const RetentionPolicy& policy) {
  if (!p.inactive_notified_at) return std::nullopt;
  return *p.inactive_notified_at + Instant{policy.notice_window_days} * kMillisPerDay;
}

LifecycleStep lifecycle_step(const Profile& p, const RetentionPolicy& policy, Instant now) {
  if (p.kind != ProfileKind::child) return LifecycleStep::none;
  Instant alive = last_sign_of_life(p);
  if (p.inactive_notified_at) {
    // Keeping it or using it again after the notice withdraws the notice.
    if (alive > *p.inactive_notified_at) return LifecycleStep::reactivated;
    if (now >= *removal_due_at(p, policy)) return LifecycleStep::remove;
    return LifecycleStep::none;
  }
  if (add_months(alive, policy.inactive_after_months) <= now) return LifecycleStep::notify;
  return LifecycleStep::none;
}

std::optional<Instant> birthday(const Profile& p, int years) {
  if (!p.birth_date) return std::nullopt;
  auto birth = parse_date(*p.birth_date);
  if (!birth) return std::nullopt;
  return add_months(*birth, years * 12);  // 29 Feb births have theirs on 28 Feb
}

std::optional<Instant> age_review_due_at(const Profile& p, int consent_age) {
  if (p.age_review_flagged_at || p.kind == ProfileKind::adult) return std::nullopt;
  // Once the parent decided at or after a birthday, it is not asked again for it.
  auto due = [&](int years) -> std::optional<Instant> {
    auto at = birthday(p, years);
    if (!at || (p.age_reviewed_at && *p.age_reviewed_at >= *at)) return std::nullopt;
    return at;
  };
  // A child is reviewed at the consent age and, if kept a child, again at 18 (R-PRO-3).
  if (p.kind == ProfileKind::child)
    if (auto at = due(consent_age)) return at;
  return due(kAdultAge);
}

}  // namespace privacy
