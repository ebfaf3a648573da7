// The SLA engine's working state for one ticket, and its passes. One
// EvaluationState per thread is reused from ticket to ticket, so a batch
// allocates little beyond its results.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "calendar/pinned_calendar.hpp"
#include "cycles.hpp"
#include "program/policy_plan.hpp"
#include "slakit/sla/evaluation.hpp"
#include "target_clock.hpp"
#include "timeline.hpp"

namespace slakit::detail {

struct EvaluationState {
  Timeline timeline;
  std::vector<int> sla_at;  ///< per step: the SLA in force (index), or -1
  /// Per step, the OLAs that apply as bits (`ola_words` words a step): one
  /// word copied for a step whose events change nothing they read, however
  /// many OLAs there are.
  std::vector<std::uint64_t> ola_bits;
  std::size_t ola_words = 0;
  std::vector<std::uint8_t> active;      ///< per step: the policy being evaluated applies
  std::vector<std::uint8_t> paused;      ///< per step: its pause condition holds
  std::vector<int> applied;              ///< the SLAs that apply at some step
  std::vector<std::uint8_t> sla_paused;  ///< per step: the SLA in force is paused
  std::vector<Cycle> cycles;
  std::vector<Seconds> sums[2];  ///< the clocks' counted time per step
  /// Per PolicyPlan::per_ticket: the calendar this ticket's fields chose.
  std::vector<const Calendar*> ticket_calendars;
  [[nodiscard]] const Calendar* calendar_of(const PolicyPlan& p) const {
    return p.per_ticket < 0 ? p.calendar : ticket_calendars[static_cast<std::size_t>(p.per_ticket)];
  }

  /// Per calendar (nullptr: 24/7), computed once per ticket: the business
  /// time of each step but the last (to the next step's start), and the same
  /// summed from creation to each step's start.
  struct StepBusiness {
    const Calendar* calendar = nullptr;
    PinnedCalendar pinned;  ///< the calendar pinned on the ticket's creation
    std::vector<Seconds> seconds, before;
    /// The pinned block's business time before each step's start (-1: the
    /// start lies outside it); empty for 24/7.
    std::vector<std::int64_t> cum;
    /// The pinned calendar, or nullptr for 24/7.
    [[nodiscard]] const PinnedCalendar* pinned_or_null() const {
      return calendar != nullptr ? &pinned : nullptr;
    }
  };
  StepBusiness& business_entry(const Calendar* calendar);
  std::vector<StepBusiness> business_cache;
  std::size_t business_cached = 0;  ///< entries valid for the current ticket
};

/// Which SLA and which OLAs apply in each step.
void select_policies(const Program& program, EvaluationState& st);

/// The target cycles of one policy that applies in the steps `active` marks;
/// with `traces`, also how each was reached (for explanations).
void run_policy(const PolicyPlan& policy, std::span<const std::uint8_t> active, EvaluationState& st,
                CycleSink& out, std::vector<CycleTrace>* traces = nullptr);

/// The traces of every cycle of an evaluation, in the same order.
struct Traces {
  std::vector<CycleTrace> targets, olas;
};

/// evaluate(), on the caller's state, into `e`, whose buffers are reused
/// (everything in it is replaced); with `traces` for explain().
void evaluate_into(const Program& program, const Ticket& ticket,
                   std::span<const TicketEvent> events, Instant now, EvaluationState& st,
                   Evaluation& e, Traces* traces);

/// The ticket's service metrics (docs/sla.md, "Per-ticket metrics").
void ticket_metrics(const Program& program, EvaluationState& st, TicketMetrics& m);

}  // namespace slakit::detail
