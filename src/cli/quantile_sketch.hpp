// Percentiles of a stream of durations in bounded memory (docs/report.md,
// "Percentiles"): `slakit report` cannot keep ten million resolution times.
//
// The first 1024 values are kept as they are, and percentiles of up to 1024
// values are exact. Past that, the values go into buckets: whole seconds
// below 1024 each have their own; larger values fall into buckets whose
// bounds grow by a factor gamma = (1 + a) / (1 - a), with a = 0.45%, and a
// bucket answers with the value whose relative distance to both its bounds
// is a. With rounding to whole seconds the answer is within 0.5% of the
// true nearest-rank percentile. Counts live in one vector spanning the
// buckets seen so far: from one second to a hundred years that is at most
// about 2,700 buckets, 21 KB, whatever the number of values.
//
//   QuantileSketch s;
//   for (auto v : frt) s.add(v);
//   s.percentile(50);  // the median, nearest rank, within 0.5%
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace slakit::cli {

class QuantileSketch {
 public:
  /// Relative error of a percentile of more than kExactValues values (values
  /// below 1024 s are exact).
  static constexpr double kRelativeError = 0.005;
  /// Up to this many values, percentiles are exact.
  static constexpr std::size_t kExactValues = 1024;

  /// Adds one value (seconds; a negative one counts as 0).
  void add(std::int64_t seconds);
  /// Adds every value of `other`.
  void merge(const QuantileSketch& other);
  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  /// The nearest-rank `p`th percentile (0 < p <= 100): the value of rank
  /// ceil(p / 100 * n) in ascending order, within kRelativeError; nullopt
  /// without values.
  [[nodiscard]] std::optional<std::int64_t> percentile(double p) const;

 private:
  void bucket(std::int64_t seconds);
  void to_buckets();

  std::vector<std::int64_t> exact_;    // while count_ <= kExactValues
  std::vector<std::uint64_t> counts_;  // after: counts_[i] holds bucket first_ + i
  std::int32_t first_ = 0;
  std::uint64_t count_ = 0;
};

}  // namespace slakit::cli
