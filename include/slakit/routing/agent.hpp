// slakit/routing/agent.hpp: which agent takes a routed ticket
// (docs/routing.md, "Agent selection").
//
// A step a host may call after route(): it passes its agents as they stand
// now (teams, skills, capacity, open tickets, last assignment, working
// hours), and gets the agent the documented order picks, or none and why.
//
//   const auto r = slakit::route(rules, ticket, events, now);
//   const auto pick = slakit::choose_agent(rules, r, agents, now);
//   if (pick.agent) assign(ticket, *pick.agent); else log(pick.why);
//
// A pure function: slakit keeps no state about agents, and counts no ticket
// against an agent's capacity; the host does after assigning.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "slakit/model/organisation.hpp"
#include "slakit/routing/route.hpp"
#include "slakit/time/instant.hpp"

namespace slakit {

/// The steps that narrow the agents down, in order.
enum class AgentStep { team, hours, skills, capacity };
[[nodiscard]] std::string_view agent_step_name(AgentStep s) noexcept;

struct AgentChoice {
  std::optional<std::string> agent{};     ///< the agent chosen; empty: none is eligible
  std::size_t eligible = 0;               ///< how many agents passed every step
  std::optional<AgentStep> emptied_by{};  ///< with no agent: the step that removed the last ones
  std::string why{};  ///< with no agent: "no agent of team l2 has every skill (german)"
};

/// Picks an agent for a routed ticket at `now`: of the agents in the
/// routing's team (every agent when it names none), working at `now` by
/// their calendar, with every skill required at `now` (relaxed skills drop
/// as docs/routing.md says), and below capacity, the one with the fewest
/// open tickets, then the one idle longest (never assigned first), then the
/// smallest id (ids of digits alone as numbers, 9 before 10, and before
/// every other id; other ids by text). Throws InvalidArgument naming the agent for an agent
/// without an id or with the id of an agent before it, a negative capacity
/// or open tickets, or a calendar the rule set does not have; RangeError when `now` lies outside
/// the supported range and an agent with a calendar is in the routing's team.
[[nodiscard]] AgentChoice choose_agent(const RuleSet& rules, const Routing& routing,
                                       std::span<const Agent> agents, Instant now);

/// The skills `routing` requires at `now`: its skills in their order, less
/// the relaxed ones dropped by `now`; then any relaxed skill that had
/// dropped at the routing's own instant but not yet at `now` (an earlier
/// one).
[[nodiscard]] std::vector<std::string> skills_at(const Routing& routing, Instant now);

/// The routing's JSON line (to_json(Routing)) with "agent" (an id or null)
/// and "agent_why" (null, or why no agent is eligible).
[[nodiscard]] std::string to_json(const Routing& r, const AgentChoice& a);
/// The same for an explanation.
[[nodiscard]] std::string to_json(const RouteExplanation& x, const AgentChoice& a);

}  // namespace slakit
