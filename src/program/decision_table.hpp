// A list of conditions compiled into bit sets, so that finding the ones that
// hold for a ticket costs a few AND operations per 64 conditions instead of
// trying each (docs/routing.md, "Speed").
//
// Every condition is an `and` of parts (Condition::parts). A part that reads
// one slot and compares it with literals holds or fails alike for all values
// of a class: a missing value, each literal, the values between two
// literals (and, for numbers, NaN; for texts, any text no part names). Per
// such slot (a column) the table keeps, for each class, the bit set of the
// conditions whose parts on that slot all hold for it; a condition without
// a part on the slot has its bit in every class. A ticket's candidates are
// the AND of the bit sets of its values' classes. A candidate with a part
// the table cannot decide (two fields compared, an `or` across fields) is
// then tried in full. The answers are exactly those of trying every
// condition in order.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "condition.hpp"
#include "field_slots.hpp"

namespace slakit::detail {

class DecisionTable {
 public:
  DecisionTable() = default;
  /// `conditions[i]` is condition i, or nullptr for one that always holds.
  DecisionTable(const std::vector<const Condition*>& conditions, const FieldLayout& layout);

  /// The first condition that holds, or -1.
  [[nodiscard]] int first(std::span<const SlotValue> values) const {
    int found = -1;
    for_each(values, [&](std::size_t i) {
      found = static_cast<int>(i);
      return false;
    });
    return found;
  }

  // For lints (routing_lint.cpp): the table seen as boxes. Condition i's
  // box admits, per column, the classes whose bit set holds it; its
  // matches lie inside the box, and fill it exactly when it is `exact`.
  [[nodiscard]] std::size_t columns() const noexcept { return columns_.size(); }
  [[nodiscard]] Slot column_slot(std::size_t c) const { return columns_[c].slot; }
  [[nodiscard]] std::size_t classes(std::size_t c) const { return columns_[c].classes; }
  [[nodiscard]] bool admits(std::size_t c, std::size_t cls, std::size_t i) const {
    return (columns_[c].rows[cls * words_ + i / 64] >> (i % 64) & 1) != 0;
  }
  /// No part of condition i is left to try in full.
  [[nodiscard]] bool exact(std::size_t i) const { return recheck_[i] == 0; }
  /// No part of condition i that reads nothing is false.
  [[nodiscard]] bool possible(std::size_t i) const { return (base_[i / 64] >> (i % 64) & 1) != 0; }
  /// A value of class `cls` of column c for people to read: a round number
  /// between two literals rather than the next double. Empty for a class no
  /// value of the field has (an unnamed member of a `one of` field that
  /// names every member, an integer between adjacent ones) and for NaN.
  [[nodiscard]] std::optional<SlotValue> example(std::size_t c, std::size_t cls,
                                                 const FieldLayout& layout) const;

  /// Calls f(i) for each condition i that holds, in order, until f returns
  /// false.
  template <class F>
  void for_each(std::span<const SlotValue> values, F&& f) const {
    constexpr std::size_t kInline = 16;
    std::array<const std::uint64_t*, kInline> inline_rows{};
    std::vector<const std::uint64_t*> more;
    const std::uint64_t** rows = inline_rows.data();
    if (columns_.size() > kInline) {
      more.resize(columns_.size());
      rows = more.data();
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const auto& col = columns_[c];
      rows[c] = col.rows.data() + col.class_of(values[col.slot]) * words_;
    }
    for (std::size_t w = 0; w < words_; ++w) {
      auto bits = base_[w];
      for (std::size_t c = 0; c < columns_.size() && bits != 0; ++c) bits &= rows[c][w];
      while (bits != 0) {
        const auto i = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        bits &= bits - 1;
        if (recheck_[i] != 0 && !(*conditions_[i])(values)) continue;
        if (!f(i)) return;
      }
    }
  }

 private:
  enum class Kind : std::uint8_t { code, number, integer };
  struct Column {
    Slot slot = 0;
    Kind kind = Kind::code;
    std::vector<std::uint32_t> code_class;  ///< code: a text code's class (1 when absent)
    std::vector<std::int32_t> class_code;   ///< code: class 2 + j's text code
    std::vector<double> numbers;            ///< number: the literals, ascending
    std::vector<std::int64_t> integers;     ///< integer: likewise
    std::size_t classes = 0;
    std::vector<std::uint64_t> rows;  ///< class c's bit set: [c * words, (c + 1) * words)

    /// 0: no value; 1: NaN, or a text no part names; then the literals'
    /// classes (codes in order; for numbers below, at, between and above).
    [[nodiscard]] std::size_t class_of(const SlotValue& v) const;
    /// A value of class c, for trying parts on.
    [[nodiscard]] SlotValue representative(std::size_t c) const;
  };
  void build_column(Column& col, const std::vector<std::vector<Condition::Part>>& parts);

  std::size_t words_ = 0;
  std::vector<Column> columns_;
  std::vector<std::uint64_t> base_;    ///< conditions no constant part rules out
  std::vector<std::uint8_t> recheck_;  ///< per condition: a part the columns do not decide
  std::vector<const Condition*> conditions_;
};

}  // namespace slakit::detail
