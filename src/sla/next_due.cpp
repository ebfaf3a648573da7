// next_due(): the earliest pending instant of an evaluation (docs/sla.md,
// "What falls due next").
#include "slakit/error.hpp"
#include "slakit/sla/evaluation.hpp"
#include "support/json_writer.hpp"

namespace slakit {
namespace {

void consider(const TargetCycle& c, bool ola, Instant now, std::optional<NextDue>& best) {
  // A paused cycle changes only when an event resumes it; a met or
  // cancelled one no more. A breached one that still runs counts on towards
  // its thresholds after the due (a stopped or paused one has none ahead:
  // their `at` is empty).
  if (c.state != TargetState::running && c.state != TargetState::breached) return;
  const auto better = [&](Instant at) { return !best || at < best->at; };
  // A threshold not fired lies after `now`: it fires at its instant.
  for (const auto& t : c.thresholds) {
    if (!t.fired && t.at && *t.at > now && better(*t.at)) best = NextDue{*t.at, &c, &t, ola};
  }
  if (c.state == TargetState::breached) return;
  // A running cycle breaches at the first instant after its due: that is
  // when evaluating again shows something new. (Answering the due itself
  // would answer `now` at the due, and a host that waits for it would wait
  // forever.)
  // A breach past the supported range (a due in the last second of 2100)
  // is no instant a host could evaluate at: not answered.
  if (c.due && *c.due >= now) {
    const auto breach = *c.due + Seconds{1};
    if (breach < kSupportedEnd && better(breach)) best = NextDue{breach, &c, nullptr, ola};
  }
}

}  // namespace

std::optional<NextDue> next_due(const Evaluation& e) {
  std::optional<NextDue> best;
  for (const auto& c : e.targets) consider(c, false, e.now, best);
  for (const auto& c : e.olas) consider(c, true, e.now, best);
  return best;
}

std::string to_json(const NextDue& next) {
  if (next.cycle == nullptr) throw InvalidArgument("to_json: a NextDue without a cycle");
  detail::JsonWriter w{true};
  w.begin_object();
  w.key("at"), w.instant(next.at);
  w.key("kind"), w.value(next.ola ? "ola" : "sla");  // as Python's frames say it
  const auto& c = *next.cycle;
  w.key("policy"), w.value(c.policy);
  w.key("metric"), w.value(metric_name(c.metric));
  w.key("cycle"), w.value(c.cycle);
  w.key("team");
  next.ola && !c.team.empty() ? w.value(c.team) : w.null();
  w.key("threshold");
  if (const auto* t = next.threshold) {
    // Named as `slakit eval` names a warning's or escalation's members.
    w.begin_object();
    switch (t->form) {
      case ThresholdForm::percent:
        w.key("percent"), w.value(t->percent);
        break;
      case ThresholdForm::before_due:
        w.key("before_due"), w.value(t->offset.count());
        break;
      case ThresholdForm::after_due:
        w.key("after_due"), w.value(t->offset.count());
        break;
    }
    w.key("escalation"), w.value(t->escalation);
    if (t->escalation) {
      w.key("to_kind"), w.value(t->to_kind);
      w.key("to"), w.value(t->to);
    }
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
  return w.take();
}

}  // namespace slakit
