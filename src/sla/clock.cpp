#include "clock.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "slakit/error.hpp"

namespace slakit::detail {

Instant Clock::add(Instant a, Seconds d) const {
  if (calendar_ != nullptr) return calendar_->add(a, d);
  // Around the clock, with the same limits as a calendar.
  if (d >= kSupportedEnd - a || d < kSupportedBegin - a) {
    throw RangeError(fmt::format("{} + {} lies outside the supported range [{}, {})", format_utc(a),
                                 format_duration(d), format_utc(kSupportedBegin),
                                 format_utc(kSupportedEnd)));
  }
  return a + d;
}

std::size_t Clock::step_at(Instant t) const {
  // Queries come in runs about the same cycle: walk a few steps from the
  // last answer, and search beyond (a long history
  // stays logarithmic).
  // `now` and what happens at the last event lie in the last step.
  if (starts_.back() <= t) return hint_ = starts_.size() - 1;
  const auto first = starts_.begin();
  auto h = hint_;
  if (starts_[h] <= t) {
    const auto stop = std::min(starts_.size(), h + 8);
    while (h + 1 < stop && starts_[h + 1] <= t) ++h;
    if (h + 1 == starts_.size() || t < starts_[h + 1]) return hint_ = h;
  } else {
    const auto stop = h > 8 ? h - 8 : 0;
    while (h > stop && t < starts_[h]) --h;
    if (starts_[h] <= t || h == 0) return hint_ = h;
  }
  const auto it = std::upper_bound(first, starts_.end(), t);
  hint_ = it == first ? 0 : static_cast<std::size_t>(it - first - 1);
  return hint_;
}

Seconds Clock::upto(Instant t) const {
  if (t == memo_at_[0]) return memo_upto_[0];
  if (t == memo_at_[1]) return memo_upto_[1];
  const auto k = step_at(t);
  const auto i = memo_next_;
  memo_next_ ^= 1;
  memo_at_[i] = t;
  memo_upto_[i] = paused(k) || t <= starts_[k] ? before_[k] : before_[k] + business(starts_[k], t);
  return memo_upto_[i];
}

Instant Clock::reach_from_step(std::size_t k, Seconds carry, Seconds v, std::size_t last,
                               std::optional<Seconds>* counted_at) const {
  if (carry >= v) {
    if (counted_at != nullptr) *counted_at = before_[k];
    return starts_[k];
  }
  return reach_from(k, starts_[k], before_[k], carry, v, last, counted_at);
}

Instant Clock::reach_from(std::size_t k, Instant s, Seconds counted, Seconds carry, Seconds v,
                          std::size_t last, std::optional<Seconds>* counted_at) const {
  // The counted time, from the first step's start, at which v is reached.
  const auto goal = counted + (v - carry);
  last = std::min(last, starts_.size() - 1);
  while (k < last && before_[k + 1] < goal) ++k;
  // Only the last step can stop the search paused: a pause for good.
  if (paused(k)) return kNever;
  const auto from = std::max(s, starts_[k]);
  Instant at{};
  if (from == starts_[k]) {
    // From a step's start the calendar's total there is known: one search.
    const auto d = goal - before_[k];
    const auto found =
        calendar_ != nullptr && step_cum_[k] >= 0 ? calendar_->add_at(step_cum_[k], d) : kNever;
    at = found != kNever ? found : add(from, d);
  } else {
    at = add(from, goal - upto(from));
  }
  // Step k is not paused and counts its calendar's time, so up to an
  // instant within it (or at its end) goal is what upto() would count.
  // Past the end of step `last` later steps may pause: not known here.
  if (counted_at != nullptr && (k + 1 == starts_.size() || at <= starts_[k + 1]))
    *counted_at = goal;
  return at;
}

}  // namespace slakit::detail
