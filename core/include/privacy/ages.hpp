#pragma once
// Ages (RULES.md R-AGE-1, R-AGE-2; sources S7): the four bands the app-store
// laws and the platforms' age signals use, a band from a birth date at
// `now`, and the lowest band that any age signal indicates.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "privacy/time.hpp"
#include "privacy/words.hpp"

namespace privacy {

// Under 13 (a child), 13-15 and 16-17 (teens), 18 and over (an adult).
// Ordered: a lower value is a younger band.
enum class AgeBand : std::uint8_t { under_13, from_13_to_15, from_16_to_17, adult };
PRIVACY_WORDS(AgeBand, {AgeBand::under_13, "under_13"}, {AgeBand::from_13_to_15, "13_15"},
              {AgeBand::from_16_to_17, "16_17"}, {AgeBand::adult, "18_plus"});
inline std::string_view to_string(AgeBand band) { return word(band); }
inline std::optional<AgeBand> age_band_from(std::string_view text) { return from_word<AgeBand>(text); }
constexpr bool is_teen(AgeBand b) { return b == AgeBand::from_13_to_15 || b == AgeBand::from_16_to_17; }

AgeBand band_of_age(int years);
// Whole years between a birth date (its UTC midnight) and `now`; a birthday
// falls as add_months places it (29 February births have theirs on 28
// February), the same rule as the R-PRO-3 review. Negative before birth.
int age_in_years(Instant birth, Instant now);
AgeBand band_at(Instant birth, Instant now);

// Where an age came from (the decision says which, R-AGE-2). `none`: no age
// is known; `gpp`: a US GPP section's known-child slot.
enum class AgeSource : std::uint8_t {
  none, profile, birth_date, apple, google_play, amazon, self_declared, parent_declared, gpp
};
PRIVACY_WORDS(AgeSource, {AgeSource::none, "none"}, {AgeSource::profile, "profile"},
              {AgeSource::birth_date, "birth_date"}, {AgeSource::apple, "apple"},
              {AgeSource::google_play, "google_play"}, {AgeSource::amazon, "amazon"},
              {AgeSource::self_declared, "self_declared"}, {AgeSource::parent_declared, "parent_declared"},
              {AgeSource::gpp, "gpp"});
inline std::string_view to_string(AgeSource source) { return word(source); }
// The sources an age signal may name (all but none, profile, birth_date, gpp).
enum class SignalSource : std::uint8_t { apple, google_play, amazon, self_declared, parent_declared };
PRIVACY_WORDS(SignalSource, {SignalSource::apple, "apple"}, {SignalSource::google_play, "google_play"},
              {SignalSource::amazon, "amazon"}, {SignalSource::self_declared, "self_declared"},
              {SignalSource::parent_declared, "parent_declared"});
inline AgeSource age_source(SignalSource s) { return *from_word<AgeSource>(word(s)); }

// Apple Declared Age Range: how the range was declared (ageRangeDeclaration).
enum class AppleDeclaration : std::uint8_t {
  self_declared, guardian_declared, payment_checked, government_id_checked, checked_by_other_method, confirmed
};
// Apple's own spellings.
PRIVACY_WORDS(AppleDeclaration, {AppleDeclaration::self_declared, "selfDeclared"},
              {AppleDeclaration::guardian_declared, "guardianDeclared"},
              {AppleDeclaration::payment_checked, "paymentChecked"},
              {AppleDeclaration::government_id_checked, "governmentIDChecked"},
              {AppleDeclaration::checked_by_other_method, "checkedByOtherMethod"},
              {AppleDeclaration::confirmed, "confirmed"});
inline std::string_view to_string(AppleDeclaration d) { return word(d); }

// Google Play Age Signals userStatus; the Amazon Appstore's GetUserAgeData
// answers with the same words.
enum class StoreUserStatus : std::uint8_t {
  verified, supervised, supervised_approval_pending, supervised_approval_denied, unknown, declared
};
PRIVACY_WORDS(StoreUserStatus, {StoreUserStatus::verified, "VERIFIED"},
              {StoreUserStatus::supervised, "SUPERVISED"},
              {StoreUserStatus::supervised_approval_pending, "SUPERVISED_APPROVAL_PENDING"},
              {StoreUserStatus::supervised_approval_denied, "SUPERVISED_APPROVAL_DENIED"},
              {StoreUserStatus::unknown, "UNKNOWN"}, {StoreUserStatus::declared, "DECLARED"});
inline std::string_view to_string(StoreUserStatus s) { return word(s); }

// One age signal: its source and what it says. Bounds are inclusive ages in
// whole years, as Apple (lowerBound, upperBound), Google Play and Amazon
// (ageLower, ageUpper) give them; self- and parent-declared signals give a
// band.
struct AgeSignal {
  AgeSource source = AgeSource::self_declared;
  std::optional<int> lower;
  std::optional<int> upper;
  std::optional<AgeBand> band;
  std::optional<AppleDeclaration> declaration;  // apple
  std::optional<StoreUserStatus> status;        // google_play, amazon
};

// The lowest band the signal indicates: its band, or the band of its lower
// bound (no lower bound: it may be a child, so under 13), or 18+ for a
// store's VERIFIED adult; none when it says nothing (status UNKNOWN).
std::optional<AgeBand> band_of(const AgeSignal& signal);

struct AgeFinding {
  std::optional<AgeBand> band;       // none: no signal says anything
  AgeSource source = AgeSource::none;
  std::size_t index = 0;             // which signal (the first with the lowest band)
};

// The lowest band any signal indicates (Utah Code 13-76, R-AGE-2), and which.
AgeFinding lowest_band(std::span<const AgeSignal> signals);

}  // namespace privacy
