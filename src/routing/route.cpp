// route() and explain_route(): the ticket's fields now, then the first route
// whose condition holds (docs/routing.md).
#include <slakit/routing/route.hpp>

#include <fmt/format.h>

#include <algorithm>

#include "lang/format/expr_text.hpp"
#include "program/rule_set_impl.hpp"
#include "sla/timeline.hpp"

namespace slakit {
namespace {

using detail::RoutingProgram;
using detail::SlotValue;

// Working buffers reused from ticket to ticket on each thread.
struct RouteState {
  std::vector<SlotValue> values;
  detail::Timeline timeline;
};

// The ticket's fields as routing sees them: its record, then the events at
// or before `now` (all of them when `now` is not given).
std::span<const SlotValue> fields_now(const RoutingProgram& program, const Ticket& ticket,
                                      std::span<const TicketEvent> events,
                                      std::optional<Instant> now, RouteState& st) {
  if (events.empty()) {
    st.values.assign(program.layout.width(), SlotValue{});
    program.layout.load(ticket, st.values);
    return st.values;
  }
  Instant until = ticket.created;
  for (const auto& e : events) until = std::max(until, e.at);
  st.timeline.build(program.layout, ticket, events, now.value_or(until));
  return st.timeline.state(st.timeline.steps() - 1);
}

void decide(const RoutingProgram& program, const Ticket& ticket, int match, Routing& out) {
  out = Routing{};
  out.id = ticket.id;
  if (match < 0) return;
  const auto& plan = program.routes[static_cast<std::size_t>(match)];
  out.rule = plan.name;
  out.queue = plan.queue;
  out.team = plan.team;
  out.priority = plan.priority;
  out.skills = plan.skills;
}

}  // namespace

Routing route(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
              std::optional<Instant> now) {
  thread_local RouteState st;
  const auto& program = detail::routing_of(rules);
  const auto values = fields_now(program, ticket, events, now, st);
  Routing out;
  decide(program, ticket, program.index.first(values), out);
  return out;
}

RouteExplanation explain_route(const RuleSet& rules, const Ticket& ticket,
                               std::span<const TicketEvent> events, std::optional<Instant> now) {
  RouteState st;
  const auto& program = detail::routing_of(rules);
  const auto values = fields_now(program, ticket, events, now, st);
  RouteExplanation x;
  // Route by route in rule order, without the index: the explanation is
  // also the plain reference the index's answers are tested against.
  int match = -1;
  for (std::size_t i = 0; i < program.routes.size() && match < 0; ++i) {
    const auto& plan = program.routes[i];
    RouteCheck check{.route = plan.name, .matches = !plan.when || (*plan.when)(values)};
    if (plan.when) {
      check.condition = detail::expr_text(*plan.source->when);
      if (!check.matches) check.why_not = plan.when->why_false(values, program.layout);
    }
    if (check.matches) match = static_cast<int>(i);
    x.checks.push_back(std::move(check));
  }
  decide(program, ticket, match, x.routing);
  return x;
}

std::string RouteExplanation::text() const {
  std::string out = routing.rule ? fmt::format("ticket {}: route {} -> queue {}\n", routing.id,
                                               *routing.rule, routing.queue.value_or("none"))
                                 : fmt::format("ticket {}: no route matches\n", routing.id);
  for (const auto& c : checks) {
    if (c.matches) {
      out += fmt::format("  route {} matches{}\n", c.route,
                         c.condition.empty() ? " every ticket" : ": " + c.condition);
    } else {
      out += fmt::format("  route {} does not match: {}\n", c.route, c.why_not);
    }
  }
  return out;
}

}  // namespace slakit
