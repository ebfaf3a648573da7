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

/// 0 for January 1. `date` must be ok().
[[nodiscard]] inline int day_of_year(std::chrono::year_month_day date) noexcept {
  const auto& before = kDaysBeforeMonth[date.year().is_leap() ? 1 : 0];
  return before[static_cast<unsigned>(date.month()) - 1] +
         static_cast<int>(static_cast<unsigned>(date.day())) - 1;
}

/// The date of day `day_of_year` (0-based) of year `y`.
[[nodiscard]] inline std::chrono::year_month_day date_of(std::chrono::year y,
                                                         int day_of_year) noexcept {
  const auto& before = kDaysBeforeMonth[y.is_leap() ? 1 : 0];
  unsigned m = static_cast<unsigned>(day_of_year / 32);  // never past the right month
  while (before[m + 1] <= day_of_year) ++m;
  return {y, std::chrono::month{m + 1},
          std::chrono::day{static_cast<unsigned>(day_of_year - before[m] + 1)}};
}

struct DayBlock {
  std::chrono::year year;
  int day_count = 0;  // 365 or 366
  int total = 0;      // business days in the year
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
  /// The day of year of the k-th business day, 1 <= k <= total.
  [[nodiscard]] int select(int k) const { return day[static_cast<std::size_t>(k - 1)]; }
};

}  // namespace slakit::detail
