// One local year of business days as two lookup tables, so that "the n-th
// business day after" is a rank and a select, not a walk over days.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>

namespace slakit::detail {

struct DayBlock {
  std::chrono::local_days first;  // January 1
  int day_count = 0;              // 365 or 366
  int total = 0;                  // business days in the year
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
