// slakit/routing/route.hpp: which queue, team, priority, skills, tags and
// SLA a ticket gets, and why (docs/routing.md).
//
// route() is a pure function of (rules, ticket, events, now). The routes
// stand in groups, each deciding by its hit policy (first, collect or
// scored); the groups' outcomes combine in file order. A ticket no route
// matches gets no queue; that is a result, not an error.
//
//   slakit::Routing r = slakit::route(rules, ticket);
//   if (r.queue) assign_to_queue(*r.queue);
//   std::cout << slakit::explain_route(rules, ticket).text();
//
// Like the RuleSet, routing takes no lock: any number of threads may route at
// once.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "slakit/model/ticket.hpp"
#include "slakit/time/instant.hpp"

namespace slakit {

class RuleSet;

/// A skill required only until the ticket has waited a while ("skills [german]
/// for 10m"): from `drops_at` on, agents without it may take the ticket.
struct RelaxedSkill {
  std::string skill;
  Instant drops_at{};  ///< the ticket's creation plus the wait
  friend bool operator==(const RelaxedSkill&, const RelaxedSkill&) = default;
};

/// The outcome of routing one ticket.
struct Routing {
  std::string id;                         ///< the ticket's id
  std::optional<std::string> rule{};      ///< the route that gave the queue; empty: none did
  std::optional<std::string> queue{};     ///< empty when no matching route names one
  std::optional<std::string> team{};      ///< when a matching route names one
  std::optional<std::string> priority{};  ///< likewise
  std::optional<std::string> sla{};       ///< an SLA policy that applies instead of selection
  std::vector<std::string> skills{};      ///< an agent needs every one at `now`
  std::vector<RelaxedSkill> relaxed{};    ///< skills required only until they drop
  std::vector<std::string> tags{};        ///< labels the rules attach
  std::vector<std::string> rules{};       ///< every route some part of this comes from, in order
};

/// Routes a ticket as its record describes it, with the events at or before
/// `now` applied (docs/routing.md, "Values and missing fields"). `now` also
/// says which relaxed skills have dropped; without it, the instant of the
/// last event (or the creation) stands for it. Throws TicketError naming the ticket and the
/// field for bad ticket data (a value a `one of` field does not have, a
/// value of the wrong type for its field, an event before creation, `now`
/// before creation, more than kMaxEventsPerTicket events, a `created` left
/// at its default when a relaxed skill's wait counts from it), and
/// RangeError when a route relaxes skills and the ticket's creation lies
/// outside the supported range.
[[nodiscard]] Routing route(const RuleSet& rules, const Ticket& ticket,
                            std::span<const TicketEvent> events = {},
                            std::optional<Instant> now = std::nullopt);
/// The same into `into`, whose buffers are reused (everything in it is
/// replaced): a host routing many tickets allocates little per ticket.
/// Throws what the overload above throws.
void route(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
           std::optional<Instant> now, Routing& into);

/// Receives the routing of ticket `index` (valid during the call only), or
/// the error that stopped it (then `routing` is null).
using RoutingSink =
    std::function<void(std::size_t index, const Routing* routing, std::string_view error)>;

/// Routes tickets in memory (their records as they are, without events) on
/// this thread, handing each result to `sink` in order. Without events or
/// `now`, each ticket is routed at its creation: its relaxed skills are all
/// still required (skills_at() tells them at a later instant). The members the
/// routes read are fetched from memory ahead of their ticket's turn and one
/// Routing is reused, so a batch allocates almost nothing per ticket. One
/// bad ticket never loses the others: the sink gets its error. An exception
/// thrown by the sink ends the batch and propagates; nothing else is thrown.
void route_many(const RuleSet& rules, std::span<const Ticket> tickets, const RoutingSink& sink);

/// One route tried for a ticket: whether it matched and, when it did not,
/// its first failing part with the ticket's value.
struct RouteCheck {
  std::string group{};  ///< the route's group; empty for routes outside any group
  std::string route;
  bool matches = false;
  /// Its group's hit policy chose it: the match of a `first` group, every
  /// match of a `collect` group, the winner of a `scored` group.
  bool chosen = false;
  /// Chosen, and some part of the result comes from it (it is in
  /// Routing::rules; docs/routing.md, "Several groups").
  bool counts = false;
  std::optional<int> score{};  ///< in a scored group
  std::string condition{};     ///< the `when` condition as written canonically; empty: none
  std::string why_not{};       ///< "ticket.priority == urgent is false: ticket.priority is high"
};

/// route(), with reasons: for each group, the routes tried in rule order (in
/// a `first` group up to the one that matched; in the others every route).
struct RouteExplanation {
  Routing routing;
  std::vector<RouteCheck> checks;

  /// A human reading, one line per route tried.
  [[nodiscard]] std::string text() const;
};

/// route(), with reasons. Throws what route() throws.
[[nodiscard]] RouteExplanation explain_route(const RuleSet& rules, const Ticket& ticket,
                                             std::span<const TicketEvent> events = {},
                                             std::optional<Instant> now = std::nullopt);

/// One JSON object on one line: {"id", "queue", "team", "priority", "sla",
/// "skills", "relaxed_skills", "tags", "rule", "rules"} with `null` for what
/// is absent (docs/cli.md, route).
[[nodiscard]] std::string to_json(const Routing& r);
/// The same with "explain": the routes tried, as RouteCheck members.
[[nodiscard]] std::string to_json(const RouteExplanation& x);

}  // namespace slakit
