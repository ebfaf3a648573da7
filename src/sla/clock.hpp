// Counting a policy's business time over a ticket's steps: its calendar
// (24/7 without one) minus the steps in which its pause condition holds.
//
// The counted time from creation to each step's start is summed once, so
// that counting between two instants takes two calendar look-ups and finding
// where a target is reached one search and one `add`, whatever the number of
// events.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "calendar/pinned_calendar.hpp"

namespace slakit::detail {

class Clock {
 public:
  /// `calendar`: the policy's calendar pinned on the ticket's creation
  /// (nullptr: 24/7). `starts` as Timeline::starts(); `paused[k]` for step k
  /// (empty: never); `step_business[k]` the calendar's business time in step
  /// k (all but the last step), `business_before[k]` the same summed before
  /// step k: the clock's sums when nothing pauses it. `step_cum[k]`: the
  /// calendar's PinnedCalendar::cum_before() of step k's start (empty for
  /// 24/7), which makes a due searched from a step's start one search of
  /// the calendar's totals. `buffer` holds the sums otherwise; the caller
  /// reuses it.
  Clock(const PinnedCalendar* calendar, std::span<const Instant> starts,
        std::span<const std::uint8_t> paused, std::span<const Seconds> step_business,
        std::span<const Seconds> business_before, std::span<const std::int64_t> step_cum,
        std::vector<Seconds>& buffer);

  /// Business time in [a, b) of the calendar, pauses not considered.
  [[nodiscard]] Seconds business(Instant a, Instant b) const {
    return calendar_ != nullptr ? calendar_->elapsed(a, b) : b - a;
  }
  /// The instant `d` of business time after a (docs/semantics.md, add).
  /// Throws RangeError, as a calendar does, for a result outside the
  /// supported range.
  [[nodiscard]] Instant add(Instant a, Seconds d) const;
  /// Whether some condition may pause it at all.
  [[nodiscard]] bool pauses() const { return !paused_.empty(); }
  [[nodiscard]] bool paused(std::size_t step) const {
    return !paused_.empty() && paused_[step] != 0;
  }
  /// Business time in [s, u) outside pauses (s <= u).
  [[nodiscard]] Seconds counted(Instant s, Instant u) const { return upto(u) - upto(s); }
  /// Counted time from the first step's start to t.
  [[nodiscard]] Seconds upto(Instant t) const;
  /// The same to the start of step k: cycles start and stop at events, whose
  /// steps are known, so most queries need neither a search nor a calendar.
  [[nodiscard]] Seconds upto_step(std::size_t k) const { return before_[k]; }
  /// What reach_from_step() answers when it finds nothing (the calendar's
  /// own "nothing", one value for both).
  static constexpr Instant kNever = PinnedCalendar::kNever;
  /// The first instant at which `carry` plus the time counted since the
  /// start of step k reaches v (that start when carry already does); kNever
  /// when a pause that lasts for ever comes first. Steps after `last` are
  /// not seen: the state of step `last` holds from its start on (a cycle's
  /// due as of its stop). With `counted_at`, also upto() of the instant
  /// found, when the search knows it without a calendar: the instant lies
  /// in the step where v was reached (or ends it). (A plain instant rather
  /// than an optional: a stall, docs/architecture.md, Decisions.)
  [[nodiscard]] Instant reach_from_step(std::size_t k, Seconds carry, Seconds v,
                                        std::size_t last = SIZE_MAX,
                                        std::optional<Seconds>* counted_at = nullptr) const;

 private:
  [[nodiscard]] std::size_t step_at(Instant t) const;
  /// reach_from_step() from s, which lies in step k and has `counted`
  /// before it.
  [[nodiscard]] Instant reach_from(std::size_t k, Instant s, Seconds counted, Seconds carry,
                                   Seconds v, std::size_t last,
                                   std::optional<Seconds>* counted_at) const;

  const PinnedCalendar* calendar_;
  std::span<const Instant> starts_;
  std::span<const std::uint8_t> paused_;
  std::span<const Seconds> before_;  // counted time before each step's start
  std::span<const std::int64_t> step_cum_;
  // The last step found, and the last two counted times asked for: queries
  // come in runs about one cycle, alternating between its start and its
  // end. A Clock belongs to one thread.
  mutable std::size_t hint_ = 0;
  mutable Instant memo_at_[2] = {Instant::min(), Instant::min()};
  mutable Seconds memo_upto_[2] = {};
  mutable std::size_t memo_next_ = 0;  // the entry to replace next
};

// Inline: its spans, passed on the stack to a call, stalled on every policy
// (docs/architecture.md, Decisions).
inline Clock::Clock(const PinnedCalendar* calendar, std::span<const Instant> starts,
                    std::span<const std::uint8_t> paused, std::span<const Seconds> step_business,
                    std::span<const Seconds> business_before,
                    std::span<const std::int64_t> step_cum, std::vector<Seconds>& buffer)
    : calendar_(calendar), starts_(starts), paused_(paused), step_cum_(step_cum) {
  if (paused_.empty()) {
    before_ = business_before;
    return;
  }
  const auto n = starts_.size();
  buffer.resize(n);
  Seconds* sums = buffer.data();
  // The sum in a register: the pause flags are bytes, which may alias
  // anything, so sums[k] was read back from the store just made.
  Seconds sum{0};
  sums[0] = sum;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (paused[k] == 0) sum += step_business[k];
    sums[k + 1] = sum;
  }
  before_ = buffer;
}

}  // namespace slakit::detail
