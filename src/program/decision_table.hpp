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

#include <algorithm>
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
    Rows rows(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const auto& col = columns_[c];
      rows[c] = col.rows.data() + col.class_of(values[col.slot]) * words_;
    }
    scan(rows.data(), values, f);
  }

  // Batches of tickets as columns (route_columns) classify each distinct
  // value of a column once, then give each row its classes.

  /// The class of a value of column c.
  [[nodiscard]] std::size_t class_of(std::size_t c, const SlotValue& v) const {
    return columns_[c].class_of(v);
  }
  /// The class of a number (not NaN) in column c, a column of a number
  /// field: class_of without building a SlotValue, for a batch's loop.
  [[nodiscard]] std::size_t number_class(std::size_t c, double x) const {
    return class_among(columns_[c].numbers, x);
  }
  /// Some condition has a part the columns do not decide, which for_each
  /// tries on the ticket's values: for_each_class cannot answer alone.
  [[nodiscard]] bool rechecks() const noexcept {
    return std::find(recheck_.begin(), recheck_.end(), std::uint8_t{1}) != recheck_.end();
  }
  /// for_each with each column's class given (`classes[c]`), for a table
  /// that rechecks nothing.
  template <class F>
  void for_each_class(const std::uint32_t* classes, F&& f) const {
    const std::size_t n = columns_.size();
    const Column* columns = columns_.data();
    Rows rows(n);
    for (std::size_t c = 0; c < n; ++c) rows[c] = columns[c].rows.data() + classes[c] * words_;
    scan(rows.data(), {}, f);
  }

 private:
  // Per column, the bit set of the ticket's class: inline for the tables
  // routes make (a column per field read).
  class Rows {
   public:
    explicit Rows(std::size_t n) {
      if (n > kInline) more_.resize(n);
    }
    const std::uint64_t*& operator[](std::size_t c) {
      return more_.empty() ? inline_[c] : more_[c];
    }
    const std::uint64_t** data() { return more_.empty() ? inline_.data() : more_.data(); }

   private:
    static constexpr std::size_t kInline = 16;
    std::array<const std::uint64_t*, kInline> inline_;  // set before read
    std::vector<const std::uint64_t*> more_;
  };

  // The AND of the columns' bit sets, four words at a time (four
  // independent chains of ANDs), each candidate tried in full when a part of
  // it is not decided by the columns.
  template <class F>
  void scan(const std::uint64_t** rows, std::span<const SlotValue> values, F& f) const {
    const std::size_t ncols = columns_.size();
    const std::uint64_t* base = base_.data();
    auto matches = [&](std::size_t w, std::uint64_t bits) {
      while (bits != 0) {
        const auto i = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        bits &= bits - 1;
        if (recheck_[i] != 0 && !(*conditions_[i])(values)) continue;
        if (!f(i)) return false;
      }
      return true;
    };
    std::size_t w = 0;
    for (; w + 4 <= words_; w += 4) {
      std::uint64_t b0 = base[w], b1 = base[w + 1], b2 = base[w + 2], b3 = base[w + 3];
      for (std::size_t c = 0; c < ncols; ++c) {
        const std::uint64_t* r = rows[c] + w;
        b0 &= r[0];
        b1 &= r[1];
        b2 &= r[2];
        b3 &= r[3];
      }
      if ((b0 | b1 | b2 | b3) == 0) continue;
      if (!matches(w, b0) || !matches(w + 1, b1) || !matches(w + 2, b2) || !matches(w + 3, b3)) {
        return;
      }
    }
    for (; w < words_; ++w) {
      auto bits = base[w];
      for (std::size_t c = 0; c < ncols; ++c) bits &= rows[c][w];
      if (!matches(w, bits)) return;
    }
  }

  // 2 + 2i below literal i (above them all when i is their count), 3 + 2i
  // at it.
  template <class T>
  [[nodiscard]] static std::size_t class_among(const std::vector<T>& literals, T x) {
    const auto it = std::lower_bound(literals.begin(), literals.end(), x);
    const auto i = static_cast<std::size_t>(it - literals.begin());
    return 2 + 2 * i + (it != literals.end() && *it == x ? 1 : 0);
  }

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
