#include "condition.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <utility>

namespace slakit::detail {

void fields_of(const Expr& e, std::vector<std::string>& out) {
  if (e.kind == Expr::Kind::field) out.push_back(e.field);
  for (const auto& o : e.operands) fields_of(o, out);
}
namespace {

using Op = ConditionNode::Op;

// `5 < x` reads as `x > 5`.
CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::lt:
      return CompareOp::gt;
    case CompareOp::le:
      return CompareOp::ge;
    case CompareOp::gt:
      return CompareOp::lt;
    case CompareOp::ge:
      return CompareOp::le;
    default:
      return op;
  }
}

template <class T>
bool compare(CompareOp op, T a, T b) {
  switch (op) {
    case CompareOp::lt:
      return a < b;
    case CompareOp::le:
      return a <= b;
    case CompareOp::gt:
      return a > b;
    case CompareOp::ge:
      return a >= b;
    default:
      return a == b;
  }
}

// The leaf that compares `field` with one literal (== or an order).
ConditionNode literal_leaf(Slot slot, CompareOp op, const Literal& l, FieldLayout& layout) {
  using namespace std::chrono;
  ConditionNode n;
  n.slot = slot;
  n.cmp = op;
  switch (layout.info(slot).type) {
    case FieldType::text:
    case FieldType::one_of:
      n.op = Op::code_eq;
      n.code = layout.intern(l.text);
      break;
    case FieldType::number:
      n.op = Op::number_cmp;
      n.number = l.number;
      break;
    case FieldType::boolean:
      n.op = Op::integer_cmp;
      n.integer = l.boolean ? 1 : 0;
      break;
    case FieldType::duration:
      n.op = Op::integer_cmp;
      n.integer = l.duration.time.count();  // the checker allows no business days here
      break;
    case FieldType::time:
      n.op = Op::integer_cmp;
      n.integer = sys_seconds{sys_days{l.date}}.time_since_epoch().count();
      break;
    case FieldType::date:
      n.op = Op::integer_cmp;
      n.integer = sys_days{l.date}.time_since_epoch().count();
      break;
  }
  return n;
}

}  // namespace

Condition::Condition(const Expr& e, FieldLayout& layout) {
  root_ = compile(e, layout);
}

std::uint32_t Condition::add(ConditionNode n, const std::vector<std::uint32_t>& children) {
  n.first = static_cast<std::uint32_t>(children_.size());
  n.count = static_cast<std::uint32_t>(children.size());
  children_.insert(children_.end(), children.begin(), children.end());
  nodes_.push_back(n);
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t Condition::add(ConditionNode n, std::initializer_list<std::uint32_t> children) {
  return add(n, std::vector<std::uint32_t>(children));
}

std::uint32_t Condition::compile(const Expr& e, FieldLayout& layout) {
  auto field_slot = [&](const Expr& f) {
    const auto slot = *layout.slot(f.field);  // the checker knows every field
    layout.mark_used(slot);
    return slot;
  };
  switch (e.kind) {
    case Expr::Kind::literal:
      return add({.op = Op::constant, .value = e.literal.boolean, .source = &e});
    case Expr::Kind::field:
      return add({.op = Op::is_true, .slot = field_slot(e), .source = &e});
    case Expr::Kind::logical_not:
      return add({.op = Op::negate, .source = &e}, {compile(e.operands[0], layout)});
    case Expr::Kind::logical_and: {
      std::vector<std::uint32_t> children;
      children.reserve(e.operands.size());
      for (const auto& o : e.operands) children.push_back(compile(o, layout));
      return add({.op = Op::all, .source = &e}, children);
    }
    case Expr::Kind::logical_or:
      return compile_or(e, layout);
    case Expr::Kind::compare:
      break;
  }

  // A comparison, turned so that a field stands on the left (the checker
  // ensured one side is a field). `!=` and `not in` are negations.
  const Expr* lhs = &e.operands[0];
  const Expr* rhs = e.operands.size() > 1 ? &e.operands[1] : nullptr;
  auto op = e.op;
  if (lhs->kind != Expr::Kind::field) {
    std::swap(lhs, rhs);
    op = mirrored(op);
  }
  const auto slot = field_slot(*lhs);
  auto negated = [&](std::uint32_t inner) {
    return add({.op = Op::negate, .source = &e}, {inner});
  };
  auto equals = [&](const Literal& l, CompareOp cmp) {
    if (l.kind == Literal::Kind::none) {
      return negated(add({.op = Op::has_value, .slot = slot, .source = &e}));
    }
    auto n = literal_leaf(slot, cmp, l, layout);
    n.source = &e;
    return add(n);
  };

  if (op == CompareOp::in || op == CompareOp::not_in) {
    // The list's values are one set (a binary search, not a test per
    // value: lists of many thousand values compile and run in n log n); a
    // none in it stays a presence test of its own.
    std::vector<std::uint32_t> children;
    std::vector<const Literal*> values;
    for (const auto& l : e.list) {
      if (l.kind != Literal::Kind::none) values.push_back(&l);
    }
    if (!values.empty()) children.push_back(add_in(slot, values, &e, 0, layout));
    for (const auto& l : e.list) {
      if (l.kind == Literal::Kind::none) children.push_back(equals(l, CompareOp::eq));
    }
    const auto any = add({.op = Op::any, .source = &e}, children);
    return op == CompareOp::in ? any : negated(any);
  }
  const auto base = op == CompareOp::ne ? CompareOp::eq : op;
  std::uint32_t node = 0;
  if (rhs->kind == Expr::Kind::field) {
    const auto type = layout.info(slot).type;
    const auto kind = type == FieldType::text || type == FieldType::one_of ? Op::text_fields_eq
                      : type == FieldType::number                          ? Op::number_fields_cmp
                                                                           : Op::integer_fields_cmp;
    node = add({.op = kind, .cmp = base, .slot = slot, .other = field_slot(*rhs), .source = &e});
  } else {
    node = equals(rhs->literal, base);
  }
  return op == CompareOp::ne ? negated(node) : node;
}

namespace {

// `values` sorted, without repeats, appended to `to`; the node's range.
template <class T>
void append_set(std::vector<T> values, std::vector<T>& to, ConditionNode& n) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  n.first = static_cast<std::uint32_t>(to.size());
  n.count = static_cast<std::uint32_t>(values.size());
  to.insert(to.end(), values.begin(), values.end());
}

}  // namespace

std::uint32_t Condition::add_in(Slot slot, const std::vector<const Literal*>& values,
                                const Expr* source, std::uint32_t terms, FieldLayout& layout) {
  layout.mark_used(slot);
  ConditionNode n{.slot = slot, .terms = terms, .source = source};
  std::vector<std::int32_t> codes;
  std::vector<double> numbers;
  std::vector<std::int64_t> integers;
  for (const auto* l : values) {
    // Each value as `==` would hold it.
    const auto leaf = literal_leaf(slot, CompareOp::eq, *l, layout);
    n.op = leaf.op == Op::code_eq      ? Op::code_in
           : leaf.op == Op::number_cmp ? Op::number_in
                                       : Op::integer_in;
    codes.push_back(leaf.code);
    numbers.push_back(leaf.number);
    integers.push_back(leaf.integer);
  }
  if (n.op == Op::code_in) append_set(std::move(codes), codes_, n);
  if (n.op == Op::number_in) append_set(std::move(numbers), numbers_, n);
  if (n.op == Op::integer_in) append_set(std::move(integers), integers_, n);
  nodes_.push_back(n);
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t Condition::compile_or(const Expr& e, FieldLayout& layout) {
  // `f == a or f == b or ...`: consecutive terms that compare one field with
  // a value are one set, which answers alike (a value equals one of them)
  // in a binary search instead of a test per term. The terms stay in order,
  // so an explanation still lists each.
  auto equality = [&](const Expr& o) -> std::optional<std::pair<Slot, const Literal*>> {
    if (o.kind != Expr::Kind::compare || o.op != CompareOp::eq || o.operands.size() != 2) {
      return std::nullopt;
    }
    const Expr* lhs = &o.operands[0];
    const Expr* rhs = &o.operands[1];
    if (lhs->kind != Expr::Kind::field) std::swap(lhs, rhs);
    if (lhs->kind != Expr::Kind::field || rhs->kind != Expr::Kind::literal ||
        rhs->literal.kind == Literal::Kind::none) {
      return std::nullopt;
    }
    return std::make_pair(*layout.slot(lhs->field), &rhs->literal);  // the checker knows it
  };
  std::vector<std::uint32_t> children;
  const auto& terms = e.operands;
  for (std::size_t i = 0; i < terms.size();) {
    const auto first = equality(terms[i]);
    std::size_t end = i + 1;
    std::vector<const Literal*> values;
    if (first) {
      values.push_back(first->second);
      for (; end < terms.size(); ++end) {
        const auto next = equality(terms[end]);
        if (!next || next->first != first->first) break;
        values.push_back(next->second);
      }
    }
    children.push_back(end - i < 2 ? compile(terms[i], layout)
                                   : add_in(first->first, values, &terms[i],
                                            static_cast<std::uint32_t>(end - i), layout));
    i = end;
  }
  return add({.op = Op::any, .source = &e}, children);
}

SlotValue Condition::member(const ConditionNode& n, std::uint32_t k) const {
  SlotValue v;
  v.present = true;
  if (n.op == Op::code_in) v.code = codes_[k];
  if (n.op == Op::number_in) v.number = numbers_[k];
  if (n.op == Op::integer_in) v.integer = integers_[k];
  return v;
}

bool Condition::literals(std::vector<std::pair<Slot, SlotValue>>& out) const {
  for (const auto& n : nodes_) {
    SlotValue v;
    v.present = true;
    switch (n.op) {
      case Op::has_value:
        v = SlotValue{};
        break;
      case Op::text_fields_eq:
      case Op::number_fields_cmp:
      case Op::integer_fields_cmp:
        return false;
      case Op::code_eq:
        v.code = n.code;
        break;
      case Op::code_in:
      case Op::number_in:
      case Op::integer_in:
        for (auto k = n.first; k < n.first + n.count; ++k) out.emplace_back(n.slot, member(n, k));
        continue;
      case Op::number_cmp:
        v.number = n.number;
        break;
      case Op::integer_cmp:
        v.integer = n.integer;
        break;
      case Op::is_true:
        v.integer = 1;
        break;
      default:
        continue;
    }
    out.emplace_back(n.slot, v);
  }
  return true;
}

std::uint64_t Condition::slot_mask() const noexcept {
  std::uint64_t mask = 0;
  for (const auto& n : nodes_) {
    switch (n.op) {
      case Op::constant:
      case Op::all:
      case Op::any:
      case Op::negate:
        break;
      case Op::text_fields_eq:
      case Op::number_fields_cmp:
      case Op::integer_fields_cmp:
        mask |= std::uint64_t{1} << (n.other % 64);
        [[fallthrough]];
      default:
        mask |= std::uint64_t{1} << (n.slot % 64);
    }
  }
  return mask;
}

bool Condition::eval(std::uint32_t i, std::span<const SlotValue> values) const {
  const auto& n = nodes_[i];
  switch (n.op) {
    case Op::constant:
      return n.value;
    case Op::is_true:
      return values[n.slot].present && values[n.slot].integer != 0;
    case Op::has_value:
      return values[n.slot].present;
    case Op::code_eq:
      return values[n.slot].present && values[n.slot].code == n.code;
    case Op::code_in: {
      const auto* codes = codes_.data() + n.first;
      return values[n.slot].present &&
             std::binary_search(codes, codes + n.count, values[n.slot].code);
    }
    case Op::number_in: {
      // NaN equals nothing (binary_search would take it for any value).
      const auto* numbers = numbers_.data() + n.first;
      return values[n.slot].present && !std::isnan(values[n.slot].number) &&
             std::binary_search(numbers, numbers + n.count, values[n.slot].number);
    }
    case Op::integer_in: {
      const auto* integers = integers_.data() + n.first;
      return values[n.slot].present &&
             std::binary_search(integers, integers + n.count, values[n.slot].integer);
    }
    case Op::number_cmp:
      return values[n.slot].present && compare(n.cmp, values[n.slot].number, n.number);
    case Op::integer_cmp:
      return values[n.slot].present && compare(n.cmp, values[n.slot].integer, n.integer);
    case Op::text_fields_eq:
      return values[n.slot].present && values[n.other].present &&
             values[n.slot].text == values[n.other].text;
    case Op::number_fields_cmp:
      return values[n.slot].present && values[n.other].present &&
             compare(n.cmp, values[n.slot].number, values[n.other].number);
    case Op::integer_fields_cmp:
      return values[n.slot].present && values[n.other].present &&
             compare(n.cmp, values[n.slot].integer, values[n.other].integer);
    case Op::all:
      for (auto k = n.first; k < n.first + n.count; ++k) {
        if (!eval(children_[k], values)) return false;
      }
      return true;
    case Op::any:
      for (auto k = n.first; k < n.first + n.count; ++k) {
        if (eval(children_[k], values)) return true;
      }
      return false;
    case Op::negate:
      return !eval(children_[n.first], values);
  }
  return false;
}

}  // namespace slakit::detail
