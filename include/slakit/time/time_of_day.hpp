// slakit/time/time_of_day.hpp: a wall-clock time of day, 00:00 to 24:00.
//
// 24:00 exists so that a period can close at midnight ("22:00-24:00").
//
//   auto t = slakit::TimeOfDay::parse("08:30");   // 8h30m after midnight
//   slakit::TimeOfDay::parse("25:00");            // throws InvalidArgument
//   t.to_string();                                // "08:30"
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

namespace slakit {

class TimeOfDay {
 public:
  constexpr TimeOfDay() = default;

  /// Throws InvalidArgument unless 0 <= hours:minutes:seconds <= 24:00:00.
  TimeOfDay(int hours, int minutes, int seconds = 0);

  /// Parses "HH:MM" or "HH:MM:SS"; throws InvalidArgument naming the text.
  [[nodiscard]] static TimeOfDay parse(std::string_view text);

  [[nodiscard]] constexpr std::chrono::seconds since_midnight() const noexcept {
    return since_midnight_;
  }
  /// "HH:MM", or "HH:MM:SS" when the seconds are not zero.
  [[nodiscard]] std::string to_string() const;

  friend constexpr auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;

 private:
  std::chrono::seconds since_midnight_{0};
};

}  // namespace slakit
