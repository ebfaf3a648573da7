// A calendar pinned on one UTC year: the SLA engine's questions about one
// ticket (business time between two instants of its life, the instant a
// target is reached) nearly all lie in the year of its creation. Pinned on
// that year's block, they are answered from it directly, without locating
// the year, checking the range or loading the block again on every call.
// Anything that leaves the year goes to the Calendar, which gives the same
// answers and the same errors: the fast paths below are Calendar::elapsed
// and Calendar::add restricted to one block. Likewise the zone's offset
// span last asked for is kept, for the wall-clock readings of business days
// (the same time of day N business days later); it is looked up only when
// one is asked for.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>

#include "calendar_state.hpp"
#include "slakit/calendar/calendar.hpp"

namespace slakit::detail {

class PinnedCalendar {
 public:
  /// Pins `calendar` on the year of `t`, which must lie in the supported range.
  /// (Nothing is kept from an earlier pin: its calendar may be gone.)
  void pin(const Calendar& calendar, Instant t) {
    calendar_ = &calendar;
    block_ = &state_of(calendar).time_block(CalendarState::locate(t).block);
    zone_known_ = false;
  }

  [[nodiscard]] const Calendar& calendar() const noexcept { return *calendar_; }

  /// Calendar::elapsed(a, b).
  [[nodiscard]] Seconds elapsed(Instant a, Instant b) const {
    std::uint32_t oa = 0, ob = 0;
    if (offset_of(a, oa) && offset_of(b, ob)) {
      return Seconds{static_cast<std::int64_t>(block_->cum_at(ob)) - block_->cum_at(oa)};
    }
    return calendar_->elapsed(a, b);
  }

  /// calendar().zone().to_local(t).
  [[nodiscard]] LocalSeconds to_local(Instant t) const {
    // The offset at t is that of the span holding t (TimeZone::to_local).
    if (!zone_known_ || t < zone_span_.begin || !(t < zone_span_.end)) {
      zone_span_ = calendar_->zone().offset_span(t);
      zone_known_ = true;
    }
    return LocalSeconds{t.time_since_epoch() + zone_span_.offset};
  }

  /// calendar().zone().resolve(local).
  [[nodiscard]] LocalResolution resolve(LocalSeconds local) const {
    // TimeZone::resolve looks at the spans within 27 hours of the reading
    // taken as UTC: when the kept span covers them all, it finds this one
    // instant, shown once.
    const Instant as_utc{local.time_since_epoch()};
    if (zone_known_ && zone_span_.begin <= as_utc - std::chrono::hours{27} &&
        as_utc + std::chrono::hours{27} < zone_span_.end) {
      return {Instant{local.time_since_epoch() - zone_span_.offset}, LocalKind::unique};
    }
    return calendar_->zone().resolve(local);
  }

  /// Calendar::add(a, d).
  [[nodiscard]] Instant add(Instant a, Seconds d) const {
    std::uint32_t offset = 0;
    if (d >= Seconds{0} && offset_of(a, offset)) {
      if (d == Seconds{0}) {
        // The first business instant at or after a.
        const TimeBlock& block = *block_;
        const auto i = block.first_ending_after(offset);
        if (i < block.spans.size()) return at(std::max(offset, block.spans[i].begin));
      } else if (const auto due = add_at(block_->cum_at(offset), d); due != kNever) {
        return due;
      }
    }
    return calendar_->add(a, d);
  }

  /// What add_at() answers for an instant outside the block.
  static constexpr Instant kNever = Instant::max();
  /// Calendar::add(a, d) for d > 0, given cum_before(a) (known for a
  /// ticket's step starts); kNever when the answer lies outside the block
  /// (then ask add()). (Not an optional: a stall on every due,
  /// docs/architecture.md, Decisions.)
  [[nodiscard]] Instant add_at(std::int64_t cum, Seconds d) const {
    // As Calendar::add: a deadline on a closing time stays there.
    const auto target = static_cast<std::uint64_t>(cum + d.count());
    if (cum < 0 || d <= Seconds{0} || target > block_->total()) return kNever;
    const auto due = at(block_->offset_reaching(target));
    return due < kSupportedEnd ? due : kNever;
  }

  /// The business time the block counts before t (from the start of its
  /// year), or -1 when t lies outside it: the coordinates in which elapsed
  /// time is a subtraction and add() a search of cumulative totals.
  [[nodiscard]] std::int64_t cum_before(Instant t) const {
    std::uint32_t offset = 0;
    return offset_of(t, offset) ? static_cast<std::int64_t>(block_->cum_at(offset)) : -1;
  }

  /// cum_before() of each instant of `ts` into `out` (as many): the block's
  /// bounds and tables read once for the whole run rather than once an
  /// instant (the SLA engine asks for every step start of a ticket).
  void cum_before_each(std::span<const Instant> ts, std::int64_t* out) const {
    const TimeBlock& block = *block_;
    if (block.day_first.empty()) {
      for (std::size_t j = 0; j < ts.size(); ++j) out[j] = cum_before(ts[j]);
      return;
    }
    const Instant base = block.base;
    const auto length = static_cast<std::int64_t>(block.length);
    const TimeBlock::Span* spans = block.spans.data();
    const std::size_t n = block.spans.size();
    const std::uint16_t* day_first = block.day_first.data();
    const std::int64_t total = block.total();
    for (std::size_t j = 0; j < ts.size(); ++j) {
      const auto since = (ts[j] - base).count();
      if (since < 0 || since >= length) {
        out[j] = -1;
        continue;
      }
      // As TimeBlock::cum_at.
      const auto offset = static_cast<std::uint32_t>(since);
      const auto i = TimeBlock::scan_from<true>(spans, n, day_first[offset / 86400], offset);
      if (i == n) {
        out[j] = total;
        continue;
      }
      const std::int64_t before = i == 0 ? 0 : spans[i - 1].cum_end;
      out[j] = before + (std::max(offset, spans[i].begin) - spans[i].begin);
    }
  }

 private:
  [[nodiscard]] bool offset_of(Instant t, std::uint32_t& offset) const {
    const auto since = (t - block_->base).count();
    if (since < 0 || since >= static_cast<std::int64_t>(block_->length)) return false;
    offset = static_cast<std::uint32_t>(since);
    return true;
  }
  [[nodiscard]] Instant at(std::uint64_t offset) const {
    return block_->base + Seconds{static_cast<Seconds::rep>(offset)};
  }

  const Calendar* calendar_ = nullptr;
  const TimeBlock* block_ = nullptr;
  // The zone's span last asked for: a cache, as the block is, of what the
  // calendar's zone answers for any instant in it.
  mutable OffsetSpan zone_span_{};
  mutable bool zone_known_ = false;
};

}  // namespace slakit::detail
