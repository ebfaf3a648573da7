// Turning holiday rules into dated holidays, observed shifts included.
#pragma once

#include <vector>

#include "slakit/calendar/holiday_rule.hpp"

namespace slakit::detail {

/// Throws InvalidArgument naming the rule and value when a rule cannot occur
/// as written (Feb 30, the 6th Monday, a shift on a range, closed 14:00-12:00).
void validate_holiday_rule(const HolidayRule& rule);

/// The holidays dated in the years [first_year, last_year], sorted by date.
/// Rules of neighbouring years are considered, so that New Year's Day of the
/// next year can be observed on December 31.
[[nodiscard]] std::vector<Holiday> holidays_in_years(const std::vector<HolidayRule>& rules,
                                                     int first_year, int last_year);

}  // namespace slakit::detail
