// The shared, immutable state behind slakit::Calendar.
#pragma once

#include <optional>

#include "day_block.hpp"
#include "day_planner.hpp"
#include "lazy_blocks.hpp"
#include "slakit/calendar/calendar.hpp"
#include "time_block.hpp"
#include "zone_variants.hpp"

namespace slakit::detail {

/// The supported range in blocks: UTC years 1970..2100 for time, local years
/// 1970..2100 for business days.
inline constexpr int kFirstYear = 1970;
inline constexpr int kYearCount = 2100 - kFirstYear + 1;

class CalendarState {
 public:
  /// A plain calendar, planned from its definition.
  CalendarState(CalendarDefinition definition, TimeZone zone);
  /// A composed calendar: `identity` holds only its name and zone.
  CalendarState(CalendarDefinition identity, TimeZone zone, CalendarComposition composition);

  const CalendarDefinition definition;
  const TimeZone zone;
  const std::optional<CalendarComposition> composition;
  /// Calendar::in_zone's variants, built on first use.
  const ZoneVariants variants;

  /// The block of UTC year kFirstYear + index.
  [[nodiscard]] const TimeBlock& time_block(int index) const {
    return time_blocks_.get(static_cast<std::size_t>(index), [this](std::size_t i) {
      return build_time_block(static_cast<int>(i));
    });
  }
  /// The business days of local year kFirstYear + index.
  [[nodiscard]] const DayBlock& day_block(int index) const {
    return day_blocks_.get(static_cast<std::size_t>(index),
                           [this](std::size_t i) { return build_day_block(static_cast<int>(i)); });
  }

  /// Where t falls: its block and offset. kSupportedEnd maps to the end of
  /// the last block; callers check the range first.
  struct Position {
    int block;
    std::uint32_t offset;
  };
  [[nodiscard]] static Position locate(Instant t) noexcept;

  /// Bytes held by the blocks built so far.
  [[nodiscard]] std::size_t built_bytes() const;
  [[nodiscard]] static Instant block_begin(int index) noexcept;

 private:
  TimeBlock build_time_block(int index) const;
  DayBlock build_day_block(int index) const;

  std::optional<DayPlanner> planner_;  // plain calendars only
  LazyBlocks<TimeBlock> time_blocks_{kYearCount};
  LazyBlocks<DayBlock> day_blocks_{kYearCount};
};

}  // namespace slakit::detail
