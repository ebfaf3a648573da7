#include "quantile_buckets.hpp"

#include <cmath>

namespace slakit::cli::sketch {
namespace {

constexpr double kAlpha = 0.0045;  // + 0.5 s / 1024 s of rounding <= 0.5%
const double kGamma = (1 + kAlpha) / (1 - kAlpha);
const double kLogGamma = std::log(kGamma);

// The least whole second of each bucket from 1024 up to the first at or
// past 2^32, each found next to 1024 g^j and then moved to where the formula
// itself changes bucket, so that the table agrees with it by construction.
BucketBounds make_bounds() {
  BucketBounds b;
  constexpr std::int64_t kTop = std::int64_t{1} << 32;
  std::int64_t least = kExactBelow;
  for (std::int32_t j = 0; least < kTop; ++j) {
    b.lower.push_back(static_cast<std::uint32_t>(least));
    const std::int32_t next = static_cast<std::int32_t>(kExactBelow) + j + 1;
    auto x = static_cast<std::int64_t>(std::ceil(kExactBelow * std::pow(kGamma, j + 1)));
    x = std::max(x, least + 1);
    while (x - 1 > least && bucket_by_log(x - 1) >= next) --x;
    while (bucket_by_log(x) < next) ++x;
    least = x;
  }
  b.end = b.lower.back();  // the last bucket that starts below 2^32 s
  constexpr int kParts = 1 << BucketBounds::kPartBits;
  for (int octave = 10; octave < 32; ++octave) {
    for (int part = 0; part < kParts; ++part) {
      const auto start = (std::uint64_t{1} << octave) +
                         (static_cast<std::uint64_t>(part) << (octave - BucketBounds::kPartBits));
      const auto after = std::upper_bound(b.lower.begin(), b.lower.end(), start);
      b.first.push_back(static_cast<std::uint16_t>(after - b.lower.begin() - 1));
    }
  }
  return b;
}

}  // namespace

std::int32_t bucket_by_log(std::int64_t v) {
  if (v < kExactBelow) return static_cast<std::int32_t>(std::max<std::int64_t>(v, 0));
  // Bucket k >= 0 above the exact range holds [1024 g^k, 1024 g^(k+1)).
  const auto k = std::floor(std::log(static_cast<double>(v) / kExactBelow) / kLogGamma);
  return static_cast<std::int32_t>(kExactBelow + static_cast<std::int64_t>(k));
}

std::int64_t value_of(std::int32_t bucket) {
  if (bucket < kExactBelow) return bucket;
  const double low = kExactBelow * std::pow(kGamma, bucket - kExactBelow);
  // 2 low g / (g + 1) = low (1 + a): a relative distance of a from low and
  // from low g = low (1 + a) / (1 - a).
  return std::llround(low * (1 + kAlpha));
}

const BucketBounds kBucketBounds = make_bounds();

}  // namespace slakit::cli::sketch
