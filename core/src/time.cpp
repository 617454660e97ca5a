#include "privacy/time.hpp"

#include <date/date.h>

#include <cstdio>

namespace privacy {
namespace {

using namespace std::chrono;

// Reads exactly `n` ASCII digits at `pos`, advancing it.
bool digits(std::string_view s, std::size_t& pos, int n, int& out) {
  if (pos + static_cast<std::size_t>(n) > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(n);
  out = v;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::optional<date::sys_days> civil_day(int y, int m, int d) {
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd};
}

Instant day_millis(date::sys_days d) {
  return static_cast<Instant>(d.time_since_epoch().count()) * kMillisPerDay;
}

// floor division, so times before 1970 split into day and time of day correctly.
Instant floor_div(Instant a, Instant b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::optional<Instant> parse_date(std::string_view s) {
  // The date parsing is hand-written rather than date::parse because that
  // needs iostreams, which would add ~100 KB to the WebAssembly module.
  std::size_t pos = 0;
  int y = 0, m = 0, d = 0;
  if (!digits(s, pos, 4, y) || !expect(s, pos, '-') || !digits(s, pos, 2, m) ||
      !expect(s, pos, '-') || !digits(s, pos, 2, d) || pos != s.size() || y < 1)
    return std::nullopt;
  auto day = civil_day(y, m, d);
  if (!day) return std::nullopt;
  return day_millis(*day);
}

std::optional<Instant> parse_iso8601(std::string_view s) {
  if (s.size() < 10 || s.size() > 40) return std::nullopt;
  auto date_part = parse_date(s.substr(0, 10));
  if (!date_part) return std::nullopt;
  std::size_t pos = 10;
  int hh = 0, mm = 0, ss = 0, ms = 0;
  if (!expect(s, pos, 'T') || !digits(s, pos, 2, hh) || !expect(s, pos, ':') ||
      !digits(s, pos, 2, mm))
    return std::nullopt;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!digits(s, pos, 2, ss)) return std::nullopt;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      // 1 to 9 fraction digits; milliseconds keep the first three (truncated).
      int count = 0, frac = 0;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && count < 9) {
        if (count < 3) frac = frac * 10 + (s[pos] - '0');
        ++pos;
        ++count;
      }
      if (count == 0) return std::nullopt;
      for (int i = count; i < 3; ++i) frac *= 10;
      ms = frac;
    }
  }
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  int offset_minutes = 0;
  if (pos >= s.size()) return std::nullopt;  // no offset: rejected, not guessed
  if (s[pos] == 'Z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!digits(s, pos, 2, oh) || !expect(s, pos, ':') || !digits(s, pos, 2, om) || oh > 23 ||
        om > 59)
      return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  Instant t = *date_part + ((hh * 60 + mm) * 60 + ss) * Instant{1000} + ms -
              offset_minutes * kMillisPerMinute;
  if (t < kMinInstant || t > kMaxInstant) return std::nullopt;
  return t;
}

std::string format_iso8601(Instant t) {
  Instant days = floor_div(t, kMillisPerDay);
  Instant rest = t - days * kMillisPerDay;
  date::year_month_day ymd{date::sys_days{date::days{days}}};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(rest / 3'600'000),
                int(rest / 60'000 % 60), int(rest / 1000 % 60), int(rest % 1000));
  return buf;
}

Instant add_months(Instant t, int months) {
  Instant days = floor_div(t, kMillisPerDay);
  Instant time_of_day = t - days * kMillisPerDay;
  date::year_month_day ymd{date::sys_days{date::days{days}}};
  date::year_month ym = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
  date::year_month_day target{ym.year(), ym.month(), ymd.day() > last ? last : ymd.day()};
  return day_millis(date::sys_days{target}) + time_of_day;
}

Instant local_midnight(Instant now, int utc_offset_minutes) {
  Instant offset = utc_offset_minutes * kMillisPerMinute;
  Instant local = now + offset;
  return floor_div(local, kMillisPerDay) * kMillisPerDay - offset;
}

}  // namespace privacy
