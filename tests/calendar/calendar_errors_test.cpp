// docs/semantics.md: "Bad input is an exception with a message that names the
// value; never a hang, a crash or a silent wrong answer."
#include <doctest/doctest.h>

#include <slakit/error.hpp>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;
using test::period;
using test::utc;

TEST_CASE("invalid definitions are rejected with the value in the message") {
  auto def = test::nine_to_five("Europe/Berln");
  CHECK_THROWS_WITH_AS(Calendar{def},
                       "calendar 'nine_to_five': unknown time zone 'Europe/Berln'; did you mean "
                       "'Europe/Berlin'?",
                       InvalidArgument);

  def = test::nine_to_five("UTC");
  def.weekly.push_back({Saturday, period("08:00", "08:00")});
  CHECK_THROWS_WITH_AS(Calendar{def},
                       "calendar 'nine_to_five': period sat 08:00-08:00 closes when it opens",
                       InvalidArgument);

  def = test::nine_to_five("UTC");
  def.weekly.push_back({Saturday, period("24:00", "02:00")});
  CHECK_THROWS_WITH_AS(
      Calendar{def},
      "calendar 'nine_to_five': period sat 24:00-02:00 opens at 24:00; open at 00:00 instead",
      InvalidArgument);

  def = test::nine_to_five("UTC");
  def.overrides.push_back({2026y / February / 30, {period("10:00", "12:00")}});
  CHECK_THROWS_WITH_AS(Calendar{def},
                       "calendar 'nine_to_five': override for invalid date 2026-02-30",
                       InvalidArgument);

  def = test::nine_to_five("UTC");
  def.overrides.push_back({2026y / March / 1, {}});
  def.overrides.push_back({2026y / March / 1, {period("10:00", "12:00")}});
  CHECK_THROWS_WITH_AS(Calendar{def}, "calendar 'nine_to_five': two overrides for 2026-03-01",
                       InvalidArgument);
}

TEST_CASE("a calendar with no working time at all is rejected") {
  CalendarDefinition def{.name = "never", .zone = "UTC"};
  CHECK_THROWS_WITH_AS(Calendar{def},
                       "calendar 'never' has no working time: it has no weekly periods and no "
                       "override with opening hours",
                       InvalidArgument);
  def.overrides.push_back({2026y / March / 1, {}});
  CHECK_THROWS_AS(Calendar{def}, InvalidArgument);
  // One dated opening is working time; deadlines beyond it are out of range.
  def.overrides.push_back({2026y / March / 2, {period("10:00", "12:00")}});
  const Calendar once{def};
  CHECK(once.add(utc(2026y / 1 / 1, 0h), 1h) == utc(2026y / 3 / 2, 11h));
  CHECK_THROWS_WITH_AS((void)once.add(utc(2026y / 1 / 1, 0h), 3h),
                       "calendar 'never': 2026-01-01T00:00:00Z + 3h of business time lies "
                       "outside the supported range [1970-01-01T00:00:00Z, 2101-01-01T00:00:00Z)",
                       RangeError);
  CHECK_FALSE(once.next_open(utc(2026y / 3 / 2, 12h)).has_value());
}

TEST_CASE("holidays that close every day give an error, not a hang") {
  auto def = test::nine_to_five("UTC");
  def.holidays.push_back({.name = "All year", .date = AnnualRange{January / 1, December / 31}});
  const Calendar closed{def};
  CHECK_THROWS_AS((void)closed.add(utc(2026y / 1 / 1, 0h), 1h), RangeError);
  CHECK_THROWS_AS((void)closed.subtract(utc(2026y / 1 / 1, 0h), 1h), RangeError);
  CHECK_THROWS_AS((void)closed.add_business_days(2026y / 1 / 1, 1), RangeError);
  CHECK(closed.elapsed(utc(1970y / 1 / 1, 0h), utc(2100y / 12 / 31, 0h)) == 0s);
}

TEST_CASE("instants and results outside 1970-2100 are range errors naming the value") {
  const Calendar cal{test::nine_to_five("America/New_York")};
  CHECK_THROWS_WITH_AS((void)cal.add(utc(1969y / 12 / 31, 0h), 1h),
                       "start 1969-12-31T00:00:00Z is outside the supported range "
                       "[1970-01-01T00:00:00Z, 2101-01-01T00:00:00Z)",
                       RangeError);
  CHECK_THROWS_AS((void)cal.add(utc(2100y / 12 / 31, 0h), 24h), RangeError);
  CHECK_THROWS_AS((void)cal.subtract(utc(1970y / 1 / 1, 12h), 24h), RangeError);
  CHECK_THROWS_AS((void)cal.is_open(kSupportedEnd), RangeError);
  CHECK_THROWS_AS((void)cal.elapsed(utc(2026y / 1 / 1, 0h), kSupportedEnd + 1s), RangeError);
  CHECK_THROWS_AS((void)cal.add(utc(2026y / 1 / 1, 0h), Seconds::max()), RangeError);
  CHECK_THROWS_WITH_AS((void)cal.add_business_days(1969y / 12 / 31, 1),
                       "date 1969-12-31 is outside the supported years 1970 to 2100", RangeError);
  CHECK_THROWS_AS((void)cal.add_business_days(2100y / 12 / 1, 100), RangeError);
  CHECK_THROWS_AS((void)cal.add_business_days(2026y / 1 / 1, std::numeric_limits<int>::min()),
                  RangeError);
  CHECK_THROWS_AS((void)cal.is_business_day(2026y / 2 / 30), InvalidArgument);
  const std::vector<Instant> walk{utc(2026y / 1 / 1, 0h), kSupportedEnd};
  std::vector<Seconds> out(1);
  CHECK_THROWS_WITH_AS(cal.elapsed_between(walk, out),
                       "instant 2101-01-01T00:00:00Z is outside the supported range "
                       "[1970-01-01T00:00:00Z, 2101-01-01T00:00:00Z)",
                       RangeError);
}

// The range is half-open: a deadline on its very end lies outside it, even
// where the end cuts a period short (found by slakit_fuzz_engines: a
// periodic_update due at 2101-01-01T00:00:00Z, which explain then rejected).
TEST_CASE("a deadline on the end of the supported range is a range error") {
  CalendarDefinition always{.name = "always", .zone = "UTC"};
  test::add_weekly(always, test::kEveryDay, {test::period("00:00", "24:00")});
  const Calendar cal{always};
  CHECK(cal.add(kSupportedEnd - 1h, 1h - 1s) == kSupportedEnd - 1s);
  CHECK_THROWS_AS((void)cal.add(kSupportedEnd - 1h, 1h), RangeError);
  // Lord Howe's Friday 2100-12-31 09:00-17:00 (+11:00) runs past the end.
  CalendarDefinition lord_howe{.name = "lord_howe", .zone = "Australia/Lord_Howe"};
  test::add_weekly(lord_howe, test::kEveryDay, {test::period("09:00", "17:00")});
  const Calendar island{lord_howe};
  CHECK_THROWS_AS((void)island.add(kSupportedEnd - 2h, 2h), RangeError);
  CHECK(island.add(kSupportedEnd - 2h, 1h) == kSupportedEnd - 1h);
}

TEST_CASE("elapsed_between needs one interval fewer than instants") {
  const Calendar cal{test::nine_to_five("America/New_York")};
  const std::vector<Instant> walk{utc(2026y / 1 / 5, 9h), utc(2026y / 1 / 5, 10h)};
  std::vector<Seconds> out(2);
  CHECK_THROWS_WITH_AS(cal.elapsed_between(walk, out),
                       "elapsed_between: 2 instants make 1 intervals, not 2", InvalidArgument);
  std::vector<Seconds> none;
  CHECK_NOTHROW(cal.elapsed_between({}, none));
}
