#include "clock.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "slakit/error.hpp"

namespace slakit::detail {

Clock::Clock(const Calendar* calendar, std::span<const Instant> starts,
             std::span<const std::uint8_t> paused, std::span<const Seconds> step_business,
             std::vector<Seconds>& buffer)
    : calendar_(calendar), starts_(starts), paused_(paused) {
  buffer.resize(starts_.size());
  Seconds sum{0};
  for (std::size_t k = 0; k < starts_.size(); ++k) {
    buffer[k] = sum;
    if (k + 1 < starts_.size() && !this->paused(k)) sum += step_business[k];
  }
  before_ = buffer;
}

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
  // Queries come in runs about the same cycle: try the last answer first.
  const auto h = hint_;
  if (starts_[h] <= t && (h + 1 == starts_.size() || t < starts_[h + 1])) return h;
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
  hint_ = it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin() - 1);
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

std::optional<Instant> Clock::reach(Instant s, Seconds carry, Seconds v, std::size_t last) const {
  if (carry >= v) return s;
  // The counted time, from the first step's start, at which v is reached.
  const auto goal = upto(s) + (v - carry);
  last = std::min(last, starts_.size() - 1);
  auto k = step_at(s);
  while (k < last && before_[k + 1] < goal) ++k;
  // Only the last step can stop the search paused: a pause for good.
  if (paused(k)) return std::nullopt;
  const auto from = std::max(s, starts_[k]);
  return add(from, goal - (from == starts_[k] ? before_[k] : upto(from)));
}

}  // namespace slakit::detail
