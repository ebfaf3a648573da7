#include "quantile_sketch.hpp"

#include <algorithm>
#include <cmath>

namespace slakit::cli {
namespace {

constexpr std::int64_t kExact = 1024;  // values below are their own bucket
constexpr double kAlpha = 0.0045;      // + 0.5 s / 1024 s of rounding <= 0.5%
const double kGamma = (1 + kAlpha) / (1 - kAlpha);
const double kLogGamma = std::log(kGamma);

std::int32_t bucket_of(std::int64_t v) {
  if (v < kExact) return static_cast<std::int32_t>(std::max<std::int64_t>(v, 0));
  // Bucket k >= 0 above the exact range holds [1024 g^k, 1024 g^(k+1)).
  const auto k = std::floor(std::log(static_cast<double>(v) / kExact) / kLogGamma);
  return static_cast<std::int32_t>(kExact + static_cast<std::int64_t>(k));
}

std::int64_t value_of(std::int32_t bucket) {
  if (bucket < kExact) return bucket;
  const double low = kExact * std::pow(kGamma, bucket - kExact);
  // 2 low g / (g + 1) = low (1 + a): a relative distance of a from low and
  // from low g = low (1 + a) / (1 - a).
  return std::llround(low * (1 + kAlpha));
}

}  // namespace

void QuantileSketch::add(std::int64_t seconds) {
  seconds = std::max<std::int64_t>(seconds, 0);
  ++count_;
  if (count_ <= kExactValues) {
    exact_.push_back(seconds);
    return;
  }
  to_buckets();
  bucket(seconds);
}

void QuantileSketch::to_buckets() {
  if (exact_.empty()) return;
  for (const auto v : exact_) bucket(v);
  exact_.clear();
  exact_.shrink_to_fit();
}

void QuantileSketch::bucket(std::int64_t seconds) {
  const auto b = bucket_of(seconds);
  if (counts_.empty()) {
    first_ = b;
    counts_.assign(1, 0);
  } else if (b < first_) {
    counts_.insert(counts_.begin(), static_cast<std::size_t>(first_ - b), 0);
    first_ = b;
  } else if (static_cast<std::size_t>(b - first_) >= counts_.size()) {
    counts_.resize(static_cast<std::size_t>(b - first_) + 1, 0);
  }
  ++counts_[static_cast<std::size_t>(b - first_)];
}

void QuantileSketch::merge(const QuantileSketch& other) {
  if (count_ + other.count_ <= kExactValues) {
    exact_.insert(exact_.end(), other.exact_.begin(), other.exact_.end());
    count_ += other.count_;
    return;
  }
  to_buckets();
  for (const auto v : other.exact_) bucket(v);
  count_ += other.exact_.size();
  if (other.counts_.empty()) return;
  if (counts_.empty()) {
    counts_ = other.counts_;
    first_ = other.first_;
    count_ += other.count_ - other.exact_.size();
    return;
  }
  const auto first = std::min(first_, other.first_);
  const auto last = std::max(first_ + static_cast<std::int32_t>(counts_.size()),
                             other.first_ + static_cast<std::int32_t>(other.counts_.size()));
  std::vector<std::uint64_t> merged(static_cast<std::size_t>(last - first), 0);
  for (std::size_t i = 0; i < counts_.size(); ++i) merged[first_ - first + i] += counts_[i];
  for (std::size_t i = 0; i < other.counts_.size(); ++i) {
    merged[other.first_ - first + i] += other.counts_[i];
  }
  counts_ = std::move(merged);
  first_ = first;
  count_ += other.count_ - other.exact_.size();
}

std::optional<std::int64_t> QuantileSketch::percentile(double p) const {
  if (count_ == 0) return std::nullopt;
  // Nearest rank: the smallest value with at least ceil(p n / 100) values at
  // or below it (at least rank 1).
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_) - 1e-9)));
  if (!exact_.empty()) {
    thread_local std::vector<std::int64_t> sorted;
    sorted.assign(exact_.begin(), exact_.end());
    const auto at = sorted.begin() + static_cast<std::ptrdiff_t>(rank - 1);
    std::nth_element(sorted.begin(), at, sorted.end());
    return *at;
  }
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return value_of(first_ + static_cast<std::int32_t>(i));
  }
  return value_of(first_ + static_cast<std::int32_t>(counts_.size()) - 1);
}

}  // namespace slakit::cli
