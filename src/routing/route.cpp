// route() and explain_route(): the ticket's fields now, then each group's
// routes by its hit policy, the outcomes combined in group order
// (docs/routing.md).
#include <slakit/routing/route.hpp>

#include <fmt/format.h>

#include <algorithm>

#include "lang/format/expr_text.hpp"
#include "program/rule_set_impl.hpp"
#include "sla/timeline.hpp"
#include "slakit/error.hpp"

namespace slakit {
namespace {

using detail::RouteGroupPlan;
using detail::RoutePlan;
using detail::RoutingProgram;
using detail::SlotValue;

// Working buffers reused from ticket to ticket on each thread.
struct RouteState {
  std::vector<SlotValue> values;
  detail::Timeline timeline;
  std::vector<const RoutePlan*> counted;
  std::vector<std::string> skills;
};

// The ticket's fields as routing sees them: its record, then the events at
// or before `now`.
std::span<const SlotValue> fields_now(const RoutingProgram& program, const Ticket& ticket,
                                      std::span<const TicketEvent> events, Instant now,
                                      RouteState& st) {
  if (events.empty()) {
    // As with events (Timeline::build): a ticket is not routed before it exists.
    if (now < ticket.created) {
      throw TicketError(fmt::format("ticket '{}': now ({}) is before its creation ({})", ticket.id,
                                    format_utc(now), format_utc(ticket.created)));
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

// The routes of one group whose outcomes count, in rule order.
void decide(const RouteGroupPlan& group, std::span<const SlotValue> values,
            std::vector<const RoutePlan*>& out) {
  // A scored group's table is ordered by score: its first match wins too.
  const bool every = group.policy == HitPolicy::collect;
  group.table.for_each(values, [&](std::size_t i) {
    out.push_back(&group.routes[group.order[i]]);
    return every;
  });
}

void add_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Combines the outcomes that count, in order: queue, team, priority and SLA
// from the first route that sets each; skills and tags accumulate without
// repeats. A skill is required for good when any route requires it without
// a wait; a relaxed one until the latest instant any route keeps it.
// `out`'s buffers are reused: a batch allocates little per ticket.
void combine(const Ticket& ticket, Instant now, std::span<const RoutePlan* const> counted,
             std::vector<std::string>& skills, Routing& out) {
  out.id = ticket.id;
  out.rule.reset();
  out.queue.reset();
  out.team.reset();
  out.priority.reset();
  out.sla.reset();
  out.skills.clear();
  out.relaxed.clear();
  out.tags.clear();
  out.rules.clear();
  auto first = [](std::optional<std::string>& slot, const std::optional<std::string>& v) {
    if (!slot && v) slot = v;
  };
  skills.clear();  // in order of first appearance, relaxed ones too
  for (const auto* r : counted) {
    out.rules.push_back(r->name);
    if (!out.queue && r->queue) out.rule = r->name;
    first(out.queue, r->queue);
    first(out.team, r->team);
    first(out.priority, r->priority);
    first(out.sla, r->sla);
    for (const auto& t : r->tags) add_once(out.tags, t);
    for (const auto& s : r->skills) add_once(skills, s);
    for (const auto& x : r->relaxed) {
      // Listed where it first appears, even when a later route requires it
      // for good.
      add_once(skills, x.skill);
      const bool for_good = std::any_of(counted.begin(), counted.end(), [&](const RoutePlan* p) {
        return std::find(p->skills.begin(), p->skills.end(), x.skill) != p->skills.end();
      });
      if (for_good) continue;
      // The wait counts from the creation, which must lie where instants
      // make sense (and where adding the wait cannot overflow).
      if (!in_supported_range(ticket.created)) {
        throw RangeError(fmt::format(
            "ticket '{}': created {} is outside the supported range [{}, {}), and route '{}' "
            "relaxes skills after a wait from it",
            ticket.id, format_utc(ticket.created), format_utc(kSupportedBegin),
            format_utc(kSupportedEnd), r->name));
      }
      const auto drops = ticket.created + x.after;
      const auto it = std::find_if(out.relaxed.begin(), out.relaxed.end(),
                                   [&](const RelaxedSkill& y) { return y.skill == x.skill; });
      if (it == out.relaxed.end()) {
        out.relaxed.push_back({x.skill, drops});
      } else {
        it->drops_at = std::max(it->drops_at, drops);
      }
    }
  }
  for (const auto& s : skills) {
    const auto it = std::find_if(out.relaxed.begin(), out.relaxed.end(),
                                 [&](const RelaxedSkill& y) { return y.skill == s; });
    if (it == out.relaxed.end() || now < it->drops_at) out.skills.push_back(s);
  }
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
  thread_local RouteState st;
  const auto& program = detail::routing_of(rules);
  const auto at = now_or_last(ticket, events, now);
  const auto values = fields_now(program, ticket, events, at, st);
  st.counted.clear();
  for (const auto& g : program.groups) decide(g, values, st.counted);
  combine(ticket, at, st.counted, st.skills, into);
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
  Routing out;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    if (i + kAhead < tickets.size()) prefetch(tickets[i + kAhead]);
    bool ok = true;
    std::string error;
    try {
      route(rules, tickets[i], {}, std::nullopt, out);
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
  std::vector<const RoutePlan*> counted;
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
      x.checks.back().counts = true;
      counted.push_back(&plan);
      if (g.policy == HitPolicy::first) break;
    }
    if (best != nullptr) {
      x.checks[best_check].counts = true;
      counted.push_back(best);
    }
  }
  combine(ticket, at, counted, st.skills, x.routing);
  return x;
}

std::string RouteExplanation::text() const {
  std::string out = routing.queue ? fmt::format("ticket {}: route {} -> queue {}\n", routing.id,
                                                routing.rule.value_or("?"), *routing.queue)
                                  : fmt::format("ticket {}: no queue\n", routing.id);
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
                         c.counts ? "" : " (outscored)");
    } else {
      out += fmt::format("{}route {}{} does not match: {}\n", indent, c.route, score, c.why_not);
    }
  }
  return out;
}

}  // namespace slakit
