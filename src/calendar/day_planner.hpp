// Which periods a calendar opens on each local date, in UTC.
#pragma once

#include <array>
#include <map>
#include <vector>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/time/instant.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit::detail {

/// Applies the weekly periods, holidays and overrides of a validated
/// definition to local dates, and converts the result to UTC by the rule of
/// docs/semantics.md: a period opens at the first instant whose wall clock
/// shows its opening time or later, and closes likewise.
class DayPlanner {
 public:
  DayPlanner(const CalendarDefinition& definition, TimeZone zone);

  /// Appends the non-empty UTC periods that belong to the dates [first, last],
  /// unsorted and unmerged; when `open_dates` is given, also the dates that
  /// contributed at least one period (the business days).
  void periods(LocalDays first, LocalDays last, std::vector<Interval>& out,
               std::vector<LocalDays>* open_dates = nullptr) const;

 private:
  struct Closure {
    Seconds from;  // since the date's midnight
    Seconds until;
  };
  void periods_of(LocalDays date, const std::vector<Closure>* closures,
                  std::vector<Interval>& out) const;

  TimeZone zone_;
  const std::vector<HolidayRule>* holidays_;
  std::array<std::vector<TimeRange>, 7> weekly_;        // by weekday c_encoding
  std::map<LocalDays, const DateOverride*> overrides_;  // into the definition
};

}  // namespace slakit::detail
