// Routes compiled: each route's condition over field slots (by the one
// condition compiler the SLA engine uses too) and its outcome, and an index
// that finds the first match without trying every route. Immutable once
// built; shared by every thread that routes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "program/condition.hpp"
#include "program/field_slots.hpp"
#include "program/first_match.hpp"
#include "slakit/lang/ast.hpp"

namespace slakit::detail {

struct RoutePlan {
  std::string name;
  std::optional<Condition> when;  ///< empty: matches every ticket
  std::optional<std::string> queue, team, priority;
  std::vector<std::string> skills;
  const RouteDecl* source = nullptr;
};

struct RoutingProgram {
  RoutingProgram(std::vector<FieldInfo> fields, const std::vector<std::string>& read)
      : layout(std::move(fields), read) {}
  // The index points at conditions inside `routes`: a copy's would point
  // into the original. Moving keeps the elements where they are.
  RoutingProgram(const RoutingProgram&) = delete;
  RoutingProgram& operator=(const RoutingProgram&) = delete;
  RoutingProgram(RoutingProgram&&) = default;
  RoutingProgram& operator=(RoutingProgram&&) = default;

  FieldLayout layout;             ///< the fields the routes read, and no others
  std::vector<RoutePlan> routes;  ///< in rule order
  FirstMatch index;               ///< over the `when` conditions
};

/// Compiles checked routes. The routes must outlive the program.
[[nodiscard]] RoutingProgram compile_routing(std::vector<FieldInfo> fields,
                                             const std::vector<RouteDecl>& routes);

}  // namespace slakit::detail
