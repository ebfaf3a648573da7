// slakit/sla/explain.hpp: why an evaluation came out as it did.
//
// explain() evaluates a ticket as evaluate() does and keeps the reasons, as
// data first (for JSON) and as text second: which policy matched and why
// the earlier ones did not, what started and stopped each cycle, the value
// chosen and why, the business intervals counted, the pauses with their
// condition, and the holidays and DST changes between the start and the due.
//
//   slakit::Explanation x = slakit::explain(rules, ticket, events, now);
//   std::cout << x.text();
//   // gold / first_response cycle 1: breached
//   //   target 4h (otherwise)
//   //   started 2026-03-06T20:00:00Z by the ticket's creation
//   //   counted in America/New_York: 2026-03-06 15:00-17:00 (2h), 2026-03-09 09:00-10:00 (1h), ...
//   //   paused 2026-03-09T14:00:00Z to 2026-03-09T14:30:00Z while ticket.status == ...
//   //   clocks change 2026-03-08T07:00:00Z from -05:00 to -04:00
//   //   breached at 2026-03-09T11:30:00-04:00 (2026-03-09T15:30:00Z); overdue 2h30m (...)
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "slakit/calendar/holiday_rule.hpp"
#include "slakit/sla/evaluation.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit {

/// One policy's `for` condition at `now`.
struct SelectionCheck {
  std::string policy;
  bool is_sla = true;
  bool applies = false;
  std::string condition{};  ///< the `for` condition as written canonically; empty: none
  std::string why_not{};    ///< its first failing part, with the ticket's values
};

/// A stretch of business time that a cycle counted.
struct CountedSpan {
  Interval span;
  Seconds business{0};
};

/// A change of the calendar zone's UTC offset.
struct OffsetChange {
  Instant at;
  Seconds before{0}, after{0};
};

/// A pause of a cycle, with the condition that caused it.
struct PauseReason {
  Pause pause;
  std::string condition;
};

struct CycleExplanation {
  std::string value_reason;  ///< "otherwise", "when ticket.priority == urgent", "before order.due"
  std::string started_by;    ///< "the ticket's creation", "assigned (team l2) at ..."
  std::string stopped_by;    ///< empty while it runs
  std::optional<TimeZone> zone;  ///< the calendar's zone; empty: 24/7
  /// Business time carried from the cycle's earlier cycles (`on reopen
  /// continue`): it counts towards the target before the cycle's own
  /// intervals, so carried + counted reach the target at the due.
  Seconds carried{0};
  std::vector<CountedSpan> counted;  ///< from the start to the due (or the stop), at most 200
  std::vector<PauseReason> pauses;
  std::vector<Holiday> holidays;  ///< closing dates between the start and the due (a part of a
                                  ///< day: closed_from/closed_until set)
  std::vector<OffsetChange> dst;  ///< between the start and the due
};

struct Explanation {
  Evaluation evaluation;
  std::vector<SelectionCheck> selection;  ///< SLAs up to the one that applies, then every OLA
  std::vector<CycleExplanation> targets;  ///< one per evaluation.targets entry
  std::vector<CycleExplanation> olas;     ///< one per evaluation.olas entry

  /// A human reading, a few lines per cycle.
  [[nodiscard]] std::string text() const;
  /// The reasons as a JSON object (without the evaluation).
  [[nodiscard]] std::string json() const;
};

/// The evaluation's JSON object (as to_json(Evaluation)) with one more
/// member, "explanation": Explanation::json().
[[nodiscard]] std::string to_json(const Explanation& x);

/// evaluate(), with reasons. Throws what evaluate() throws.
[[nodiscard]] Explanation explain(const RuleSet& rules, const Ticket& ticket,
                                  std::span<const TicketEvent> events, Instant now);

}  // namespace slakit
