// One UTC year of a calendar's open time: merged intervals with cumulative
// business seconds, the structure add/subtract/elapsed search.
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
  /// day_first[d]: the first span that ends after day d of the block begins,
  /// so that finding the span of an instant is a lookup and a short scan
  /// rather than a binary search over the year. Both tables hold 16-bit
  /// indexes (the memory bound of a year, docs/architecture.md): a block of
  /// more spans (a calendar of hundreds of periods a day) has neither, and
  /// its searches are binary over the year.
  std::vector<std::uint16_t> day_first;
  /// Business time between the entries of `stride_first`: 16 hours, a
  /// table of at most 549 entries (1 KB) a year, for a search over the
  /// few spans that hold 16 business hours.
  static constexpr std::uint64_t kStride = 16 * 3600;
  /// stride_first[h]: the first span whose cumulative end exceeds h strides
  /// of business time, so that finding where a business total is reached
  /// (a due) is a lookup and a short search rather than a gallop over the
  /// year.
  std::vector<std::uint16_t> stride_first;

  [[nodiscard]] std::uint32_t total() const noexcept {
    return spans.empty() ? 0 : spans.back().cum_end;
  }
  [[nodiscard]] std::uint32_t cum_before(std::size_t i) const noexcept {
    return i == 0 ? 0 : spans[i - 1].cum_end;
  }
  /// Index of the first span that ends after `offset` (spans.size() if none).
  [[nodiscard]] std::size_t first_ending_after(std::uint32_t offset) const noexcept {
    if (day_first.empty()) {
      const auto it = std::partition_point(spans.begin(), spans.end(),
                                           [&](const Span& s) { return s.end <= offset; });
      return static_cast<std::size_t>(it - spans.begin());
    }
    return scan_from<false>(spans.data(), spans.size(), day_first[offset / 86400], offset);
  }
  /// The first of `spans[i..n)` that ends after `offset`, from `i` =
  /// day_first of its day; on raw tables, for a caller that holds them in
  /// registers over many offsets (PinnedCalendar::cum_before_each).
  /// `Unpredictable`: how far the scan goes depends on the time of day, which
  /// no branch predictor knows when the offsets are a ticket's step starts;
  /// the first two spans of the day are then stepped over without a branch
  /// (a day of more is rare), which halved the SLA engine's scans natively.
  /// (Calendar::add and elapsed, whose offsets repeat their pattern, are
  /// faster with the plain loop: 20 against 24 ns an add.)
  template <bool Unpredictable>
  [[nodiscard]] static std::size_t scan_from(const Span* spans, std::size_t n, std::size_t i,
                                             std::uint32_t offset) noexcept {
    if (Unpredictable && n != 0) {
      const std::size_t last = n - 1;
      i += static_cast<std::size_t>((i < n) & (spans[std::min(i, last)].end <= offset));
      i += static_cast<std::size_t>((i < n) & (spans[std::min(i, last)].end <= offset));
    }
    while (i < n && spans[i].end <= offset) ++i;
    return i;
  }
  /// Business seconds in [base, base + offset).
  [[nodiscard]] std::uint32_t cum_at(std::uint32_t offset) const noexcept {
    const auto i = first_ending_after(offset);
    if (i == spans.size()) return total();
    const auto& s = spans[i];
    return cum_before(i) + (offset > s.begin ? offset - s.begin : 0);
  }

  /// The first span whose cumulative end reaches `cum` (0 < cum <= total()):
  /// none before the first that passes the whole strides below cum, and the
  /// first that passes those above it does.
  [[nodiscard]] std::size_t first_reaching(std::uint64_t cum) const noexcept {
    if (stride_first.empty()) return search(0, spans.size(), cum, false);
    return search(stride_first[(cum - 1) / kStride], stride_first[(cum + kStride - 1) / kStride],
                  cum, false);
  }
  /// The instant at which the block's business time reaches `cum`
  /// (0 < cum <= total()), as an offset: a closing time rather than the
  /// next opening when it is reached there.
  [[nodiscard]] std::uint64_t offset_reaching(std::uint64_t cum) const noexcept {
    const auto j = first_reaching(cum);
    return spans[j].begin + (cum - cum_before(j));
  }

  /// The first span at or after `from` whose cumulative end reaches `cum`
  /// (spans.size() if none). Gallops forward: deadlines are usually near.
  [[nodiscard]] std::size_t first_reaching(std::size_t from, std::uint64_t cum) const noexcept {
    std::size_t lo = from, step = 1;
    for (;;) {
      const std::size_t probe = lo + step - 1;
      if (probe >= spans.size()) return search(lo, spans.size(), cum, false);
      if (spans[probe].cum_end >= cum) return search(lo, probe + 1, cum, false);
      lo = probe + 1;
      step *= 2;
    }
  }
  /// The first span at or before `from` whose cumulative end exceeds `cum`,
  /// given that span `from` does. Gallops backward.
  [[nodiscard]] std::size_t first_exceeding(std::size_t from, std::uint64_t cum) const noexcept {
    std::size_t hi = from, step = 1;
    for (;;) {
      if (hi < step) return search(0, hi + 1, cum, true);
      const std::size_t probe = hi - step;
      if (spans[probe].cum_end <= cum) return search(probe + 1, hi + 1, cum, true);
      hi = probe;
      step *= 2;
    }
  }

 private:
  // The first index in [lo, hi) whose cum_end reaches (or, strictly, exceeds)
  // `cum`; hi if none. Branch-free halving: no mispredicted branches.
  [[nodiscard]] std::size_t search(std::size_t lo, std::size_t hi, std::uint64_t cum,
                                   bool strictly) const noexcept {
    const Span* at = spans.data() + lo;
    std::size_t len = hi - lo;
    if (len == 0) return lo;
    const auto short_of = [&](const Span& s) {
      return strictly ? s.cum_end <= cum : s.cum_end < cum;
    };
    while (len > 1) {
      const std::size_t half = len / 2;
      at = short_of(at[half]) ? at + half : at;
      len -= half;
    }
    return static_cast<std::size_t>(at - spans.data()) + (short_of(*at) ? 1 : 0);
  }
};

/// Sorts and merges `periods` (overlapping or touching become one), clips
/// them to [base, base + length) and accumulates business seconds.
[[nodiscard]] TimeBlock make_time_block(Instant base, Seconds length,
                                        std::vector<Interval> periods);

}  // namespace slakit::detail
