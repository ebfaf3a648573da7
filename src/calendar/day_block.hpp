// One local year of business days as a bitmap with per-word ranks, so that
// "the n-th business day after" is a rank and a select, not a walk.
#pragma once

#include <array>
#include <bit>
#include <chrono>
#include <cstdint>

namespace slakit::detail {

struct DayBlock {
  static constexpr int kWords = 6;  // 366 days

  std::chrono::local_days first;  // January 1
  int day_count = 0;
  std::array<std::uint64_t, kWords> bits{};
  std::array<std::uint16_t, kWords> before{};  // set bits in the words before
  int total = 0;

  void set(int day_of_year) { bits[day_of_year / 64] |= std::uint64_t{1} << (day_of_year % 64); }
  void finish() {
    int sum = 0;
    for (int w = 0; w < kWords; ++w) {
      before[w] = static_cast<std::uint16_t>(sum);
      sum += std::popcount(bits[w]);
    }
    total = sum;
  }
  [[nodiscard]] bool test(int day_of_year) const {
    return (bits[day_of_year / 64] >> (day_of_year % 64)) & 1;
  }
  /// Business days with a day of year below `day_of_year`.
  [[nodiscard]] int rank(int day_of_year) const {
    const int w = day_of_year / 64;
    const std::uint64_t below = (std::uint64_t{1} << (day_of_year % 64)) - 1;
    return before[w] + std::popcount(bits[w] & below);
  }
  /// The day of year of the k-th business day, 1 <= k <= total.
  [[nodiscard]] int select(int k) const {
    int w = kWords - 1;
    while (before[w] >= k) --w;
    std::uint64_t x = bits[w];
    for (int skip = k - before[w] - 1; skip > 0; --skip) x &= x - 1;
    return w * 64 + std::countr_zero(x);
  }
};

}  // namespace slakit::detail
