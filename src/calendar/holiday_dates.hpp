// Turning holiday rules into dated holidays, observed shifts included.
#pragma once

#include <vector>

#include "slakit/calendar/holiday_rule.hpp"

namespace slakit::detail {

/// The most days a day offset moves a date ("easter + 50", "4th thu of nov + 1").
inline constexpr int kMaxDayOffset = 366;

/// The days a rule moves its date by: an Easter or weekday-of-month offset, else 0.
[[nodiscard]] int day_offset(const HolidayDate& date);

/// Whether the rule's offset may move its date into another year ("1st mon
/// of jan - 3"), so that a year may hold two of its dates.
[[nodiscard]] bool may_leave_its_year(const HolidayDate& date);

/// Throws InvalidArgument naming the rule and value when a rule cannot occur
/// as written (Feb 30, the 6th Monday, a shift on a range, closed 14:00-12:00).
void validate_holiday_rule(const HolidayRule& rule);

/// The holidays dated in the years [first_year, last_year], sorted by date.
/// Rules of neighbouring years are considered, so that New Year's Day of the
/// next year can be observed on December 31.
[[nodiscard]] std::vector<Holiday> holidays_in_years(const std::vector<HolidayRule>& rules,
                                                     int first_year, int last_year);

}  // namespace slakit::detail
