// Checks a parsed rule set and turns its calendars into definitions. Every
// problem is a diagnostic with its own code (docs/language.md).
#pragma once

#include <vector>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/lang/ast.hpp"
#include "slakit/lang/diagnostic.hpp"
#include "slakit/model/fields.hpp"

namespace slakit::detail {

struct CheckedRules {
  std::vector<FieldInfo> fields;
  std::vector<CalendarDefinition> calendars;
  std::vector<PolicyDecl> policies;
  std::vector<RouteGroupDecl> route_groups;  ///< in file order; loose routes as one group
};

[[nodiscard]] CheckedRules check_rules(const std::vector<RuleFile>& files, const SourceMap& sources,
                                       std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
