// "Did you mean" for a misspelt IANA zone name, from the names of the
// system's tz database: one list for every place that
// reads a zone name (rule files, tickets, options).
#pragma once

#include <string>
#include <string_view>

namespace slakit::detail {

/// "; did you mean 'Europe/Berlin'?" when a zone's name is close to `name`,
/// else empty.
[[nodiscard]] std::string zone_suggestion(std::string_view name);

}  // namespace slakit::detail
