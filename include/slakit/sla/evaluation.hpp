// slakit/sla/evaluation.hpp: SLA and OLA clocks of one ticket at `now`.
//
// evaluate() is a pure function of (rules, ticket, events, now): which SLA
// and OLAs apply, every target cycle with its state, due instant, remaining
// or overdue time, pauses, warnings and escalations, and the ticket's
// service metrics. docs/sla.md defines every rule.
//
//   slakit::RuleSet rules = slakit::compile_or_throw({{"rules.sla", text}});
//   slakit::Evaluation e = slakit::evaluate(rules, ticket, events, now);
//   for (const auto& t : e.targets) {
//     // t.policy == "gold", t.metric == Metric::first_response, t.state, t.due ...
//   }
//   std::string line = slakit::to_json(e);  // what `slakit eval` prints
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "slakit/lang/ast.hpp"
#include "slakit/model/ticket.hpp"
#include "slakit/time/instant.hpp"

namespace slakit {

class RuleSet;

enum class TargetState { running, paused, met, breached, cancelled };

/// "running", "paused", "met", "breached", "cancelled".
[[nodiscard]] std::string_view target_state_name(TargetState s) noexcept;

/// A stretch during which the pause condition held; `end` is empty while it
/// still holds at `now`.
struct Pause {
  Instant begin;
  std::optional<Instant> end;
  friend bool operator==(const Pause&, const Pause&) = default;
};

/// A `warn` or `escalate` line, for one cycle: at a share of the target
/// (`at 75%`) or an offset before or after the due (`1h before due`,
/// `2h after due`).
struct Threshold {
  ThresholdForm form = ThresholdForm::percent;
  int percent = 0;    ///< form percent
  Seconds offset{0};  ///< before_due, after_due: business time from the due
  bool escalation = false;
  std::string to_kind{}, to{};  ///< escalations: "team", "queue" or "agent", and the name
  std::optional<Instant> at{};  ///< when it is reached; empty if it never is
  bool fired = false;           ///< reached by `now`, while the cycle ran
};

/// One cycle of one target of one policy.
struct TargetCycle {
  std::string policy;
  Metric metric = Metric::resolution;
  int cycle = 1;
  TargetState state = TargetState::running;
  std::string team{};  ///< OLAs: the team the cycle is for
  Instant start{};
  std::optional<Instant> stop{};
  std::optional<Instant> due{};           ///< empty when paused for good, or no value
  std::optional<Instant> breached_at{};   ///< breached: the due that passed
  std::optional<Instant> cancelled_at{};  ///< cancelled: when its policy stopped applying
  std::optional<Seconds> target{};        ///< the business time allowed; empty: no value
  Seconds remaining{0};                   ///< running or paused
  Seconds overdue{0};                     ///< breached: business time since breached_at
  Seconds overdue_calendar{0};            ///< breached: wall-clock time since breached_at
  Seconds business_elapsed{0};            ///< counted, pauses excluded
  Seconds calendar_elapsed{0};            ///< wall clock, start to stop or now
  std::vector<Pause> pauses{};
  std::vector<Threshold> thresholds{};  ///< warnings and escalations, in rule order
};

/// The SLA in force changed at `at` (either name may be empty: none).
struct PolicyChange {
  Instant at;
  std::string from, to;
  friend bool operator==(const PolicyChange&, const PolicyChange&) = default;
};

/// A duration in business time (the SLA's calendar at `now`, 24/7 without
/// one) and in calendar time.
struct TimePair {
  Seconds business{0};
  Seconds calendar{0};
  friend bool operator==(const TimePair&, const TimePair&) = default;
};

/// The ticket's service metrics (docs/sla.md, "Per-ticket metrics").
struct TicketMetrics {
  std::optional<TimePair> first_response{};
  std::vector<TimePair> next_responses{};
  std::optional<TimePair> next_response_average{};
  TimePair handling{};
  std::optional<TimePair> resolution{};
  int public_replies = 0;
  int reopenings = 0;
  bool first_contact_resolution = false;
};

struct Evaluation {
  std::string id;  ///< the ticket's id, as in Ticket::id
  Instant now{};
  std::optional<std::string> sla{};  ///< the SLA in force at `now`
  std::vector<PolicyChange> sla_changes{};
  std::vector<TargetCycle> targets{};  ///< SLA target cycles, policy by policy
  std::vector<TargetCycle> olas{};     ///< OLA target cycles
  TicketMetrics metrics{};
};

/// What an evaluation will answer differently on its own, if nothing more
/// happens to the ticket: a running cycle breaching, or one of its warnings
/// or escalations firing. `cycle` and `threshold` point into the Evaluation
/// (threshold null: the breach).
struct NextDue {
  /// The first instant at which evaluating again answers differently: a
  /// threshold's instant (it has fired at it), or one second after a due
  /// (a cycle breaches at the first instant after its due).
  Instant at{};
  const TargetCycle* cycle = nullptr;
  const Threshold* threshold = nullptr;
  bool ola = false;  ///< the cycle is one of `olas` (else of `targets`)
};

/// The earliest of the running cycles' breaches (one second after a due at
/// or after `e.now`) and their warnings and escalations not fired by
/// `e.now`, and the thresholds after the due (`escalate 2h after due`) not
/// fired of breached cycles that count on (docs/sla.md, "What falls due
/// next"): when a host should look at the ticket again if no event comes
/// first. Empty when nothing is pending. Ties: targets before OLAs, and
/// within a cycle its warnings and escalations in rule order, before its
/// breach.
[[nodiscard]] std::optional<NextDue> next_due(const Evaluation& e);
/// The answer points into the evaluation: a temporary would leave it
/// dangling.
std::optional<NextDue> next_due(const Evaluation&& e) = delete;

/// `{"at":..., "kind":"sla", "policy":"gold", "metric":"first_response",
/// "cycle":1, "team":null, "threshold":null}` (`kind` "ola" for an OLA's
/// cycle, as Python's frames say it); the threshold, null for the breach,
/// as its percent, `escalation`, and for an escalation `to_kind` and `to`.
/// Valid while the evaluation `next` points into lives; throws
/// InvalidArgument for a NextDue without a cycle.
[[nodiscard]] std::string to_json(const NextDue& next);

/// Evaluates one ticket. `events` may come in any order (docs/sla.md,
/// "Events"). Throws TicketError naming the ticket and the field, event or
/// value for bad ticket data (a `created` left at its default included) or
/// more than kMaxEventsPerTicket events, and RangeError for instants outside
/// the supported range.
[[nodiscard]] Evaluation evaluate(const RuleSet& rules, const Ticket& ticket,
                                  std::span<const TicketEvent> events, Instant now);

/// The same into `into`, whose buffers are reused (everything in it is
/// replaced): a host that evaluates ticket after ticket allocates almost
/// nothing. Throws what the overload above throws; on an exception `into`
/// holds no meaningful result.
///
/// Both keep their working buffers per calling thread (thread_local): no
/// lock, nothing shared, and each thread that evaluates holds buffers sized
/// by the longest history it has seen, until it exits: a few kilobytes for
/// tens of events, about two megabytes (with route()'s) for
/// kLongestHistoryKept. A longer history gets buffers of its own, freed on
/// return.
void evaluate(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
              Instant now, Evaluation& into);

/// One ticket with its history, for evaluate_many.
struct TicketHistory {
  Ticket ticket;
  std::vector<TicketEvent> events;
};

/// The evaluation of one ticket of a batch, or the error that stopped it.
struct BatchResult {
  std::optional<Evaluation> evaluation;
  std::string error;  ///< the message of the TicketError or RangeError, when it failed
};

/// Evaluates many tickets on `threads` threads (0: one per core the process
/// may run on, by its CPU affinity). One bad ticket never loses the others:
/// its result holds the error (a TicketError or RangeError is a result, never
/// thrown). Throws std::system_error when a thread cannot be started.
[[nodiscard]] std::vector<BatchResult> evaluate_many(const RuleSet& rules,
                                                     std::span<const TicketHistory> tickets,
                                                     Instant now, unsigned threads = 0);

/// Receives the result of ticket `index`: its evaluation (valid during the
/// call only), or the error that stopped it (then `evaluation` is null).
using EvaluationSink =
    std::function<void(std::size_t index, const Evaluation* evaluation, std::string_view error)>;

/// Evaluates many tickets and hands each result to `sink` as soon as it is
/// ready, on the worker thread that made it, in no particular order: the
/// sink must be safe to call from several threads at once. Each thread
/// reuses one Evaluation, so a batch of any size keeps no results in memory
/// and allocates almost nothing per ticket. A ticket's TicketError or
/// RangeError goes to the sink. An exception thrown by the sink stops the
/// batch and is rethrown here; std::system_error when a thread cannot be
/// started.
void evaluate_many(const RuleSet& rules, std::span<const TicketHistory> tickets, Instant now,
                   const EvaluationSink& sink, unsigned threads = 0);

/// One JSON object on one line (docs/cli.md, `slakit eval`): instants in RFC
/// 3339 UTC, durations in whole seconds.
[[nodiscard]] std::string to_json(const Evaluation& e);
/// The same, appended to `out` (whose buffer a batch writer reuses).
void to_json(const Evaluation& e, std::string& out);

}  // namespace slakit
