// What two compiled rule sets have in common, for `slakit diff`: decided once,
// when both are compiled, so that the new side of a ticket whose answer
// cannot have changed is taken from the old side rather than worked out
// again (docs/cli.md, "slakit diff").
//
// Parts are compared by what decides their results, in a canonical form:
// a policy by its declaration (conditions in the formatter's text, targets,
// pause, thresholds, escalations, events) and, transitively, the calendars
// it reads (zones, zone fields, hours, holidays, dated days, the parts of a
// composition); the SLA and the OLA selection by every policy's name and
// `for` condition, in order; the routing by every group and route, in order.
// Not by file names, positions, comments or layout. For anything to be
// shared, the field declarations (types, and `one of` members in order)
// must be the same, as must the set of fields some rule reads: the first
// type what is read and what a condition means, the second which values
// fail a ticket whichever policy or route applies. Whatever is in doubt
// counts as changed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "slakit/slakit.hpp"

namespace slakit::detail {

struct EvaluationState;
struct PolicyPlan;

class SameParts {
 public:
  /// Compares `old_rules` and `new_rules`; keeps no reference to either.
  SameParts(const RuleSet& old_rules, const RuleSet& new_rules);

  /// Every ticket routes the same under both: the new routing is the old.
  [[nodiscard]] bool routing() const noexcept { return routing_; }
  /// The SLA and OLA selection (and the calendars every ticket resolves
  /// for the policies whose calendar a ticket field chooses or moves) are
  /// the same: some tickets' evaluations may be shared.
  [[nodiscard]] bool selection() const noexcept { return selection_; }
  /// Whether the old SLA at `index` is the same as the new one there (with
  /// the same selection, the same index holds the same policy).
  [[nodiscard]] bool sla(std::size_t index) const noexcept {
    return selection_ && index < slas_.size() && slas_[index] != 0;
  }
  [[nodiscard]] bool ola(std::size_t index) const noexcept {
    return selection_ && (olas_changed_[index / 64] >> (index % 64) & 1) == 0;
  }

  /// True when the evaluation that left `st` (under the old rules, without
  /// an error) gives the same result under the new rules: the selection is
  /// the same and every policy it used (each SLA in force at some step,
  /// each OLA that applied at some step) is unchanged. A few word operations
  /// per step; no text is compared.
  [[nodiscard]] bool evaluation_reusable(const EvaluationState& st) const noexcept;

  /// The canonical form of a policy and of what it depends on (its
  /// calendars; every calendar when a ticket field chooses it), as compared
  /// here; for tests and explanations.
  [[nodiscard]] static std::string policy_text(const PolicyPlan& plan);
  /// What of a policy every ticket reads, whether the policy applies or
  /// not: where a ticket field chooses its calendar or moves its zone, the
  /// field, and the names and zone fields of the calendars it may choose.
  [[nodiscard]] static std::string choice_text(const PolicyPlan& plan);
  /// The canonical form of a rule set's routing.
  [[nodiscard]] static std::string routing_text(const RuleSet& rules);

 private:
  bool routing_ = false;
  bool selection_ = false;
  std::vector<std::uint8_t> slas_;           ///< per SLA index: unchanged
  std::vector<std::uint64_t> olas_changed_;  ///< per OLA index, as bits: changed
  bool any_ola_changed_ = false;
};

}  // namespace slakit::detail
