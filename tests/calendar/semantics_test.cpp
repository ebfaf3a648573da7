// Every rule of docs/semantics.md, quoted above the checks that pin it down,
// in three zones with DST (one with a 30-minute shift) and one without.
#include <doctest/doctest.h>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;
using test::period;
using test::utc;

namespace {

constexpr const char* kZones[] = {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
                                  "Asia/Tokyo"};

// Business time of one local date's early-morning periods (those of `daily`
// below), measured from the evening before to the evening of the date.
Seconds business_on(const Calendar& cal, year_month_day d) {
  const auto from = test::wall(cal, d, -6h), to = test::wall(cal, d, 20h);
  return cal.elapsed(from, to);
}

Calendar daily(const char* zone, std::initializer_list<TimeRange> ranges) {
  CalendarDefinition def{.name = "daily", .zone = zone};
  test::add_weekly(def, test::kEveryDay, ranges);
  return Calendar{def};
}

}  // namespace

// "A period opens at the first instant at which the wall clock in the
// calendar's zone shows the opening time or later. So a period opening inside
// a DST gap opens when the clock jumps."
TEST_CASE("a period opening inside a DST gap opens when the clock jumps") {
  SUBCASE("America/New_York, 2026-03-08 02:00 -> 03:00") {
    const auto cal = daily("America/New_York", {period("02:30", "05:00")});
    CHECK(cal.open_intervals(utc(2026y / 3 / 8, 0h), utc(2026y / 3 / 8, 12h)) ==
          std::vector<Interval>{{utc(2026y / 3 / 8, 7h), utc(2026y / 3 / 8, 9h)}});
  }
  SUBCASE("Europe/Berlin, 2026-03-29 02:00 -> 03:00") {
    const auto cal = daily("Europe/Berlin", {period("02:30", "05:00")});
    CHECK(cal.open_intervals(utc(2026y / 3 / 28, 23h), utc(2026y / 3 / 29, 12h)) ==
          std::vector<Interval>{{utc(2026y / 3 / 29, 1h), utc(2026y / 3 / 29, 3h)}});
  }
  SUBCASE("Australia/Lord_Howe, 2026-10-04 02:00 -> 02:30") {
    const auto cal = daily("Australia/Lord_Howe", {period("02:15", "04:00")});
    CHECK(cal.open_intervals(utc(2026y / 10 / 3, 12h), utc(2026y / 10 / 4, 0h)) ==
          std::vector<Interval>{{utc(2026y / 10 / 3, 15h + 30min), utc(2026y / 10 / 3, 17h)}});
  }
}

// "A period that spans a repeated hour lasts an hour longer (half an hour on
// Lord Howe Island)."
TEST_CASE("a period that spans a repeated hour lasts longer by the repeat") {
  CHECK(business_on(daily("America/New_York", {period("00:00", "03:00")}), 2026y / 11 / 1) == 4h);
  CHECK(business_on(daily("Europe/Berlin", {period("01:00", "04:00")}), 2026y / 10 / 25) == 4h);
  CHECK(business_on(daily("Australia/Lord_Howe", {period("01:00", "03:00")}), 2026y / 4 / 5) ==
        2h + 30min);
  CHECK(business_on(daily("Asia/Tokyo", {period("00:00", "03:00")}), 2026y / 11 / 1) == 3h);
}

// "A period closing inside a repeated hour closes on its first pass."
TEST_CASE("a period closing inside a repeated hour closes on its first pass") {
  const auto ny = daily("America/New_York", {period("00:00", "01:30")});
  CHECK(ny.next_close(utc(2026y / 11 / 1, 4h + 10min)) == utc(2026y / 11 / 1, 5h + 30min));
  CHECK(business_on(ny, 2026y / 11 / 1) == 1h + 30min);
  const auto berlin = daily("Europe/Berlin", {period("00:00", "02:30")});
  CHECK(berlin.next_close(utc(2026y / 10 / 24, 23h)) == utc(2026y / 10 / 25, 0h + 30min));
  const auto lh = daily("Australia/Lord_Howe", {period("00:00", "01:45")});
  CHECK(lh.next_close(utc(2026y / 4 / 4, 14h)) == utc(2026y / 4 / 4, 14h + 45min));
  CHECK(business_on(lh, 2026y / 4 / 5) == 1h + 45min);
}

// "A period that lies entirely inside a DST gap never opens; its date is not
// a business day unless another period opens on it."
TEST_CASE("a period entirely inside a DST gap never opens") {
  CalendarDefinition def{.name = "gap", .zone = "America/New_York"};
  def.weekly.push_back({Sunday, period("02:10", "02:50")});
  const Calendar cal{def};
  CHECK(cal.open_intervals(utc(2026y / 3 / 8, 0h), utc(2026y / 3 / 9, 0h)).empty());
  CHECK_FALSE(cal.is_business_day(2026y / 3 / 8));
  CHECK(cal.is_business_day(2026y / 3 / 15));
  CHECK(cal.next_open(utc(2026y / 3 / 8, 0h)) == utc(2026y / 3 / 15, 6h + 10min));
}

// Overnight shifts across both transitions: 22:00-06:00 loses the skipped
// time in spring and gains the repeated time in autumn.
TEST_CASE("overnight shifts across both DST transitions") {
  struct Case {
    const char* zone;
    year_month_day spring_night, autumn_night;
    Seconds spring, autumn;
  };
  for (const auto& c :
       {Case{"America/New_York", 2026y / 3 / 7, 2026y / 10 / 31, 7h, 9h},
        Case{"Europe/Berlin", 2026y / 3 / 28, 2026y / 10 / 24, 7h, 9h},
        Case{"Australia/Lord_Howe", 2026y / 10 / 3, 2026y / 4 / 4, 7h + 30min, 8h + 30min},
        Case{"Asia/Tokyo", 2026y / 3 / 7, 2026y / 10 / 31, 8h, 8h}}) {
    CAPTURE(c.zone);
    CalendarDefinition def{.name = "nights", .zone = c.zone};
    def.weekly.push_back({Saturday, period("22:00", "06:00")});
    const Calendar cal{def};
    const auto night = [&](year_month_day d) {
      const auto open = test::wall(cal, d, 22h);
      const auto close = cal.next_close(open);
      REQUIRE(close.has_value());
      CHECK(*close == test::wall(cal, year_month_day{local_days{d} + days{1}}, 6h));
      return *close - open;
    };
    CHECK(night(c.spring_night) == c.spring);
    CHECK(night(c.autumn_night) == c.autumn);
  }
}

// "A period belongs to the local date it opens on: holidays and overrides of
// that date apply to it, including to the part of an overnight shift after
// midnight."
TEST_CASE("an overnight shift belongs to the date it opens on") {
  for (const char* zone : kZones) {
    CAPTURE(zone);
    CalendarDefinition def{.name = "night_desk", .zone = zone};
    test::add_weekly(def, {Sunday, Monday, Tuesday, Wednesday, Thursday},
                     {period("22:00", "06:00")});
    def.holidays.push_back({.name = "Christmas Eve", .date = OneOffDate{2026y / 12 / 24}});
    def.overrides.push_back({2026y / 12 / 22, {period("20:00", "02:00")}});
    const Calendar cal{def};
    auto at = [&](year_month_day d, Seconds s) { return test::wall(cal, d, s); };
    // Wednesday's shift runs into the holiday morning...
    CHECK(cal.is_open(at(2026y / 12 / 24, 5h)));
    // ...the holiday's own shift is closed, after midnight too.
    CHECK_FALSE(cal.is_open(at(2026y / 12 / 24, 23h)));
    CHECK_FALSE(cal.is_open(at(2026y / 12 / 25, 3h)));
    CHECK(cal.next_open(at(2026y / 12 / 24, 7h)) == at(2026y / 12 / 27, 22h));
    // The override replaces Tuesday's shift, both before and after midnight.
    CHECK(cal.is_open(at(2026y / 12 / 22, 21h)));
    CHECK(cal.next_close(at(2026y / 12 / 22, 21h)) == at(2026y / 12 / 23, 2h));
    CHECK_FALSE(cal.is_open(at(2026y / 12 / 23, 4h)));
    CHECK_FALSE(cal.is_business_day(2026y / 12 / 24));
    CHECK(cal.is_business_day(2026y / 12 / 23));
  }
}

// "A start outside working time counts from the next opening."
// "A deadline that lands exactly on a closing time is that closing time, not
// the next opening."
// "Adding zero returns the first business instant at or after the start."
TEST_CASE("starts outside hours, deadlines on closing time, adding zero") {
  for (const char* zone : kZones) {
    CAPTURE(zone);
    auto def = test::nine_to_five(zone);
    def.weekly.clear();
    test::add_weekly(def, test::kMonToFri, {period("08:00", "12:00"), period("12:30", "17:00")});
    const Calendar cal{def};
    auto at = [&](year_month_day d, Seconds s) { return test::wall(cal, d, s); };
    // 2026-03-06 is a Friday, 03-07 a Saturday, 03-09 a Monday.
    CHECK(cal.add(at(2026y / 3 / 7, 12h), 1h) == at(2026y / 3 / 9, 9h));
    CHECK(cal.add(at(2026y / 3 / 6, 18h), 30min) == at(2026y / 3 / 9, 8h + 30min));
    CHECK(cal.add(at(2026y / 3 / 6, 12h + 10min), 1h) == at(2026y / 3 / 6, 13h + 30min));
    CHECK(cal.add(at(2026y / 3 / 6, 16h), 1h) == at(2026y / 3 / 6, 17h));
    CHECK(cal.add(at(2026y / 3 / 6, 11h), 1h) == at(2026y / 3 / 6, 12h));
    CHECK(cal.add(at(2026y / 3 / 6, 17h), 0s) == at(2026y / 3 / 9, 8h));
    CHECK(cal.add(at(2026y / 3 / 6, 12h), 0s) == at(2026y / 3 / 6, 12h + 30min));
    CHECK(cal.add(at(2026y / 3 / 6, 10h), 0s) == at(2026y / 3 / 6, 10h));
    CHECK(cal.add(at(2026y / 3 / 6, 8h), 0s) == at(2026y / 3 / 6, 8h));
  }
}

// "The mirror, for subtract: an end outside working time counts back from the
// previous closing; a result that lands exactly on an opening time is that
// opening time; subtracting zero returns the last instant at or before the end
// that closes a stretch of business time."
TEST_CASE("subtract mirrors add") {
  for (const char* zone : kZones) {
    CAPTURE(zone);
    const Calendar cal{test::nine_to_five(zone)};
    auto at = [&](year_month_day d, Seconds s) { return test::wall(cal, d, s); };
    CHECK(cal.subtract(at(2026y / 3 / 9, 10h), 2h) == at(2026y / 3 / 6, 16h));
    CHECK(cal.subtract(at(2026y / 3 / 9, 10h), 1h) == at(2026y / 3 / 9, 9h));
    CHECK(cal.subtract(at(2026y / 3 / 7, 12h), 1h) == at(2026y / 3 / 6, 16h));
    CHECK(cal.subtract(at(2026y / 3 / 7, 12h), 0s) == at(2026y / 3 / 6, 17h));
    CHECK(cal.subtract(at(2026y / 3 / 9, 9h), 0s) == at(2026y / 3 / 6, 17h));
    CHECK(cal.subtract(at(2026y / 3 / 6, 17h), 0s) == at(2026y / 3 / 6, 17h));
    CHECK(cal.subtract(at(2026y / 3 / 6, 11h), 0s) == at(2026y / 3 / 6, 11h));
    CHECK(cal.add(at(2026y / 3 / 9, 10h), -2h) == at(2026y / 3 / 6, 16h));
    CHECK(cal.subtract(at(2026y / 3 / 6, 16h), -2h) == at(2026y / 3 / 9, 10h));
  }
}

// "elapsed(a, b) is the business time in [a, b); when b is before a it is the
// negative of elapsed(b, a). Business time is real elapsed time: an hour of a
// 24/7 calendar is 3600 seconds, also across a DST change."
TEST_CASE("elapsed is antisymmetric and counts real seconds") {
  for (const char* zone : kZones) {
    CAPTURE(zone);
    const Calendar cal{test::nine_to_five(zone)};
    auto at = [&](year_month_day d, Seconds s) { return test::wall(cal, d, s); };
    CHECK(cal.elapsed(at(2026y / 3 / 6, 16h), at(2026y / 3 / 9, 10h)) == 2h);
    CHECK(cal.elapsed(at(2026y / 3 / 9, 10h), at(2026y / 3 / 6, 16h)) == -2h);
    CHECK(cal.elapsed(at(2026y / 3 / 7, 10h), at(2026y / 3 / 8, 10h)) == 0s);
    CHECK(cal.elapsed(at(2026y / 3 / 6, 9h), at(2026y / 3 / 6, 9h)) == 0s);
    const auto always = daily(zone, {period("00:00", "24:00")});
    const auto start = at(2026y / 3 / 7, 12h);
    CHECK(always.add(start, 48h) == start + 48h);
    CHECK(always.elapsed(start, start + 1000h) == 1000h);
  }
}

// "Periods that touch or overlap (23:00-24:00 then 00:00-01:00) are one
// continuous stretch: no artificial closing at midnight."
TEST_CASE("touching and overlapping periods form one stretch") {
  for (const char* zone : kZones) {
    CAPTURE(zone);
    CalendarDefinition def{.name = "late", .zone = zone};
    test::add_weekly(def, test::kEveryDay, {period("23:00", "24:00"), period("00:00", "01:00")});
    def.weekly.push_back({Monday, period("08:00", "12:00")});
    def.weekly.push_back({Monday, period("11:00", "13:00")});
    const Calendar cal{def};
    auto at = [&](year_month_day d, Seconds s) { return test::wall(cal, d, s); };
    CHECK(cal.next_close(at(2026y / 6 / 10, 23h + 30min)) == at(2026y / 6 / 11, 1h));
    CHECK(cal.open_intervals(at(2026y / 6 / 10, 22h), at(2026y / 6 / 11, 2h)) ==
          std::vector<Interval>{{at(2026y / 6 / 10, 23h), at(2026y / 6 / 11, 1h)}});
    CHECK(cal.add(at(2026y / 6 / 10, 23h + 30min), 1h) == at(2026y / 6 / 11, 0h + 30min));
    CHECK(cal.next_close(at(2026y / 6 / 8, 9h)) == at(2026y / 6 / 8, 13h));
    CHECK(cal.elapsed(at(2026y / 6 / 8, 2h), at(2026y / 6 / 8, 22h)) == 5h);
  }
}

// "is_open(t) is true inside [open, close). next_open(t) is the first instant
// at or after t at which the calendar is open; next_close(t) the first at or
// after t at which it is closed; either is empty when it never happens before
// 2101."
TEST_CASE("is_open, next_open and next_close") {
  for (const char* zone : kZones) {
    CAPTURE(zone);
    const Calendar cal{test::nine_to_five(zone)};
    auto at = [&](year_month_day d, Seconds s) { return test::wall(cal, d, s); };
    CHECK(cal.is_open(at(2026y / 3 / 6, 9h)));
    CHECK_FALSE(cal.is_open(at(2026y / 3 / 6, 17h)));
    CHECK(cal.next_open(at(2026y / 3 / 6, 10h)) == at(2026y / 3 / 6, 10h));
    CHECK(cal.next_open(at(2026y / 3 / 6, 17h)) == at(2026y / 3 / 9, 9h));
    CHECK(cal.next_close(at(2026y / 3 / 6, 10h)) == at(2026y / 3 / 6, 17h));
    CHECK(cal.next_close(at(2026y / 3 / 7, 10h)) == at(2026y / 3 / 7, 10h));
    const auto always = daily(zone, {period("00:00", "24:00")});
    CHECK_FALSE(always.next_close(at(2026y / 3 / 7, 10h)).has_value());
  }
}

// "A dated override states the whole day: it replaces the weekly periods and
// any holiday of that date. The actual date of an observed holiday stays
// closed; the shift adds the observed date."
TEST_CASE("overrides beat holidays and observed holidays close both dates") {
  for (const char* zone : kZones) {
    CAPTURE(zone);
    auto def = test::nine_to_five(zone);
    def.weekly.push_back({Saturday, period("10:00", "14:00")});
    def.holidays.push_back({.name = "Independence Day",
                            .date = FixedDate{July / 4},
                            .observance = Observance::nearest_weekday});
    def.holidays.push_back({.name = "Christmas", .date = FixedDate{December / 25}});
    def.overrides.push_back({2026y / 12 / 25, {period("10:00", "12:00")}});
    const Calendar cal{def};
    CHECK_FALSE(cal.is_business_day(2026y / 7 / 3));  // observed Friday
    CHECK_FALSE(cal.is_business_day(2026y / 7 / 4));  // actual Saturday
    CHECK(cal.is_business_day(2026y / 12 / 25));
    CHECK(cal.elapsed(test::wall(cal, 2026y / 12 / 25, 0h), test::wall(cal, 2026y / 12 / 26, 0h)) ==
          2h);
  }
}
