// slakit/time/instant.hpp: instants, intervals and the supported range.
//
// An instant is a point in UTC with second resolution:
// std::chrono::sys_seconds (the same type as date::sys_seconds). Wall-clock
// times are a different type (date::local_seconds) so that one cannot be
// passed where the other is expected.
//
//   using namespace std::chrono;
//   slakit::Interval shift{sys_days{2026y / 3 / 2} + 9h, sys_days{2026y / 3 / 2} + 17h};
//   shift.contains(sys_days{2026y / 3 / 2} + 12h);  // true
//   slakit::format_utc(shift.begin);                 // "2026-03-02T09:00:00Z"
#pragma once

#include <chrono>
#include <string>

namespace slakit {

using Instant = std::chrono::sys_seconds;
using Seconds = std::chrono::seconds;

/// The half-open interval [begin, end) of UTC instants.
struct Interval {
  Instant begin;
  Instant end;

  [[nodiscard]] constexpr bool contains(Instant t) const noexcept { return begin <= t && t < end; }
  [[nodiscard]] constexpr Seconds length() const noexcept { return end - begin; }
  [[nodiscard]] constexpr bool empty() const noexcept { return end <= begin; }
  friend constexpr bool operator==(const Interval&, const Interval&) = default;
};

/// The first instant slakit computes with: 1970-01-01T00:00:00Z.
inline constexpr Instant kSupportedBegin{std::chrono::sys_days{std::chrono::year{1970} / 1 / 1}};
/// The end (exclusive) of the supported range: 2101-01-01T00:00:00Z.
inline constexpr Instant kSupportedEnd{std::chrono::sys_days{std::chrono::year{2101} / 1 / 1}};

/// True when kSupportedBegin <= t < kSupportedEnd.
[[nodiscard]] constexpr bool in_supported_range(Instant t) noexcept {
  return kSupportedBegin <= t && t < kSupportedEnd;
}

/// RFC 3339 in UTC: "2026-03-29T01:30:00Z".
[[nodiscard]] std::string format_utc(Instant t);

/// A business or wall-clock duration as "1h30m", "45s", "0s"; negative as "-2h".
[[nodiscard]] std::string format_duration(Seconds d);

}  // namespace slakit
