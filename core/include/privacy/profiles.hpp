#pragma once
// The profile lifecycle (R-PRO-2, R-PRO-3): inactivity, the notice window,
// the parent's "keep", and the age reviews.
#include <optional>

#include "privacy/model.hpp"

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

inline constexpr int kAdultAge = 18;
// The instant (UTC midnight) the person turns `years`, if the birth date is known.
std::optional<Instant> birthday(const Profile& profile, int years);
// R-PRO-3: when a child (at the jurisdiction's age of digital consent,
// R-AGE-3) or a teen (at 18) is due for the parent's review; none once
// reviewed since, or without a birth date.
std::optional<Instant> age_review_due_at(const Profile& profile, int consent_age);

}  // namespace privacy
