#include "target_clock.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "slakit/error.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

// The time a clock counted over a cycle's life, from its start to its stop
// or `now`. Cycles start and stop at events, at the starts of their steps:
// the clock's sums answer without a search or a calendar.
Seconds counted_over(const Clock& clock, const Cycle& c, Instant now) {
  const auto to = c.stopped_by != nullptr ? clock.upto_step(c.stopped_by->step) : clock.upto(now);
  return to - clock.upto_step(c.started_by->step);
}

}  // namespace

Seconds TargetClock::business_days(Instant start, int n) const {
  const Calendar* cal = calendar_;
  if (cal == nullptr) return days{n};
  // N business days: the same local time of day, N business days after the
  // first business instant at or after the start (docs/sla.md).
  const auto from = pinned_->add(start, Seconds{0});
  const auto local = pinned_->to_local(from);
  const auto day = floor<days>(local);
  const auto date = cal->add_business_days(year_month_day{day}, n);
  const auto to = pinned_->resolve(local_days{date} + (local - day)).instant;
  return pinned_->elapsed(from, to);
}

int TargetClock::chosen_case(const TargetPlan& target, std::size_t k) const {
  const auto state = timeline_.state(k);
  for (std::size_t i = 0; i < target.cases.size(); ++i) {
    const auto& when = target.cases[i].when;
    if (!when || (*when)(state)) return static_cast<int>(i);
  }
  return -1;
}

Seconds TargetClock::case_value(const TargetCasePlan& c, Instant start) const {
  return c.value.business_days != 0 ? business_days(start, c.value.business_days) : c.value.time;
}

std::optional<Instant> TargetClock::before_due(const TargetPlan& target, std::size_t k) const {
  const auto& v = timeline_.state(k)[*target.before];
  if (!v.present) return std::nullopt;
  const Calendar* cal = calendar_;
  auto from_local = [&](local_seconds t) {
    return cal != nullptr ? cal->zone().resolve(t).instant : sys_seconds{t.time_since_epoch()};
  };
  auto to_local = [&](Instant t) {
    return cal != nullptr ? cal->zone().to_local(t) : local_seconds{t.time_since_epoch()};
  };
  // A date is the start of that day in the calendar's zone (UTC without one).
  Instant due{};
  if (target.before_is_date) {
    due = from_local(local_days{days{v.integer}});
  } else if (v.is_date) {
    due = from_local(local_seconds{Seconds{v.integer}});
  } else {
    due = sys_seconds{Seconds{v.integer}};
  }
  const auto& margin = target.margin;
  // Name what was computed: with a margin the field itself may well be in
  // range ("order.due - 1 business day = 1969-12-31T00:00:00Z").
  const auto computed = [&] {
    std::string what = target.source->before->field;
    if (margin.time > Seconds{0}) {
      what += " - " + format_duration(margin.time);
    } else if (margin.business_days != 0) {
      what += fmt::format(" - {} business day{}", margin.business_days,
                          margin.business_days == 1 ? "" : "s");
    }
    return what;
  };
  try {
    if (margin.time > Seconds{0}) {
      due = cal != nullptr ? cal->subtract(due, margin.time) : due - margin.time;
    } else if (margin.business_days != 0) {
      // N business days earlier, at the same local time of day.
      const auto local = to_local(due);
      const auto day = floor<days>(local);
      const auto date = cal != nullptr
                            ? cal->add_business_days(year_month_day{day}, -margin.business_days)
                            : year_month_day{day - days{margin.business_days}};
      due = from_local(local_days{date} + (local - day));
    }
  } catch (const RangeError& e) {
    // The calendar's own words know no field: say which due it was.
    throw RangeError(fmt::format("computing {}: {}", computed(), e.what()));
  }
  // Without a calendar nothing else checks it.
  if (!in_supported_range(due)) {
    const bool margin_given = margin.time > Seconds{0} || margin.business_days != 0;
    throw RangeError(fmt::format("{}{} {} is outside the supported range [{}, {})", computed(),
                                 margin_given ? " =" : "", format_utc(due),
                                 format_utc(kSupportedBegin), format_utc(kSupportedEnd)));
  }
  return due;
}

void TargetClock::evaluate(const TargetPlan& target, std::vector<Cycle>& cycles, CycleSink& out,
                           std::vector<CycleTrace>* traces) const {
  derive_cycles(policy_, target, timeline_, cycles);
  Seconds carried{0};
  int number = 0;
  for (const auto& c : cycles) {
    // A `before` cycle carries nothing: its due is its field's.
    const auto carry = c.continues && !target.before ? carried : Seconds{0};
    int value_case = -1;
    if (evaluate_cycle(target, c, carry, ++number, value_case, out.next())) {
      out.commit();
      if (traces != nullptr) {
        traces->push_back({&policy_, &target, c, value_case, calendar_, carry});
      }
    }
    // A later cycle that continues counts on from here, whoever saw this one
    // (only a resolution that does not restart on reopen has such cycles).
    if (target.metric == Metric::resolution && !target.restart_on_reopen) {
      const Clock& clock = target.before ? *unpaused_ : clock_;
      carried = carry + counted_over(clock, c, timeline_.now());
    }
  }
}

bool TargetClock::evaluate_cycle(const TargetPlan& target, const Cycle& c, Seconds carry,
                                 int number, int& value_case, TargetCycle& r) const {
  const auto now = timeline_.now();
  const auto s = c.start;
  const bool stopped = c.stop.has_value();
  const auto end = c.stop.value_or(now);
  // The steps of the cycle's life: from the one it starts in to the one
  // before its stop (an event that stops a cycle is seen by the policies
  // that applied before it), or to the one holding `now`.
  // The events that start and stop a cycle know their steps; the step of
  // `now` is the last (no event after `now` makes one).
  const std::size_t k0 = c.started_by->step;
  const std::size_t k1 =
      !stopped ? timeline_.steps() - 1 : (end == s ? k0 : c.stopped_by->step - std::size_t{1});
  // The policy saw the cycle when it applied in some step of its life.
  auto last_active = k1 + 1;
  while (last_active > k0 && active_[last_active - 1] == 0) --last_active;
  if (last_active == k0) return false;
  --last_active;

  const bool relative = target.before.has_value();
  const Clock& clock = relative ? *unpaused_ : clock_;
  // The value and due of each step, as the fields then chose them. Both
  // change only with the case chosen: most steps keep the one before. Plain
  // values with flags rather than optionals: this loop runs for every step of
  // every cycle, and copying optionals here cost more than the rest of it.
  struct Choice {
    bool has_value = false, has_due = false, has_due_counted = false;
    Seconds value{};
    Instant due{};
    Seconds due_counted{};  ///< upto(due), when the search for the due knew it
  };
  int memo_case = -2;
  Choice memo;
  auto choice_in = [&](std::size_t k) -> Choice {
    if (relative) {
      Choice here;
      if (const auto due = before_due(target, k)) {
        here.has_due = here.has_value = true;
        here.due = *due;
        here.value = std::max(Seconds{0}, clock.business(s, std::max(s, *due)));
      }
      return here;
    }
    // The fields that choose the case changed, or the due is still unknown.
    const bool same = memo_case != -2 && (timeline_.changed(k) & target.case_slots) == 0;
    const auto chosen = same ? memo_case : chosen_case(target, k);
    if (chosen != memo_case) {
      memo_case = chosen;
      memo = Choice{};
      if (chosen >= 0) {
        memo.has_value = true;
        memo.value = case_value(target.cases[static_cast<std::size_t>(chosen)], s);
        std::optional<Seconds> counted;
        if (const auto due = clock.reach_from_step(k0, carry, memo.value, k1, &counted);
            due != Clock::kNever) {
          memo.has_due = true;
          memo.due = due;
          memo.has_due_counted = counted.has_value();
          memo.due_counted = counted.value_or(Seconds{0});
        }
      }
    }
    return memo;
  };

  // A cycle breaches at the first instant after its due while its policy
  // applies; then it stays breached.
  Choice last;  // of the last step in which the policy applied
  bool breached = false;
  // Usually the fields that choose the case keep their values over the
  // whole life: then one choice holds in every step, and as the steps' ends
  // only grow, the cycle breaches when its due lies before the end of the
  // last step in which the policy applied. The loop below, step by step,
  // gives the same answer at several times the cost.
  bool steady = !relative;
  if (steady && target.case_slots != 0) {
    for (auto k = k0 + 1; k <= k1 && steady; ++k) {
      steady = (timeline_.changed(k) & target.case_slots) == 0;
    }
  }
  if (steady) {
    last = choice_in(k0);
    value_case = memo_case;
    if (last.has_due) {
      breached = last.due < (last_active < k1 ? timeline_.start(last_active + 1) : end);
    }
  }
  for (auto k = k0; k <= k1 && !steady; ++k) {
    // Every step, so that the memo above follows each change of fields.
    const auto here = choice_in(k);
    if (active_[k] == 0) continue;
    last = here;
    value_case = memo_case;
    if (!here.has_due) continue;
    // The part of the life in this step ends at `hi`: the next step, the
    // stop, or `now`. An instant of it lies after the due when the due is
    // before `hi` (a cycle that stops where it starts has only that instant).
    const auto hi = k < k1 ? timeline_.start(k + 1) : end;
    if (here.due < hi) {
      breached = true;
      break;
    }
  }
  // Flags and values rather than optionals made here and copied into `r`
  // (a stall: docs/architecture.md, Decisions); `r`'s are written in place.
  const bool has_due = last.has_due;
  const bool has_target = last.has_value;
  const bool is_breached = breached && has_due;

  // Every member is set: `r` may hold an earlier ticket's cycle.
  r.policy = policy_.name;
  r.metric = target.metric;
  r.cycle = number;
  r.team = policy_.is_sla ? std::string_view{} : c.team;
  r.start = s;
  r.stop = c.stop;
  has_due ? void(r.due = last.due) : r.due.reset();
  r.breached_at.reset();
  r.cancelled_at.reset();
  has_target ? void(r.target = last.value) : r.target.reset();
  r.remaining = r.overdue = r.overdue_calendar = Seconds{0};
  r.pauses.clear();
  if (is_breached) {
    r.state = TargetState::breached;
    r.breached_at = last.due;
  } else if (active_[k1] == 0) {
    r.state = TargetState::cancelled;
    auto j = k1;
    while (j > k0 && active_[j - 1] == 0) --j;
    r.cancelled_at = timeline_.start(j);
  } else if (stopped) {
    r.state = TargetState::met;
  } else {
    r.state = clock.paused(k1) ? TargetState::paused : TargetState::running;
  }

  const auto counted_end = carry + counted_over(clock, c, now);
  r.business_elapsed = counted_end;
  r.calendar_elapsed = end - s;
  if (r.state == TargetState::running || r.state == TargetState::paused) {
    if (relative && has_due) {
      r.remaining = last.due > now ? clock.business(now, last.due) : Seconds{0};
    } else if (has_target) {
      r.remaining = std::max(Seconds{0}, last.value - counted_end);
    }
  }
  if (is_breached) {
    // Counted from the due that passed to the end: the search for the due
    // usually knew the counted time there, which spares a calendar look-up.
    const auto upto_end = clock.upto_step(k0) + (counted_end - carry);
    r.overdue =
        upto_end - (last.has_due_counted ? last.due_counted : clock.upto(std::max(s, last.due)));
    r.overdue_calendar = end - last.due;
  }

  // Pauses within the life: runs of paused steps.
  if (!relative && clock.pauses()) {
    for (auto k = k0; k <= k1; ++k) {
      if (!clock.paused(k)) continue;
      const auto from = std::max(s, timeline_.start(k));
      // It ends at the next step, or at the stop; a pause of the last step
      // of a running cycle has no end yet. (Written field by field, not
      // copied: a stall, docs/architecture.md, Decisions.)
      const bool lasts = k == k1 && !stopped;
      const Instant to = k < k1 ? timeline_.start(k + 1) : end;
      if (!r.pauses.empty() && r.pauses.back().end == from) {
        auto& until = r.pauses.back().end;
        lasts ? until.reset() : void(until = to);
      } else if (lasts || from < to) {
        auto& p = r.pauses.emplace_back();
        p.begin = from;
        if (!lasts) p.end = to;
      }
    }
  }

  // Warnings and escalations: shares of the target in force (at the breach,
  // for a breached cycle), rounded up to whole seconds, or that target less
  // (never less than nothing) or plus an offset of the same business time.
  // A breached cycle counts on, so the latter can be reached after the
  // breach.
  const std::optional<Instant>& limit = r.state == TargetState::cancelled ? r.cancelled_at : c.stop;
  r.thresholds.resize(policy_.thresholds.size());
  for (std::size_t i = 0; i < policy_.thresholds.size(); ++i) {
    const auto& t = policy_.thresholds[i];
    auto& th = r.thresholds[i];
    th.form = t.form;
    th.percent = t.percent;
    th.offset = t.offset;
    th.escalation = t.escalation;
    th.to_kind = t.to_kind;
    th.to = t.to;
    th.at.reset();
    th.fired = false;
    if (has_target) {
      const Seconds share =
          t.form == ThresholdForm::percent ? Seconds{(last.value.count() * t.percent + 99) / 100}
          : t.form == ThresholdForm::before_due ? std::max(Seconds{0}, last.value - t.offset)
                                                : last.value + t.offset;
      // (100% exactly: with a target of zero every share is the whole of
      // it, yet 50% of nothing is reached when the cycle starts.)
      const bool at_due =
          t.form == ThresholdForm::percent ? t.percent == 100 : t.offset == Seconds{0};
      if (at_due) {
        // At the target in full (100%, 0m before or after): the due itself,
        // found above. For a target before a field, counting would stop at
        // the close before a due that lies in closed hours (review 19 F2).
        if (has_due) th.at = last.due;
      } else if (!c.stop || share <= counted_end) {
        // (A stopped cycle that counted less never got there: no search.)
        auto at = Clock::kNever;
        try {
          at = clock.reach_from_step(k0, relative ? Seconds{0} : carry, share, k1);
        } catch (const RangeError&) {
          // At most the target lies at or before the due, which is in
          // range. Past the due by an offset, an instant past the supported
          // range is never reached (next_due answers no breach past it
          // either), rather than failing the ticket for one escalation level.
          if (t.form != ThresholdForm::after_due) throw;
        }
        if (at != Clock::kNever) th.at = at;
      }
      // Reached at the very instant the cycle stops: it has fired, as for
      // a pause that begins there (a host that polled then saw it fire).
      if (th.at && limit && *th.at > *limit) th.at.reset();
      th.fired = th.at && *th.at <= now;
    }
  }
  return true;
}

}  // namespace slakit::detail
