#include "calendar_state.hpp"

#include <algorithm>

#include "compose.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

constexpr std::array<Instant, kYearCount + 1> make_year_starts() {
  std::array<Instant, kYearCount + 1> starts{};
  for (int i = 0; i <= kYearCount; ++i) {
    starts[static_cast<std::size_t>(i)] = Instant{sys_days{year{kFirstYear + i} / January / 1}};
  }
  return starts;
}

constexpr auto kYearStarts = make_year_starts();

}  // namespace

CalendarState::CalendarState(CalendarDefinition def, TimeZone tz)
    : definition(std::move(def)), zone(std::move(tz)), planner_(std::in_place, definition, zone) {}

CalendarState::CalendarState(CalendarDefinition identity, TimeZone tz, CalendarComposition parts)
    : definition(std::move(identity)), zone(std::move(tz)), composition(std::move(parts)) {}

Instant CalendarState::block_begin(int index) noexcept {
  return kYearStarts[static_cast<std::size_t>(index)];
}

CalendarState::Position CalendarState::locate(Instant t) noexcept {
  if (t >= kSupportedEnd) {
    return {kYearCount - 1,
            static_cast<std::uint32_t>((kSupportedEnd - kYearStarts[kYearCount - 1]).count())};
  }
  // An average Gregorian year is 31556952 s; the guess is off by at most one.
  int i = static_cast<int>((t - kSupportedBegin).count() / 31556952);
  i = std::clamp(i, 0, kYearCount - 1);
  while (i > 0 && t < kYearStarts[static_cast<std::size_t>(i)]) --i;
  while (i + 1 < kYearCount && t >= kYearStarts[static_cast<std::size_t>(i) + 1]) ++i;
  return {i, static_cast<std::uint32_t>((t - kYearStarts[static_cast<std::size_t>(i)]).count())};
}

std::size_t CalendarState::built_bytes() const {
  std::size_t bytes = 0;
  time_blocks_.for_each_built([&](const TimeBlock& b) {
    bytes += sizeof b + b.spans.capacity() * sizeof(TimeBlock::Span) +
             (b.day_first.capacity() + b.stride_first.capacity()) * sizeof(std::uint16_t);
  });
  day_blocks_.for_each_built([&](const DayBlock& b) { bytes += sizeof b; });
  return bytes;
}

TimeBlock CalendarState::build_time_block(int index) const {
  if (composition) {
    // The parts' blocks of the same year (built now if need be) share its base.
    std::vector<const TimeBlock*> parts;
    for (const auto& part : composition->parts) parts.push_back(&state_of(part).time_block(index));
    return compose_time_block(composition->op, parts);
  }
  const Instant begin = block_begin(index), end = block_begin(index + 1);
  // Periods belong to the local date they open on and last under 49 hours, so
  // dates from two days before the block's first local date can reach into it.
  const auto first = floor<days>(zone.to_local(begin)) - days{2};
  const auto last = floor<days>(zone.to_local(end)) + days{1};
  std::vector<Interval> periods;
  planner_->periods(first, last, periods);
  return make_time_block(begin, end - begin, std::move(periods));
}

DayBlock CalendarState::build_day_block(int index) const {
  DayBlock block;
  const year y{kFirstYear + index};
  block.year = y;
  block.leap = y.is_leap();
  block.day_count = block.leap ? 366 : 365;
  const local_days jan1{y / January / 1};
  if (composition) {
    // A date is a business day when the composed calendar is open at some
    // instant of it, in its own zone (docs/semantics.md).
    const auto day_begin = [&](int d) {
      return std::clamp(zone.resolve(jan1 + days{d}).instant, kSupportedBegin, kSupportedEnd);
    };
    mark_open_dates(block, day_begin, [&](Instant from, Instant to) {
      std::vector<Interval> out;
      const auto pa = locate(from), pb = locate(to);
      for (int b = pa.block; b <= pb.block; ++b) {
        const auto& tb = time_block(b);
        for (const auto& sp : tb.spans) {
          out.push_back({tb.base + Seconds{sp.begin}, tb.base + Seconds{sp.end}});
        }
      }
      return out;
    });
    return block;
  }
  std::vector<Interval> periods;
  std::vector<local_days> open_dates;
  planner_->periods(jan1, jan1 + days{block.day_count - 1}, periods, &open_dates);
  std::vector<int> open_days;
  for (auto date : open_dates) open_days.push_back(static_cast<int>((date - jan1).count()));
  block.assign(open_days);
  return block;
}

}  // namespace slakit::detail
