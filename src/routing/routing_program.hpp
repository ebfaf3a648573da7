// Routes compiled: each group's routes with their conditions over field slots
// (by the one condition compiler the SLA engine uses too) and outcomes, and
// per group an index that rules out most routes without trying them.
// Immutable once built; shared by every thread that routes.
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
  FirstMatch index;               ///< over the `when` conditions
};

struct RoutingProgram {
  RoutingProgram(std::vector<FieldInfo> fields, const std::vector<std::string>& read)
      : layout(std::move(fields), read) {}
  // The indexes point at conditions inside `groups`: a copy's would point
  // into the original. Moving keeps the elements where they are.
  RoutingProgram(const RoutingProgram&) = delete;
  RoutingProgram& operator=(const RoutingProgram&) = delete;
  RoutingProgram(RoutingProgram&&) = default;
  RoutingProgram& operator=(RoutingProgram&&) = default;

  FieldLayout layout;                  ///< the fields the routes read, and no others
  std::vector<RouteGroupPlan> groups;  ///< in file order
  bool relaxes_skills = false;         ///< some route has `skills [..] for DURATION`
};

/// Compiles checked route groups. The groups must outlive the program.
[[nodiscard]] RoutingProgram compile_routing(std::vector<FieldInfo> fields,
                                             const std::vector<RouteGroupDecl>& groups);

}  // namespace slakit::detail
