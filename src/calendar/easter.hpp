// Easter Sunday as a Gregorian date.
#pragma once

#include <chrono>

#include "slakit/calendar/holiday_rule.hpp"

namespace slakit::detail {

[[nodiscard]] std::chrono::local_days easter_sunday(int year, EasterKind kind);

}  // namespace slakit::detail
