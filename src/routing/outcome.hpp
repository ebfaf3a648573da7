// How routing decides a group and combines the outcomes that count into a
// Routing (docs/routing.md, "How outcomes combine"): shared by route(),
// route_many() and route_columns().
#pragma once

#include <span>
#include <string>
#include <vector>

#include "routing_program.hpp"
#include "slakit/routing/route.hpp"

namespace slakit::detail {

/// Appends the routes `group` chooses by its hit policy, in rule order.
void decide(const RouteGroupPlan& group, std::span<const SlotValue> values,
            std::vector<const RoutePlan*>& out);

/// Working buffers of combine(), reused from ticket to ticket.
struct CombineBuffers {
  std::vector<std::string> skills;  // in order of first appearance, relaxed ones too
  std::vector<char> counts;         // per chosen route: some part of the result comes from it
};

/// Combines the outcomes of the chosen routes (decide()'s, in group and rule
/// order) into `out` (every member replaced, its buffers reused). `out.rules`
/// lists the chosen routes from which some part of the result comes
/// (docs/routing.md, "Several groups"). Relaxed skills drop at the ticket's
/// creation plus their wait, and are required while `now` is before that.
/// Throws RangeError when a route relaxes skills and the creation lies
/// outside the supported range.
void combine(const Ticket& ticket, Instant now, std::span<const RoutePlan* const> chosen,
             CombineBuffers& buffers, Routing& out);

/// Throws TicketError when `routing` relaxes skills and the ticket's
/// `created`, from which their wait counts, is left at its default (route()
/// and explain_route(); route_columns() routes at the epoch on purpose).
void require_created(const Ticket& ticket, const Routing& routing);

}  // namespace slakit::detail
