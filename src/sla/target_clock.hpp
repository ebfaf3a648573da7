// One policy's targets on one ticket: each cycle's value, due, breach,
// state, pauses and thresholds (docs/sla.md, from "Counting" to "Warnings
// and escalations").
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "clock.hpp"
#include "cycles.hpp"
#include "program/policy_plan.hpp"
#include "slakit/sla/evaluation.hpp"
#include "timeline.hpp"

namespace slakit::detail {

/// Where cycles are written: the next unused element of a list that may
/// hold elements from an earlier ticket, whose buffers are reused.
struct CycleSink {
  std::vector<TargetCycle>& out;
  std::size_t used = 0;
  /// The element to fill next; it counts once commit() is called.
  TargetCycle& next() {
    if (used == out.size()) out.emplace_back();
    return out[used];
  }
  void commit() { ++used; }
  /// Drops what an earlier, longer evaluation left behind.
  void finish() { out.resize(used); }
};

/// How the engine reached one cycle's result: what explain() reports.
struct CycleTrace {
  const PolicyPlan* policy = nullptr;
  const TargetPlan* target = nullptr;
  Cycle cycle{};
  /// The case of the target whose value is reported (an index into its
  /// cases; -1 when none holds or the target is `before` a field).
  int value_case = -1;
  const Calendar* calendar = nullptr;  ///< the policy's calendar for this ticket
  /// The business time carried into the cycle from the earlier ones (`on
  /// reopen continue`), those its policy did not see included.
  Seconds carried{0};
};

class TargetClock {
 public:
  /// `active[k]`: the policy applies in step k. `paused[k]`: its pause
  /// condition holds in step k (empty when it has none).
  /// `calendar`: the policy's calendar for this ticket pinned on its
  /// creation (nullptr: 24/7).
  /// `step_business`, `business_before`: its business time per step, and
  /// before each step, `step_cum` the pinned block's business time before
  /// each step (EvaluationState::business_entry).
  /// `buffers`: two vectors the clocks keep their sums in (reused).
  TargetClock(const PolicyPlan& policy, const PinnedCalendar* calendar, const Timeline& timeline,
              std::span<const std::uint8_t> active, std::span<const std::uint8_t> paused,
              std::span<const Seconds> step_business, std::span<const Seconds> business_before,
              std::span<const std::int64_t> step_cum, std::vector<Seconds> (&buffers)[2])
      : policy_(policy),
        pinned_(calendar),
        calendar_(calendar != nullptr ? &calendar->calendar() : nullptr),
        timeline_(timeline),
        active_(active),
        clock_(calendar, timeline.starts(), paused, step_business, business_before, step_cum,
               buffers[0]) {
    if (policy.has_before) {
      unpaused_.emplace(calendar, timeline.starts(), std::span<const std::uint8_t>{}, step_business,
                        business_before, step_cum, buffers[1]);
    }
  }

  /// Appends the cycles of `target` that the policy saw to `out` (and how,
  /// to `traces`).
  void evaluate(const TargetPlan& target, std::vector<Cycle>& cycles, CycleSink& out,
                std::vector<CycleTrace>* traces = nullptr) const;

  /// The index of the target's case that the fields of step k choose, or -1
  /// when none holds.
  [[nodiscard]] int chosen_case(const TargetPlan& target, std::size_t k) const;
  /// A case's value for a cycle that starts at `start` (business days depend
  /// on the start).
  [[nodiscard]] Seconds case_value(const TargetCasePlan& c, Instant start) const;
  /// A `before` target's due in step k; empty while its field has no value.
  [[nodiscard]] std::optional<Instant> before_due(const TargetPlan& target, std::size_t k) const;

 private:
  /// Fills `r` and returns true when the policy saw the cycle.
  [[nodiscard]] bool evaluate_cycle(const TargetPlan& target, const Cycle& c, Seconds carry,
                                    int number, int& value_case, TargetCycle& r) const;
  [[nodiscard]] Seconds business_days(Instant start, int n) const;

  const PolicyPlan& policy_;
  const PinnedCalendar* pinned_;
  const Calendar* calendar_;
  const Timeline& timeline_;
  std::span<const std::uint8_t> active_;
  Clock clock_;                    // pauses excluded
  std::optional<Clock> unpaused_;  // `before` targets: no pause applies
};

}  // namespace slakit::detail
