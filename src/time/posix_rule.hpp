// The POSIX TZ rule in a TZif footer ("EST5EDT,M3.2.0,M11.1.0"): how a zone
// keeps changing offsets after the last transition its file tabulates.
// Private to slakit: TimeZone uses it past date/tz's last transition.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "slakit/time/instant.hpp"

namespace slakit::detail {

/// One of the two yearly switches of a POSIX rule.
struct PosixSwitch {
  enum class Form { julian_no_leap, zero_based, month_week_day };
  Form form = Form::month_week_day;
  int day = 0;             ///< Jn: 1..365; n: 0..365; Mm.w.d: weekday 0 (Sunday)..6
  int month = 0;           ///< Mm.w.d only: 1..12
  int week = 0;            ///< Mm.w.d only: 1..5, 5 meaning the last
  Seconds time{2 * 3600};  ///< local time of the switch, may be negative or > 24h
};

/// A rule with daylight saving time. Rules without DST are not represented:
/// the tabulated final offset already holds for ever.
struct PosixRule {
  Seconds std_offset{0};  ///< local = UTC + offset (POSIX writes the sign inverted)
  Seconds dst_offset{0};
  PosixSwitch to_dst;
  PosixSwitch to_std;

  /// The two switches of `year`, as UTC instants, each with the offset after it,
  /// sorted by instant.
  struct Switch {
    Instant at;
    Seconds offset_after;
  };
  [[nodiscard]] std::array<Switch, 2> switches(int year) const;
};

/// Parses a TZ string; nullopt when it has no DST part or is malformed.
[[nodiscard]] std::optional<PosixRule> parse_posix_rule(std::string_view text);

/// The footer of a TZif file's bytes (version 2 and later), or empty.
[[nodiscard]] std::string_view tzif_footer(std::string_view file_bytes);

}  // namespace slakit::detail
