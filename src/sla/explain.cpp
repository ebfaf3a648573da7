// explain(): the evaluation again, with the reasons the engine's passes had.
#include "slakit/sla/explain.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "evaluate_state.hpp"
#include "lang/format/expr_text.hpp"
#include "program/rule_set_impl.hpp"
#include "slakit/time/civil.hpp"

namespace slakit {
namespace {

using namespace std::chrono;
using detail::EventRecord;
using detail::PolicyPlan;
using detail::TargetPlan;

constexpr std::size_t kMostSpans = 200;

std::string describe(const EventRecord* r) {
  if (r == nullptr) return {};
  if (r->event == nullptr) return "the ticket's creation";
  const auto& e = *r->event;
  std::string detail;
  switch (e.kind) {
    case EventKind::agent_replied:
      if (!e.is_public) detail = " (internal note)";
      break;
    case EventKind::status_changed:
      detail = fmt::format(" (to {})", e.to);
      break;
    case EventKind::field_changed:
      detail = fmt::format(" ({})", e.field);
      break;
    case EventKind::assigned:
      detail = e.team.empty()    ? fmt::format(" (agent {})", e.agent)
               : e.agent.empty() ? fmt::format(" (team {})", e.team)
                                 : fmt::format(" (team {}, agent {})", e.team, e.agent);
      break;
    default:
      break;
  }
  return fmt::format("{}{} at {}", event_kind_name(e.kind), detail, format_utc(e.at));
}

std::string condition_text(const std::optional<detail::Condition>& c) {
  return c && c->source() != nullptr ? detail::expr_text(*c->source()) : std::string{};
}

// The value of the target the fields chose (case `chosen`), and why.
std::string value_reason(const TargetPlan& t, int chosen) {
  if (t.before) {
    const auto& b = *t.source->before;
    return b.margin == BusinessDuration{}
               ? fmt::format("before {}", b.field)
               : fmt::format("before {} - {}", b.field, detail::duration_text(b.margin));
  }
  if (chosen < 0) return "no value: no case holds";
  const auto& c = t.cases[static_cast<std::size_t>(chosen)];
  // "3 business days" says more than the business hours they came to.
  std::string out = c.value.business_days != 0 ? detail::duration_text(c.value) : "";
  const auto why =
      c.when ? "when " + condition_text(c.when) : (t.cases.size() > 1 ? "otherwise" : "");
  return out.empty() || why.empty() ? out + why : out + ", " + why;
}

// Open intervals of [from, to) minus the pauses.
std::vector<CountedSpan> counted_spans(const Calendar* cal, Instant from, Instant to,
                                       const std::vector<Pause>& pauses) {
  std::vector<CountedSpan> out;
  if (to <= from) return out;
  auto open = cal != nullptr ? cal->open_intervals(from, to) : std::vector<Interval>{{from, to}};
  for (auto iv : open) {
    // Cut each paused stretch out of the interval.
    std::vector<Interval> pieces{iv};
    for (const auto& p : pauses) {
      const auto pend = p.end.value_or(Instant::max());
      std::vector<Interval> next;
      for (const auto& piece : pieces) {
        if (pend <= piece.begin || p.begin >= piece.end) {
          next.push_back(piece);
          continue;
        }
        if (piece.begin < p.begin) next.push_back({piece.begin, p.begin});
        if (pend < piece.end) next.push_back({pend, piece.end});
      }
      pieces = std::move(next);
    }
    for (const auto& piece : pieces) {
      if (out.size() == kMostSpans) return out;
      out.push_back(
          {piece, cal != nullptr ? cal->elapsed(piece.begin, piece.end) : piece.length()});
    }
  }
  return out;
}

CycleExplanation explain_cycle(const TargetCycle& c, const detail::CycleTrace& trace,
                               const detail::Timeline& tl) {
  const auto& p = *trace.policy;
  const auto& t = *trace.target;
  const auto end = c.stop.value_or(tl.now());
  CycleExplanation x;
  x.started_by = describe(trace.cycle.started_by);
  x.stopped_by = describe(trace.cycle.stopped_by);
  x.value_reason = value_reason(t, trace.value_case);
  x.carried = trace.carried;
  const Calendar* cal = trace.calendar;
  if (cal != nullptr) x.zone = cal->zone();
  for (const auto& pause : c.pauses) x.pauses.push_back({pause, condition_text(p.pause)});

  // What counted: from the start to the due, or to the stop when it came first.
  auto to = c.due.value_or(end);
  if (c.state == TargetState::met || c.state == TargetState::cancelled) {
    to = std::min(to, c.cancelled_at.value_or(end));
  }
  x.counted = counted_spans(cal, c.start, to, t.before ? std::vector<Pause>{} : c.pauses);
  if (cal == nullptr || to <= c.start) return x;
  const auto& zone = cal->zone();
  const auto first = year_month_day{floor<days>(zone.to_local(c.start))};
  const auto last = year_month_day{floor<days>(zone.to_local(to))};
  for (int y = static_cast<int>(first.year()); y <= static_cast<int>(last.year()); ++y) {
    for (auto& h : cal->holidays(y)) {
      if (h.date >= first && h.date <= last) x.holidays.push_back(std::move(h));
    }
  }
  for (auto at = c.start; at < to;) {
    const auto span = zone.offset_span(at);
    if (span.end >= to || span.end == Instant::max()) break;
    const auto after = zone.offset(span.end);
    if (after != span.offset) x.dst.push_back({span.end, span.offset, after});
    at = span.end;
  }
  return x;
}

}  // namespace

Explanation explain(const RuleSet& rules, const Ticket& ticket, std::span<const TicketEvent> events,
                    Instant now) {
  const auto& program = detail::program_of(rules);
  detail::EvaluationState st;
  detail::Traces traces;
  Explanation x;
  detail::evaluate_into(program, ticket, events, now, st, x.evaluation, &traces);
  const auto& tl = st.timeline;
  const auto state = tl.state(tl.steps() - 1);

  auto check = [&](const PolicyPlan& p) {
    SelectionCheck c{.policy = p.name, .is_sla = p.is_sla, .condition = condition_text(p.applies)};
    c.applies = !p.applies || (*p.applies)(state);
    if (!c.applies) c.why_not = p.applies->why_false(state, program.layout);
    x.selection.push_back(std::move(c));
  };
  for (const auto& p : program.slas) {
    check(p);
    if (x.selection.back().applies) break;
  }
  for (const auto& p : program.olas) check(p);

  for (std::size_t i = 0; i < x.evaluation.targets.size(); ++i) {
    x.targets.push_back(explain_cycle(x.evaluation.targets[i], traces.targets[i], tl));
  }
  for (std::size_t i = 0; i < x.evaluation.olas.size(); ++i) {
    x.olas.push_back(explain_cycle(x.evaluation.olas[i], traces.olas[i], tl));
  }
  return x;
}

}  // namespace slakit
