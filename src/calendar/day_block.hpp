// One local year of business days as two lookup tables, so that "the n-th
// business day after" is a rank and a select, not a walk over days.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>

namespace slakit::detail {

// Days before each month, in common and in leap years: date <-> day of year
// without the general civil-calendar conversion on the hot path.
inline constexpr std::array<std::array<std::uint16_t, 13>, 2> kDaysBeforeMonth{{
    {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
    {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
}};

/// Month and day of each day of the year, in common and in leap years: the
/// date of a business day is two loads, not a search over months.
struct MonthDay {
  std::uint8_t month;  // 1..12
  std::uint8_t day;    // 1..31
};
inline constexpr auto kMonthDays = [] {
  std::array<std::array<MonthDay, 366>, 2> table{};
  for (std::size_t leap = 0; leap < 2; ++leap) {
    for (std::uint8_t m = 0; m < 12; ++m) {
      for (int d = kDaysBeforeMonth[leap][m]; d < kDaysBeforeMonth[leap][m + 1u]; ++d) {
        table[leap][static_cast<std::size_t>(d)] = {
            static_cast<std::uint8_t>(m + 1),
            static_cast<std::uint8_t>(d - kDaysBeforeMonth[leap][m] + 1)};
      }
    }
  }
  return table;
}();

struct DayBlock {
  std::chrono::year year;
  int day_count = 0;  // 365 or 366
  bool leap = false;
  int total = 0;  // business days in the year
  /// rank[d]: business days with a day of year below d (d = 0..day_count).
  std::array<std::uint16_t, 367> rank{};
  /// day[k]: the day of year of the (k+1)-th business day (k < total).
  std::array<std::uint16_t, 366> day{};

  /// Marks the business days; `open` must list days of year in ascending order.
  template <class Range>
  void assign(const Range& open_days) {
    total = 0;
    std::size_t next = 0;
    auto it = open_days.begin();
    for (int d = 0; d < day_count; ++d) {
      rank[next++] = static_cast<std::uint16_t>(total);
      if (it != open_days.end() && *it == d) {
        day[static_cast<std::size_t>(total++)] = static_cast<std::uint16_t>(d);
        ++it;
      }
    }
    rank[next] = static_cast<std::uint16_t>(total);
  }
  [[nodiscard]] bool test(int day_of_year) const {
    return rank[static_cast<std::size_t>(day_of_year) + 1] !=
           rank[static_cast<std::size_t>(day_of_year)];
  }
  /// The date of the k-th business day, 1 <= k <= total.
  [[nodiscard]] std::chrono::year_month_day date_at(long k) const noexcept {
    const auto md = kMonthDays[leap ? 1 : 0][day[static_cast<std::size_t>(k - 1)]];
    return {year, std::chrono::month{md.month}, std::chrono::day{md.day}};
  }
};

}  // namespace slakit::detail
