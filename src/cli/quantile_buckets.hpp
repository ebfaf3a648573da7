// The buckets of QuantileSketch (docs/report.md, "Percentiles"): which
// bucket holds a value, and which value a bucket answers with.
//
// A value v below 1024 s is its own bucket; above, bucket 1024 + k holds
// [1024 g^k, 1024 g^(k+1)), g = (1 + a) / (1 - a), a = 0.45%. The defining
// formula takes a logarithm (bucket_by_log); bucket_of finds the same bucket
// in a table of the buckets' least whole seconds, indexed by the value's
// leading bits, with two integer comparisons on average and no logarithm.
// tests/cli/quantile_buckets_test.cpp proves the two equal.
//
//   bucket_of(1023) == 1023;  bucket_of(1024) == 1024;  bucket_of(1034) == 1025
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace slakit::cli::sketch {

/// Values below this many seconds are exact: each its own bucket.
inline constexpr std::int64_t kExactBelow = 1024;

/// The bucket of `v` (seconds; negative counts as 0) by the defining
/// formula: v below 1024, else 1024 + floor(log(v / 1024) / log(g)).
[[nodiscard]] std::int32_t bucket_by_log(std::int64_t v);

/// The value bucket `bucket` answers with: the bucket's value below 1024;
/// above, the value at relative distance a from both its bounds.
[[nodiscard]] std::int64_t value_of(std::int32_t bucket);

/// The table bucket_of searches, made once from bucket_by_log.
struct BucketBounds {
  /// Leading bits after the highest one that pick a part of an octave.
  static constexpr int kPartBits = 6;
  /// lower[j]: the least whole second of bucket kExactBelow + j, for every
  /// bucket that starts below 2^32 s (136 years).
  std::vector<std::uint32_t> lower;
  /// first[(e - 10) << kPartBits | s]: the j of the bucket that holds the
  /// start of the s-th part of the octave [2^e, 2^(e+1)). A part is at most
  /// 1/64 wide relative to its values, a bucket 0.9%, so the value's bucket
  /// is at most three further on.
  std::vector<std::uint16_t> first;
  /// lower.back(): from here on bucket_of takes the formula.
  std::uint32_t end = 0;
};
extern const BucketBounds kBucketBounds;

/// The same bucket as bucket_by_log(v), without a logarithm below
/// kBucketBounds.end.
[[nodiscard]] inline std::int32_t bucket_of(std::int64_t v) {
  if (v < kExactBelow) return static_cast<std::int32_t>(std::max<std::int64_t>(v, 0));
  if (v >= kBucketBounds.end) return bucket_by_log(v);
  const auto u = static_cast<std::uint32_t>(v);
  const int octave = std::bit_width(u) - 1;  // 10 to 31
  const auto part =
      (u >> (octave - BucketBounds::kPartBits)) & ((1U << BucketBounds::kPartBits) - 1);
  std::uint32_t j =
      kBucketBounds
          .first[static_cast<std::uint32_t>(octave - 10) << BucketBounds::kPartBits | part];
  // v < end = lower.back(), so lower[j + 1] exists while v is past lower[j].
  while (u >= kBucketBounds.lower[j + 1]) ++j;
  return static_cast<std::int32_t>(kExactBelow + j);
}

}  // namespace slakit::cli::sketch
