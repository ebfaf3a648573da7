// A deliberately simple SLA and OLA clock evaluator for differential tests,
// written from docs/sla.md alone. It shares no code with src/sla or
// src/program: it reads the checked syntax tree (RuleSet::policies()),
// interprets conditions itself over a map from field path to value, decides
// cycles by walking the events one by one, and counts time one minute at a
// time with reference::MinuteCalendar.
//
//   slakit::reference::MinuteSla slow{rules};
//   slakit::Evaluation e = slow.evaluate(ticket, events, now);
//   // e.targets, e.olas, e.sla, e.sla_changes (metrics are left default)
//
// It assumes whole minutes: the ticket's creation, every event, `now`, time
// and date field values and every zone offset fall on a whole minute, and
// target values and margins are whole minutes (threshold shares need not
// be). Business-day target values (`resolution 3 business days`) are not
// supported: docs/sla.md does not say how they count.
#pragma once

#include <slakit/sla/evaluation.hpp>
#include <slakit/slakit.hpp>

#include <memory>
#include <span>

namespace slakit::reference {

class MinuteSla {
 public:
  explicit MinuteSla(const RuleSet& rules);
  ~MinuteSla();
  MinuteSla(const MinuteSla&) = delete;
  MinuteSla& operator=(const MinuteSla&) = delete;

  /// The SLA in force at `now`, the SLA changes, and every reported cycle of
  /// every SLA and OLA target. Caches calendar minutes between calls, so it
  /// is not safe to call from several threads at once.
  [[nodiscard]] Evaluation evaluate(const Ticket& ticket, std::span<const TicketEvent> events,
                                    Instant now) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// One-off convenience: a fresh MinuteSla for one evaluation.
[[nodiscard]] Evaluation evaluate_by_minutes(const RuleSet& rules, const Ticket& ticket,
                                             std::span<const TicketEvent> events, Instant now);

}  // namespace slakit::reference
