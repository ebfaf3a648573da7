// Day offsets on weekday-of-month rules ("4th thu of nov + 1"), checked
// against a small computation of their own, independent of std::chrono's
// weekday arithmetic, for every year of the supported range.
#include <doctest/doctest.h>

#include <slakit/error.hpp>

#include "support/calendars.hpp"
#include "support/weekday_reference.hpp"

using namespace std::chrono;
using namespace slakit;
using slakit::test::day_after_thanksgiving;
using slakit::test::day_of_week;

namespace {

Calendar with_holidays(std::vector<HolidayRule> rules) {
  return test::with_holidays(std::move(rules), "America/New_York");
}

// The day of May three days before Memorial Day (the last Monday).
int friday_before_memorial_day(int y) {
  const int last_monday = 31 - (day_of_week(y, 5, 31) - 1 + 7) % 7;
  return last_monday - 3;
}

// Two days after the last Wednesday of December, maybe in January.
year_month_day two_days_after_last_wednesday(int y) {
  const int d = 31 - (day_of_week(y, 12, 31) - 3 + 7) % 7 + 2;
  return d <= 31 ? year{y} / 12 / d : year{y + 1} / 1 / (d - 31);
}

std::vector<year_month_day> dates(const std::vector<Holiday>& hs) {
  return test::dates_of(hs);
}

using test::Ymds;

}  // namespace

// docs/semantics.md, "Holidays": "A day offset moves the date its rule
// gives"; `4th thu of nov + 1` is always the Friday after Thanksgiving,
// whereas the 4th Friday is the Friday before it when November begins on a
// Friday.
TEST_CASE("the day after Thanksgiving, every year from 1970 to 2100") {
  const auto cal = with_holidays(
      {{.name = "Day after Thanksgiving", .date = NthWeekday{November, Thursday, 4, 1}},
       {.name = "Friday before Memorial Day", .date = NthWeekday{May, Monday, -1, -3}}});
  const auto fourth_friday =
      with_holidays({{.name = "4th Friday", .date = NthWeekday{November, Friday, 4}}});
  int years_apart = 0;
  for (int y = 1970; y <= 2100; ++y) {
    CAPTURE(y);
    CHECK(dates(cal.holidays(y)) == Ymds{year{y} / 5 / friday_before_memorial_day(y),
                                         year{y} / 11 / day_after_thanksgiving(y)});
    CHECK(weekday{local_days{year{y} / 11 / day_after_thanksgiving(y)}} == Friday);
    const bool november_begins_on_friday = day_of_week(y, 11, 1) == 5;
    const bool same =
        dates(fourth_friday.holidays(y)) == Ymds{year{y} / 11 / day_after_thanksgiving(y)};
    CHECK(same != november_begins_on_friday);
    years_apart += same ? 0 : 1;
  }
  CHECK(years_apart == 18);  // about one year in seven
}

TEST_CASE("the day after Thanksgiving in 2019, 2024, 2026 and 2030") {
  const auto cal = with_holidays(
      {{.name = "Day after Thanksgiving", .date = NthWeekday{November, Thursday, 4, 1}}});
  CHECK(dates(cal.holidays(2019)) == Ymds{2019y / 11 / 29});
  CHECK(dates(cal.holidays(2024)) == Ymds{2024y / 11 / 29});
  CHECK(dates(cal.holidays(2026)) == Ymds{2026y / 11 / 27});
  CHECK(dates(cal.holidays(2030)) == Ymds{2030y / 11 / 29});
  CHECK(cal.is_business_day(2024y / 11 / 22));
  CHECK_FALSE(cal.is_business_day(2024y / 11 / 29));
}

// docs/semantics.md: "The observed shift and a partial closure apply to the
// moved date; the years (since, through, except) are those of the date
// before the move."
TEST_CASE("a day offset across New Year counts the year of the weekday it starts from") {
  SUBCASE("last wed of dec + 2 through 2025: 2026-01-02, not 2027-01-01") {
    const auto cal = with_holidays(
        {{.name = "W", .date = NthWeekday{December, Wednesday, -1, 2}, .last_year = 2025}});
    CHECK(dates(cal.holidays(2026)) == Ymds{2026y / 1 / 2});
    CHECK(cal.holidays(2027).empty());
    CHECK(cal.holidays(2025).empty());  // 2024-12-27 is in 2024, 2026-01-02 in 2026
  }
  SUBCASE("1st mon of jan - 7 since 2027: 2026-12-28, not 2025-12-29") {
    const auto cal = with_holidays(
        {{.name = "M", .date = NthWeekday{January, Monday, 1, -7}, .first_year = 2027}});
    CHECK(dates(cal.holidays(2026)) == Ymds{2026y / 12 / 28});
    CHECK(cal.holidays(2025).empty());
    CHECK(dates(cal.holidays(2027)) == Ymds{2027y / 12 / 27});
  }
  SUBCASE("except skips the year of the weekday") {
    const auto cal = with_holidays(
        {{.name = "W", .date = NthWeekday{December, Wednesday, -1, 2}, .skip_years = {2025}}});
    CHECK(cal.holidays(2026).empty());  // 2025's date, 2026-01-02, is skipped
    CHECK(dates(cal.holidays(2027)) == Ymds{2027y / 1 / 1, 2027y / 12 / 31});
  }
  SUBCASE("every year from 1970 to 2100 against the independent computation") {
    const auto cal = with_holidays({{.name = "W", .date = NthWeekday{December, Wednesday, -1, 2}}});
    for (int y = 1970; y <= 2100; ++y) {
      CAPTURE(y);
      Ymds expected;
      for (int base : {y - 1, y}) {
        const auto d = two_days_after_last_wednesday(base);
        if (static_cast<int>(d.year()) == y) expected.push_back(d);
      }
      CHECK(dates(cal.holidays(y)) == expected);
    }
  }
  SUBCASE("an offset of a whole year reaches two years on") {
    // Wednesday 2025-12-31 + 366 days is 2027-01-01.
    const auto cal = with_holidays({{.name = "Y",
                                     .date = NthWeekday{December, Wednesday, -1, 366},
                                     .first_year = 2025,
                                     .last_year = 2025}});
    CHECK(dates(cal.holidays(2027)) == Ymds{2027y / 1 / 1});
    CHECK(cal.holidays(2026).empty());
  }
}

TEST_CASE("the observed shift and a partial closure apply to the moved date") {
  // Thanksgiving 2026 is Thursday Nov 26: + 2 is Saturday the 28th, observed
  // on Friday the 27th.
  const auto cal = with_holidays({{.name = "S",
                                   .date = NthWeekday{November, Thursday, 4, 2},
                                   .observance = Observance::nearest_weekday,
                                   .closed_from = TimeOfDay{12, 0}}});
  const auto hs = cal.holidays(2026);
  REQUIRE(hs.size() == 2);
  CHECK(hs[0].date == 2026y / 11 / 27);
  CHECK(hs[0].observed);
  CHECK(hs[1].date == 2026y / 11 / 28);
  CHECK(hs[0].closed_from == TimeOfDay{12, 0});
  // Friday 09:00-12:00 stays open.
  CHECK(cal.is_business_day(2026y / 11 / 27));
}

TEST_CASE("a day offset of more than a year is rejected, naming the rule and value") {
  CHECK_THROWS_WITH_AS(
      with_holidays({{.name = "Far", .date = NthWeekday{November, Thursday, 4, 367}}}),
      "calendar 'nine_to_five': holiday 'Far': day offset 367 days is more than a year",
      InvalidArgument);
  CHECK_THROWS_WITH_AS(with_holidays({{.name = "Far", .date = NthWeekday{May, Monday, -1, -400}}}),
                       "calendar 'nine_to_five': holiday 'Far': day offset -400 days is more "
                       "than a year",
                       InvalidArgument);
  CHECK_NOTHROW(with_holidays({{.name = "Near", .date = NthWeekday{May, Monday, -1, -366}}}));
}
