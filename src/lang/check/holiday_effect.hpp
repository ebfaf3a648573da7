// W0243: holiday and `closed` lines of a plain calendar that change nothing
// (docs/language.md, "Calendars"), judged on the engine's own holiday dates.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "slakit/calendar/calendar_definition.hpp"

namespace slakit::detail {

/// Why `rule` never takes effect in the calendar `def` (its weekly hours and
/// dated overrides complete), or nullopt when it may: it falls on no date
/// from 1970 to 2100; an override that is not `extra` replaces it on every
/// date it falls on (`open_line` names the override of a date, for the
/// message); or no weekly period of those dates reaches the part it closes.
[[nodiscard]] std::optional<std::string> holiday_without_effect(
    const HolidayRule& rule, const CalendarDefinition& def,
    const std::function<std::string(std::chrono::year_month_day)>& open_line);

}  // namespace slakit::detail
