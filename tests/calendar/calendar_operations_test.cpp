#include <doctest/doctest.h>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;
using test::period;
using test::utc;

TEST_CASE("a worked example: Friday afternoon in New York across the DST change") {
  const Calendar cal{test::nine_to_five("America/New_York")};
  // Friday 2026-03-06 16:00 EST + 2h = Monday 2026-03-09 10:00 EDT.
  const auto due = cal.add(utc(2026y / 3 / 6, 21h), 2h);
  CHECK(due == utc(2026y / 3 / 9, 14h));
  CHECK(cal.zone().format(due) == "2026-03-09T10:00:00-04:00");
  CHECK(cal.elapsed(utc(2026y / 3 / 6, 21h), due) == 2h);
  CHECK(cal.elapsed(utc(2026y / 3 / 6, 14h), utc(2026y / 3 / 9, 13h)) == 8h);
}

TEST_CASE("arithmetic across UTC year boundaries, where the compiled blocks split") {
  // Tokyo's New Year opens at 15:00 UTC on December 31: blocks split mid-period.
  CalendarDefinition def{.name = "always", .zone = "Asia/Tokyo"};
  test::add_weekly(def, test::kEveryDay, {period("00:00", "24:00")});
  const Calendar always{def};
  const auto start = utc(2026y / 12 / 31, 12h);
  CHECK(always.add(start, 24h) == start + 24h);
  CHECK(always.subtract(start + 24h, 24h) == start);
  CHECK(always.elapsed(start, start + 72h) == 72h);
  CHECK(always.open_intervals(start, start + 72h) == std::vector<Interval>{{start, start + 72h}});
  CHECK_FALSE(always.next_close(start).has_value());

  const Calendar ny{test::nine_to_five("America/New_York")};
  // Thursday 2026-12-31 16:00 EST is 21:00 UTC; 17:00 EST is already 2027 in UTC.
  CHECK(ny.add(utc(2026y / 12 / 31, 21h), 2h) == utc(2027y / 1 / 1, 15h));
  CHECK(ny.subtract(utc(2027y / 1 / 1, 15h), 2h) == utc(2026y / 12 / 31, 21h));
  CHECK(ny.next_close(utc(2026y / 12 / 31, 21h)) == utc(2026y / 12 / 31, 22h));
  CHECK(ny.elapsed(utc(2026y / 12 / 31, 21h), utc(2027y / 1 / 1, 15h)) == 2h);
}

TEST_CASE("long durations and spans cover many years exactly") {
  const Calendar cal{test::nine_to_five("Europe/Berlin")};
  const auto start = utc(2026y / 1 / 5, 8h);  // Monday 09:00 CET
  // 52 weeks of 40 hours land on the same weekday and wall time 52 weeks later.
  const auto due = cal.add(start, 52 * 40h);
  CHECK(due == utc(2027y / 1 / 1, 16h));  // Friday 17:00 CET: the last closing
  CHECK(cal.elapsed(start, due) == 52 * 40h);
  CHECK(cal.subtract(due, 52 * 40h) == start);
  const auto far = cal.add(start, 40 * 52 * 40h);
  CHECK(cal.elapsed(start, far) == 40 * 52 * 40h);
  CHECK(cal.elapsed(utc(1970y / 1 / 1, 0h), utc(2100y / 12 / 31, 0h)) > 0s);
}

TEST_CASE("open_intervals clips to the range and lists each stretch once") {
  const Calendar cal{test::nine_to_five("UTC")};
  CHECK(cal.open_intervals(utc(2026y / 3 / 6, 12h), utc(2026y / 3 / 9, 10h)) ==
        std::vector<Interval>{{utc(2026y / 3 / 6, 12h), utc(2026y / 3 / 6, 17h)},
                              {utc(2026y / 3 / 9, 9h), utc(2026y / 3 / 9, 10h)}});
  CHECK(cal.open_intervals(utc(2026y / 3 / 9, 10h), utc(2026y / 3 / 9, 10h)).empty());
  CHECK(cal.open_intervals(utc(2026y / 3 / 9, 10h), utc(2026y / 3 / 6, 10h)).empty());
  CHECK(cal.open_intervals(utc(2026y / 3 / 7, 0h), utc(2026y / 3 / 8, 0h)).empty());
}

TEST_CASE("copies share one compiled state and give the same answers") {
  const Calendar a{test::nine_to_five("Europe/Berlin")};
  const Calendar b = a;
  CHECK(b.name() == "nine_to_five");
  CHECK(b.zone().name() == "Europe/Berlin");
  CHECK(b.definition().weekly.size() == 5);
  CHECK(a.add(utc(2026y / 3 / 6, 12h), 10h) == b.add(utc(2026y / 3 / 6, 12h), 10h));
}

TEST_CASE("compiled blocks are built per year on first use and stay small") {
  const Calendar cal{test::nine_to_five("Europe/Berlin")};
  CHECK(cal.compiled_bytes() == 0);
  (void)cal.add(utc(2026y / 3 / 6, 12h), 1h);
  const auto one_year = cal.compiled_bytes();
  CHECK(one_year > 3000);
  CHECK(one_year < 6 * 1024);  // 2026 only: 261 open spans of 12 bytes, a day index
  (void)cal.add_business_days(2026y / 3 / 6, 1);
  (void)cal.elapsed(utc(1970y / 1 / 1, 0h), utc(2100y / 12 / 31, 0h));
  for (int y = 1970; y <= 2100; ++y) (void)cal.is_business_day(year_month_day{year{y} / 6 / 1});
  const auto all_years = cal.compiled_bytes();
  MESSAGE("bytes per year covered, time and business days: " << all_years / 131);
  CHECK(all_years / 131 < 6 * 1024);
}
