// Time (DESIGN.md "Time"): ISO-8601 parsing, canonical formatting, calendar
// months, and the caller's local midnight.
#include <doctest/doctest.h>

#include <string>

#include "privacy/time.hpp"

using privacy::add_months;
using privacy::format_iso8601;
using privacy::Instant;
using privacy::kMillisPerDay;
using privacy::kMillisPerMinute;
using privacy::local_midnight;
using privacy::parse_date;
using privacy::parse_iso8601;

namespace {
// Parses a string the test knows to be valid.
Instant t(const char* iso) {
  auto v = parse_iso8601(iso);
  REQUIRE_MESSAGE(v.has_value(), iso);
  return *v;
}
constexpr Instant kHour = 3'600'000;
}  // namespace

TEST_CASE("ISO-8601 with Z gives epoch milliseconds, UTC") {
  CHECK(parse_iso8601("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_iso8601("2026-01-01T00:00:00Z") == 1'767'225'600'000);
  CHECK(parse_iso8601("2026-11-29T10:15:00Z") == 1'795'947'300'000);
  CHECK(parse_iso8601("2000-01-01T00:00:00Z") == 946'684'800'000);
  CHECK(parse_iso8601("1969-12-31T23:59:59.999Z") == -1);
  // Seconds are optional.
  CHECK(parse_iso8601("2026-11-29T10:15Z") == 1'795'947'300'000);
  // Leap days in leap years, including the 400-year rule.
  CHECK(parse_iso8601("2024-02-29T12:00:00Z") == 1'709'208'000'000);
  CHECK(parse_iso8601("2000-02-29T00:00:00Z").has_value());
}

TEST_CASE("ISO-8601 offsets are applied, both signs, with minutes") {
  const Instant utc = t("2026-11-29T10:15:00Z");
  CHECK(parse_iso8601("2026-11-29T11:15:00+01:00") == utc);
  CHECK(parse_iso8601("2026-11-29T05:15:00-05:00") == utc);
  CHECK(parse_iso8601("2026-11-29T15:45:00+05:30") == utc);
  CHECK(parse_iso8601("2026-11-30T00:00:00+13:45") == utc);
  CHECK(parse_iso8601("2026-11-29T10:15:00+00:00") == utc);
  CHECK(parse_iso8601("2026-11-29T10:15:00-00:00") == utc);
  // An offset can move the instant across a day, a month and a year.
  CHECK(parse_iso8601("2026-01-01T00:30:00+01:00") == t("2025-12-31T23:30:00Z"));
  CHECK(parse_iso8601("2025-12-31T23:30:00-01:00") == t("2026-01-01T00:30:00Z"));
}

TEST_CASE("ISO-8601 fractions: 1 to 9 digits, milliseconds kept, the rest truncated") {
  const Instant base = t("2026-11-29T10:15:00Z");
  CHECK(parse_iso8601("2026-11-29T10:15:00.1Z") == base + 100);
  CHECK(parse_iso8601("2026-11-29T10:15:00.12Z") == base + 120);
  CHECK(parse_iso8601("2026-11-29T10:15:00.123Z") == base + 123);
  CHECK(parse_iso8601("2026-11-29T10:15:00.1239Z") == base + 123);
  CHECK(parse_iso8601("2026-11-29T10:15:00.999999999Z") == base + 999);
  CHECK(parse_iso8601("2026-11-29T10:15:00.000000000Z") == base);
  CHECK(parse_iso8601("2026-11-29T11:15:00.500+01:00") == base + 500);
  // No digits, or ten of them: rejected.
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15:00.Z"));
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15:00.1234567890Z"));
  // A fraction needs seconds.
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15.5Z"));
}

TEST_CASE("ISO-8601 without an offset is rejected, not guessed") {
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15:00"));
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15"));
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15:00.123"));
  CHECK_FALSE(parse_iso8601("2026-11-29"));  // a date alone is not an instant
}

TEST_CASE("impossible dates and times are rejected") {
  CHECK_FALSE(parse_iso8601("2026-02-30T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-02-29T00:00:00Z"));  // 2026 is not a leap year
  CHECK_FALSE(parse_iso8601("1900-02-29T00:00:00Z"));  // nor is 1900
  CHECK_FALSE(parse_iso8601("2026-04-31T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-13-01T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-00-10T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-01-00T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-01-32T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-11-29T24:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-11-29T24:00Z"));
  CHECK_FALSE(parse_iso8601("2026-11-29T23:60:00Z"));
  CHECK_FALSE(parse_iso8601("2026-11-29T23:59:60Z"));  // no leap seconds
  CHECK_FALSE(parse_iso8601("0000-01-01T00:00:00Z"));  // year 0 is not an ISO year here
  // Offsets must be real: +24:00 and +05:60 are not.
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15:00+24:00"));
  CHECK_FALSE(parse_iso8601("2026-11-29T10:15:00+05:60"));
}

TEST_CASE("malformed ISO-8601 text is rejected") {
  const char* bad[] = {
      "",
      "garbage",
      "2026",
      "2026-11-29T",
      "2026-11-29 10:15:00Z",      // space, not T
      "2026-11-29t10:15:00Z",      // lower-case t
      "2026-11-29T10:15:00z",      // lower-case z
      "2026/11/29T10:15:00Z",
      "26-11-29T10:15:00Z",
      "2026-1-29T10:15:00Z",
      "2026-11-9T10:15:00Z",
      "2026-11-29T1:15:00Z",
      "2026-11-29T10:5:00Z",
      "2026-11-29T10:15:0Z",
      "2026-11-29T10:15:00+0100",  // offset without the colon
      "2026-11-29T10:15:00+01",
      "2026-11-29T10:15:00+1:00",
      "2026-11-29T10:15:00ZZ",
      "2026-11-29T10:15:00Z ",
      " 2026-11-29T10:15:00Z",
      "2026-11-29T10:15:00 Z",
      "+2026-11-29T10:15:00Z",
      "2026-11-29T10:15:00UTC",
      "2026-11-29T10:15:00GMT+1",
      "２０２６-11-29T10:15:00Z",   // full-width digits
      "NaN",
      "Infinity",
      "1795947300000",
  };
  for (const char* s : bad) {
    INFO(s);
    CHECK_FALSE(parse_iso8601(s));
  }
}

TEST_CASE("ISO-8601 longer than 40 characters is rejected") {
  // The longest valid form (9 fraction digits and an offset) is 35 characters.
  CHECK(parse_iso8601("2026-11-29T10:15:00.123456789+05:30").has_value());
  std::string long_text = "2026-11-29T10:15:00.123456789+05:30";
  long_text += std::string(10, ' ');
  CHECK(long_text.size() > 40);
  CHECK_FALSE(parse_iso8601(long_text));
  CHECK_FALSE(parse_iso8601(std::string(41, '2')));
  CHECK_FALSE(parse_iso8601(std::string(100'000, '9')));
}

TEST_CASE("instants are limited to the years 0001..9999") {
  CHECK(parse_iso8601("0001-01-01T00:00:00Z") == privacy::kMinInstant);
  CHECK(parse_iso8601("9999-12-31T23:59:59.999Z") == privacy::kMaxInstant);
  // An offset that pushes the instant outside is rejected.
  CHECK_FALSE(parse_iso8601("0001-01-01T00:00:00+00:01"));
  CHECK_FALSE(parse_iso8601("9999-12-31T23:59:59.999-00:01"));
}

TEST_CASE("parse_date reads YYYY-MM-DD as its UTC midnight") {
  CHECK(parse_date("2026-11-29") == t("2026-11-29T00:00:00Z"));
  CHECK(parse_date("2024-02-29") == t("2024-02-29T00:00:00Z"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("2026-11-29T00:00:00Z"));
  CHECK_FALSE(parse_date("2026-11-9"));
  CHECK_FALSE(parse_date("0000-01-01"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("format_iso8601 writes the canonical form with milliseconds and Z") {
  CHECK(format_iso8601(0) == "1970-01-01T00:00:00.000Z");
  CHECK(format_iso8601(1'795'947'300'123) == "2026-11-29T10:15:00.123Z");
  CHECK(format_iso8601(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(format_iso8601(-kMillisPerDay) == "1969-12-31T00:00:00.000Z");
  CHECK(format_iso8601(privacy::kMinInstant) == "0001-01-01T00:00:00.000Z");
  CHECK(format_iso8601(privacy::kMaxInstant) == "9999-12-31T23:59:59.999Z");
  CHECK(format_iso8601(t("2024-02-29T23:59:59.999Z")) == "2024-02-29T23:59:59.999Z");
  // Parsing the canonical form gives the instant back, whatever the offset it came in.
  for (const char* s : {"2026-11-29T15:45:00.007+05:30", "1901-06-30T01:02:03.4-11:00",
                        "2099-12-31T23:59:59.999Z"}) {
    INFO(s);
    Instant v = t(s);
    CHECK(parse_iso8601(format_iso8601(v)) == v);
  }
}

TEST_CASE("add_months clamps to the month's last day, same time of day") {
  // DESIGN.md: 31 Jan + 3 months = 30 Apr.
  CHECK(add_months(t("2026-01-31T10:20:30.400Z"), 3) == t("2026-04-30T10:20:30.400Z"));
  // 29 Feb 2024 + 12 months = 28 Feb 2025.
  CHECK(add_months(t("2024-02-29T08:00:00Z"), 12) == t("2025-02-28T08:00:00Z"));
  // 29 Feb 2024 + 48 months lands on a leap day again.
  CHECK(add_months(t("2024-02-29T08:00:00Z"), 48) == t("2028-02-29T08:00:00Z"));
  // 31 Aug + 18 months: February, 28 or 29 days.
  CHECK(add_months(t("2025-08-31T23:59:59.999Z"), 18) == t("2027-02-28T23:59:59.999Z"));
  CHECK(add_months(t("2026-08-31T23:59:59.999Z"), 18) == t("2028-02-29T23:59:59.999Z"));
  // 31 Jan + 1 month in a leap year.
  CHECK(add_months(t("2024-01-31T00:00:00Z"), 1) == t("2024-02-29T00:00:00Z"));
  // No clamping needed: the day is kept.
  CHECK(add_months(t("2026-01-15T12:00:00Z"), 3) == t("2026-04-15T12:00:00Z"));
  CHECK(add_months(t("2026-03-31T12:00:00Z"), 2) == t("2026-05-31T12:00:00Z"));
  // Across year ends.
  CHECK(add_months(t("2026-11-30T06:00:00Z"), 3) == t("2027-02-28T06:00:00Z"));
  CHECK(add_months(t("2026-12-31T06:00:00Z"), 1) == t("2027-01-31T06:00:00Z"));
  CHECK(add_months(t("2026-01-01T00:00:00Z"), 1200) == t("2126-01-01T00:00:00Z"));
  // Zero months changes nothing.
  CHECK(add_months(t("2026-05-31T01:02:03.004Z"), 0) == t("2026-05-31T01:02:03.004Z"));
}

TEST_CASE("add_months keeps the UTC time of day, to the millisecond") {
  for (Instant tod : {Instant{0}, Instant{1}, 12 * kHour + 345, kMillisPerDay - 1}) {
    Instant start = t("2026-01-31T00:00:00Z") + tod;
    Instant later = add_months(start, 3);
    CHECK(later == t("2026-04-30T00:00:00Z") + tod);
  }
}

TEST_CASE("add_months with negative months goes back, clamped the same way") {
  CHECK(add_months(t("2026-03-31T10:00:00Z"), -1) == t("2026-02-28T10:00:00Z"));
  CHECK(add_months(t("2024-03-31T10:00:00Z"), -1) == t("2024-02-29T10:00:00Z"));
  CHECK(add_months(t("2025-02-28T08:00:00Z"), -12) == t("2024-02-28T08:00:00Z"));
  CHECK(add_months(t("2024-02-29T08:00:00Z"), -12) == t("2023-02-28T08:00:00Z"));
  CHECK(add_months(t("2026-01-15T00:00:00Z"), -1) == t("2025-12-15T00:00:00Z"));
  CHECK(add_months(t("2027-02-28T23:59:59.999Z"), -18) == t("2025-08-28T23:59:59.999Z"));
}

TEST_CASE("add_months before 1970 splits day and time of day correctly") {
  CHECK(add_months(t("1969-12-31T23:00:00Z"), 1) == t("1970-01-31T23:00:00Z"));
  CHECK(add_months(t("1969-01-31T00:00:01Z"), 1) == t("1969-02-28T00:00:01Z"));
  CHECK(add_months(-1, 2) == t("1970-02-28T23:59:59.999Z"));
}

TEST_CASE("local_midnight starts the caller's local day, as a UTC instant") {
  const Instant now = t("2026-03-10T02:00:00Z");
  // UTC: midnight of the same UTC day.
  CHECK(local_midnight(now, 0) == t("2026-03-10T00:00:00Z"));
  // UTC-5: it is still 9 March, 21:00, locally.
  CHECK(local_midnight(now, -300) == t("2026-03-09T00:00:00-05:00"));
  CHECK(local_midnight(now, -300) == t("2026-03-09T05:00:00Z"));
  // UTC+1: 03:00 on 10 March locally.
  CHECK(local_midnight(now, 60) == t("2026-03-10T00:00:00+01:00"));
  // UTC+5:30 and UTC+5:45 (India, Nepal).
  CHECK(local_midnight(now, 330) == t("2026-03-10T00:00:00+05:30"));
  CHECK(local_midnight(now, 345) == t("2026-03-10T00:00:00+05:45"));
  // UTC-9:30 (Marquesas).
  CHECK(local_midnight(now, -570) == t("2026-03-09T00:00:00-09:30"));
}

TEST_CASE("local_midnight at the extreme offsets -720 and +840") {
  const Instant now = t("2026-03-10T10:00:00Z");
  // UTC-12: 9 March, 22:00 locally.
  CHECK(local_midnight(now, -720) == t("2026-03-09T00:00:00-12:00"));
  CHECK(local_midnight(now, -720) == t("2026-03-09T12:00:00Z"));
  // UTC+14: exactly 11 March, 00:00 locally: the day has just begun.
  CHECK(local_midnight(now, 840) == now);
  CHECK(local_midnight(now, 840) == t("2026-03-11T00:00:00+14:00"));
  // The same moment is "today" on 9 March at one end and 11 March at the other.
  CHECK(local_midnight(now, 840) - local_midnight(now, -720) == 22 * kHour);
}

TEST_CASE("local_midnight around the local day boundary") {
  for (int offset : {-720, -570, -300, 0, 60, 330, 345, 840}) {
    INFO("offset " << offset);
    const Instant midnight = t("2026-06-15T00:00:00Z") - offset * kMillisPerMinute;
    // At local midnight exactly, today begins now.
    CHECK(local_midnight(midnight, offset) == midnight);
    // One millisecond later: still the same day.
    CHECK(local_midnight(midnight + 1, offset) == midnight);
    // One millisecond before: the previous local day.
    CHECK(local_midnight(midnight - 1, offset) == midnight - kMillisPerDay);
    // The last millisecond of the local day.
    CHECK(local_midnight(midnight + kMillisPerDay - 1, offset) == midnight);
    CHECK(local_midnight(midnight + kMillisPerDay, offset) == midnight + kMillisPerDay);
    // Whatever `now`, its local midnight is at or before it, less than a day back.
    for (Instant step = 0; step < 2 * kMillisPerDay; step += 7 * kHour + 13) {
      Instant n = midnight + step;
      Instant m = local_midnight(n, offset);
      CHECK(m <= n);
      CHECK(n - m < kMillisPerDay);
      CHECK((m + offset * kMillisPerMinute) % kMillisPerDay == 0);
    }
  }
}

TEST_CASE("local_midnight before 1970") {
  CHECK(local_midnight(-1, 0) == -kMillisPerDay);
  CHECK(local_midnight(0, 0) == 0);
  CHECK(local_midnight(0, -60) == t("1969-12-31T00:00:00-01:00"));
  CHECK(local_midnight(0, 60) == t("1970-01-01T00:00:00+01:00"));
}
