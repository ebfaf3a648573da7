// The counts and examples `slakit diff` prints (docs/cli.md, "slakit diff"):
// each thread sums up its own tickets, and the sums merge at the end, so
// memory depends on the number of policies and queues, never on tickets.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diff_compare.hpp"

namespace slakit::cli {

/// Tickets per kind of change (each ticket counted once per kind).
using KindCounts = std::array<std::uint64_t, kChangeKinds>;

/// The tickets of one policy or queue (as the old rules give it).
struct DiffGroup {
  std::uint64_t tickets = 0, changed = 0;
  KindCounts kinds{};
};

/// Target cycles (SLA and OLA) by their state at now, under one rule set.
struct CycleStates {
  std::array<std::uint64_t, 5> by_state{};  ///< indexed by TargetState
  [[nodiscard]] std::uint64_t of(TargetState s) const {
    return by_state[static_cast<std::size_t>(s)];
  }
};

/// A ticket that changed, for the examples of a kind.
struct DiffExample {
  std::size_t line = 0;
  std::string id;
  Change change;
};

class DiffSummary {
 public:
  /// Keeps the first `examples` tickets of each kind (by line).
  explicit DiffSummary(std::size_t per_kind) : examples_per_kind(per_kind) {}

  /// Counts the ticket on `line` with the changes and the breach shift
  /// compare() found.
  void add(std::size_t line, const std::string& id, const DiffSide& old_side,
           const DiffSide& new_side, const std::vector<Change>& changes, BreachShift shift);
  /// Adds the counts of another thread's summary.
  void merge(const DiffSummary& other);

  std::size_t examples_per_kind;
  std::uint64_t compared = 0;    ///< tickets read and compared
  std::uint64_t changed = 0;     ///< of which with any change
  std::uint64_t unreadable = 0;  ///< lines neither rule set could read or evaluate
  KindCounts kinds{};
  /// Tickets with a cycle breached under the new rules only, and under the old only.
  std::uint64_t newly_breached = 0, no_longer_breached = 0;
  /// The cycles of the tickets each rule set evaluated, by state: old, new.
  CycleStates old_cycles, new_cycles;
  std::map<std::string, DiffGroup, std::less<>> by_policy, by_queue;
  /// Tickets whose SLA (queue) differs, by (old, new).
  std::map<std::pair<std::string, std::string>, std::uint64_t> policy_moves, queue_moves;
  std::array<std::vector<DiffExample>, kChangeKinds> examples;
};

/// The summary as text for a CI log, or as one JSON object (docs/cli.md).
[[nodiscard]] std::string diff_text(const DiffSummary& s);
[[nodiscard]] std::string diff_json(const DiffSummary& s);

}  // namespace slakit::cli
