// Real public-holiday calendars, written as rules and checked against the
// dates their governments published.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "support/calendars.hpp"
#include "support/public_holidays.hpp"

using namespace std::chrono;
using namespace slakit;

namespace {

// Dates on which a Monday-to-Friday office closes.
std::set<year_month_day> weekday_closures(const Calendar& cal, int y) {
  std::set<year_month_day> out;
  for (const auto& h : cal.holidays(y)) {
    const weekday wd{local_days{h.date}};
    if (wd != Saturday && wd != Sunday) out.insert(h.date);
  }
  return out;
}

using Dates = std::set<year_month_day>;

}  // namespace

TEST_CASE("US federal holidays match OPM's published dates, 2020-2026") {
  const auto cal = test::us_federal();
  CHECK(weekday_closures(cal, 2020) ==
        Dates{2020y / 1 / 1, 2020y / 1 / 20, 2020y / 2 / 17, 2020y / 5 / 25, 2020y / 7 / 3,
              2020y / 9 / 7, 2020y / 10 / 12, 2020y / 11 / 11, 2020y / 11 / 26, 2020y / 12 / 25});
  // New Year's Day 2022 (a Saturday) is observed on Friday 2021-12-31.
  CHECK(weekday_closures(cal, 2021) == Dates{2021y / 1 / 1, 2021y / 1 / 18, 2021y / 2 / 15,
                                             2021y / 5 / 31, 2021y / 6 / 18, 2021y / 7 / 5,
                                             2021y / 9 / 6, 2021y / 10 / 11, 2021y / 11 / 11,
                                             2021y / 11 / 25, 2021y / 12 / 24, 2021y / 12 / 31});
  CHECK(weekday_closures(cal, 2022) ==
        Dates{2022y / 1 / 17, 2022y / 2 / 21, 2022y / 5 / 30, 2022y / 6 / 20, 2022y / 7 / 4,
              2022y / 9 / 5, 2022y / 10 / 10, 2022y / 11 / 11, 2022y / 11 / 24, 2022y / 12 / 26});
  CHECK(weekday_closures(cal, 2023) == Dates{2023y / 1 / 2, 2023y / 1 / 16, 2023y / 2 / 20,
                                             2023y / 5 / 29, 2023y / 6 / 19, 2023y / 7 / 4,
                                             2023y / 9 / 4, 2023y / 10 / 9, 2023y / 11 / 10,
                                             2023y / 11 / 23, 2023y / 12 / 25});
  CHECK(weekday_closures(cal, 2024) == Dates{2024y / 1 / 1, 2024y / 1 / 15, 2024y / 2 / 19,
                                             2024y / 5 / 27, 2024y / 6 / 19, 2024y / 7 / 4,
                                             2024y / 9 / 2, 2024y / 10 / 14, 2024y / 11 / 11,
                                             2024y / 11 / 28, 2024y / 12 / 25});
  CHECK(weekday_closures(cal, 2025) == Dates{2025y / 1 / 1, 2025y / 1 / 20, 2025y / 2 / 17,
                                             2025y / 5 / 26, 2025y / 6 / 19, 2025y / 7 / 4,
                                             2025y / 9 / 1, 2025y / 10 / 13, 2025y / 11 / 11,
                                             2025y / 11 / 27, 2025y / 12 / 25});
  CHECK(weekday_closures(cal, 2026) == Dates{2026y / 1 / 1, 2026y / 1 / 19, 2026y / 2 / 16,
                                             2026y / 5 / 25, 2026y / 6 / 19, 2026y / 7 / 3,
                                             2026y / 9 / 7, 2026y / 10 / 12, 2026y / 11 / 11,
                                             2026y / 11 / 26, 2026y / 12 / 25});
  // The business days follow: 2026 has 261 weekdays and 11 weekday holidays.
  int business = 0;
  for (auto d = local_days{2026y / 1 / 1}; d <= local_days{2026y / 12 / 31}; d += days{1}) {
    business += cal.is_business_day(year_month_day{d}) ? 1 : 0;
  }
  CHECK(business == 261 - 11);
  CHECK_FALSE(cal.is_business_day(2021y / 12 / 31));
}

TEST_CASE("German national holidays match the published dates, 2017 and 2024-2026") {
  const auto cal = test::german_national();
  CHECK(weekday_closures(cal, 2017) == Dates{2017y / 4 / 14, 2017y / 4 / 17, 2017y / 5 / 1,
                                             2017y / 5 / 25, 2017y / 6 / 5, 2017y / 10 / 3,
                                             2017y / 10 / 31, 2017y / 12 / 25, 2017y / 12 / 26});
  CHECK(weekday_closures(cal, 2024) == Dates{2024y / 1 / 1, 2024y / 3 / 29, 2024y / 4 / 1,
                                             2024y / 5 / 1, 2024y / 5 / 9, 2024y / 5 / 20,
                                             2024y / 10 / 3, 2024y / 12 / 25, 2024y / 12 / 26});
  CHECK(weekday_closures(cal, 2025) == Dates{2025y / 1 / 1, 2025y / 4 / 18, 2025y / 4 / 21,
                                             2025y / 5 / 1, 2025y / 5 / 29, 2025y / 6 / 9,
                                             2025y / 10 / 3, 2025y / 12 / 25, 2025y / 12 / 26});
  // October 3 and December 26 fall on a Saturday in 2026 and are not moved.
  CHECK(weekday_closures(cal, 2026) == Dates{2026y / 1 / 1, 2026y / 4 / 3, 2026y / 4 / 6,
                                             2026y / 5 / 1, 2026y / 5 / 14, 2026y / 5 / 25,
                                             2026y / 12 / 25});
  CHECK(weekday_closures(cal, 2023).count(2023y / 10 / 31) == 0);
}

TEST_CASE("English bank holidays match gov.uk's published dates, 2019-2024") {
  const auto cal = test::english_bank_holidays();
  CHECK(weekday_closures(cal, 2019) == Dates{2019y / 1 / 1, 2019y / 4 / 19, 2019y / 4 / 22,
                                             2019y / 5 / 6, 2019y / 5 / 27, 2019y / 8 / 26,
                                             2019y / 12 / 25, 2019y / 12 / 26});
  // Early May moved to VE day; Boxing Day on a Saturday substituted on Monday.
  CHECK(weekday_closures(cal, 2020) == Dates{2020y / 1 / 1, 2020y / 4 / 10, 2020y / 4 / 13,
                                             2020y / 5 / 8, 2020y / 5 / 25, 2020y / 8 / 31,
                                             2020y / 12 / 25, 2020y / 12 / 28});
  // Christmas on a Saturday and Boxing Day on a Sunday close Monday and Tuesday.
  CHECK(weekday_closures(cal, 2021) == Dates{2021y / 1 / 1, 2021y / 4 / 2, 2021y / 4 / 5,
                                             2021y / 5 / 3, 2021y / 5 / 31, 2021y / 8 / 30,
                                             2021y / 12 / 27, 2021y / 12 / 28});
  // New Year's Day on a Saturday; Christmas on a Sunday after Boxing Day's Monday.
  CHECK(weekday_closures(cal, 2022) ==
        Dates{2022y / 1 / 3, 2022y / 4 / 15, 2022y / 4 / 18, 2022y / 5 / 2, 2022y / 6 / 2,
              2022y / 6 / 3, 2022y / 8 / 29, 2022y / 9 / 19, 2022y / 12 / 26, 2022y / 12 / 27});
  CHECK(weekday_closures(cal, 2023) == Dates{2023y / 1 / 2, 2023y / 4 / 7, 2023y / 4 / 10,
                                             2023y / 5 / 1, 2023y / 5 / 8, 2023y / 5 / 29,
                                             2023y / 8 / 28, 2023y / 12 / 25, 2023y / 12 / 26});
  CHECK(weekday_closures(cal, 2024) == Dates{2024y / 1 / 1, 2024y / 3 / 29, 2024y / 4 / 1,
                                             2024y / 5 / 6, 2024y / 5 / 27, 2024y / 8 / 26,
                                             2024y / 12 / 25, 2024y / 12 / 26});
}

// Japan's substitute holiday (docs/language.md: "`observed sunday substitute`
// moves only Sunday, to the next day that is not a holiday already"): the
// Cabinet Office's lists for 2024 to 2026. A Saturday holiday is not moved
// (2024-11-23, 2025-05-03); Golden Week's Sunday passes Monday and Tuesday's
// holidays (2025-05-06, 2026-05-06).
TEST_CASE("Japanese national holidays match the Cabinet Office's dates, 2024-2026") {
  const auto cal = test::japanese_national();
  CHECK(weekday_closures(cal, 2024) ==
        Dates{2024y / 1 / 1, 2024y / 1 / 8, 2024y / 2 / 12, 2024y / 2 / 23, 2024y / 3 / 20,
              2024y / 4 / 29, 2024y / 5 / 3, 2024y / 5 / 6, 2024y / 7 / 15, 2024y / 8 / 12,
              2024y / 9 / 16, 2024y / 9 / 23, 2024y / 10 / 14, 2024y / 11 / 4});
  CHECK(weekday_closures(cal, 2025) ==
        Dates{2025y / 1 / 1, 2025y / 1 / 13, 2025y / 2 / 11, 2025y / 2 / 24, 2025y / 3 / 20,
              2025y / 4 / 29, 2025y / 5 / 5, 2025y / 5 / 6, 2025y / 7 / 21, 2025y / 8 / 11,
              2025y / 9 / 15, 2025y / 9 / 23, 2025y / 10 / 13, 2025y / 11 / 3, 2025y / 11 / 24});
  CHECK(weekday_closures(cal, 2026) ==
        Dates{2026y / 1 / 1, 2026y / 1 / 12, 2026y / 2 / 11, 2026y / 2 / 23, 2026y / 3 / 20,
              2026y / 4 / 29, 2026y / 5 / 4, 2026y / 5 / 5, 2026y / 5 / 6, 2026y / 7 / 20,
              2026y / 8 / 11, 2026y / 9 / 21, 2026y / 9 / 22, 2026y / 9 / 23, 2026y / 10 / 12,
              2026y / 11 / 3, 2026y / 11 / 23});
  // The substitute is marked observed, under the name of the holiday it stands for.
  const auto may = cal.holidays(2026);
  const auto sixth = std::find_if(may.begin(), may.end(),
                                  [](const Holiday& h) { return h.date == 2026y / 5 / 6; });
  REQUIRE(sixth != may.end());
  CHECK(sixth->observed);
  CHECK(sixth->name == "Constitution Memorial Day");
}
