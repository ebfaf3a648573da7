#include "time_block.hpp"

#include <limits>
#include <optional>

namespace slakit::detail {

TimeBlock make_time_block(Instant base, Seconds length, std::vector<Interval> periods) {
  TimeBlock block;
  block.base = base;
  block.length = static_cast<std::uint32_t>(length.count());
  const Instant end = base + length;
  std::sort(periods.begin(), periods.end(),
            [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  std::uint32_t cum = 0;
  auto emit = [&](Instant b, Instant e) {
    b = std::max(b, base);
    e = std::min(e, end);
    if (b >= e) return;
    const auto ob = static_cast<std::uint32_t>((b - base).count());
    const auto oe = static_cast<std::uint32_t>((e - base).count());
    cum += oe - ob;
    block.spans.push_back({ob, oe, cum});
  };
  std::optional<Interval> run;
  for (const auto& p : periods) {
    if (run && p.begin <= run->end) {
      run->end = std::max(run->end, p.end);
      continue;
    }
    if (run) emit(run->begin, run->end);
    run = p;
  }
  if (run) emit(run->begin, run->end);
  block.spans.shrink_to_fit();

  // The tables' 16-bit indexes cannot name more spans (see TimeBlock).
  if (block.spans.size() > std::numeric_limits<std::uint16_t>::max()) return block;
  const std::uint32_t day_count = (block.length + 86399) / 86400;
  block.day_first.resize(day_count + 1);
  std::size_t i = 0;
  for (std::uint32_t d = 0; d <= day_count; ++d) {
    while (i < block.spans.size() && block.spans[i].end <= d * 86400) ++i;
    block.day_first[d] = static_cast<std::uint16_t>(i);
  }
  const auto strides = (block.total() + TimeBlock::kStride - 1) / TimeBlock::kStride;
  block.stride_first.resize(strides + 1);
  i = 0;
  for (std::uint64_t h = 0; h <= strides; ++h) {
    while (i < block.spans.size() && block.spans[i].cum_end <= h * TimeBlock::kStride) ++i;
    block.stride_first[h] = static_cast<std::uint16_t>(i);
  }
  return block;
}

}  // namespace slakit::detail
