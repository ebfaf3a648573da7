#include "quantile_sketch.hpp"

#include <cmath>

namespace slakit::cli {

void QuantileSketch::to_buckets() {
  for (const auto v : exact_) count_in(sketch::bucket_of(v));
  exact_.clear();
  exact_.shrink_to_fit();
}

std::size_t QuantileSketch::grow(std::int32_t bucket) {
  if (low_.empty()) {
    first_ = bucket;
    low_.assign(1, 0);
    high_.clear();
  } else if (bucket < first_) {
    const auto more = static_cast<std::size_t>(first_ - bucket);
    low_.insert(low_.begin(), more, 0);
    if (!high_.empty()) high_.insert(high_.begin(), more, 0);
    first_ = bucket;
  } else {
    low_.resize(static_cast<std::size_t>(bucket - first_) + 1, 0);
    if (!high_.empty()) high_.resize(low_.size(), 0);
  }
  return static_cast<std::size_t>(bucket - first_);
}

void QuantileSketch::carry(std::size_t i) {
  if (high_.empty()) high_.assign(low_.size(), 0);
  ++high_[i];
}

void QuantileSketch::merge(const QuantileSketch& other) {
  if (count_ + other.count_ <= kExactValues) {
    exact_.insert(exact_.end(), other.exact_.begin(), other.exact_.end());
    count_ += other.count_;
    return;
  }
  to_buckets();
  for (const auto v : other.exact_) count_in(sketch::bucket_of(v));
  for (std::size_t i = 0; i < other.low_.size(); ++i) {
    const auto n = other.count_at(i);
    if (n == 0) continue;
    const auto bucket = other.first_ + static_cast<std::int32_t>(i);
    auto at = static_cast<std::size_t>(static_cast<std::uint32_t>(bucket - first_));
    if (at >= low_.size()) at = grow(bucket);
    const auto sum = count_at(at) + n;
    low_[at] = static_cast<std::uint8_t>(sum);
    if (sum >> kLowBits != 0 && high_.empty()) high_.assign(low_.size(), 0);
    if (!high_.empty()) high_[at] = sum >> kLowBits;
  }
  count_ += other.count_;
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
  for (std::size_t i = 0; i < low_.size(); ++i) {
    seen += count_at(i);
    if (seen >= rank) return sketch::value_of(first_ + static_cast<std::int32_t>(i));
  }
  return sketch::value_of(first_ + static_cast<std::int32_t>(low_.size()) - 1);
}

}  // namespace slakit::cli
