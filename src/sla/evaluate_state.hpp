// The SLA engine's working state for one ticket, and its passes. One
// EvaluationState per thread is reused from ticket to ticket, so a batch
// allocates little beyond its results.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cycles.hpp"
#include "program/policy_plan.hpp"
#include "slakit/sla/evaluation.hpp"
#include "timeline.hpp"

namespace slakit::detail {

struct EvaluationState {
  Timeline timeline;
  std::vector<int> sla_at;            ///< per step: the SLA in force (index), or -1
  std::vector<std::uint8_t> ola_on;   ///< per step and OLA: applies
  std::vector<std::uint8_t> active;   ///< per step: the policy being evaluated applies
  std::vector<std::uint8_t> paused;   ///< per step: its pause condition holds
  std::vector<std::uint8_t> applied;  ///< per SLA: applies at some step
  std::vector<Cycle> cycles;
};

/// Which SLA and which OLAs apply in each step.
void select_policies(const Program& program, EvaluationState& st);

/// The target cycles of one policy that applies in the steps `active` marks.
void run_policy(const PolicyPlan& policy, std::span<const std::uint8_t> active, EvaluationState& st,
                std::vector<TargetCycle>& out);

/// The ticket's service metrics (docs/sla.md, "Per-ticket metrics").
[[nodiscard]] TicketMetrics ticket_metrics(const Program& program, EvaluationState& st);

}  // namespace slakit::detail
