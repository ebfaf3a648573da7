// evaluate(): policy selection over a ticket's steps, then each applying
// policy's target clocks, then the ticket's metrics.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <exception>
#include <utility>

#include "evaluate_state.hpp"
#include "program/rule_set_impl.hpp"
#include "slakit/error.hpp"
#include "support/utf8.hpp"
#include "target_clock.hpp"

namespace slakit {

namespace detail {

void select_policies(const Program& program, EvaluationState& st) {
  const auto& tl = st.timeline;
  const auto steps = tl.steps();
  const auto words = st.ola_words = (program.olas.size() + 63) / 64;
  // Sized without filling: every step's entries are written below (a fill
  // and a copy per step were calls to memset and memmove of a few bytes).
  st.sla_at.resize(steps);
  st.ola_bits.resize(steps * words);
  // Most steps change nothing a `for` condition reads: they copy the step
  // before's answers, in a loop of their own that keeps everything in
  // registers (the loop below spills its table walks' state).
  const std::uint64_t read = program.sla_slots | program.ola_slots;
  int* const sla_at = st.sla_at.data();
  std::uint64_t* const ola = st.ola_bits.data();
  // The step before's OLAs: one word (up to 64 OLAs) stored without a call.
  const auto keep_olas = [words](std::uint64_t* bits) {
    words == 1 ? void(bits[0] = bits[-1]) : void(std::copy_n(bits - words, words, bits));
  };
  for (std::size_t k = 0; k < steps; ++k) {
    std::uint64_t* bits = ola + k * words;
    if (k > 0 && (tl.changed(k) & read) == 0) {
      sla_at[k] = sla_at[k - 1];
      keep_olas(bits);
      continue;
    }
    // Selection runs again after every event that changed a field a `for`
    // condition reads; otherwise a step keeps the step before's answer.
    const auto changed = k == 0 ? ~std::uint64_t{0} : tl.changed(k);
    const auto state = tl.state(k);
    sla_at[k] = k > 0 && (changed & program.sla_slots) == 0 ? sla_at[k - 1]
                                                            : program.sla_table.first(state);
    if (k > 0 && (changed & program.ola_slots) == 0) {
      keep_olas(bits);
      continue;
    }
    // Every OLA that applies.
    words == 1 ? void(bits[0] = 0) : void(std::fill_n(bits, words, 0));
    program.ola_table.for_each(state, [&](std::size_t j) {
      bits[j / 64] |= std::uint64_t{1} << (j % 64);
      return true;
    });
  }
}

void run_policy(const PolicyPlan& policy, std::span<const std::uint8_t> active, EvaluationState& st,
                CycleSink& out, std::vector<CycleTrace>* traces) {
  const auto& tl = st.timeline;
  st.paused.clear();
  if (policy.pause) {
    const auto steps = tl.steps();
    st.paused.resize(steps);
    std::uint8_t* paused = st.paused.data();
    for (std::size_t k = 0; k < steps; ++k) {
      // Again only where an event changed a field the condition reads.
      const bool same = k > 0 && (tl.changed(k) & policy.pause_slots) == 0;
      paused[k] = same ? paused[k - 1] : ((*policy.pause)(tl.state(k)) ? 1 : 0);
    }
  }
  const auto& business = st.business_entry(st.calendar_of(policy));
  const TargetClock clock{
      policy,           business.pinned_or_null(), tl,           active, st.paused,
      business.seconds, business.before,           business.cum, st.sums};
  for (const auto& target : policy.targets) clock.evaluate(target, st.cycles, out, traces);
}

}  // namespace detail

namespace detail {

namespace {

void evaluate_steps(const Program& program, const Ticket& ticket,
                    std::span<const TicketEvent> events, Instant now, EvaluationState& st,
                    Evaluation& e, Traces* traces) {
  st.timeline.build(program.layout, ticket, events, now);
  st.business_cached = 0;
  // Calendars that a ticket field chooses or moves: once per ticket, from
  // its fields at creation (docs/sla.md).
  st.ticket_calendars.clear();
  for (const auto* p : program.per_ticket_calendars) {
    st.ticket_calendars.push_back(
        p->calendar_choice.resolve(program.layout, st.timeline.state(0), ticket.id));
    for (std::size_t k = 1; k < st.timeline.steps(); ++k) {
      p->calendar_choice.check_change(program.layout, st.timeline.state(k - 1),
                                      st.timeline.state(k), ticket.id, st.timeline.start(k));
    }
  }
  select_policies(program, st);
  const auto& tl = st.timeline;
  const auto steps = tl.steps();

  e.id = ticket.id;
  e.now = now;
  e.sla.reset();
  if (st.sla_at.back() >= 0) e.sla = program.slas[static_cast<std::size_t>(st.sla_at.back())].name;
  // Cycles overwrite what `e` held before, keeping its buffers.
  CycleSink targets{e.targets};
  CycleSink olas_out{e.olas};

  // Where the SLA in force changes, and so the SLAs that applied at some
  // step (usually one), in rule order: one pass over the steps.
  std::vector<std::uint8_t>& active = st.active;
  auto& applied = st.applied;
  applied.clear();
  if (st.sla_at[0] >= 0) applied.push_back(st.sla_at[0]);
  e.sla_changes.clear();
  for (std::size_t k = 1; k < steps; ++k) {
    const int p = st.sla_at[k];
    if (p == st.sla_at[k - 1]) continue;
    auto name = [&](int q) {
      return q < 0 ? std::string{} : program.slas[static_cast<std::size_t>(q)].name;
    };
    e.sla_changes.push_back({tl.start(k), name(st.sla_at[k - 1]), name(p)});
    if (p >= 0 && std::find(applied.begin(), applied.end(), p) == applied.end()) {
      applied.push_back(p);
    }
  }
  if (applied.size() > 1) std::sort(applied.begin(), applied.end());
  st.sla_paused.assign(steps, 0);
  for (const int p : applied) {
    active.resize(steps);
    for (std::size_t k = 0; k < steps; ++k) {
      active[k] = st.sla_at[k] == p ? 1 : 0;
    }
    run_policy(program.slas[static_cast<std::size_t>(p)], active, st, targets,
               traces ? &traces->targets : nullptr);
    // Kept for the ticket's metrics, which need the pause of the SLA in force.
    if (!st.paused.empty()) {
      for (std::size_t k = 0; k < steps; ++k) {
        if (active[k] != 0) st.sla_paused[k] = st.paused[k];
      }
    }
  }
  // Each OLA that applied at some step, in rule order, with its steps.
  const auto words = st.ola_words;
  for (std::size_t w = 0; w < words; ++w) {
    std::uint64_t applied_olas = 0;
    for (std::size_t k = 0; k < steps; ++k) applied_olas |= st.ola_bits[k * words + w];
    for (; applied_olas != 0; applied_olas &= applied_olas - 1) {
      const auto bit = static_cast<unsigned>(std::countr_zero(applied_olas));
      active.resize(steps);
      for (std::size_t k = 0; k < steps; ++k) {
        active[k] = static_cast<std::uint8_t>(st.ola_bits[k * words + w] >> bit & 1);
      }
      run_policy(program.olas[w * 64 + bit], active, st, olas_out,
                 traces ? &traces->olas : nullptr);
    }
  }
  targets.finish();
  olas_out.finish();
  ticket_metrics(program, st, e.metrics);
}

}  // namespace

void evaluate_into(const Program& program, const Ticket& ticket,
                   std::span<const TicketEvent> events, Instant now, EvaluationState& st,
                   Evaluation& e, Traces* traces) {
  // Left at its default, `created` would start every clock in 1970 and
  // breach it: a host's unset field, not a ticket of that instant.
  if (ticket.created == Instant{}) {
    throw TicketError(fmt::format("ticket {}: created is {}, the value of an unset field",
                                  detail::quoted(ticket.id), format_utc(Instant{})));
  }
  // Checked first: otherwise an instant out of range would be an error or
  // not depending on whether some calendar happened to reach it.
  for (const auto& [what, t] : {std::pair{"created", ticket.created}, std::pair{"now", now}}) {
    if (!in_supported_range(t)) {
      throw RangeError(fmt::format("ticket {}: {} {} is outside the supported range [{}, {})",
                                   detail::quoted(ticket.id), what, format_utc(t),
                                   format_utc(kSupportedBegin), format_utc(kSupportedEnd)));
    }
  }
  try {
    evaluate_steps(program, ticket, events, now, st, e, traces);
  } catch (const RangeError& error) {
    // A calendar's range error knows no ticket: say which one.
    throw RangeError(fmt::format("ticket {}: {}", detail::quoted(ticket.id), error.what()));
  }
}

EvaluationState::StepBusiness& EvaluationState::business_entry(const Calendar* calendar) {
  for (std::size_t i = 0; i < business_cached; ++i) {
    if (business_cache[i].calendar == calendar) return business_cache[i];
  }
  if (business_cached == business_cache.size()) business_cache.emplace_back();
  auto& entry = business_cache[business_cached++];
  entry.calendar = calendar;
  const auto starts = timeline.starts();
  const auto n = starts.size() - 1;
  entry.seconds.resize(n);
  entry.before.resize(n + 1);
  Seconds* seconds = entry.seconds.data();
  Seconds* before = entry.before.data();
  before[0] = Seconds{0};
  if (calendar != nullptr) {
    // Each step start located once, as the block's business time before
    // it: a step's business time is then a subtraction.
    auto& pinned = entry.pinned;
    pinned.pin(*calendar, timeline.created());
    entry.cum.resize(n + 1);
    std::int64_t* cum = entry.cum.data();
    pinned.cum_before_each(starts, cum);
    for (std::size_t k = 0; k < n; ++k) {
      seconds[k] = cum[k] >= 0 && cum[k + 1] >= 0 ? Seconds{cum[k + 1] - cum[k]}
                                                  : pinned.elapsed(starts[k], starts[k + 1]);
      before[k + 1] = before[k] + seconds[k];
    }
  } else {
    entry.cum.clear();
    for (std::size_t k = 0; k < n; ++k) {
      seconds[k] = starts[k + 1] - starts[k];
      before[k + 1] = before[k] + seconds[k];
    }
  }
  return entry;
}

}  // namespace detail

Evaluation evaluate(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
                    Instant now) {
  Evaluation e;
  evaluate(rules, ticket, events, now, e);
  return e;
}

void evaluate(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
              Instant now, Evaluation& into) {
  const auto& program = detail::program_of(rules);
  if (events.size() > kLongestHistoryKept) {
    // Buffers of its own, freed on return: one history of 100,000 events
    // would otherwise pin tens of megabytes on every thread of a host's
    // pool until the thread exits.
    detail::EvaluationState own;
    detail::evaluate_into(program, ticket, events, now, own, into, nullptr);
    return;
  }
  // Working buffers reused from ticket to ticket on each thread; nothing is shared.
  thread_local detail::EvaluationState st;
  detail::evaluate_into(program, ticket, events, now, st, into, nullptr);
}

std::string_view target_state_name(TargetState s) noexcept {
  switch (s) {
    case TargetState::running:
      return "running";
    case TargetState::paused:
      return "paused";
    case TargetState::met:
      return "met";
    case TargetState::breached:
      return "breached";
    case TargetState::cancelled:
      return "cancelled";
  }
  return "?";
}

}  // namespace slakit
