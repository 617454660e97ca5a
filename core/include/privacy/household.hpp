#pragma once
// Household: guardians (parents), child and adult profiles, devices, and the
// operator's written retention policy (R-RET-4, R-RET-7).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/consent.hpp"
#include "privacy/errors.hpp"
#include "privacy/time.hpp"

namespace privacy {

enum class ProfileKind { child, adult };
// R-RET-1, in RULES.md words.
enum class RetentionSetting { dont_save, three_months, eighteen_months, until_deleted };
// The artifact categories a written retention policy covers (R-RET-3).
enum class ArtifactCategory { audio, transcript, derived };

std::string_view to_string(ProfileKind kind);
std::string_view to_string(RetentionSetting setting);
std::string_view to_string(ArtifactCategory category);
std::optional<ProfileKind> profile_kind_from(std::string_view text);
std::optional<RetentionSetting> retention_setting_from(std::string_view text);
std::optional<ArtifactCategory> artifact_category_from(std::string_view text);

struct Guardian {
  std::string id;
  std::string name;
  bool verified = false;
  bool operator==(const Guardian&) const = default;
};

struct Device {
  std::string id;
  std::string name;
  bool operator==(const Device&) const = default;
};

struct Profile {
  std::string id;
  std::string name;
  ProfileKind kind = ProfileKind::child;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  RetentionSetting retention = RetentionSetting::three_months;
  bool voice_deletion = false;  // R-DEL-2: off until turned on
  // R-CON-1: a child profile is enabled only with verified consent; an adult's always is.
  bool enabled = true;
  Consent consent;  // children only
  // R-PRO-2: activity, the parent's "keep", and the inactivity notice.
  Instant created_at = 0;
  std::optional<Instant> last_active_at;
  std::optional<Instant> kept_at;
  std::optional<Instant> inactive_notified_at;
  // R-PRO-3: flagged for the parent's review when the child turns 13.
  std::optional<Instant> age_review_flagged_at;
  std::optional<Instant> age_reviewed_at;  // the parent decided; never flagged again
  bool operator==(const Profile&) const = default;
};

// A new profile's setting when none is given: short for a child, so that a
// child's recordings are never kept long by default (S2).
RetentionSetting default_retention(ProfileKind kind);

struct RetentionCategory {
  ArtifactCategory category = ArtifactCategory::audio;
  int child_max_months = 0;                 // finite, required (R-RET-4)
  std::optional<int> adult_max_months;      // none: adults may keep until deleted
  std::string purpose;
  std::string business_need;
  bool operator==(const RetentionCategory&) const = default;
};

struct RetentionPolicy {
  std::vector<RetentionCategory> categories;
  int just_said_window_minutes = 10;  // R-DEL-2 default
  int inactive_after_months = 18;     // R-PRO-2 default
  int notice_window_days = 90;        // R-PRO-2 default (S2)
  bool operator==(const RetentionPolicy&) const = default;

  // The shortest maximum across categories: audio, transcript and derived
  // data share a recording's due time (R-RET-3), so the tightest one rules.
  int child_max_months() const;
  std::optional<int> adult_max_months() const;
};

inline constexpr int kMaxPolicyMonths = 1200;
inline constexpr std::size_t kMaxIdBytes = 128;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxTextBytes = 2000;  // policy purpose / business need

// What the operator's notice says is collected and to whom it is disclosed;
// a material change to either needs fresh consent (R-CON-5).
struct ThirdParty {
  std::string name;
  std::string category;  // e.g. "advertising", "analytics", "model training"
  std::string purpose;
  bool operator==(const ThirdParty&) const = default;
};

struct PrivacyNotice {
  int version = 1;
  std::vector<std::string> collects;
  std::vector<ThirdParty> third_parties;
  bool operator==(const PrivacyNotice&) const = default;
  // Material: what is collected or disclosed changed (the version alone is not).
  bool materially_differs(const PrivacyNotice& other) const {
    return collects != other.collects || third_parties != other.third_parties;
  }
};
PrivacyNotice default_privacy_notice();

// R-RET-4: every category present once, each with a finite child maximum.
Errors validate_policy(const RetentionPolicy& policy, const std::string& path);

// Ids are non-empty strings of at most 128 bytes (RULES.md, R-DEL precise meanings),
// in UTF-8 like all text.
bool valid_id(std::string_view id);

}  // namespace privacy
