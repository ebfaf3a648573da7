#include <doctest/doctest.h>

#include <random>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;

namespace {

Calendar office(const char* zone) {
  auto def = test::nine_to_five(zone);
  def.holidays = {{.name = "Christmas", .date = FixedDate{December / 25}},
                  {.name = "New Year", .date = FixedDate{January / 1}},
                  {.name = "Good Friday", .date = EasterOffset{-2}}};
  def.overrides.push_back({2026y / 3 / 7, {test::period("10:00", "12:00")}});  // a Saturday
  return Calendar{def};
}

// Day by day: the obvious definition, to compare with the rank/select one.
year_month_day walk(const Calendar& cal, year_month_day from, int n) {
  local_days d{from};
  if (n == 0) {
    while (!cal.is_business_day(year_month_day{d})) d += days{1};
    return year_month_day{d};
  }
  const days step{n > 0 ? 1 : -1};
  for (int left = n > 0 ? n : -n; left > 0;) {
    d += step;
    if (cal.is_business_day(year_month_day{d})) --left;
  }
  return year_month_day{d};
}

}  // namespace

// "add_business_days(date, n) is the n-th business day strictly after date
// for n > 0, the |n|-th strictly before it for n < 0, and the first business
// day on or after it for n = 0. A business day is a local date on which at
// least one period opens."
TEST_CASE("business days: strictly after, strictly before, or rolled forward") {
  const auto cal = office("Europe/Berlin");
  CHECK(cal.add_business_days(2026y / 3 / 5, 1) == 2026y / 3 / 6);   // Thu -> Fri
  CHECK(cal.add_business_days(2026y / 3 / 6, 1) == 2026y / 3 / 7);   // Fri -> opened Saturday
  CHECK(cal.add_business_days(2026y / 3 / 7, 1) == 2026y / 3 / 9);   // Sat -> Mon
  CHECK(cal.add_business_days(2026y / 3 / 8, 1) == 2026y / 3 / 9);   // Sun -> Mon
  CHECK(cal.add_business_days(2026y / 3 / 8, -1) == 2026y / 3 / 7);  // Sun -> Sat
  CHECK(cal.add_business_days(2026y / 3 / 9, -2) == 2026y / 3 / 6);
  CHECK(cal.add_business_days(2026y / 3 / 8, 0) == 2026y / 3 / 9);
  CHECK(cal.add_business_days(2026y / 3 / 9, 0) == 2026y / 3 / 9);
  CHECK(cal.add_business_days(2026y / 4 / 2, 1) == 2026y / 4 / 6);  // over Good Friday
  CHECK(cal.add_business_days(2026y / 12 / 24, 1) == 2026y / 12 / 28);
  CHECK(cal.add_business_days(2026y / 12 / 31, 1) == 2027y / 1 / 4);  // over New Year
  CHECK(cal.add_business_days(2027y / 1 / 4, -1) == 2026y / 12 / 31);
  CHECK(cal.add_business_days(2026y / 1 / 2, 250) == walk(cal, 2026y / 1 / 2, 250));
  CHECK(cal.is_business_day(2026y / 3 / 7));
  CHECK_FALSE(cal.is_business_day(2026y / 3 / 14));
}

TEST_CASE("business days agree with a day-by-day walk on random cases") {
  for (const char* zone : {"America/New_York", "Australia/Lord_Howe", "Asia/Tokyo"}) {
    CAPTURE(zone);
    const auto cal = office(zone);
    std::mt19937 rng{2026};
    std::uniform_int_distribution<int> day{0, 365 * 60};
    std::uniform_int_distribution<int> n{-400, 400};
    for (int i = 0; i < 2000; ++i) {
      const year_month_day from{local_days{1990y / 1 / 1} + days{day(rng)}};
      const int k = n(rng);
      CAPTURE(format_date(from));
      CAPTURE(k);
      REQUIRE(cal.add_business_days(from, k) == walk(cal, from, k));
    }
  }
}
