// The entries of a decision table seen as sets of tickets ("boxes"), for the
// lints of first-match lists: the routes of a `first` or `scored` group
// (routing_lint.cpp), the SLA policies and a target's cases
// (policy_selection_lint.cpp). One coverage check for all of them.
//
// An entry's box admits, per column of the table, the classes whose bit set
// holds it; its matches lie inside the box, and fill it exactly when the
// table decides the entry alone (DecisionTable::exact). So an entry whose
// box is empty holds for no ticket, and an entry whose box the boxes of
// earlier exact entries cover is never reached.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decision_table.hpp"
#include "field_slots.hpp"
#include "slakit/lang/source.hpp"

namespace slakit::detail {

// A set of tickets: per column of a table, the classes it admits, as bits
// (the fields no column reads are free).
struct Box {
  std::vector<std::uint64_t> bits;  // column c's classes: words [at[c], at[c + 1])
};

// The lints are not proofs: an analysis stops, warning about nothing more,
// after this many word operations (a few tens of milliseconds), so that
// compiling a very large rule set stays fast.
inline constexpr std::size_t kCoverageBudget = std::size_t{30} << 20;

/// Operations on the boxes of one table, each counted against a budget.
class Boxes {
 public:
  explicit Boxes(const DecisionTable& table);

  [[nodiscard]] bool spent() const { return used_ > kCoverageBudget; }
  [[nodiscard]] std::size_t used() const { return used_; }
  [[nodiscard]] std::size_t words() const { return at_.back(); }
  [[nodiscard]] bool empty(const Box& b) const;
  [[nodiscard]] bool intersect(const Box& a, const Box& b);
  [[nodiscard]] bool contains(const Box& outer, const Box& inner);
  /// `boxes` minus `cut`, as disjoint boxes. False when the result would
  /// hold too many boxes to go on.
  bool subtract(std::vector<Box>& boxes, const Box& cut);
  [[nodiscard]] bool any(const Box& b, std::size_t c) const;
  /// The first class column c admits.
  [[nodiscard]] std::size_t first(const Box& b, std::size_t c) const;

 private:
  std::vector<std::size_t> at_;
  std::size_t used_ = 0;
};

/// Every entry of a table as a box, built once.
class TableCoverage {
 public:
  /// `entries` is the number of conditions the table was built over.
  TableCoverage(const DecisionTable& table, const FieldLayout& layout, std::size_t entries);

  /// Its boxes would take too much memory (over 16 MiB): nothing is analysed.
  [[nodiscard]] bool too_big() const { return too_big_; }
  /// Every ticket whose values some field has (a class with no value, or
  /// NaN, left out).
  [[nodiscard]] const Box& valid() const { return valid_; }
  [[nodiscard]] const Box& box(std::size_t i) const { return boxes_[i]; }
  /// The table decides entry i exactly, and it can hold: its box is its matches.
  [[nodiscard]] bool exact(std::size_t i) const { return table_.exact(i) && table_.possible(i); }

  /// Why entry i holds for no ticket ("its condition is false for every
  /// ticket", "no value of F satisfies its condition"), or nothing when some
  /// ticket may satisfy it.
  [[nodiscard]] std::optional<std::string> never_holds(std::size_t i) const;
  /// The earlier entries, each decided exactly, that together match every
  /// ticket entry i does: one alone when one does, else each that takes a
  /// share. Empty when they do not, or when the budget is spent.
  [[nodiscard]] std::vector<std::size_t> covering(std::size_t i);
  [[nodiscard]] bool spent() const { return ops_.spent(); }
  /// Word operations spent so far, for lints that share one budget among
  /// many tables.
  [[nodiscard]] std::size_t used() const { return ops_.used(); }

 private:
  const DecisionTable& table_;
  const FieldLayout& layout_;
  Boxes ops_;
  Box valid_;
  std::vector<Box> boxes_;          // per entry
  std::vector<std::size_t> exact_;  // the entries exact() holds for, ascending
  bool too_big_ = false;
};

/// "file:line:col" of a span, for a lint's message naming an earlier entry.
[[nodiscard]] std::string where(const SourceMap& sources, SourceSpan span);

}  // namespace slakit::detail
