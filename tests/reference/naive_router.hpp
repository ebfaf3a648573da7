// A deliberately naive router for differential tests, written from
// docs/routing.md, docs/language.md and docs/sla.md ("Conditions") alone. It
// shares no code with src/: it reads the checked syntax tree
// (RuleSet::route_groups()) and the field types (RuleSet::fields()), reads
// the ticket's fields itself, interprets each `when` condition by walking
// its Expr, and tries every route of every group in order. No index, no
// cache, no compiled condition.
//
//   slakit::Routing r = slakit::reference::naive_route(rules, ticket, now);
//
// Tickets without events only: the fields are the ticket record's.
#pragma once

#include <slakit/routing/route.hpp>
#include <slakit/slakit.hpp>

#include <optional>
#include <string>
#include <vector>

namespace slakit::reference {

/// The complete Routing of `ticket` at `now` (queue, team, priority, sla,
/// skills required at `now`, relaxed skills with their drop instants, tags,
/// rule, rules). Throws TicketError for a value that a `one of` field read
/// by some rule does not list.
[[nodiscard]] Routing naive_route(const RuleSet& rules, const Ticket& ticket, Instant now);

/// One route as explain_route should list it (docs/routing.md,
/// "Explanations"): the routes of a `first` group up to the one that
/// matched (every route when none did); every route of the other groups.
struct NaiveCheck {
  std::string group;  ///< empty for routes outside any group
  std::string route;
  bool matches = false;
  bool chosen = false;         ///< its group's hit policy chose it
  bool counts = false;         ///< chosen, and some part of the result comes from it
  std::optional<int> score{};  ///< in a scored group
  friend bool operator==(const NaiveCheck&, const NaiveCheck&) = default;
};

struct NaiveExplanation {
  Routing routing;
  std::vector<NaiveCheck> checks;
};

/// naive_route() with the routes tried. Throws what naive_route() throws.
[[nodiscard]] NaiveExplanation naive_explain(const RuleSet& rules, const Ticket& ticket,
                                             Instant now);

}  // namespace slakit::reference
