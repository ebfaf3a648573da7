// slakit/time/time_zone.hpp: IANA time zones and the local-to-UTC rule.
//
// A TimeZone is looked up once (from the system tz database) and then shared:
// copies are cheap and immutable. Beyond the last transition that the
// database tabulates (2037 in Debian's files), offsets follow the zone's
// POSIX rule from the TZif footer, so DST stays right up to 2100.
//
// Converting a wall-clock time to UTC uses one order-preserving rule: a time
// inside a DST gap maps to the instant the clock jumps, a time inside a
// repeated hour maps to its first pass. resolve() says which case applied.
//
//   auto ny = slakit::TimeZone::locate("America/New_York");
//   using namespace std::chrono;
//   auto r = ny.resolve(local_days{2026y / March / 8} + 2h + 30min);
//   // r.kind == LocalKind::skipped, r.instant == 2026-03-08T07:00:00Z (03:00 EDT)
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "slakit/time/civil.hpp"
#include "slakit/time/instant.hpp"

namespace slakit {

/// How a wall-clock time relates to the zone's transitions.
enum class LocalKind {
  unique,    ///< shown exactly once
  skipped,   ///< inside a gap (spring forward): never shown
  repeated,  ///< inside an overlap (fall back): shown twice
};

/// A wall-clock time resolved to UTC by the earliest-instant rule.
struct LocalResolution {
  Instant instant;  ///< first instant whose wall clock shows the time or later
  LocalKind kind;
};

/// The stretch of UTC time over which one UTC offset holds.
struct OffsetSpan {
  Instant begin;
  Instant end;
  Seconds offset;  ///< local = UTC + offset
};

class TimeZone {
 public:
  /// Looks up an IANA name ("Europe/Berlin", "UTC"); throws InvalidArgument
  /// naming it when the system tz database has no such zone.
  [[nodiscard]] static TimeZone locate(std::string_view name);

  [[nodiscard]] const std::string& name() const noexcept;

  /// The offset in force at t and the span over which it holds.
  [[nodiscard]] OffsetSpan offset_span(Instant t) const;
  [[nodiscard]] Seconds offset(Instant t) const { return offset_span(t).offset; }

  /// What the wall clock shows at t.
  [[nodiscard]] LocalSeconds to_local(Instant t) const;

  /// The first instant at which the wall clock shows `local` or later.
  [[nodiscard]] LocalResolution resolve(LocalSeconds local) const;

  /// RFC 3339 with this zone's offset: "2026-03-29T03:30:00+02:00".
  [[nodiscard]] std::string format(Instant t) const;
  /// Appends format(t) to `out`: no allocation when `out` has room (batch
  /// output formats row after row into one buffer).
  void format_to(Instant t, std::string& out) const;

  friend bool operator==(const TimeZone& a, const TimeZone& b) noexcept {
    return a.impl_ == b.impl_;
  }

  struct Impl;

 private:
  explicit TimeZone(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace slakit
