#include "time_block.hpp"

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
  return block;
}

}  // namespace slakit::detail
