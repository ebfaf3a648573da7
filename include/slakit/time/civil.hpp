// slakit/time/civil.hpp: civil (zone-less) dates and times.
//
// slakit uses the C++20 <chrono> calendar types as its one model of civil
// dates: std::chrono::year_month_day for fields, std::chrono::local_days and
// local_seconds (on the local_t pseudo-clock) for arithmetic. A local time is
// not an instant: only a slakit::TimeZone turns one into the other.
//
//   auto d = slakit::parse_date("2026-12-20");  // 2026y/December/20
//   slakit::format_date(d);                     // "2026-12-20"
//   slakit::parse_date("2026-02-30");           // throws InvalidArgument
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace slakit {

using LocalDays = std::chrono::local_days;
using LocalSeconds = std::chrono::local_seconds;

/// Parses "YYYY-MM-DD"; throws InvalidArgument naming the text when it is
/// malformed or not a real date.
[[nodiscard]] std::chrono::year_month_day parse_date(std::string_view text);

/// "YYYY-MM-DD".
[[nodiscard]] std::string format_date(std::chrono::year_month_day date);

/// "YYYY-MM-DDTHH:MM:SS" (no offset: this is a wall-clock reading).
[[nodiscard]] std::string format_local(LocalSeconds t);

/// The weekday's three-letter English name: "mon", "tue", ...
[[nodiscard]] std::string_view weekday_name(std::chrono::weekday day);

/// The month's three-letter English name: "jan", "feb", ...
[[nodiscard]] std::string_view month_name(std::chrono::month m);

}  // namespace slakit
