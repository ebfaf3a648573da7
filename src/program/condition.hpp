// Compiled conditions: one compiler for every engine (SLA selection, pauses,
// target values; routes). A checked Expr becomes a flat array of nodes over
// field slots; evaluating one compares integers and doubles, never strings,
// and looks nothing up by name. Each node keeps the Expr it came from, so a
// failed condition can say which part failed and with what value.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "field_slots.hpp"
#include "slakit/lang/ast.hpp"

namespace slakit::detail {

struct ConditionNode {
  enum class Op : std::uint8_t {
    constant,            ///< `value`
    is_true,             ///< a bool field alone
    has_value,           ///< field != none
    code_eq,             ///< text or one of == a literal (by code)
    code_in,             ///< text or one of equals one of codes_[first, first + count), ascending
    number_in,           ///< number equals one of numbers_[first, first + count), ascending
    integer_in,          ///< bool, time, date or duration: one of integers_[first, ...)
    number_cmp,          ///< number field `cmp` literal
    integer_cmp,         ///< bool, time, date or duration field `cmp` literal
    text_fields_eq,      ///< text or one of field == another
    number_fields_cmp,   ///< number field `cmp` another
    integer_fields_cmp,  ///< bool, time, date or duration field `cmp` another
    all,                 ///< and: every child
    any,                 ///< or: some child
    negate,              ///< not: the one child
  };
  Op op = Op::constant;
  CompareOp cmp = CompareOp::eq;  ///< eq, lt, le, gt or ge (ne and not in are negations)
  bool value = false;
  Slot slot = 0, other = 0;
  std::int32_t code = 0;
  std::int64_t integer = 0;
  double number = 0;
  std::uint32_t first = 0, count = 0;  ///< children: children_[first, first + count)
  /// A set (code_in...) folded from `or` terms (`f == a or f == b`): how
  /// many terms, `source` being the first of them; 0 for an `in` list.
  std::uint32_t terms = 0;
  const Expr* source = nullptr;  ///< for explanations; owned by the RuleSet
};

/// Appends the paths of the fields a condition names to `out` (for the
/// field layout of a program: which fields tickets must fill).
void fields_of(const Expr& e, std::vector<std::string>& out);

/// One compiled condition. Nodes refer to the Expr they came from, which must
/// outlive it (the RuleSet keeps both).
class Condition {
 public:
  Condition() = default;
  /// Compiles a checked condition, interning its text literals into `layout`
  /// and marking the slots it reads.
  Condition(const Expr& e, FieldLayout& layout);

  [[nodiscard]] bool operator()(std::span<const SlotValue> values) const {
    return eval(root_, values);
  }
  [[nodiscard]] bool empty() const noexcept { return nodes_.empty(); }

  /// Every value a leaf compares a slot with, as the slot would hold it,
  /// and none for a slot a leaf tests only for a value (for lints that try
  /// the values that make a difference). False when a leaf compares two
  /// fields: then no set of values beside the literals tells every outcome.
  [[nodiscard]] bool literals(std::vector<std::pair<Slot, SlotValue>>& out) const;

  /// One part of the condition's top-level `and` (nested `and`s flattened;
  /// the whole condition when its root is not an `and`). A part that reads
  /// one slot and compares it with literals only holds or fails alike for
  /// every value between two of its literals: indexes tabulate it per value
  /// class (decision_table.hpp).
  struct Part {
    std::uint32_t node = 0;
    std::vector<Slot> slots{};          ///< the slots it reads, ascending, without repeats
    bool compares_fields = false;       ///< a leaf compares two fields
    std::vector<SlotValue> literals{};  ///< the values its leaves compare with
  };
  [[nodiscard]] std::vector<Part> parts() const;
  /// Whether part `p` holds for these values.
  [[nodiscard]] bool holds(const Part& p, std::span<const SlotValue> values) const {
    return eval(p.node, values);
  }

  /// The slots the condition reads, as bits (slot % 64): a step whose
  /// changes miss them all cannot change its answer.
  [[nodiscard]] std::uint64_t slot_mask() const noexcept;
  [[nodiscard]] const Expr* source() const noexcept {
    return nodes_.empty() ? nullptr : nodes_[root_].source;
  }

  /// Why the condition is false for these values: its first failing part,
  /// with the values it saw ("ticket.priority == urgent is false:
  /// ticket.priority is high"). Empty when it holds.
  [[nodiscard]] std::string why_false(std::span<const SlotValue> values,
                                      const FieldLayout& layout) const;

 private:
  std::uint32_t compile(const Expr& e, FieldLayout& layout);
  std::uint32_t compile_or(const Expr& e, FieldLayout& layout);
  /// A code_in, number_in or integer_in node (by the slot's type) over
  /// these values.
  std::uint32_t add_in(Slot slot, const std::vector<const Literal*>& values, const Expr* source,
                       std::uint32_t terms, FieldLayout& layout);
  /// Value k of a set node, as the slot would hold it.
  [[nodiscard]] SlotValue member(const ConditionNode& n, std::uint32_t k) const;
  std::uint32_t add(ConditionNode n, std::initializer_list<std::uint32_t> children = {});
  std::uint32_t add(ConditionNode n, const std::vector<std::uint32_t>& children);
  [[nodiscard]] bool eval(std::uint32_t i, std::span<const SlotValue> values) const;
  [[nodiscard]] std::string explain(std::uint32_t i, std::span<const SlotValue> values,
                                    const FieldLayout& layout) const;

  std::vector<ConditionNode> nodes_;
  std::vector<std::uint32_t> children_;
  std::vector<std::int32_t> codes_;     ///< code_in nodes' codes
  std::vector<double> numbers_;         ///< number_in nodes' numbers
  std::vector<std::int64_t> integers_;  ///< integer_in nodes' integers
  std::uint32_t root_ = 0;
};

}  // namespace slakit::detail
