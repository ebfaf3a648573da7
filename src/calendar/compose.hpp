// Building a composed calendar's yearly blocks from its parts' blocks.
#pragma once

#include <span>

#include "day_block.hpp"
#include "slakit/calendar/calendar.hpp"
#include "time_block.hpp"

namespace slakit::detail {

/// The block of the same UTC year whose open time is the union, intersection
/// or difference of `parts` (all blocks of that year, so their offsets share
/// one base). Touching results join into one span.
[[nodiscard]] TimeBlock compose_time_block(CalendarOp op, std::span<const TimeBlock* const> parts);

/// Marks as business days the dates [first, first + day_count) of `block`'s
/// year on which some open time of the calendar lies: `day_begin(k)` is the
/// first instant of date k, `open(from, to)` the open intervals within.
template <class DayBegin, class OpenIntervals>
void mark_open_dates(DayBlock& block, const DayBegin& day_begin, const OpenIntervals& open) {
  const auto intervals = open(day_begin(0), day_begin(block.day_count));
  std::vector<int> days;
  std::size_t i = 0;
  for (int d = 0; d < block.day_count; ++d) {
    const Instant begin = day_begin(d), end = day_begin(d + 1);
    while (i < intervals.size() && intervals[i].end <= begin) ++i;
    if (i < intervals.size() && intervals[i].begin < end) days.push_back(d);
  }
  block.assign(days);
}

}  // namespace slakit::detail
