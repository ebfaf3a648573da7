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
  // A running cycle's due is `now` or later: it breaches once it has passed.
  if (c.due && *c.due >= now && better(*c.due)) best = NextDue{*c.due, &c, nullptr};
}

}  // namespace

std::optional<NextDue> next_due(const Evaluation& e) {
  std::optional<NextDue> best;
  for (const auto& c : e.targets) consider(c, e.now, best);
  for (const auto& c : e.olas) consider(c, e.now, best);
  return best;
}

}  // namespace slakit
