// A lint over compiled calendars: targets that no ticket can ever reach.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lang/check/checker.hpp"
#include "slakit/calendar/calendar.hpp"
#include "slakit/lang/diagnostic.hpp"

namespace slakit::detail {

/// W0237: a target value (or a `before` margin) whose due instant can never
/// lie in the supported range, even for a cycle that starts at its first
/// instant (docs/sla.md, "Lint"). The bound is the engine's: the calendar
/// the policy names adds the value to 1970-01-01T00:00:00Z, unless its
/// definition shows enough open time (open_floor) to hold it.
void lint_targets(const CheckedRules& checked,
                  const std::map<std::string, Calendar, std::less<>>& calendars,
                  std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
