// slakit/time/parse_time.hpp: reading instants from text.
//
//   auto berlin = slakit::TimeZone::locate("Europe/Berlin");
//   slakit::parse_time("2026-03-29T01:30:00+01:00", berlin);  // 00:30Z
//   slakit::parse_time("2026-03-29T01:30Z", berlin);          // 01:30Z
//   slakit::parse_time("2026-03-29T02:30", berlin);           // in the DST gap: 01:00Z
#pragma once

#include <string_view>

#include "slakit/time/instant.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit {

/// What to do with a fraction of a second ("16:59:59.700Z"). slakit counts
/// whole seconds (docs/semantics.md, "Instants, wall clocks and zones").
enum class Fractions {
  /// The second it falls in (16:59:59): truncation toward the past, which
  /// keeps every order between instants of different seconds.
  truncate,
  /// InvalidArgument naming the text.
  reject,
};

/// RFC 3339 ("YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|+HH:MM|-HH:MM)"), or the
/// same without an offset, read as wall-clock time in `zone` by the rule of
/// docs/semantics.md. A leap second (:60) reads as :59. Throws
/// InvalidArgument naming the text when it is neither, and for a fraction of
/// a second under Fractions::reject (".000" is none: it loses nothing).
[[nodiscard]] Instant parse_time(std::string_view text, const TimeZone& zone,
                                 Fractions fractions = Fractions::truncate);

/// Whether `text`, an instant parse_time reads, has a fraction of a second
/// that truncating loses (".5"; not ".000"): for a front end that reports
/// how many it truncated.
[[nodiscard]] bool has_fraction(std::string_view text) noexcept;

}  // namespace slakit
