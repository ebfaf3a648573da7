// Checking a CalendarDefinition before it is compiled.
#pragma once

#include <optional>
#include <string>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/calendar/holiday_rule.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit::detail {

/// "calendar 'name'", or "calendar" for an unnamed one: the prefix of every
/// message about a calendar.
[[nodiscard]] std::string calendar_label(const CalendarDefinition& def);

/// What makes a period impossible ("closes when it opens"), or nullopt.
[[nodiscard]] std::optional<std::string> period_problem(const TimeRange& r);

/// True when the calendar opens at all: a weekly period, or an override with hours.
[[nodiscard]] bool has_working_time(const CalendarDefinition& def);

/// True when no instant of the local date `d`, in any zone, lies in the
/// supported range: before 1969-12-31 or after 2101-01-01 (docs/language.md,
/// "Calendars"), each bound widened by `margin` for a date an observance moves.
[[nodiscard]] bool date_outside_range(std::chrono::year_month_day d,
                                      std::chrono::days margin = std::chrono::days{0});

/// True when a holiday rule never closes a date the supported range reaches:
/// its dates, or the years it is bounded to, lie outside (W0236).
[[nodiscard]] bool holiday_outside_range(const HolidayRule& rule);

/// What a plain calendar surely offers each year, from its definition alone:
/// at least `dates` dates open, each adding at least `per_date` of open
/// time (overlaps across midnight allowed for). Zero dates
/// when its holidays might close too much to tell (then ask the compiled
/// calendar). Lets the lints of W0235 and W0237 skip building blocks.
struct OpenFloor {
  int dates = 0;
  std::chrono::seconds per_date{0};
};
[[nodiscard]] OpenFloor open_floor(const CalendarDefinition& def);

/// Throws InvalidArgument naming the calendar and the bad value; returns the
/// calendar's zone.
[[nodiscard]] TimeZone validate_calendar(const CalendarDefinition& def);

}  // namespace slakit::detail
