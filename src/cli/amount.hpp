// Durations as the command line and the ticket reader take them ("1h30m",
// "3bd"): shared by `slakit deadline` and the records library.
#pragma once

#include <slakit/time/instant.hpp>

#include <string>
#include <string_view>

namespace slakit::cli {

/// A duration as the CLI takes it: business time ("90m", "1h30m", "8h",
/// "45s") or business days ("3bd"), never both.
struct Amount {
  Seconds time{0};
  int business_days = 0;
  bool days = false;
};
/// Throws InvalidArgument naming the text when it is not a duration.
Amount parse_amount(std::string_view text);

}  // namespace slakit::cli
