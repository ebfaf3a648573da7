// slakit/calendar/calendar_definition.hpp: the description a Calendar is compiled from.
//
// A plain aggregate, filled by the rule language or by hand:
//
//   using namespace std::chrono;
//   slakit::CalendarDefinition def{.name = "berlin_support", .zone = "Europe/Berlin"};
//   for (auto day : {Monday, Tuesday, Wednesday, Thursday, Friday}) {
//     def.weekly.push_back({day, {slakit::TimeOfDay{8, 0}, slakit::TimeOfDay{12, 0}}});
//     def.weekly.push_back({day, {slakit::TimeOfDay{12, 30}, slakit::TimeOfDay{17, 0}}});
//   }
//   def.overrides.push_back({2026y / December / 20, {{slakit::TimeOfDay{10, 0},
//                                                      slakit::TimeOfDay{14, 0}}}});
//   slakit::Calendar calendar{def};
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "slakit/calendar/holiday_rule.hpp"
#include "slakit/time/time_of_day.hpp"

namespace slakit {

/// Opening hours on one date. When `close` is not after `open` the period
/// crosses midnight and closes on the next date ("22:00-06:00"); 24:00 closes
/// at midnight. `open == close` is rejected.
struct TimeRange {
  TimeOfDay open{};
  TimeOfDay close{};
  friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

/// A period that recurs every week on `day`.
struct WeeklyPeriod {
  std::chrono::weekday day{};
  TimeRange hours{};
};

/// The hours of one date, replacing the weekly periods and any holiday of
/// that date. Empty `hours` closes the date. With `extra`, the hours are
/// added to the date's periods instead ("open 2026-12-19 18:00-20:00
/// extra"); no holiday or break of the date cuts them.
struct DateOverride {
  std::chrono::year_month_day date{};
  std::vector<TimeRange> hours{};
  bool extra = false;
};

/// How a composed calendar combines its parts' open time (Calendar::union_of,
/// intersection_of, difference; docs/semantics.md, "Composed calendars").
enum class CalendarOp {
  union_of,      ///< open when any part is open
  intersection,  ///< open when every part is open
  difference,    ///< open when the first part is open and the second is not
};

struct CalendarDefinition {
  std::string name{};
  std::string zone = "UTC";  ///< an IANA time-zone name
  std::vector<WeeklyPeriod> weekly{};
  std::vector<HolidayRule> holidays{};
  std::vector<DateOverride> overrides{};
};

}  // namespace slakit
