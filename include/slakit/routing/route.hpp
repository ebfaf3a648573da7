// slakit/routing/route.hpp: which queue, team, priority and skills a ticket
// gets, and why (docs/routing.md).
//
// route() is a pure function of (rules, ticket, events, now): the routes of
// the rule files are tried in rule order, and the first whose condition holds
// decides. A ticket no route matches gets no queue; that is a result, not an
// error.
//
//   slakit::Routing r = slakit::route(rules, ticket);
//   if (r.rule) assign_to_queue(*r.queue);
//   std::cout << slakit::explain_route(rules, ticket).text();
//
// Like the RuleSet, routing takes no lock: any number of threads may route at
// once.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "slakit/model/ticket.hpp"
#include "slakit/time/instant.hpp"

namespace slakit {

class RuleSet;

/// The outcome of routing one ticket.
struct Routing {
  std::string id;                         ///< the ticket's id
  std::optional<std::string> rule{};      ///< the route that decided; empty: none matched
  std::optional<std::string> queue{};     ///< empty when no route matched
  std::optional<std::string> team{};      ///< when the route names one
  std::optional<std::string> priority{};  ///< when the route names one
  std::vector<std::string> skills{};      ///< an agent needs every one
  std::vector<std::string> tags{};        ///< labels the rules attach
};

/// Routes a ticket as its record describes it, with the events at or before
/// `now` applied (docs/routing.md, "Values and missing fields"); without
/// events `now` is not needed. Throws TicketError naming the ticket and the
/// field for bad ticket data (a value a `one of` field does not have, a
/// value of the wrong type for its field, an event before creation).
[[nodiscard]] Routing route(const RuleSet& rules, const Ticket& ticket,
                            std::span<const TicketEvent> events = {},
                            std::optional<Instant> now = std::nullopt);

/// One route tried for a ticket: whether it matched and, when it did not,
/// its first failing part with the ticket's value.
struct RouteCheck {
  std::string route;
  bool matches = false;
  std::string condition{};  ///< the `when` condition as written canonically; empty: none
  std::string why_not{};    ///< "ticket.priority == urgent is false: ticket.priority is high"
};

/// route(), with reasons: the route that matched and every route before it.
struct RouteExplanation {
  Routing routing;
  std::vector<RouteCheck> checks;  ///< the routes tried, in rule order, up to the one that matched

  /// A human reading, one line per route tried.
  [[nodiscard]] std::string text() const;
};

/// route(), with reasons. Throws what route() throws.
[[nodiscard]] RouteExplanation explain_route(const RuleSet& rules, const Ticket& ticket,
                                             std::span<const TicketEvent> events = {},
                                             std::optional<Instant> now = std::nullopt);

/// One JSON object on one line: {"id", "rule", "queue", "team", "priority",
/// "skills", "tags"} with `null` for what is absent (docs/cli.md, route).
[[nodiscard]] std::string to_json(const Routing& r);
/// The same with "explain": the routes tried, as RouteCheck members.
[[nodiscard]] std::string to_json(const RouteExplanation& x);

}  // namespace slakit
