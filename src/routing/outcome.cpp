// Deciding a group and combining the outcomes that count (outcome.hpp).
#include "outcome.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "slakit/error.hpp"
#include "support/utf8.hpp"

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
bool add_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) != list.end()) return false;
  list.push_back(item);
  return true;
}

bool requires_for_good(const RoutePlan& p, const std::string& skill) {
  return std::find(p.skills.begin(), p.skills.end(), skill) != p.skills.end();
}
}  // namespace

// Combines the chosen outcomes, in order: queue, team, priority and SLA
// from the first route that sets each; skills and tags accumulate without
// repeats. A skill is required for good when any route requires it without
// a wait; a relaxed one until the latest instant any route keeps it.
// A chosen route counts when some part of the result comes from it
// (docs/routing.md, "Several groups"): a value it is the first to set, a
// tag or skill it is the first to name, a skill it is the first to require
// for good, or, for a skill no route requires for good, the latest drop,
// first reached. `out`'s and `buffers`' storage is reused: a batch
// allocates little per ticket.
void combine(const Ticket& ticket, Instant now, std::span<const RoutePlan* const> chosen,
             CombineBuffers& buffers, Routing& out) {
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
    if (slot || !v) return false;
    slot = v;
    return true;
  };
  auto& skills = buffers.skills;  // in order of first appearance, relaxed ones too
  auto& counts = buffers.counts;
  skills.clear();
  // One chosen route always counts: whatever it sets (and it sets
  // something, E0215) comes from it. Only several need the bookkeeping.
  const bool several = chosen.size() > 1;
  if (several) counts.assign(chosen.size(), 0);
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto* r = chosen[i];
    bool from = false;  // some part of the result comes from r
    if (!out.queue && r->queue) out.rule = r->name;
    from = first(out.queue, r->queue) || from;
    from = first(out.team, r->team) || from;
    from = first(out.priority, r->priority) || from;
    from = first(out.sla, r->sla) || from;
    for (const auto& t : r->tags) from = add_once(out.tags, t) || from;
    for (const auto& s : r->skills) {
      from = add_once(skills, s) || from;
      // Required for good from the first route that requires it so (the
      // earlier routes are looked at only for a skill named before, when
      // nothing else of the result has come from this route).
      if (!from && std::none_of(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(i),
                                [&](const RoutePlan* p) { return requires_for_good(*p, s); })) {
        from = true;
      }
    }
    for (const auto& x : r->relaxed) {
      // Listed where it first appears, even when a later route requires it
      // for good.
      from = add_once(skills, x.skill) || from;
      const bool for_good = std::any_of(chosen.begin(), chosen.end(), [&](const RoutePlan* p) {
        return requires_for_good(*p, x.skill);
      });
      if (for_good) continue;
      // The wait counts from the creation, which must lie where instants
      // make sense (and where adding the wait cannot overflow).
      if (!in_supported_range(ticket.created)) {
        throw RangeError(fmt::format(
            "ticket {}: created {} is outside the supported range [{}, {}), and route '{}' "
            "relaxes skills after a wait from it",
            quoted(ticket.id), format_utc(ticket.created), format_utc(kSupportedBegin),
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
    if (several) counts[i] = from ? 1 : 0;
  }
  if (several) {
    // A relaxed skill's drop comes from the first route whose wait ends latest.
    for (const auto& y : out.relaxed) {
      for (std::size_t i = 0; i < chosen.size(); ++i) {
        const auto& relaxed = chosen[i]->relaxed;
        if (std::any_of(relaxed.begin(), relaxed.end(), [&](const auto& x) {
              return x.skill == y.skill && ticket.created + x.after == y.drops_at;
            })) {
          counts[i] = 1;
          break;
        }
      }
    }
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      if (counts[i] != 0) out.rules.push_back(chosen[i]->name);
    }
  } else if (!chosen.empty()) {
    out.rules.push_back(chosen.front()->name);
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
      fmt::format("ticket {}: created is {}, the value of an unset field, and the "
                  "wait of the relaxed skills ({}) counts from it",
                  quoted(ticket.id), format_utc(ticket.created), fmt::join(skills, ", ")));
}

}  // namespace slakit::detail
