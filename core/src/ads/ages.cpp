#include "privacy/ages.hpp"

#include "../names.hpp"

namespace privacy {

namespace {

constexpr detail::Names<AgeBand, 4> kBands = {{{AgeBand::under_13, "under_13"},
                                               {AgeBand::from_13_to_15, "13_15"},
                                               {AgeBand::from_16_to_17, "16_17"},
                                               {AgeBand::adult, "18_plus"}}};

constexpr detail::Names<AgeSource, 9> kSources = {{{AgeSource::none, "none"},
                                                   {AgeSource::profile, "profile"},
                                                   {AgeSource::birth_date, "birth_date"},
                                                   {AgeSource::apple, "apple"},
                                                   {AgeSource::google_play, "google_play"},
                                                   {AgeSource::amazon, "amazon"},
                                                   {AgeSource::self_declared, "self_declared"},
                                                   {AgeSource::parent_declared, "parent_declared"},
                                                   {AgeSource::gpp, "gpp"}}};

// Apple's and the stores' own spellings.
constexpr detail::Names<AppleDeclaration, 6> kDeclarations = {
    {{AppleDeclaration::self_declared, "selfDeclared"},
     {AppleDeclaration::guardian_declared, "guardianDeclared"},
     {AppleDeclaration::payment_checked, "paymentChecked"},
     {AppleDeclaration::government_id_checked, "governmentIDChecked"},
     {AppleDeclaration::checked_by_other_method, "checkedByOtherMethod"},
     {AppleDeclaration::confirmed, "confirmed"}}};

constexpr detail::Names<StoreUserStatus, 6> kStatuses = {
    {{StoreUserStatus::verified, "VERIFIED"},
     {StoreUserStatus::supervised, "SUPERVISED"},
     {StoreUserStatus::supervised_approval_pending, "SUPERVISED_APPROVAL_PENDING"},
     {StoreUserStatus::supervised_approval_denied, "SUPERVISED_APPROVAL_DENIED"},
     {StoreUserStatus::unknown, "UNKNOWN"},
     {StoreUserStatus::declared, "DECLARED"}}};

}  // namespace

std::string_view to_string(AgeBand band) { return detail::name_of(kBands, band); }
std::optional<AgeBand> age_band_from(std::string_view text) { return detail::value_of(kBands, text); }
std::string_view to_string(AgeSource source) { return detail::name_of(kSources, source); }
std::optional<AgeSource> age_signal_source_from(std::string_view text) {
  auto s = detail::value_of(kSources, text);
  if (!s || *s == AgeSource::none || *s == AgeSource::profile || *s == AgeSource::birth_date ||
      *s == AgeSource::gpp)
    return std::nullopt;
  return s;
}
std::string_view to_string(AppleDeclaration d) { return detail::name_of(kDeclarations, d); }
std::optional<AppleDeclaration> apple_declaration_from(std::string_view text) {
  return detail::value_of(kDeclarations, text);
}
std::string_view to_string(StoreUserStatus s) { return detail::name_of(kStatuses, s); }
std::optional<StoreUserStatus> store_user_status_from(std::string_view text) {
  return detail::value_of(kStatuses, text);
}

AgeBand band_of_age(int years) {
  return years < 13 ? AgeBand::under_13 : years < 16 ? AgeBand::from_13_to_15
       : years < 18 ? AgeBand::from_16_to_17 : AgeBand::adult;
}

int age_in_years(Instant birth, Instant now) {
  if (now < birth) return -1;
  // An estimate from the mean year, then corrected against the birthdays themselves.
  auto years = static_cast<int>((now - birth) / (kMillisPerDay * 365 + kMillisPerDay / 4));
  while (add_months(birth, (years + 1) * 12) <= now) ++years;
  while (years > 0 && add_months(birth, years * 12) > now) --years;
  return years;
}

AgeBand band_at(Instant birth, Instant now) { return band_of_age(age_in_years(birth, now)); }

std::optional<AgeBand> band_of(const AgeSignal& s) {
  if (s.band) return s.band;
  if (s.status == StoreUserStatus::unknown) return std::nullopt;  // the store knows nothing
  if (s.lower) return band_of_age(*s.lower);
  if (s.upper) return AgeBand::under_13;  // only "younger than": the youngest band it allows
  if (s.status == StoreUserStatus::verified) return AgeBand::adult;  // Play: a verified adult
  // Supervised (a minor's account) or declared with no range: it may be a child.
  return s.status ? std::optional<AgeBand>(AgeBand::under_13) : std::nullopt;
}

AgeFinding lowest_band(std::span<const AgeSignal> signals) {
  AgeFinding found;
  for (std::size_t i = 0; i < signals.size(); ++i) {
    auto band = band_of(signals[i]);
    if (band && (!found.band || *band < *found.band)) found = {band, signals[i].source, i};
  }
  return found;
}

}  // namespace privacy
