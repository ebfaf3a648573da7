// Deciding a group and combining the outcomes that count (outcome.hpp).
#include "outcome.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "slakit/error.hpp"

namespace slakit::detail {

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

namespace {
void add_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}
}  // namespace

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
      // Wall-clock time, no calendar: an instant past 2100 is exact too, and
      // the ticket routes as the SLA engine evaluates it (docs/routing.md).
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

void require_created(const Ticket& ticket, const Routing& routing) {
  // As the SLA engine says of it (docs/sla.md): the field left unset.
  if (routing.relaxed.empty() || ticket.created != Instant{}) return;
  std::vector<std::string_view> skills;
  for (const auto& r : routing.relaxed) skills.push_back(r.skill);
  throw TicketError(
      fmt::format("ticket '{}': created is {}, the value of an unset field, and the "
                  "wait of the relaxed skills ({}) counts from it",
                  ticket.id, format_utc(ticket.created), fmt::join(skills, ", ")));
}

}  // namespace slakit::detail
