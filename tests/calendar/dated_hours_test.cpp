// Extra hours and dated breaks (docs/semantics.md, "Holidays and dated
// overrides"), in Berlin, on dates next to both of its DST transitions.
#include <doctest/doctest.h>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;
using test::period;
using test::wall;

namespace {

CalendarDefinition berlin_week() {
  CalendarDefinition def{.name = "berlin", .zone = "Europe/Berlin"};
  test::add_weekly(def, test::kMonToFri, {period("09:00", "17:00")});
  test::add_weekly(def, {Saturday}, {period("10:00", "14:00")});
  test::add_weekly(def, {Sunday}, {period("22:00", "06:00")});
  return def;
}

// The open stretches of one local date from 07:00, after Sunday's night shift.
std::vector<Interval> local_day(const Calendar& cal, year_month_day d) {
  return cal.open_intervals(wall(cal, d, 7h), wall(cal, d, 24h));
}

}  // namespace

// "Extra hours on a date add to its periods instead of replacing them; no
// holiday or break of that date cuts them."
TEST_CASE("extra hours add to the weekly periods") {
  auto def = berlin_week();
  // Saturday 2026-03-28, the eve of the spring change, and a holiday.
  def.overrides.push_back({2026y / 3 / 28, {period("18:00", "20:00")}, true});
  def.overrides.push_back({2026y / 10 / 24, {period("13:00", "15:00")}, true});  // touches
  def.overrides.push_back({2026y / 12 / 25, {period("10:00", "12:00")}, true});
  def.holidays.push_back({.name = "Christmas", .date = FixedDate{December / 25}});
  const Calendar cal{def};
  const auto d = 2026y / 3 / 28;
  CHECK(local_day(cal, d) == std::vector<Interval>{{wall(cal, d, 10h), wall(cal, d, 14h)},
                                                   {wall(cal, d, 18h), wall(cal, d, 20h)}});
  // "Extra hours that overlap or touch a period join it into one stretch."
  const auto o = 2026y / 10 / 24;
  CHECK(local_day(cal, o) == std::vector<Interval>{{wall(cal, o, 10h), wall(cal, o, 15h)}});
  // On a holiday they are the date's only hours.
  const auto x = 2026y / 12 / 25;
  CHECK(local_day(cal, x) == std::vector<Interval>{{wall(cal, x, 10h), wall(cal, x, 12h)}});
  CHECK(cal.is_business_day(x));
}

// "A dated break closes part of one date: it is a one-off partial holiday."
// It cuts the date's weekly periods; "the part of an overnight shift after
// midnight is not that date's, so it is not cut"; an override of the date
// replaces it like any holiday.
TEST_CASE("dated breaks cut one date's periods") {
  auto def = berlin_week();
  const auto brk = [](year_month_day first, year_month_day final_day) {
    return HolidayRule{.date = DateRange{first, final_day},
                       .closed_from = TimeOfDay{12, 0},
                       .closed_until = TimeOfDay{13, 0}};
  };
  def.holidays.push_back(brk(2026y / 10 / 23, 2026y / 10 / 23));  // Friday before the change
  def.holidays.push_back(brk(2026y / 3 / 30, 2026y / 3 / 31));    // over two dates
  // Monday 2026-10-26 from 02:00: Sunday's night shift runs to 06:00 Monday.
  def.holidays.push_back({.name = "Early break",
                          .date = OneOffDate{2026y / 10 / 26},
                          .closed_from = TimeOfDay{2, 0},
                          .closed_until = TimeOfDay{3, 0}});
  def.holidays.push_back(brk(2026y / 12 / 21, 2026y / 12 / 21));
  def.overrides.push_back({2026y / 12 / 21, {period("11:00", "15:00")}});
  const Calendar cal{def};
  for (auto d : {2026y / 10 / 23, 2026y / 3 / 30, 2026y / 3 / 31}) {
    CAPTURE(format_date(d));
    CHECK(local_day(cal, d) == std::vector<Interval>{{wall(cal, d, 9h), wall(cal, d, 12h)},
                                                     {wall(cal, d, 13h), wall(cal, d, 17h)}});
  }
  const auto m = 2026y / 10 / 26;
  CHECK(cal.elapsed(wall(cal, m, 0h), wall(cal, m, 6h)) == 6h);
  const auto o = 2026y / 12 / 21;
  CHECK(local_day(cal, o) == std::vector<Interval>{{wall(cal, o, 11h), wall(cal, o, 15h)}});
}
