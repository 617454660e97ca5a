#include "privacy/retention.hpp"

#include <algorithm>
#include <array>

#include "privacy/time.hpp"

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

std::optional<int> shorter(std::optional<int> a, std::optional<int> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}
}  // namespace

int RetentionPolicy::child_max_months() const {
  int shortest = kMaxPolicyMonths;
  for (const auto& c : categories) shortest = std::min(shortest, c.child_max_months);
  return shortest;
}

std::optional<int> RetentionPolicy::adult_max_months() const {
  std::optional<int> shortest;
  for (const auto& c : categories) shortest = shorter(shortest, c.adult_max_months);
  return shortest;
}

EffectiveRetention effective_retention(const Profile& p, RetentionSetting setting, const RetentionPolicy& policy) {
  EffectiveRetention out;
  out.profile_id = p.id;
  out.setting = setting;
  out.months = chosen_months(setting);
  out.policy_max_months = p.kind == ProfileKind::adult ? policy.adult_max_months()
                                                       : std::optional<int>(policy.child_max_months());
  if (out.policy_max_months && (!out.months || *out.months > *out.policy_max_months)) {
    out.months = out.policy_max_months;
    out.capped_by_policy = true;
  }
  return out;
}

EffectiveRetention effective_retention(const Profile& p, const RetentionPolicy& policy) {
  return effective_retention(p, p.retention, policy);
}

RetentionRule retention_rule(const EffectiveRetention& e, const RetentionPolicy& policy) {
  return RetentionRule{e.months, shorter(e.months, policy.child_max_months())};
}

std::optional<Instant> due_at(const Recording& r, const RetentionRule& rule) {
  auto months = r.collected_as_child ? rule.child_data_months : rule.months;
  if (!months) return std::nullopt;
  if (*months == 0) return r.captured_at;
  return add_months(r.captured_at, *months);
}

bool due_by(const Recording& r, const RetentionRule& rule, Instant now) {
  auto months = r.collected_as_child ? rule.child_data_months : rule.months;
  if (!months) return false;
  // N calendar months are N consecutive month lengths (28..31 days each),
  // less at most 3 days when the day of the month is clamped (Jan 31 + 1
  // month is Feb 28): only between those bounds does the calendar decide.
  const Instant n = *months;
  if (r.captured_at + n * 31 * kMillisPerDay <= now) return true;
  if (r.captured_at + (n * 28 - 3) * kMillisPerDay > now) return false;
  return *due_at(r, rule) <= now;
}

RetentionSetting default_retention(ProfileKind kind) {
  return kind == ProfileKind::adult ? RetentionSetting::eighteen_months : RetentionSetting::three_months;
}

Errors validate_policy(const RetentionPolicy& policy, const std::string& path) {
  Errors errors;
  std::array<int, 3> seen{};
  for (std::size_t i = 0; i < policy.categories.size(); ++i) {
    const auto& c = policy.categories[i];
    if (++seen[static_cast<std::size_t>(c.category)] > 1)
      errors.push_back({code::invalid_input, path + ".categories[" + std::to_string(i) + "].category",
                        "category '" + std::string(word(c.category)) + "' is listed twice"});
  }
  for (const auto& [category, name] : Words<ArtifactCategory>::table)
    if (seen[static_cast<std::size_t>(category)] == 0)
      errors.push_back({code::invalid_input, path + ".categories",
                        "a child's data may not be kept indefinitely (R-RET-4): the policy must give a "
                        "finite child maximum for '" + std::string(name) + "'"});
  return errors;
}

PrivacyNotice default_privacy_notice() {
  return PrivacyNotice{1, {"voice recordings (audio)", "transcripts", "derived data (intents, annotations)"}, {}};
}

void ArtifactCounts::add(const NewRecording& r) {
  ++recordings;
  if (r.audio) ++audio;
  if (r.transcript) ++transcript;
  for (const auto& d : r.derived) {
    switch (d.kind) {
      case DerivedKind::intent: ++intent; break;
      case DerivedKind::annotation: ++annotation; break;
      case DerivedKind::training_copy: ++training_copy; break;
    }
  }
}

}  // namespace privacy
