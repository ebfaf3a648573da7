#include "cycles.hpp"

namespace slakit::detail {

bool matches(const std::vector<EventMatch>& list, const EventRecord& r) {
  for (const auto& m : list) {
    bool hit = false;
    switch (m.kind) {
      // What solves, reopens or closes the ticket, whichever event did it.
      case EventKind::solved:
        hit = r.solves;
        break;
      case EventKind::reopened:
        hit = r.reopens;
        break;
      case EventKind::closed:
        hit = r.closes;
        break;
      // The ticket's creation, not an explicit `created` event (ignored).
      case EventKind::created:
        hit = r.event == nullptr;
        break;
      case EventKind::assigned:
        hit = r.event != nullptr && r.kind() == EventKind::assigned &&
              (m.team.empty() || r.event->team == m.team);
        break;
      default:
        hit = r.event != nullptr && r.kind() == m.kind;
    }
    if (hit) return true;
  }
  return false;
}

namespace {

// Adds cycles as the events start and stop them; at most one runs at a time.
class Cycles {
 public:
  explicit Cycles(std::vector<Cycle>& out) : out_(out) { out_.clear(); }
  [[nodiscard]] bool open() const { return open_; }
  void start(const EventRecord& r, std::string_view team = {}, bool continues = false) {
    if (open_) return;
    out_.push_back({.start = r.at, .continues = continues, .team = team, .started_by = &r});
    open_ = true;
  }
  void stop(const EventRecord& r) {
    if (!open_) return;
    out_.back().stop = r.at;
    out_.back().stopped_by = &r;
    open_ = false;
  }

 private:
  std::vector<Cycle>& out_;
  bool open_ = false;
};

}  // namespace

void derive_cycles(const PolicyPlan& policy, const TargetPlan& target, const Timeline& timeline,
                   std::vector<Cycle>& out) {
  Cycles cycles{out};
  const auto& records = timeline.events();
  // One loop per metric rather than a switch per event: this runs for every
  // target of every applying policy.
  // `solved`: the ticket is solved before the record; `replied`: a public
  // agent reply came before it.
  bool solved = timeline.initially_solved();
  const auto follow = [&solved](const EventRecord& r) {
    if (r.solves) solved = true;
    if (r.reopens) solved = false;
  };
  switch (target.metric) {
    case Metric::first_response:
      for (const auto& r : records) {
        // Started at creation only, so it never restarts.
        if (r.event == nullptr && !solved) cycles.start(r);
        if (r.public_reply || r.solves) cycles.stop(r);
        follow(r);
      }
      break;
    case Metric::next_response: {
      bool replied = false;
      for (const auto& r : records) {
        if (r.public_reply || r.solves) cycles.stop(r);
        if (r.customer_message && replied && !solved) cycles.start(r);
        follow(r);
        if (r.public_reply) replied = true;
      }
      break;
    }
    case Metric::periodic_update:
      for (const auto& r : records) {
        if (r.public_reply || r.solves) cycles.stop(r);
        if (r.public_reply && !solved) cycles.start(r);
        follow(r);
      }
      break;
    case Metric::resolution:
      for (const auto& r : records) {
        if (r.solves) cycles.stop(r);
        if (r.event == nullptr && !solved) cycles.start(r);
        if (r.reopens) cycles.start(r, {}, !target.restart_on_reopen);
        follow(r);
      }
      break;
    case Metric::target: {
      static const std::vector<EventMatch> kCreation{{EventKind::created, {}}};
      static const std::vector<EventMatch> kSolved{{EventKind::solved, {}}};
      const auto& start_on = policy.start_on.empty() ? kCreation : policy.start_on;
      const auto& stop_on = policy.stop_on.empty() ? kSolved : policy.stop_on;
      for (const auto& r : records) {
        if (cycles.open() && matches(stop_on, r)) cycles.stop(r);
        if (!cycles.open() && matches(start_on, r)) {
          const bool to_team = r.kind() == EventKind::assigned && !r.event->team.empty();
          cycles.start(r, to_team ? std::string_view{r.event->team} : timeline.team(r.step));
        }
      }
      break;
    }
  }
}

}  // namespace slakit::detail
