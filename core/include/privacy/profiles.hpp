#pragma once
// The child-profile lifecycle (R-PRO-2, R-PRO-3): inactivity, the notice
// window, the parent's "keep", and the 13th-birthday review.
#include <optional>

#include "privacy/household.hpp"

namespace privacy {

// What the profile sweep does to one profile at `now`.
enum class LifecycleStep {
  none,
  notify,       // inactive for the policy's months: tell the parent
  reactivated,  // active again (or kept) since the notice: the notice is withdrawn
  remove,       // the notice window passed: the profile and all its data go
};

// The last sign of life: created, active (a recording), or kept by the parent.
Instant last_sign_of_life(const Profile& profile);

LifecycleStep lifecycle_step(const Profile& profile, const RetentionPolicy& policy, Instant now);

// When the notice window of a notified profile ends.
std::optional<Instant> removal_due_at(const Profile& profile, const RetentionPolicy& policy);

// The child's 13th birthday at UTC midnight, if the birth date is known.
std::optional<Instant> thirteenth_birthday(const Profile& profile);

}  // namespace privacy
