// Checking a CalendarDefinition before it is compiled.
#pragma once

#include <optional>
#include <string>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit::detail {

/// "calendar 'name'", or "calendar" for an unnamed one: the prefix of every
/// message about a calendar.
[[nodiscard]] std::string calendar_label(const CalendarDefinition& def);

/// What makes a period impossible ("closes when it opens"), or nullopt.
[[nodiscard]] std::optional<std::string> period_problem(const TimeRange& r);

/// True when the calendar opens at all: a weekly period, or an override with hours.
[[nodiscard]] bool has_working_time(const CalendarDefinition& def);

/// Throws InvalidArgument naming the calendar and the bad value; returns the
/// calendar's zone.
[[nodiscard]] TimeZone validate_calendar(const CalendarDefinition& def);

}  // namespace slakit::detail
