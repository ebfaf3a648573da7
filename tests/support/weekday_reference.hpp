// Weekdays computed without std::chrono, for differential tests of the
// holiday rules that do use it.
#pragma once

namespace slakit::test {

/// Sakamoto's day of the week: 0 = Sunday .. 6 = Saturday.
inline int day_of_week(int y, int m, int d) {
  static constexpr int kMonthTerm[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + kMonthTerm[m - 1] + d) % 7;
}

/// The day of November after Thanksgiving (the 4th Thursday): 23 to 29.
inline int day_after_thanksgiving(int y) {
  const int first_thursday = 1 + (4 - day_of_week(y, 11, 1) + 7) % 7;
  return first_thursday + 21 + 1;
}

}  // namespace slakit::test
