// Which events start and stop the cycles of one target (docs/sla.md,
// "Targets and their cycles"). Cycles follow from the events alone: whether
// their policy applies is decided afterwards, so that a policy that starts
// to apply mid-ticket adopts its running cycles with their original starts.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "program/policy_plan.hpp"
#include "timeline.hpp"

namespace slakit::detail {

struct Cycle {
  Instant start{};
  std::optional<Instant> stop{};
  bool continues = false;   ///< a resolution cycle that carries the time counted before it
  std::string_view team{};  ///< the team it is for (OLA targets)
  const EventRecord* started_by = nullptr;
  const EventRecord* stopped_by = nullptr;
};

/// The cycles of `target` of `policy`, in order. Reuses `out`'s buffer.
void derive_cycles(const PolicyPlan& policy, const TargetPlan& target, const Timeline& timeline,
                   std::vector<Cycle>& out);

/// True when the record is an event the list names (`assigned to team l2`).
[[nodiscard]] bool matches(const std::vector<EventMatch>& list, const EventRecord& r);

}  // namespace slakit::detail
