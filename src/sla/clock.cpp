#include "clock.hpp"

#include <algorithm>

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

std::size_t Clock::step_at(Instant t) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
  return it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin() - 1);
}

Seconds Clock::upto(Instant t) const {
  const auto k = step_at(t);
  if (paused(k) || t <= starts_[k]) return before_[k];
  return before_[k] + business(starts_[k], t);
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
  return add(from, goal - upto(from));
}

}  // namespace slakit::detail
