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

/// RFC 3339 ("YYYY-MM-DDTHH:MM[:SS][.fraction](Z|+HH:MM|-HH:MM)"), or the same
/// without an offset, read as wall-clock time in `zone` by the rule of
/// docs/semantics.md. A fraction of a second is dropped. Throws
/// InvalidArgument naming the text when it is neither.
[[nodiscard]] Instant parse_time(std::string_view text, const TimeZone& zone);

}  // namespace slakit
