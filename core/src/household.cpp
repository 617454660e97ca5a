#include "privacy/household.hpp"

#include "names.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "utf8.hpp"

namespace privacy {
namespace {

using detail::Names;
using detail::name_of;
using detail::value_of;

constexpr Names<ProfileKind, 2> kProfileKinds{{{ProfileKind::child, "child"},
                                               {ProfileKind::adult, "adult"}}};
constexpr Names<RetentionSetting, 4> kSettings{{{RetentionSetting::dont_save, "dont_save"},
                                                {RetentionSetting::three_months, "3_months"},
                                                {RetentionSetting::eighteen_months, "18_months"},
                                                {RetentionSetting::until_deleted, "until_deleted"}}};
constexpr Names<ArtifactCategory, 3> kCategories{{{ArtifactCategory::audio, "audio"},
                                                  {ArtifactCategory::transcript, "transcript"},
                                                  {ArtifactCategory::derived, "derived"}}};

}  // namespace

std::string_view to_string(ProfileKind k) { return name_of(kProfileKinds, k); }
std::string_view to_string(RetentionSetting s) { return name_of(kSettings, s); }
std::string_view to_string(ArtifactCategory c) { return name_of(kCategories, c); }
std::optional<ProfileKind> profile_kind_from(std::string_view t) { return value_of(kProfileKinds, t); }
std::optional<RetentionSetting> retention_setting_from(std::string_view t) { return value_of(kSettings, t); }
std::optional<ArtifactCategory> artifact_category_from(std::string_view t) { return value_of(kCategories, t); }

RetentionSetting default_retention(ProfileKind kind) {
  return kind == ProfileKind::child ? RetentionSetting::three_months
                                    : RetentionSetting::eighteen_months;
}

PrivacyNotice default_privacy_notice() {
  return PrivacyNotice{1, {"voice recordings (audio)", "transcripts", "derived data (intents, annotations)"}, {}};
}

int RetentionPolicy::child_max_months() const {
  int shortest = kMaxPolicyMonths;
  for (const auto& c : categories) shortest = std::min(shortest, c.child_max_months);
  return shortest;
}

std::optional<int> RetentionPolicy::adult_max_months() const {
  std::optional<int> shortest;
  for (const auto& c : categories)
    if (c.adult_max_months) shortest = std::min(shortest.value_or(kMaxPolicyMonths), *c.adult_max_months);
  return shortest;
}

Errors validate_policy(const RetentionPolicy& policy, const std::string& path) {
  Errors errors;
  std::array<int, kCategories.size()> seen{};
  for (std::size_t i = 0; i < policy.categories.size(); ++i) {
    const auto& c = policy.categories[i];
    std::string at = path + ".categories[" + std::to_string(i) + "]";
    if (++seen[static_cast<std::size_t>(c.category)] > 1)
      errors.push_back({code::invalid_input, at + ".category",
                        "category '" + std::string(to_string(c.category)) + "' is listed twice"});
    if (c.child_max_months < 1 || c.child_max_months > kMaxPolicyMonths)
      errors.push_back({code::invalid_input, at + ".childMaxMonths",
                        "a child's data may not be kept indefinitely (R-RET-4): give a finite "
                        "maximum of 1 to 1200 months"});
    if (c.adult_max_months && (*c.adult_max_months < 1 || *c.adult_max_months > kMaxPolicyMonths))
      errors.push_back({code::invalid_input, at + ".adultMaxMonths",
                        "must be null or 1 to 1200 months"});
    if (c.purpose.empty())
      errors.push_back({code::invalid_input, at + ".purpose",
                        "the written policy states the purpose (R-RET-7)"});
    if (c.business_need.empty())
      errors.push_back({code::invalid_input, at + ".businessNeed",
                        "the written policy states the business need (R-RET-7)"});
  }
  for (const auto& [category, name] : kCategories)
    if (seen[static_cast<std::size_t>(category)] == 0)
      errors.push_back({code::invalid_input, path + ".categories",
                        "the policy must give a child maximum for '" + std::string(name) +
                            "' (R-RET-4)"});
  if (policy.inactive_after_months < 1 || policy.inactive_after_months > kMaxPolicyMonths)
    errors.push_back({code::invalid_input, path + ".inactiveAfterMonths", "must be 1 to 1200 months"});
  if (policy.notice_window_days < 1 || policy.notice_window_days > 3650)
    errors.push_back({code::invalid_input, path + ".noticeWindowDays", "must be 1 to 3650 days"});
  if (policy.just_said_window_minutes < 1 || policy.just_said_window_minutes > 1440)
    errors.push_back({code::invalid_input, path + ".justSaidWindowMinutes",
                      "must be 1 to 1440 minutes"});
  return errors;
}

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdBytes && detail::valid_utf8(id);
}

}  // namespace privacy
