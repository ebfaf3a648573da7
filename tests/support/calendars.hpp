// Small builders for calendar definitions used across the tests.
#pragma once

#include <slakit/calendar/calendar.hpp>

#include <initializer_list>
#include <string>
#include <vector>

namespace slakit::test {

inline TimeRange period(const char* open, const char* close) {
  return {TimeOfDay::parse(open), TimeOfDay::parse(close)};
}

/// The same periods on each of `days`.
inline void add_weekly(CalendarDefinition& def, std::initializer_list<std::chrono::weekday> days,
                       std::initializer_list<TimeRange> ranges) {
  for (auto d : days) {
    for (const auto& r : ranges) def.weekly.push_back({d, r});
  }
}

inline constexpr std::initializer_list<std::chrono::weekday> kMonToFri = {
    std::chrono::Monday, std::chrono::Tuesday, std::chrono::Wednesday, std::chrono::Thursday,
    std::chrono::Friday};
inline constexpr std::initializer_list<std::chrono::weekday> kEveryDay = {
    std::chrono::Monday, std::chrono::Tuesday,  std::chrono::Wednesday, std::chrono::Thursday,
    std::chrono::Friday, std::chrono::Saturday, std::chrono::Sunday};

/// Monday to Friday 09:00-17:00 in `zone`.
inline CalendarDefinition nine_to_five(std::string zone) {
  CalendarDefinition def{.name = "nine_to_five", .zone = std::move(zone)};
  add_weekly(def, kMonToFri, {period("09:00", "17:00")});
  return def;
}

/// Monday to Friday 09:00-17:00 in `zone`, closed on the dates of `rules`.
inline Calendar with_holidays(std::vector<HolidayRule> rules, std::string zone = "UTC") {
  auto def = nine_to_five(std::move(zone));
  def.holidays = std::move(rules);
  return Calendar{def};
}

using Ymds = std::vector<std::chrono::year_month_day>;

/// The dates of `holidays`, in their order.
inline Ymds dates_of(const std::vector<Holiday>& holidays) {
  Ymds out;
  for (const auto& h : holidays) out.push_back(h.date);
  return out;
}

/// UTC instant from a date and a time of day.
inline Instant utc(std::chrono::year_month_day d, std::chrono::seconds s) {
  return std::chrono::sys_days{d} + s;
}

/// The instant at which `zone`'s wall clock shows `d` + `s` (earliest rule).
inline Instant wall(const Calendar& cal, std::chrono::year_month_day d, std::chrono::seconds s) {
  return cal.zone().resolve(std::chrono::local_days{d} + s).instant;
}

}  // namespace slakit::test
