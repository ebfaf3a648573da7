// Checking a CalendarDefinition before it is compiled.
#pragma once

#include <string>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit::detail {

/// "calendar 'name'", or "calendar" for an unnamed one: the prefix of every
/// message about a calendar.
[[nodiscard]] std::string calendar_label(const CalendarDefinition& def);

/// Throws InvalidArgument naming the calendar and the bad value; returns the
/// calendar's zone.
[[nodiscard]] TimeZone validate_calendar(const CalendarDefinition& def);

}  // namespace slakit::detail
