// What `slakit report --by` groups by (docs/report.md, "Groups"): a row's
// key is made per target cycle from the cycle (policy, target), the
// ticket's routing (team, queue), its evaluation (sla) and its record and
// events (any ticket, customer, contract or order field, at `now`).
#pragma once

#include <slakit/routing/route.hpp>
#include <slakit/sla/evaluation.hpp>
#include <slakit/slakit.hpp>
#include <slakit/time/time_zone.hpp>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::cli {

/// The JSON type a group's value is written in (docs/report.md, "Output"):
/// its field's, a text for anything JSON has no type of (instants, dates).
enum class GroupJson { string, number, boolean };

/// One --by: its name, and how a cycle of a ticket gives its part of the key.
struct GroupField {
  std::string name;
  /// Whether the value comes from routing (team, queue), which report then
  /// has to run.
  bool routed = false;
  /// Whether the value is the cycle's (policy, target): the others are the
  /// ticket's, read once a ticket however many cycles it has.
  bool per_cycle = false;
  /// The value: text, empty for none. `cycle` is null for a ticket without
  /// cycles. A view of the text the ticket, its events, routing or
  /// evaluation holds, or of `scratch` for a value that has to be formatted
  /// (a number, an instant), so that reading a value allocates nothing. A
  /// field's value is the one it has at the evaluation's `now`.
  std::function<std::string_view(const Ticket& ticket, std::span<const TicketEvent> events,
                                 const Routing& routing, const Evaluation& evaluation,
                                 const TargetCycle* cycle, std::string& scratch)>
      value;
  /// How `report --format json` writes a value: numbers (and durations, in
  /// seconds) as JSON numbers, bools as true/false, the rest as strings.
  GroupJson json = GroupJson::string;
};

/// The fields of `--by NAME...`; throws UsageError naming a field that is
/// neither a group name (policy, target, sla, team, queue, a period of
/// creation: created.day ... created.year, local to `zone`) nor a built-in
/// or declared field of the rule set.
[[nodiscard]] std::vector<GroupField> group_fields(const RuleSet& rules,
                                                   const std::vector<std::string>& names,
                                                   const TimeZone& zone);

}  // namespace slakit::cli
