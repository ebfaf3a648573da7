#include "compose.hpp"

#include <algorithm>

namespace slakit::detail {

namespace {

using Piece = std::pair<std::uint32_t, std::uint32_t>;  // [begin, end) offsets

std::vector<Piece> pieces(const TimeBlock& block) {
  std::vector<Piece> out;
  out.reserve(block.spans.size());
  for (const auto& s : block.spans) out.emplace_back(s.begin, s.end);
  return out;
}

// Both inputs sorted and disjoint; so is the result. Touching pieces of the
// union are joined by make_time_block.
std::vector<Piece> combine(CalendarOp op, const std::vector<Piece>& a,
                           const std::vector<Piece>& b) {
  std::vector<Piece> out;
  if (op == CalendarOp::union_of) {
    std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
  }
  std::size_t j = 0;
  for (auto [begin, end] : a) {
    while (j < b.size() && b[j].second <= begin) ++j;
    if (op == CalendarOp::intersection) {
      for (auto k = j; k < b.size() && b[k].first < end; ++k) {
        out.emplace_back(std::max(begin, b[k].first), std::min(end, b[k].second));
      }
      continue;
    }
    // Difference: what of [begin, end) no piece of b covers.
    for (auto k = j; k < b.size() && b[k].first < end; ++k) {
      if (b[k].first > begin) out.emplace_back(begin, b[k].first);
      begin = std::max(begin, b[k].second);
    }
    if (begin < end) out.emplace_back(begin, end);
  }
  return out;
}

}  // namespace

TimeBlock compose_time_block(CalendarOp op, std::span<const TimeBlock* const> parts) {
  auto result = pieces(*parts.front());
  for (std::size_t k = 1; k < parts.size(); ++k) result = combine(op, result, pieces(*parts[k]));
  const TimeBlock& first = *parts.front();
  std::vector<Interval> periods;
  periods.reserve(result.size());
  for (auto [begin, end] : result) {
    periods.push_back({first.base + Seconds{begin}, first.base + Seconds{end}});
  }
  return make_time_block(first.base, Seconds{first.length}, std::move(periods));
}

}  // namespace slakit::detail
