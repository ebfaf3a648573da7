#include <doctest/doctest.h>

#include <slakit/error.hpp>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;
using test::with_holidays;

namespace {

std::vector<year_month_day> dates(const std::vector<Holiday>& hs) {
  return test::dates_of(hs);
}

using test::Ymds;

}  // namespace

TEST_CASE("a fixed date occurs every year and February 29 only in leap years") {
  const auto cal = with_holidays({{.name = "Leap", .date = FixedDate{February / 29}}});
  CHECK(dates(cal.holidays(2024)) == Ymds{2024y / 2 / 29});
  CHECK(cal.holidays(2025).empty());
}

TEST_CASE("the n-th and last weekday of a month and a missing 5th does not occur") {
  const auto cal = with_holidays({
      {.name = "Thanksgiving", .date = NthWeekday{November, Thursday, 4}},
      {.name = "Memorial", .date = NthWeekday{May, Monday, -1}},
      {.name = "Fifth Monday of February", .date = NthWeekday{February, Monday, 5}},
  });
  CHECK(dates(cal.holidays(2026)) == Ymds{2026y / 5 / 25, 2026y / 11 / 26});
  // February 2016 had five Mondays.
  CHECK(dates(cal.holidays(2016)) == Ymds{2016y / 2 / 29, 2016y / 5 / 30, 2016y / 11 / 24});
}

TEST_CASE("Easter-relative rules, Western and Orthodox") {
  const auto cal = with_holidays({
      {.name = "Good Friday", .date = EasterOffset{-2}},
      {.name = "Whit Monday", .date = EasterOffset{50}},
      {.name = "Orthodox Easter Monday", .date = EasterOffset{1, EasterKind::orthodox}},
  });
  CHECK(dates(cal.holidays(2026)) == Ymds{2026y / 4 / 3, 2026y / 4 / 13, 2026y / 5 / 25});
}

TEST_CASE("observed shifts keep the actual date and add the observed one") {
  SUBCASE("nearest weekday: Saturday to Friday, Sunday to Monday") {
    const auto cal = with_holidays({{.name = "Independence Day",
                                     .date = FixedDate{July / 4},
                                     .observance = Observance::nearest_weekday},
                                    {.name = "Christmas",
                                     .date = FixedDate{December / 25},
                                     .observance = Observance::nearest_weekday}});
    const auto hs = cal.holidays(2026);  // July 4 2026 is a Saturday, Dec 25 a Friday
    REQUIRE(hs.size() == 3);
    CHECK(hs[0].date == 2026y / 7 / 3);
    CHECK(hs[0].observed);
    CHECK(hs[1].date == 2026y / 7 / 4);
    CHECK_FALSE(hs[1].observed);
    CHECK(hs[2].date == 2026y / 12 / 25);
    CHECK(dates(cal.holidays(2027)) ==
          Ymds{2027y / 7 / 4, 2027y / 7 / 5, 2027y / 12 / 24, 2027y / 12 / 25});
  }
  SUBCASE("nearest weekday moves New Year's Day into the previous year") {
    const auto cal = with_holidays({{.name = "New Year",
                                     .date = FixedDate{January / 1},
                                     .observance = Observance::nearest_weekday}});
    CHECK(dates(cal.holidays(2021)) == Ymds{2021y / 1 / 1, 2021y / 12 / 31});
    CHECK(dates(cal.holidays(2022)) == Ymds{2022y / 1 / 1});
    CHECK_FALSE(cal.is_business_day(2021y / 12 / 31));
  }
  SUBCASE("Sunday only") {
    const auto cal = with_holidays(
        {{.name = "X", .date = FixedDate{July / 4}, .observance = Observance::sunday_to_monday}});
    CHECK(dates(cal.holidays(2026)) == Ymds{2026y / 7 / 4});  // Saturday: not moved
    CHECK(dates(cal.holidays(2027)) == Ymds{2027y / 7 / 4, 2027y / 7 / 5});
  }
  SUBCASE("next free weekday chains substitutes") {
    const auto cal = with_holidays({{.name = "Christmas Day",
                                     .date = FixedDate{December / 25},
                                     .observance = Observance::next_free_weekday},
                                    {.name = "Boxing Day",
                                     .date = FixedDate{December / 26},
                                     .observance = Observance::next_free_weekday}});
    // 2021: Saturday and Sunday -> Monday 27 and Tuesday 28.
    const auto hs = cal.holidays(2021);
    REQUIRE(hs.size() == 4);
    CHECK(hs[2].date == 2021y / 12 / 27);
    CHECK(hs[2].name == "Christmas Day");
    CHECK(hs[3].date == 2021y / 12 / 28);
    CHECK(hs[3].name == "Boxing Day");
    // 2022: Christmas on Sunday, Boxing Day on Monday -> Christmas on Tuesday.
    CHECK(dates(cal.holidays(2022)) == Ymds{2022y / 12 / 25, 2022y / 12 / 26, 2022y / 12 / 27});
  }
}

TEST_CASE("skipped years and a first or last year") {
  const auto cal = with_holidays({
      {.name = "Early May", .date = NthWeekday{May, Monday, 1}, .skip_years = {2020}},
      {.name = "Juneteenth", .date = FixedDate{June / 19}, .first_year = 2021},
      {.name = "Old", .date = FixedDate{March / 3}, .last_year = 2019},
  });
  CHECK(dates(cal.holidays(2019)) == Ymds{2019y / 3 / 3, 2019y / 5 / 6});
  CHECK(cal.holidays(2020).empty());
  CHECK(dates(cal.holidays(2021)) == Ymds{2021y / 5 / 3, 2021y / 6 / 19});
}

TEST_CASE("ranges: every year across New Year, or once") {
  const auto cal = with_holidays({
      {.name = "Christmas break", .date = AnnualRange{December / 24, January / 1}},
      {.name = "Move", .date = DateRange{2026y / 3 / 2, 2026y / 3 / 4}},
  });
  CHECK(dates(cal.holidays(2026)) == Ymds{2026y / 1 / 1, 2026y / 3 / 2, 2026y / 3 / 3,
                                          2026y / 3 / 4, 2026y / 12 / 24, 2026y / 12 / 25,
                                          2026y / 12 / 26, 2026y / 12 / 27, 2026y / 12 / 28,
                                          2026y / 12 / 29, 2026y / 12 / 30, 2026y / 12 / 31});
  CHECK(cal.holidays(2027).size() == 9);
}

// docs/language.md: "`since`, `through` and `except` count the year a range
// crossing New Year starts in": `dec 30 .. jan 2 since 2027` leaves
// 2027-01-01 and 2027-01-02 open and first closes 2027-12-30 to 2028-01-02;
// `through 2027` closes 2028-01-01 and 2028-01-02 and nothing later; `except
// 2027` keeps 2027-01-01 and 2027-01-02 closed and opens 2027-12-30 to
// 2028-01-02. (Review 27, F4: the docs were silent.)
TEST_CASE("since, through and except count the year a range crossing New Year starts in") {
  // Open every day 09:00-17:00, so that weekends do not hide the range.
  const auto winter = [](HolidayRule rule) {
    rule.name = "winter";
    rule.date = AnnualRange{December / 30, January / 2};
    CalendarDefinition def{.name = "r", .zone = "UTC"};
    test::add_weekly(def, test::kEveryDay, {test::period("09:00", "17:00")});
    def.holidays = {std::move(rule)};
    return Calendar{def};
  };
  SUBCASE("since 2027") {
    const auto cal = winter({.first_year = 2027});
    CHECK(cal.holidays(2026).empty());
    CHECK(dates(cal.holidays(2027)) == Ymds{2027y / 12 / 30, 2027y / 12 / 31});
    CHECK(cal.is_business_day(2027y / 1 / 1));
    CHECK(cal.is_business_day(2027y / 1 / 2));
    CHECK_FALSE(cal.is_business_day(2028y / 1 / 2));
  }
  SUBCASE("through 2027") {
    const auto cal = winter({.last_year = 2027});
    CHECK(dates(cal.holidays(2028)) == Ymds{2028y / 1 / 1, 2028y / 1 / 2});
    CHECK(cal.is_business_day(2028y / 12 / 30));
  }
  SUBCASE("except 2027") {
    const auto cal = winter({.skip_years = {2027}});
    CHECK(dates(cal.holidays(2027)) == Ymds{2027y / 1 / 1, 2027y / 1 / 2});
    CHECK(dates(cal.holidays(2028)) == Ymds{2028y / 12 / 30, 2028y / 12 / 31});
    CHECK(cal.is_business_day(2027y / 12 / 30));
  }
}

TEST_CASE("a partial holiday closes part of its date") {
  const auto cal = with_holidays({{.name = "New Year's Eve",
                                   .date = FixedDate{December / 31},
                                   .closed_from = TimeOfDay{12, 0}},
                                  {.name = "Late start",
                                   .date = OneOffDate{2026y / 12 / 30},
                                   .closed_until = TimeOfDay{11, 0}},
                                  {.name = "Lunch",
                                   .date = OneOffDate{2026y / 12 / 29},
                                   .closed_from = TimeOfDay{12, 0},
                                   .closed_until = TimeOfDay{14, 0}}});
  const auto hs = cal.holidays(2026);
  REQUIRE(hs.size() == 3);
  CHECK_FALSE(hs[2].whole_day());
  using test::utc;
  CHECK(cal.is_business_day(2026y / 12 / 31));
  CHECK(cal.open_intervals(utc(2026y / 12 / 29, 0h), utc(2027y / 1 / 1, 0h)) ==
        std::vector<Interval>{{utc(2026y / 12 / 29, 9h), utc(2026y / 12 / 29, 12h)},
                              {utc(2026y / 12 / 29, 14h), utc(2026y / 12 / 29, 17h)},
                              {utc(2026y / 12 / 30, 11h), utc(2026y / 12 / 30, 17h)},
                              {utc(2026y / 12 / 31, 9h), utc(2026y / 12 / 31, 12h)}});
}

// docs/semantics.md, next_free_weekday: "A date that a holiday closes only in
// part counts as a holiday already: the substitute moves past it, and the
// date keeps its open hours." "So does a date with a dated break (`closed
// 2027-12-27 12:00-13:00`), and the same holds for `observed sunday
// substitute`." In London, Christmas 2027 on a Saturday with `holiday "half"
// dec 27 from 12:00`: Monday 27 keeps 09:00-12:00, Tuesday 28 is closed.
// (Review 27, F5: the docs did not say whether a part of a day counts.)
TEST_CASE("a substitute day moves past a date closed only in part") {
  const HolidayRule christmas{.name = "Christmas",
                              .date = FixedDate{December / 25},
                              .observance = Observance::next_free_weekday};
  const auto monday_and_tuesday = [](const Calendar& cal) {
    using test::wall;
    return cal.open_intervals(wall(cal, 2027y / 12 / 27, 0h), wall(cal, 2027y / 12 / 29, 0h));
  };
  const auto half = with_holidays(
      {{.name = "half", .date = FixedDate{December / 27}, .closed_from = TimeOfDay{12, 0}},
       christmas},
      "Europe/London");
  CHECK(dates(half.holidays(2027)) == Ymds{2027y / 12 / 25, 2027y / 12 / 27, 2027y / 12 / 28});
  CHECK(monday_and_tuesday(half) ==
        std::vector<Interval>{
            {test::wall(half, 2027y / 12 / 27, 9h), test::wall(half, 2027y / 12 / 27, 12h)}});

  // A dated break is a one-off partial holiday: the same.
  const auto lunch = with_holidays({{.name = "",
                                     .date = OneOffDate{2027y / 12 / 27},
                                     .closed_from = TimeOfDay{12, 0},
                                     .closed_until = TimeOfDay{13, 0}},
                                    christmas},
                                   "Europe/London");
  CHECK(monday_and_tuesday(lunch) ==
        std::vector<Interval>{
            {test::wall(lunch, 2027y / 12 / 27, 9h), test::wall(lunch, 2027y / 12 / 27, 12h)},
            {test::wall(lunch, 2027y / 12 / 27, 13h), test::wall(lunch, 2027y / 12 / 27, 17h)}});

  // `observed sunday substitute`: Christmas 2022 on a Sunday skips Monday 26,
  // closed from 12:00, and closes Tuesday 27.
  const auto sunday = with_holidays(
      {{.name = "half", .date = FixedDate{December / 26}, .closed_from = TimeOfDay{12, 0}},
       {.name = "Christmas",
        .date = FixedDate{December / 25},
        .observance = Observance::sunday_to_next_free}},
      "Europe/London");
  CHECK(dates(sunday.holidays(2022)) == Ymds{2022y / 12 / 25, 2022y / 12 / 26, 2022y / 12 / 27});
  CHECK(sunday.is_business_day(2022y / 12 / 26));
  CHECK_FALSE(sunday.is_business_day(2022y / 12 / 27));
}

TEST_CASE("a rule that cannot occur as written is rejected, naming the rule and value") {
  auto rejects = [](HolidayRule rule, const char* message) {
    CAPTURE(message);
    CHECK_THROWS_WITH_AS(with_holidays({std::move(rule)}), message, InvalidArgument);
  };
  rejects({.name = "Bad", .date = FixedDate{February / 30}},
          "calendar 'nine_to_five': holiday 'Bad': invalid date 02-30: no such day");
  rejects({.name = "Bad", .date = OneOffDate{2026y / 2 / 30}},
          "calendar 'nine_to_five': holiday 'Bad': invalid date 2026-02-30: no such day");
  rejects({.name = "Sixth", .date = NthWeekday{May, Monday, 6}},
          "calendar 'nine_to_five': holiday 'Sixth': invalid weekday index 6: expected 1 to 5, "
          "or last");
  rejects({.name = "R",
           .date = AnnualRange{December / 24, January / 1},
           .observance = Observance::nearest_weekday},
          "calendar 'nine_to_five': holiday 'R': an observed shift needs a single date, not a "
          "range");
  rejects({.name = "C",
           .date = FixedDate{May / 1},
           .closed_from = TimeOfDay{14, 0},
           .closed_until = TimeOfDay{12, 0}},
          "calendar 'nine_to_five': holiday 'C': closed from 14:00 until 12:00: the closure ends "
          "before it begins");
  rejects({.name = "D", .date = DateRange{2026y / 3 / 4, 2026y / 3 / 2}},
          "calendar 'nine_to_five': holiday 'D': date range ends (2026-03-02) before it begins "
          "(2026-03-04)");
  rejects({.name = "Y", .date = FixedDate{May / 1}, .first_year = 2030, .last_year = 2020},
          "calendar 'nine_to_five': holiday 'Y': last year 2020 is before first year 2030");
}
