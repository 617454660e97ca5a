#pragma once
// Time (DESIGN.md "Time"): instants are integer milliseconds since the Unix
// epoch, UTC. The core never reads a clock: every operation takes `now`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace privacy {

using Instant = std::int64_t;  // epoch milliseconds, UTC

inline constexpr Instant kMillisPerMinute = 60'000;
inline constexpr Instant kMillisPerDay = 86'400'000;
// 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z: what ISO-8601 years can say.
inline constexpr Instant kMinInstant = -62'135'596'800'000;
inline constexpr Instant kMaxInstant = 253'402'300'799'999;

// Parses "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)". A string without an
// offset, an impossible date (2026-02-30) or a time like 24:00 is rejected.
std::optional<Instant> parse_iso8601(std::string_view text);
// "YYYY-MM-DD" (a birth date): the instant of its UTC midnight.
std::optional<Instant> parse_date(std::string_view text);
// Canonical form: "YYYY-MM-DDTHH:MM:SS.fffZ".
std::string format_iso8601(Instant t);

// N calendar months later in UTC, clamped to the month's last day, same time
// of day: 31 Jan + 3 months = 30 Apr (DESIGN.md). Negative N goes back.
Instant add_months(Instant t, int months);

// The local midnight that starts the day containing `now` for a caller at
// `utc_offset_minutes` (R-DEL-2 "today"), as a UTC instant.
Instant local_midnight(Instant now, int utc_offset_minutes);

}  // namespace privacy
