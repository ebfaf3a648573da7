// Composed calendars (docs/semantics.md, "Composed calendars"): every
// operation on unions, intersections and differences whose parts lie in
// different zones, on dates around both DST transitions of each part
// (New York: 2026-03-08 and 2026-11-01; Berlin: 2026-03-29 and 2026-10-25).
#include <doctest/doctest.h>

#include <slakit/error.hpp>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;
using test::period;
using test::utc;

namespace {

Calendar berlin() {
  auto def = test::nine_to_five("Europe/Berlin");
  def.name = "berlin";
  def.holidays.push_back({.name = "Ostermontag", .date = EasterOffset{1}});
  return Calendar{def};
}

Calendar new_york() {
  auto def = test::nine_to_five("America/New_York");
  def.name = "new_york";
  def.holidays.push_back({.name = "Memorial Day", .date = NthWeekday{May, Monday, -1}});
  return Calendar{def};
}

Calendar in_utc(const char* name, TimeRange hours) {
  CalendarDefinition def{.name = name, .zone = "UTC"};
  test::add_weekly(def, test::kEveryDay, {hours});
  return Calendar{def};
}

using Intervals = std::vector<Interval>;

// The open stretches of one UTC date.
Intervals on(const Calendar& cal, year_month_day d) {
  return cal.open_intervals(utc(d, 0h), utc(d, 24h));
}

Interval stretch(year_month_day d, Seconds from, Seconds to) {
  return {utc(d, from), utc(d, to)};
}

}  // namespace

// "A composed calendar's open time is the union, intersection or difference
// of its parts' open time, as sets of UTC instants." Berlin 09:00-17:00 is
// 08:00Z-16:00Z in winter and 07:00Z-15:00Z in summer; New York 09:00-17:00
// is 14:00Z-22:00Z in winter and 13:00Z-21:00Z in summer.
TEST_CASE("union, intersection and difference across both DST transitions of each part") {
  const auto any = Calendar::union_of("any", {berlin(), new_york()});
  const auto both = Calendar::intersection_of("both", {berlin(), new_york()});
  const auto ny_only = Calendar::difference("ny_only", new_york(), berlin());
  struct Day {
    year_month_day date;
    Seconds berlin_open, ny_open;  // in UTC
  };
  const Day days[] = {
      {2026y / 3 / 2, 8h, 14h},    // both on winter time
      {2026y / 3 / 16, 8h, 13h},   // New York moved on 2026-03-08, Berlin not yet
      {2026y / 3 / 30, 7h, 13h},   // both on summer time (Berlin from 2026-03-29)
      {2026y / 10 / 26, 8h, 13h},  // Berlin back on 2026-10-25, New York not yet
      {2026y / 11 / 2, 8h, 14h},   // both back (New York on 2026-11-01)
  };
  for (const auto& [date, b, n] : days) {
    const auto day = format_date(date);  // (clang 14 captures no structured binding)
    CAPTURE(day);
    CHECK(on(any, date) == Intervals{stretch(date, b, n + 8h)});
    CHECK(on(both, date) == Intervals{stretch(date, n, b + 8h)});
    CHECK(on(ny_only, date) == Intervals{stretch(date, b + 8h, n + 8h)});
    CHECK(any.elapsed(utc(date, 0h), utc(date, 24h)) == n + 8h - b);
    CHECK(both.elapsed(utc(date, 0h), utc(date, 24h)) == b + 8h - n);
    CHECK(ny_only.elapsed(utc(date, 0h), utc(date, 24h)) == n - b);
    // is_open, next_open and next_close at the edges of each stretch.
    CHECK_FALSE(any.is_open(utc(date, b) - 1s));
    CHECK(any.is_open(utc(date, b)));
    CHECK(any.is_open(utc(date, n + 8h) - 1s));
    CHECK_FALSE(any.is_open(utc(date, n + 8h)));
    CHECK(both.next_open(utc(date, 0h)) == utc(date, n));
    CHECK(both.next_close(utc(date, n)) == utc(date, b + 8h));
    CHECK(ny_only.next_open(utc(date, n)) == utc(date, b + 8h));
    CHECK(ny_only.next_close(utc(date, b + 8h)) == utc(date, n + 8h));
    CHECK(any.next_close(utc(date, b)) == utc(date, n + 8h));
  }
}

// "Every operation ... is defined on the open set alone, so it means exactly
// the same on a composed calendar as on a plain one": a deadline on a closing
// time stays there, a start outside working time counts from the next
// opening, and subtract mirrors add.
TEST_CASE("add, subtract and elapsed on compositions follow the plain rules") {
  const auto any = Calendar::union_of("any", {berlin(), new_york()});
  const auto both = Calendar::intersection_of("both", {berlin(), new_york()});
  const auto ny_only = Calendar::difference("ny_only", new_york(), berlin());
  // Friday 2026-03-13: New York (summer) closes the union at 21:00Z; Monday's
  // Berlin (winter) opens it at 08:00Z.
  const auto friday = utc(2026y / 3 / 13, 20h);
  CHECK(any.add(friday, 1h) == utc(2026y / 3 / 13, 21h));  // on the closing time
  CHECK(any.add(friday, 2h) == utc(2026y / 3 / 16, 9h));
  CHECK(any.add(utc(2026y / 3 / 14, 12h), 0s) == utc(2026y / 3 / 16, 8h));
  CHECK(any.subtract(utc(2026y / 3 / 16, 9h), 2h) == friday);
  CHECK(any.subtract(utc(2026y / 3 / 16, 8h), 0s) == utc(2026y / 3 / 13, 21h));
  CHECK(any.elapsed(friday, utc(2026y / 3 / 16, 9h)) == 2h);
  CHECK(any.elapsed(utc(2026y / 3 / 16, 9h), friday) == -2h);
  // The intersection gives 3h on 2026-03-16 (13:00Z-16:00Z) and 2h on
  // 2026-03-30 (13:00Z-15:00Z); a week of it around the Berlin change.
  CHECK(both.elapsed(utc(2026y / 3 / 23, 0h), utc(2026y / 3 / 30, 0h)) == 5 * 3h);
  CHECK(both.elapsed(utc(2026y / 3 / 30, 0h), utc(2026y / 4 / 6, 0h)) == 5 * 2h);
  CHECK(both.add(utc(2026y / 3 / 27, 15h), 2h) == utc(2026y / 3 / 30, 14h));
  CHECK(both.subtract(utc(2026y / 3 / 30, 14h), 2h) == utc(2026y / 3 / 27, 15h));
  // The difference, across the autumn change of New York.
  CHECK(ny_only.add(utc(2026y / 10 / 30, 20h), 2h) == utc(2026y / 11 / 2, 17h));
  std::vector<Instant> walk{utc(2026y / 10 / 30, 20h), utc(2026y / 11 / 2, 17h),
                            utc(2026y / 11 / 2, 23h)};
  std::vector<Seconds> out(2);
  ny_only.elapsed_between(walk, out);
  CHECK(out == std::vector<Seconds>{2h, 5h});
}

// "Stretches that touch or overlap in the result are one stretch."
TEST_CASE("touching stretches of different parts are one stretch") {
  const auto day = Calendar::union_of("day", {in_utc("morning", period("09:00", "13:00")),
                                              in_utc("afternoon", period("13:00", "17:00"))});
  CHECK(on(day, 2026y / 6 / 1) == Intervals{stretch(2026y / 6 / 1, 9h, 17h)});
  CHECK(day.next_close(utc(2026y / 6 / 1, 10h)) == utc(2026y / 6 / 1, 17h));
  // Through New Year, where the yearly blocks meet: one stretch.
  const auto always = Calendar::union_of(
      "always", {in_utc("a", period("00:00", "12:00")), in_utc("b", period("12:00", "24:00"))});
  CHECK_FALSE(always.next_close(utc(2026y / 12 / 31, 1h)).has_value());
}

// "Parts may be composed calendars themselves."
TEST_CASE("a composition of compositions") {
  const auto any = Calendar::union_of("any", {berlin(), new_york()});
  const auto lunch = in_utc("lunch", period("12:00", "13:00"));
  const auto without_lunch = Calendar::difference("without_lunch", any, lunch);
  const auto d = 2026y / 3 / 16;
  CHECK(on(without_lunch, d) == Intervals{stretch(d, 8h, 12h), stretch(d, 13h, 21h)});
  REQUIRE(without_lunch.composition() != nullptr);
  CHECK(without_lunch.composition()->op == CalendarOp::difference);
  CHECK(without_lunch.composition()->parts.at(0).name() == "any");
  CHECK(berlin().composition() == nullptr);
}

// "A composed calendar has a zone of its own: the one its declaration names,
// else its first part's zone." "A business day of a composed calendar is a
// local date, in the composed calendar's zone, on which it is open at some
// instant."
TEST_CASE("business days of compositions") {
  const auto any = Calendar::union_of("any", {berlin(), new_york()});
  const auto both = Calendar::intersection_of("both", {berlin(), new_york()});
  const auto ny_only = Calendar::difference("ny_only", new_york(), berlin());
  CHECK(any.zone().name() == "Europe/Berlin");
  // Easter Monday 2026-04-06 closes Berlin, Memorial Day 2026-05-25 New York.
  CHECK(any.is_business_day(2026y / 4 / 6));
  CHECK(any.is_business_day(2026y / 5 / 25));
  CHECK_FALSE(both.is_business_day(2026y / 4 / 6));
  CHECK_FALSE(both.is_business_day(2026y / 5 / 25));
  CHECK(ny_only.is_business_day(2026y / 4 / 6));
  CHECK_FALSE(any.is_business_day(2026y / 4 / 4));  // Saturday
  CHECK(both.add_business_days(2026y / 4 / 2, 1) == 2026y / 4 / 3);
  CHECK(both.add_business_days(2026y / 4 / 3, 1) == 2026y / 4 / 7);
  CHECK(both.add_business_days(2026y / 4 / 7, -1) == 2026y / 4 / 3);
  CHECK(any.add_business_days(2026y / 4 / 3, 1) == 2026y / 4 / 6);
  CHECK(both.add_business_days(2026y / 4 / 4, 0) == 2026y / 4 / 7);
  // In Tokyo (13 hours ahead of New York in summer) New York's Friday
  // 09:00-17:00 is Friday 22:00 to Saturday 06:00: both dates count.
  const auto tokyo_view = Calendar::union_of("tokyo_view", {new_york()}, "Asia/Tokyo");
  CHECK(tokyo_view.zone().name() == "Asia/Tokyo");
  CHECK(tokyo_view.is_business_day(2026y / 6 / 5));
  CHECK(tokyo_view.is_business_day(2026y / 6 / 6));
  CHECK_FALSE(tokyo_view.is_business_day(2026y / 6 / 7));  // Sunday
  CHECK(tokyo_view.is_business_day(2026y / 6 / 8));        // Monday 22:00
  CHECK_FALSE(new_york().is_business_day(2026y / 6 / 6));
  // The local years at the ends of the supported range.
  CHECK(tokyo_view.add_business_days(1970y / 1 / 4, 0) == 1970y / 1 / 5);
  CHECK(any.add_business_days(2100y / 12 / 30, 1) == 2100y / 12 / 31);
}

// "holidays(year) of a composed calendar lists every part's holidays of that
// year, sorted by date, duplicates dropped."
TEST_CASE("holidays of a composition are its parts' holidays") {
  const auto any = Calendar::union_of("any", {new_york(), berlin(), berlin()});
  const auto hs = any.holidays(2026);
  REQUIRE(hs.size() == 2);
  CHECK(hs[0].name == "Ostermontag");
  CHECK(hs[1].name == "Memorial Day");
}

// "A composition may be open nowhere ...: its operations then throw
// RangeError for results beyond the supported range (never hang)."
TEST_CASE("a composition that is never open throws rather than hangs") {
  const auto none = Calendar::intersection_of(
      "none", {in_utc("a", period("09:00", "12:00")), in_utc("b", period("13:00", "17:00"))});
  CHECK_FALSE(none.is_open(utc(2026y / 1 / 1, 10h)));
  CHECK_FALSE(none.next_open(utc(2026y / 1 / 1, 10h)).has_value());
  CHECK(none.elapsed(utc(2026y / 1 / 1, 0h), utc(2027y / 1 / 1, 0h)) == 0s);
  CHECK_THROWS_AS((void)none.add(utc(2026y / 1 / 1, 10h), 1h), RangeError);
  CHECK_THROWS_AS((void)none.add_business_days(2026y / 1 / 1, 1), RangeError);
}

TEST_CASE("composition errors name the calendar and the value") {
  CHECK_THROWS_WITH_AS((void)Calendar::union_of("empty", {}),
                       "calendar 'empty': a composed calendar needs at least one part",
                       InvalidArgument);
  CHECK_THROWS_WITH_AS(
      (void)Calendar::compose("d", CalendarOp::difference, {berlin(), berlin(), new_york()}),
      "calendar 'd': a difference needs two parts (open, minus), not 3", InvalidArgument);
  CHECK_THROWS_WITH_AS((void)Calendar::union_of("z", {berlin()}, "Europe/Berln"),
                       doctest::Contains("calendar 'z': unknown time zone 'Europe/Berln'"),
                       InvalidArgument);
}

// docs/cpp-api.md: "compiled_bytes() counts its own blocks; the parts ...
// count theirs." A composed block is a plain block: the same size per year.
TEST_CASE("a composition's blocks are built per year on first use and stay small") {
  const auto b = berlin();
  const auto n = new_york();
  const auto any = Calendar::union_of("any", {b, n});
  CHECK(any.compiled_bytes() == 0);
  (void)any.add(utc(2026y / 3 / 6, 12h), 1h);
  CHECK(any.compiled_bytes() > 3000);
  CHECK(any.compiled_bytes() < 6 * 1024);
  CHECK(b.compiled_bytes() > 3000);  // the part's block of 2026, built for the union's
  (void)any.add_business_days(2026y / 3 / 6, 1);
  (void)any.elapsed(utc(1970y / 1 / 1, 0h), utc(2100y / 12 / 31, 0h));
  for (int y = 1970; y <= 2100; ++y) (void)any.is_business_day(year_month_day{year{y} / 6 / 1});
  MESSAGE("bytes per year covered by a union, time and business days: " << any.compiled_bytes() /
                                                                               131);
  CHECK(any.compiled_bytes() / 131 < 6 * 1024);
}
