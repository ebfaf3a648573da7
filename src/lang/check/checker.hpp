// Checks a parsed rule set and turns its calendars into definitions. Every
// problem is a diagnostic with its own code (docs/language.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/lang/ast.hpp"
#include "slakit/lang/diagnostic.hpp"
#include "slakit/model/fields.hpp"

namespace slakit::detail {

/// A composed calendar that checked clean: its parts exist and it is not a
/// part of itself, so compiling it after its parts always succeeds.
struct ComposedCalendar {
  std::string name;
  CalendarOp op = CalendarOp::union_of;
  std::vector<std::string> parts;
  std::string zone;  ///< empty: the first part's
  SourceSpan span;   ///< the name, for W0230
};

struct CheckedRules {
  std::vector<FieldInfo> fields;
  std::vector<CalendarDefinition> calendars;
  std::vector<SourceSpan> calendar_names;      ///< where each of `calendars` is named, for W0235
  std::vector<ComposedCalendar> compositions;  ///< in file order
  /// Plain calendars whose zone comes from a ticket field: name -> field.
  std::map<std::string, std::string> zone_fields;
  std::vector<PolicyDecl> policies;
  std::vector<RouteGroupDecl> route_groups;  ///< in file order; loose routes as one group
  std::vector<TestDecl> tests;               ///< in file order
};

/// Checks the files and moves what they declare into the result (the files
/// are spent: their declarations are left moved from).
[[nodiscard]] CheckedRules check_rules(std::vector<RuleFile>&& files, const SourceMap& sources,
                                       std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
