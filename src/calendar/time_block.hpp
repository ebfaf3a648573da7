// One UTC year of a calendar's open time: merged intervals with cumulative
// business seconds, the structure add/subtract/elapsed binary-search.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "slakit/time/instant.hpp"

namespace slakit::detail {

struct TimeBlock {
  /// An open interval as offsets from `base`, with the business seconds of
  /// the block up to its end. 12 bytes; a year fits in 32 bits.
  struct Span {
    std::uint32_t begin;
    std::uint32_t end;
    std::uint32_t cum_end;
  };

  Instant base;              // the block covers [base, base + length)
  std::uint32_t length = 0;  // seconds
  std::vector<Span> spans;   // sorted, disjoint, not touching within the block

  [[nodiscard]] std::uint32_t total() const noexcept {
    return spans.empty() ? 0 : spans.back().cum_end;
  }
  [[nodiscard]] std::uint32_t cum_before(std::size_t i) const noexcept {
    return i == 0 ? 0 : spans[i - 1].cum_end;
  }
  /// Index of the first span that ends after `offset` (spans.size() if none).
  [[nodiscard]] std::size_t first_ending_after(std::uint32_t offset) const noexcept {
    return static_cast<std::size_t>(
        std::upper_bound(spans.begin(), spans.end(), offset,
                         [](std::uint32_t o, const Span& s) { return o < s.end; }) -
        spans.begin());
  }
  /// Business seconds in [base, base + offset).
  [[nodiscard]] std::uint32_t cum_at(std::uint32_t offset) const noexcept {
    const auto i = first_ending_after(offset);
    if (i == spans.size()) return total();
    const auto& s = spans[i];
    return cum_before(i) + (offset > s.begin ? offset - s.begin : 0);
  }
};

/// Sorts and merges `periods` (overlapping or touching become one), clips
/// them to [base, base + length) and accumulates business seconds.
[[nodiscard]] TimeBlock make_time_block(Instant base, Seconds length,
                                        std::vector<Interval> periods);

}  // namespace slakit::detail
