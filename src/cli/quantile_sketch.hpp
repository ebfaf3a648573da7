// Percentiles of a stream of durations in bounded memory (docs/report.md,
// "Percentiles"): `slakit report` cannot keep ten million resolution times.
//
// The first 1024 values are kept as they are, and percentiles of up to 1024
// values are exact. Past that, the values go into buckets
// (quantile_buckets.hpp): whole seconds below 1024 each have their own;
// larger values fall into buckets whose bounds grow by a factor
// gamma = (1 + a) / (1 - a), with a = 0.45%, and a bucket answers with the
// value whose relative distance to both its bounds is a. With rounding to
// whole seconds the answer is within 0.5% of the true nearest-rank
// percentile. Counts live in one array spanning the buckets seen so far:
// from one second to a hundred years that is at most about 2,700 buckets.
//
// A report adds ~16 values a ticket to ~100 sketches, each a different
// place in memory, so a count is a byte: the low 8 bits, and a second array
// of 64-bit carries, made when a first count passes 255, holds the rest
// (touched once every 256 adds to a bucket). 2,700 buckets are then 2.7 KB
// that the adds touch (24 KB with the carries), not 21 KB.
//
//   QuantileSketch s;
//   for (auto v : frt) s.add(v);
//   s.percentile(50);  // the median, nearest rank, within 0.5%
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "quantile_buckets.hpp"

namespace slakit::cli {

class QuantileSketch {
 public:
  /// Relative error of a percentile of more than kExactValues values (values
  /// below 1024 s are exact).
  static constexpr double kRelativeError = 0.005;
  /// Up to this many values, percentiles are exact.
  static constexpr std::size_t kExactValues = 1024;

  /// A value with its bucket, found once for a value that goes into
  /// several sketches (a ticket's times, into each of its report rows).
  struct Sample {
    std::int64_t seconds = 0;
    std::int32_t bucket = 0;
  };
  /// `seconds` as a sample: a negative value counts as 0.
  [[nodiscard]] static Sample sample(std::int64_t seconds) {
    seconds = std::max<std::int64_t>(seconds, 0);
    return {seconds, sketch::bucket_of(seconds)};
  }

  /// Adds one value (seconds; a negative one counts as 0).
  void add(std::int64_t seconds) { add(sample(seconds)); }
  void add(Sample s) {
    if (++count_ <= kExactValues) {
      exact_.push_back(s.seconds);
      return;
    }
    if (!exact_.empty()) to_buckets();
    count_in(s.bucket);
  }
  /// Asks for the cache line that add(s) will count in: a report adds a
  /// ticket's times to sketches all over memory, and each add waited for
  /// its line in turn (report_table.cpp asks for all of a ticket's first).
  void prefetch(Sample s) const {
    const auto i = static_cast<std::size_t>(static_cast<std::uint32_t>(s.bucket - first_));
    if (i < low_.size()) __builtin_prefetch(low_.data() + i, 1);
  }
  /// Adds every value of `other`.
  void merge(const QuantileSketch& other);
  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  /// The nearest-rank `p`th percentile (0 < p <= 100): the value of rank
  /// ceil(p / 100 * n) in ascending order, within kRelativeError; nullopt
  /// without values.
  [[nodiscard]] std::optional<std::int64_t> percentile(double p) const;

 private:
  static constexpr int kLowBits = 8;

  void count_in(std::int32_t bucket) {
    auto i = static_cast<std::size_t>(static_cast<std::uint32_t>(bucket - first_));
    if (i >= low_.size()) i = grow(bucket);
    if (++low_[i] == 0) carry(i);
  }
  /// Makes room for `bucket` and returns its index.
  std::size_t grow(std::int32_t bucket);
  void carry(std::size_t i);
  void to_buckets();
  [[nodiscard]] std::uint64_t count_at(std::size_t i) const noexcept {
    return low_[i] + (high_.empty() ? 0 : high_[i] << kLowBits);
  }

  std::vector<std::int64_t> exact_;  // while count_ <= kExactValues
  // After: bucket first_ + i has count low_[i] + high_[i] * 256 (no high_
  // while every count is below 256).
  std::vector<std::uint8_t> low_;
  std::vector<std::uint64_t> high_;
  std::int32_t first_ = 0;
  std::uint64_t count_ = 0;
};

}  // namespace slakit::cli
