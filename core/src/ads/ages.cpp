#include "privacy/ages.hpp"


namespace privacy {



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
