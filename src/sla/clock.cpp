#include "clock.hpp"

#include <algorithm>

namespace slakit::detail {

std::size_t Clock::step_at(Instant t) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
  return it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin() - 1);
}

Seconds Clock::counted(Instant s, Instant u) const {
  Seconds sum{0};
  for (auto k = step_at(s); k < starts_.size() && starts_[k] < u; ++k) {
    if (paused(k)) continue;
    const auto a = std::max(s, starts_[k]);
    const auto b = k + 1 < starts_.size() ? std::min(u, starts_[k + 1]) : u;
    if (a < b) sum += business(a, b);
  }
  return sum;
}

std::optional<Instant> Clock::reach(Instant s, Seconds carry, Seconds v) const {
  if (carry >= v) return s;
  auto acc = carry;
  for (auto k = step_at(s); k < starts_.size(); ++k) {
    const bool last = k + 1 == starts_.size();
    if (paused(k)) {
      if (last) return std::nullopt;  // paused for good
      continue;
    }
    const auto a = std::max(s, starts_[k]);
    if (last) return add(a, v - acc);
    const auto b = starts_[k + 1];
    if (a >= b) continue;
    const auto piece = business(a, b);
    if (acc + piece >= v) return add(a, v - acc);
    acc += piece;
  }
  return std::nullopt;
}

}  // namespace slakit::detail
