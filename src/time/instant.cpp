#include "slakit/time/instant.hpp"

#include <fmt/format.h>

#include "slakit/time/civil.hpp"

namespace slakit {

std::string format_utc(Instant t) {
  // Far outside any calendar's years the civil fields would overflow.
  // The last second of 9999, as the JSON writer formats it too.
  constexpr Instant kFormattable{std::chrono::sys_days{std::chrono::year{10000} / 1 / 1} -
                                 Seconds{1}};
  if (t < Instant{} - (kFormattable - Instant{}) || t > kFormattable) {
    return fmt::format("{}s after 1970-01-01T00:00:00Z", t.time_since_epoch().count());
  }
  return format_local(LocalSeconds{t.time_since_epoch()}) + "Z";
}

std::string format_duration(Seconds d) {
  if (d == Seconds{0}) return "0s";
  std::string out = d < Seconds{0} ? "-" : "";
  auto rest = d < Seconds{0} ? -d.count() : d.count();
  const auto h = rest / 3600, m = rest / 60 % 60, s = rest % 60;
  if (h != 0) out += fmt::format("{}h", h);
  if (m != 0) out += fmt::format("{}m", m);
  if (s != 0) out += fmt::format("{}s", s);
  return out;
}

}  // namespace slakit
