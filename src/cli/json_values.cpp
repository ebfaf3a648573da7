#include "json_values.hpp"

#include <slakit/error.hpp>
#include <slakit/time/parse_time.hpp>
#include <slakit/time/time_zone.hpp>

namespace slakit::cli {

Instant instant(std::string_view s, const Where& where) {
  static const auto utc = TimeZone::locate("UTC");
  const auto t = s.find('T');
  const bool offset =
      !s.empty() &&
      (s.back() == 'Z' || s.back() == 'z' ||
       (t != std::string_view::npos && s.find_first_of("+-", t) != std::string_view::npos));
  try {
    if (!offset) throw InvalidArgument("");
    return parse_time(s, utc);
  } catch (const InvalidArgument&) {
    throw ReadError{where, fmt::format("invalid time '{}': expected RFC 3339 with an offset, like "
                                       "2026-03-06T15:00:00Z",
                                       s)};
  }
}

}  // namespace slakit::cli
