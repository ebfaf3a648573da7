// next_due(): the earliest pending instant of an evaluation (docs/sla.md,
// "What falls due next").
#include "slakit/sla/evaluation.hpp"

namespace slakit {
namespace {

void consider(const TargetCycle& c, Instant now, std::optional<NextDue>& best) {
  // A paused cycle changes only when an event resumes it; a met, breached
  // or cancelled one no more.
  if (c.state != TargetState::running) return;
  const auto better = [&](Instant at) { return !best || at < best->at; };
  // A threshold not fired lies after `now`: it fires at its instant.
  for (const auto& t : c.thresholds) {
    if (!t.fired && t.at && *t.at > now && better(*t.at)) best = NextDue{*t.at, &c, &t};
  }
  // A running cycle breaches at the first instant after its due: that is
  // when evaluating again shows something new. (Answering the due itself
  // would answer `now` at the due, and a host that waits for it would wait
  // forever.)
  if (c.due && *c.due >= now) {
    const auto breach = *c.due + Seconds{1};
    if (better(breach)) best = NextDue{breach, &c, nullptr};
  }
}

}  // namespace

std::optional<NextDue> next_due(const Evaluation& e) {
  std::optional<NextDue> best;
  for (const auto& c : e.targets) consider(c, e.now, best);
  for (const auto& c : e.olas) consider(c, e.now, best);
  return best;
}

}  // namespace slakit
