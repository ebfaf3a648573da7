// W0243: holiday and `closed` lines of a plain calendar that change nothing
// (docs/language.md, "Calendars"), judged on the engine's own holiday dates.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "slakit/calendar/calendar_definition.hpp"

namespace slakit::detail {

/// The lines of one calendar that change nothing. Built once per calendar
/// (its weekly hours and dated overrides complete), then asked per line: a
/// calendar of thousands of holiday and `open` lines is read once, not once
/// a line.
class HolidayEffect {
 public:
  explicit HolidayEffect(const CalendarDefinition& def);

  /// Why `rule` never takes effect, or nullopt when it may: it falls on no
  /// date from 1970 to 2100; an override that is not `extra` replaces it on
  /// every date it falls on (`open_line` names the override of a date, for
  /// the message); or no weekly period of those dates reaches the part it
  /// closes.
  [[nodiscard]] std::optional<std::string> why_without_effect(
      const HolidayRule& rule,
      const std::function<std::string(std::chrono::year_month_day)>& open_line) const;

 private:
  struct Period {
    unsigned day;                      // c_encoding of the weekday it opens on
    std::chrono::seconds open, close;  // after that midnight; close past 24h for overnight
  };
  std::vector<Period> periods_;
  std::vector<std::chrono::year_month_day> replaced_;  // sorted dates of non-extra overrides
};

}  // namespace slakit::detail
