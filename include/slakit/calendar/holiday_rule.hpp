// slakit/calendar/holiday_rule.hpp: rules that say which dates are holidays.
//
// A rule names the date it falls on each year, an optional "observed" shift
// for dates that fall on a weekend, the years it skips, and whether it closes
// the whole day or part of it.
//
//   using namespace std::chrono;
//   slakit::HolidayRule thanksgiving{.name = "Thanksgiving",
//                                    .date = slakit::NthWeekday{November, Thursday, 4}};
//   slakit::HolidayRule new_year{.name = "New Year's Day",
//                                .date = slakit::FixedDate{January / 1},
//                                .observance = slakit::Observance::nearest_weekday};
//   slakit::HolidayRule black_friday{.name = "Day after Thanksgiving",
//                                    .date = slakit::NthWeekday{November, Thursday, 4, 1}};
//   slakit::HolidayRule good_friday{.name = "Good Friday", .date = slakit::EasterOffset{-2}};
//   slakit::HolidayRule new_years_eve{.name = "New Year's Eve",
//                                     .date = slakit::FixedDate{December / 31},
//                                     .closed_from = slakit::TimeOfDay{12, 0}};
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "slakit/time/time_of_day.hpp"

namespace slakit {

/// The same month and day every year ("jan 1"). February 29 occurs in leap years only.
struct FixedDate {
  std::chrono::month_day date{};
};

/// The n-th weekday of a month ("4th thu of nov"); n = -1 means the last
/// ("last mon of may"). A 5th weekday that a month lacks does not occur.
/// `days` moves the date ("4th thu of nov + 1", the day after Thanksgiving,
/// which "4th fri of nov" is not when November begins on a Friday); the
/// rule's years are those of the weekday before the move.
struct NthWeekday {
  std::chrono::month month{};
  std::chrono::weekday weekday{};
  int n = 1;     ///< 1..5, or -1 for the last
  int days = 0;  ///< days after (+) or before (-) that weekday, at most 366 either way
};

enum class EasterKind {
  western,   ///< Gregorian computus (Catholic and Protestant churches)
  orthodox,  ///< Julian computus, expressed as a Gregorian date
};

/// Days relative to Easter Sunday: Good Friday = -2, Whit Monday = +50.
struct EasterOffset {
  int days = 0;
  EasterKind kind = EasterKind::western;
};

/// A single date ("2026-12-24").
struct OneOffDate {
  std::chrono::year_month_day date{};
};

/// Every year from one month-day to another, inclusive ("dec 24 .. jan 1");
/// when `last` comes before `first` the range runs into the next year.
struct AnnualRange {
  std::chrono::month_day first{};
  std::chrono::month_day last{};
};

/// A single range of dates, inclusive.
struct DateRange {
  std::chrono::year_month_day first{};
  std::chrono::year_month_day last{};
};

using HolidayDate =
    std::variant<FixedDate, NthWeekday, EasterOffset, OneOffDate, AnnualRange, DateRange>;

/// What happens to a holiday that falls on a Saturday or Sunday. The actual
/// date stays a holiday; the shift adds the observed date.
enum class Observance {
  none,
  /// Saturday to the Friday before, Sunday to the Monday after (US federal).
  /// New Year's Day on a Saturday is observed on December 31 of the year before.
  nearest_weekday,
  /// Sunday to the Monday after; Saturday is not moved.
  sunday_to_monday,
  /// Saturday or Sunday to the next Monday-to-Friday date that is not already
  /// a holiday (English substitute days: Christmas on a Saturday and Boxing
  /// Day on a Sunday close Monday and Tuesday).
  next_free_weekday,
  /// Sunday to the next date that is not already a holiday; Saturday is not
  /// moved (Japan's substitute holiday: Constitution Day on Sunday
  /// 2026-05-03 closes Wednesday May 6, after Greenery Day and Children's
  /// Day).
  sunday_to_next_free,
};

struct HolidayRule {
  std::string name{};
  HolidayDate date{};
  Observance observance = Observance::none;
  /// A partial closure: closed from this wall-clock time of the holiday's date
  /// until `closed_until`, or to the end of that date's periods. With neither
  /// field set the whole day is closed.
  std::optional<TimeOfDay> closed_from{};
  std::optional<TimeOfDay> closed_until{};
  /// Years in which the rule does not occur (a bank holiday moved once).
  std::vector<int> skip_years{};
  /// The first and last years in which the rule occurs, when it is not for ever.
  std::optional<int> first_year{};
  std::optional<int> last_year{};
};

/// One occurrence of a holiday rule on a date.
struct Holiday {
  std::chrono::year_month_day date{};
  std::string name{};
  bool observed = false;  ///< true for a date produced by an observed shift
  std::optional<TimeOfDay> closed_from{};
  std::optional<TimeOfDay> closed_until{};

  [[nodiscard]] bool whole_day() const noexcept { return !closed_from && !closed_until; }
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

}  // namespace slakit
