// Policies compiled for the SLA engine: conditions over slots, calendars
// resolved to pointers, events to kinds. Built once per RuleSet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "condition.hpp"
#include "decision_table.hpp"
#include "slakit/calendar/calendar.hpp"
#include "slakit/lang/ast.hpp"
#include "slakit/model/ticket.hpp"
#include "ticket_calendar.hpp"

namespace slakit::detail {

/// One value of a target: `4h when ticket.priority == urgent`.
struct TargetCasePlan {
  std::optional<Condition> when{};  ///< empty: always (otherwise)
  BusinessDuration value{};
  const TargetCase* source = nullptr;
};

struct TargetPlan {
  Metric metric = Metric::resolution;
  std::vector<TargetCasePlan> cases{};
  std::optional<Slot> before{};  ///< `before FIELD - margin`
  bool before_is_date = false;   ///< FIELD is a date field (else a time field)
  BusinessDuration margin{};
  bool restart_on_reopen = false;
  std::uint64_t case_slots = 0;  ///< Condition::slot_mask of every `when`
  const TargetLine* source = nullptr;
};

/// `assigned to team l2`: the kind, and the team when narrowed.
struct EventMatch {
  EventKind kind = EventKind::created;
  std::string team{};
};

struct ThresholdPlan {
  ThresholdForm form = ThresholdForm::percent;
  int percent = 0;
  Seconds offset{0};  ///< before_due, after_due (the checker rejects business days)
  bool escalation = false;
  std::string to_kind{}, to{};
};

struct PolicyPlan {
  std::string name{};
  bool is_sla = true;
  const Calendar* calendar = nullptr;  ///< nullptr: 24/7; the fallback when per ticket
  CalendarChoice calendar_choice{};    ///< where `calendar` comes from per ticket
  int per_ticket = -1;  ///< index of its per-ticket calendar (EvaluationState); -1: fixed
  std::optional<Condition> applies{};  ///< empty: every ticket
  std::uint64_t applies_slots = 0;     ///< Condition::slot_mask of `applies`
  std::optional<Condition> pause{};    ///< empty: never paused
  std::uint64_t pause_slots = 0;       ///< Condition::slot_mask of `pause`
  std::vector<TargetPlan> targets{};
  std::vector<EventMatch> start_on{}, stop_on{};
  std::vector<ThresholdPlan> thresholds{};
  bool has_before = false;  ///< some target is `before FIELD`
  const PolicyDecl* source = nullptr;
};

struct Program {
  Program(std::vector<FieldInfo> fields, const std::vector<std::string>& read)
      : layout(std::move(fields), read) {}
  // The tables point at conditions inside `slas` and `olas`: a copy's would
  // point into the original. Moving keeps the elements where they are.
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;
  Program(Program&&) = default;
  Program& operator=(Program&&) = default;
  FieldLayout layout;
  std::vector<PolicyPlan> slas, olas;  ///< each in rule order
  std::uint64_t sla_slots = 0;         ///< Condition::slot_mask of every SLA's `for`
  std::uint64_t ola_slots = 0;         ///< likewise for the OLAs
  DecisionTable sla_table, ola_table;  ///< over the `for` conditions
  /// The policies whose calendar depends on the ticket, by PolicyPlan::per_ticket
  /// (usually none: evaluation then skips the step).
  std::vector<const PolicyPlan*> per_ticket_calendars;
};

/// Compiles checked policies over the rule set's `calendars` (the checker
/// made sure each name exists). The policies and calendars must outlive the
/// program.
/// Every field the policies' conditions and `before` targets read, and the
/// fields that choose calendars and their zones.
[[nodiscard]] std::vector<std::string> fields_read(const std::vector<PolicyDecl>& policies,
                                                   const TicketCalendars& calendars);

[[nodiscard]] Program compile_program(std::vector<FieldInfo> fields,
                                      const std::vector<PolicyDecl>& policies,
                                      const TicketCalendars& calendars);

}  // namespace slakit::detail
