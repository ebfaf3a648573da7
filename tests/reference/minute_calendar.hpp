// A deliberately simple business calendar for differential tests: whether
// each minute is open, taken straight from the definition, and add / subtract
// / elapsed by stepping one minute at a time. It shares no code with
// src/calendar and resolves wall-clock times with date/tz directly.
//
// Composed calendars ask their parts minute by minute.
//
// It assumes every boundary (periods, partial holidays, zone transitions)
// falls on a whole minute, and instants before 2037, where date/tz tabulates
// the transitions.
#pragma once

#include <slakit/calendar/calendar.hpp>

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace date {
class time_zone;
}

namespace slakit::reference {

/// Business time by stepping one minute at a time over `minute_open`.
class MinuteStepper {
 public:
  MinuteStepper() = default;
  MinuteStepper(const MinuteStepper&) = delete;
  MinuteStepper& operator=(const MinuteStepper&) = delete;
  virtual ~MinuteStepper() = default;

  [[nodiscard]] bool is_open(Instant t) const;
  [[nodiscard]] Instant add(Instant start, Seconds business) const;
  [[nodiscard]] Instant subtract(Instant end, Seconds business) const;
  [[nodiscard]] Seconds elapsed(Instant a, Instant b) const;
  /// Whether the minute that starts `minute` minutes after 1970 is open.
  [[nodiscard]] virtual bool minute_open(std::int64_t minute) const = 0;
};

class MinuteCalendar : public MinuteStepper {
 public:
  /// `holidays_from` supplies the holiday dates (tested on their own against
  /// published calendars); everything else comes from `definition`.
  MinuteCalendar(const CalendarDefinition& definition, const Calendar& holidays_from);

  /// The open stretches of the periods that open on a local date: its
  /// override's or weekly periods, less its holidays' closures, plus its
  /// extra hours.
  [[nodiscard]] std::vector<Interval> periods_of(std::chrono::local_days date) const;
  [[nodiscard]] bool minute_open(std::int64_t minute) const override;

 private:
  [[nodiscard]] const std::vector<std::uint8_t>& day_mask(std::int64_t utc_day) const;
  [[nodiscard]] Instant earliest(std::chrono::local_seconds t) const;

  CalendarDefinition definition_;
  Calendar holidays_from_;  // a copy shares the compiled state
  const date::time_zone* zone_;
  mutable std::unordered_map<std::int64_t, std::vector<std::uint8_t>> masks_;
  mutable std::map<int, std::vector<Holiday>> holidays_;
};

/// A composed calendar taken literally: a minute is open when any part's
/// is (union), all parts' are (intersection), or the first's is and the
/// second's is not (difference).
class ComposedMinuteCalendar : public MinuteStepper {
 public:
  ComposedMinuteCalendar(CalendarOp op, std::vector<const MinuteStepper*> parts)
      : op_(op), parts_(std::move(parts)) {}
  [[nodiscard]] bool minute_open(std::int64_t minute) const override;

 private:
  CalendarOp op_;
  std::vector<const MinuteStepper*> parts_;
};

}  // namespace slakit::reference
