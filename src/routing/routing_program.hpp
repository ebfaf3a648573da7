// Routes compiled: each group's routes with their conditions over field slots
// (by the one condition compiler the SLA engine uses too) and outcomes, and
// per group a decision table that finds the matching routes without trying
// them one by one.
// Immutable once built; shared by every thread that routes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "program/condition.hpp"
#include "program/decision_table.hpp"
#include "program/field_slots.hpp"
#include "slakit/lang/ast.hpp"

namespace slakit::detail {

struct RoutePlan {
  std::string name;
  std::optional<Condition> when;  ///< empty: matches every ticket
  int score = 0;                  ///< in a scored group
  std::optional<std::string> queue, team, priority, sla;
  std::vector<std::string> skills, tags;
  struct Relaxed {
    std::string skill;
    Seconds after{};
  };
  std::vector<Relaxed> relaxed;
  const RouteDecl* source = nullptr;
};

struct RouteGroupPlan {
  std::string name;
  HitPolicy policy = HitPolicy::first;
  std::vector<RoutePlan> routes;  ///< in rule order
  /// Over the `when` conditions in the order `order` gives: rule order, or
  /// in a scored group by score, highest first, ties in rule order (so
  /// that the first match is the winner).
  DecisionTable table;
  std::vector<std::uint32_t> order;  ///< table entry -> route
  const RouteGroupDecl* source = nullptr;
};

struct RoutingProgram {
  RoutingProgram(std::vector<FieldInfo> fields, const std::vector<std::string>& read)
      : layout(std::move(fields), read) {}
  // The tables point at conditions inside `groups`: a copy's would point
  // into the original. Moving keeps the elements where they are.
  RoutingProgram(const RoutingProgram&) = delete;
  RoutingProgram& operator=(const RoutingProgram&) = delete;
  RoutingProgram(RoutingProgram&&) = default;
  RoutingProgram& operator=(RoutingProgram&&) = default;

  FieldLayout layout;                  ///< the fields the routes read, and no others
  std::vector<RouteGroupPlan> groups;  ///< in file order
};

/// Compiles checked route groups. The groups must outlive the program.
/// Every field the routes' conditions read.
[[nodiscard]] std::vector<std::string> fields_read(const std::vector<RouteGroupDecl>& groups);

[[nodiscard]] RoutingProgram compile_routing(std::vector<FieldInfo> fields,
                                             const std::vector<RouteGroupDecl>& groups);

}  // namespace slakit::detail
