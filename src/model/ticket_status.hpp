// Which ticket statuses count as solved: one answer for the engines'
// timeline and for `slakit report`'s fields at `now`.
#pragma once

#include <string_view>

namespace slakit::detail {

/// "solved" and "closed" (docs/sla.md, "Events").
[[nodiscard]] inline bool solved_status(std::string_view status) noexcept {
  return status == "solved" || status == "closed";
}

}  // namespace slakit::detail
