// A deliberately simple business calendar for differential tests: whether
// each minute is open, taken straight from the definition, and add / subtract
// / elapsed by stepping one minute at a time. It shares no code with
// src/calendar and resolves wall-clock times with date/tz directly.
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

class MinuteCalendar {
 public:
  /// `holidays_from` supplies the holiday dates (tested on their own against
  /// published calendars); everything else comes from `definition`.
  MinuteCalendar(const CalendarDefinition& definition, const Calendar& holidays_from);

  [[nodiscard]] bool is_open(Instant t) const;
  [[nodiscard]] Instant add(Instant start, Seconds business) const;
  [[nodiscard]] Instant subtract(Instant end, Seconds business) const;
  [[nodiscard]] Seconds elapsed(Instant a, Instant b) const;
  /// The open stretches of the periods that open on a local date: its
  /// override's or weekly periods, less its holidays' closures.
  [[nodiscard]] std::vector<Interval> periods_of(std::chrono::local_days date) const;

 private:
  [[nodiscard]] bool minute_open(std::int64_t minute) const;
  [[nodiscard]] const std::vector<std::uint8_t>& day_mask(std::int64_t utc_day) const;
  [[nodiscard]] Instant earliest(std::chrono::local_seconds t) const;

  CalendarDefinition definition_;
  const Calendar& holidays_from_;
  const date::time_zone* zone_;
  mutable std::unordered_map<std::int64_t, std::vector<std::uint8_t>> masks_;
  mutable std::map<int, std::vector<Holiday>> holidays_;
};

}  // namespace slakit::reference
