// route() and explain_route(): the ticket's fields now, then each group's
// routes by its hit policy, the outcomes combined in group order
// (docs/routing.md).
#include <slakit/routing/route.hpp>

#include <fmt/format.h>

#include <algorithm>

#include "lang/format/expr_text.hpp"
#include "outcome.hpp"
#include "program/rule_set_impl.hpp"
#include "sla/timeline.hpp"
#include "slakit/error.hpp"
#include "support/utf8.hpp"

namespace slakit {
namespace {

using detail::combine;
using detail::decide;
using detail::RouteGroupPlan;
using detail::RoutePlan;
using detail::RoutingProgram;
using detail::SlotValue;

// Working buffers reused from ticket to ticket on each thread.
struct RouteState {
  std::vector<SlotValue> values;
  detail::Timeline timeline;
  std::vector<const RoutePlan*> chosen;
  detail::CombineBuffers buffers;
};

// The ticket's fields as routing sees them: its record, then the events at
// or before `now`.
std::span<const SlotValue> fields_now(const RoutingProgram& program, const Ticket& ticket,
                                      std::span<const TicketEvent> events, Instant now,
                                      RouteState& st) {
  if (events.empty()) {
    // As with events (Timeline::build): a ticket is not routed before it exists.
    if (now < ticket.created) {
      throw TicketError(fmt::format("ticket {}: now ({}) is before its creation ({})",
                                    detail::quoted(ticket.id), format_utc(now),
                                    format_utc(ticket.created)));
    }
    st.values.resize(program.layout.width());  // load() sets every value the routes read
    program.layout.load(ticket, st.values);
    return st.values;
  }
  st.timeline.build(program.layout, ticket, events, now);
  return st.timeline.state(st.timeline.steps() - 1);
}

// Without `now`: the last thing known to have happened.
Instant now_or_last(const Ticket& ticket, std::span<const TicketEvent> events,
                    std::optional<Instant> now) {
  if (now) return *now;
  Instant last = ticket.created;
  for (const auto& e : events) last = std::max(last, e.at);
  return last;
}

bool holds(const RoutePlan& plan, std::span<const SlotValue> values) {
  return !plan.when || (*plan.when)(values);
}

void route_with(const RoutingProgram& program, const Ticket& ticket,
                std::span<const TicketEvent> events, std::optional<Instant> now, RouteState& st,
                Routing& into) {
  const auto at = now_or_last(ticket, events, now);
  const auto values = fields_now(program, ticket, events, at, st);
  st.chosen.clear();
  for (const auto& g : program.groups) decide(g, values, st.chosen);
  combine(ticket, at, st.chosen, st.buffers, into);
  detail::require_created(ticket, into);
}

}  // namespace

Routing route(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
              std::optional<Instant> now) {
  Routing out;
  route(rules, ticket, events, now, out);
  return out;
}

void route(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
           std::optional<Instant> now, Routing& into) {
  const auto& program = detail::routing_of(rules);
  if (events.size() > kLongestHistoryKept) {
    // As evaluate(): a long history's buffers are not kept by the thread.
    RouteState own;
    route_with(program, ticket, events, now, own, into);
    return;
  }
  thread_local RouteState st;
  route_with(program, ticket, events, now, st, into);
}

void route_many(const RuleSet& rules, std::span<const Ticket> tickets, const RoutingSink& sink) {
  const auto& program = detail::routing_of(rules);
  // Far enough ahead for memory to answer before the ticket's turn.
  constexpr std::size_t kAhead = 16;
  auto prefetch = [&](const Ticket& t) {
    program.layout.prefetch(t);
#if defined(__GNUC__)
    __builtin_prefetch(&t.id);  // the result names the ticket
#endif
  };
  for (std::size_t i = 0; i < std::min(kAhead, tickets.size()); ++i) prefetch(tickets[i]);
  RouteState st;
  Routing out;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    if (i + kAhead < tickets.size()) prefetch(tickets[i + kAhead]);
    bool ok = true;
    std::string error;
    try {
      route_with(program, tickets[i], {}, std::nullopt, st, out);
    } catch (const std::exception& e) {
      ok = false;
      error = e.what();
    }
    ok ? sink(i, &out, {}) : sink(i, nullptr, error);
  }
}

RouteExplanation explain_route(const RuleSet& rules, const Ticket& ticket,
                               std::span<const TicketEvent> events, std::optional<Instant> now) {
  RouteState st;
  const auto& program = detail::routing_of(rules);
  const auto at = now_or_last(ticket, events, now);
  const auto values = fields_now(program, ticket, events, at, st);
  RouteExplanation x;
  // Route by route in rule order, without the indexes: the explanation is
  // also the plain reference the indexes' answers are tested against.
  std::vector<const RoutePlan*> chosen;
  std::vector<std::size_t> chosen_checks;  // the check of each chosen route
  for (const auto& g : program.groups) {
    const RoutePlan* best = nullptr;  // scored: the winner so far
    std::size_t best_check = 0;
    for (const auto& plan : g.routes) {
      RouteCheck check{.group = g.name, .route = plan.name, .matches = holds(plan, values)};
      if (g.policy == HitPolicy::scored) check.score = plan.score;
      if (plan.when) {
        check.condition = detail::expr_text(*plan.source->when);
        if (!check.matches) check.why_not = plan.when->why_false(values, program.layout);
      }
      x.checks.push_back(std::move(check));
      if (!x.checks.back().matches) continue;
      if (g.policy == HitPolicy::scored) {
        if (best == nullptr || plan.score > best->score) {
          best = &plan;
          best_check = x.checks.size() - 1;
        }
        continue;
      }
      chosen.push_back(&plan);
      chosen_checks.push_back(x.checks.size() - 1);
      if (g.policy == HitPolicy::first) break;
    }
    if (best != nullptr) {
      chosen.push_back(best);
      chosen_checks.push_back(best_check);
    }
  }
  combine(ticket, at, chosen, st.buffers, x.routing);
  // A chosen route counts when it is in `rules` (names are unique).
  auto counted = x.routing.rules.begin();
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    auto& check = x.checks[chosen_checks[k]];
    check.chosen = true;
    if (counted != x.routing.rules.end() && *counted == chosen[k]->name) {
      check.counts = true;
      ++counted;
    }
  }
  detail::require_created(ticket, x.routing);
  return x;
}

std::string RouteExplanation::text() const {
  // The ticket's data, escaped: an explanation line is one line.
  const auto id = detail::one_line(routing.id);
  std::string out = routing.queue ? fmt::format("ticket {}: route {} -> queue {}\n", id,
                                                routing.rule.value_or("?"), *routing.queue)
                                  : fmt::format("ticket {}: no queue\n", id);
  std::string group = "\x01";  // no group yet
  for (const auto& c : checks) {
    if (c.group != group) {
      group = c.group;
      if (!group.empty()) out += fmt::format("  routes {}:\n", group);
    }
    const auto indent = c.group.empty() ? "  " : "    ";
    const auto score = c.score ? fmt::format(" (score {})", *c.score) : std::string{};
    if (c.matches) {
      out += fmt::format("{}route {}{} matches{}{}\n", indent, c.route, score,
                         c.condition.empty() ? " every ticket" : ": " + c.condition,
                         c.counts   ? ""
                         : c.chosen ? " (adds nothing)"
                                    : " (outscored)");
    } else {
      out += fmt::format("{}route {}{} does not match: {}\n", indent, c.route, score,
                         detail::one_line(c.why_not));
    }
  }
  return out;
}

}  // namespace slakit
