// What a RuleSet holds: the checked rules, their sources, and the programs
// the engines run. Immutable once built; shared by every copy of the RuleSet.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policy_plan.hpp"
#include "routing/routing_program.hpp"
#include "slakit/slakit.hpp"

namespace slakit {

struct RuleSet::Impl {
  std::shared_ptr<const SourceMap> sources;
  std::map<std::string, Calendar, std::less<>> calendars;
  detail::TicketCalendars ticket_calendars;  ///< the same, as tickets see them
  std::vector<PolicyDecl> policies;
  std::vector<RouteGroupDecl> route_groups;
  std::vector<FieldInfo> fields;
  std::vector<TestDecl> tests;
  std::optional<detail::Program> program;         ///< set once the above are in place
  std::optional<detail::RoutingProgram> routing;  ///< likewise
};

namespace detail {
/// The compiled program of a RuleSet, for the engines.
[[nodiscard]] const Program& program_of(const RuleSet& rules);
/// The compiled routes of a RuleSet, for the routing engine.
[[nodiscard]] const RoutingProgram& routing_of(const RuleSet& rules);
}  // namespace detail

}  // namespace slakit
