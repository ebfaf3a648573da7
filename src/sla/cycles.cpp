#include "cycles.hpp"

#include <cstdint>

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

// matches() as bit tests: what a record is (its event's kind, and what it
// did to the ticket) as bits, and a list as the bits it accepts. Only
// `assigned to team X` needs a look at the record's event. This runs for
// every record against the start and stop lists of every `target`.
constexpr std::uint32_t kind_bit(EventKind k) {
  return std::uint32_t{1} << static_cast<unsigned>(k);
}
constexpr std::uint32_t kSolvesBit = 1u << 16, kReopensBit = 1u << 17, kClosesBit = 1u << 18,
                        kCreationBit = 1u << 19;

std::uint32_t record_bits(const EventRecord& r) {
  return (r.event != nullptr ? kind_bit(r.event->kind) : kCreationBit) |
         (r.solves ? kSolvesBit : 0) | (r.reopens ? kReopensBit : 0) | (r.closes ? kClosesBit : 0);
}

class MatchBits {
 public:
  explicit MatchBits(const std::vector<EventMatch>& list) : list_(list) {
    for (const auto& m : list) {
      switch (m.kind) {
        case EventKind::solved:
          bits_ |= kSolvesBit;
          break;
        case EventKind::reopened:
          bits_ |= kReopensBit;
          break;
        case EventKind::closed:
          bits_ |= kClosesBit;
          break;
        case EventKind::created:
          bits_ |= kCreationBit;
          break;
        case EventKind::assigned:
          if (m.team.empty()) {
            bits_ |= kind_bit(EventKind::assigned);
          } else {
            to_team_ = true;
          }
          break;
        default:
          bits_ |= kind_bit(m.kind);
      }
    }
  }
  /// matches(list, r), given record_bits(r).
  [[nodiscard]] bool operator()(const EventRecord& r, std::uint32_t bits) const {
    if ((bits & bits_) != 0) return true;
    return to_team_ && (bits & kind_bit(EventKind::assigned)) != 0 && matches(list_, r);
  }

 private:
  const std::vector<EventMatch>& list_;
  std::uint32_t bits_ = 0;
  bool to_team_ = false;  // some entry is `assigned to team X`
};

// Adds cycles as the events start and stop them; at most one runs at a time.
class Cycles {
 public:
  explicit Cycles(std::vector<Cycle>& out) : out_(out) { out_.clear(); }
  [[nodiscard]] bool open() const { return open_; }
  void start(const EventRecord& r, std::string_view team = {}, bool continues = false) {
    if (open_) return;
    // Written in place, not made on the stack and copied (a stall on every
    // cycle: docs/architecture.md, Decisions).
    Cycle& c = out_.emplace_back();
    c.start = r.at;
    c.continues = continues;
    c.team = team;
    c.started_by = &r;
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
        // Started at creation only (the first record), so it never
        // restarts: nothing after its stop, or after a creation that did
        // not start it, can change it.
        if (r.event == nullptr && !solved) cycles.start(r);
        if (!cycles.open()) break;
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
      const MatchBits start_on{policy.start_on.empty() ? kCreation : policy.start_on};
      const MatchBits stop_on{policy.stop_on.empty() ? kSolved : policy.stop_on};
      for (const auto& r : records) {
        const auto bits = record_bits(r);
        if (cycles.open() && stop_on(r, bits)) cycles.stop(r);
        if (!cycles.open() && start_on(r, bits)) {
          const bool to_team = r.kind() == EventKind::assigned && !r.event->team.empty();
          cycles.start(r, to_team ? std::string_view{r.event->team} : timeline.team(r.step));
        }
      }
      break;
    }
  }
}

}  // namespace slakit::detail
