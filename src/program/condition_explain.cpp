// Condition::why_false(): the first failing part of a condition, with the
// values it saw, for explanations (docs/sla.md, "Explanations").
#include <fmt/format.h>

#include "condition.hpp"
#include "lang/format/expr_text.hpp"

namespace slakit::detail {

using Op = ConditionNode::Op;

std::string Condition::why_false(std::span<const SlotValue> values,
                                 const FieldLayout& layout) const {
  if (nodes_.empty() || eval(root_, values)) return {};
  return explain(root_, values, layout);
}

namespace {

// "ticket.priority in [urgent, high] is false: ticket.priority is normal"
std::string explain_leaf(const Expr& e, std::span<const SlotValue> values,
                         const FieldLayout& layout) {
  std::string seen;
  auto show = [&](const Expr& operand) {
    if (operand.kind != Expr::Kind::field) return;
    const auto slot = *layout.slot(operand.field);
    seen += fmt::format("{}{} is {}", seen.empty() ? "" : ", ", operand.field,
                        value_text(layout.info(slot), values[slot]));
  };
  if (e.kind == Expr::Kind::field) {
    show(e);
  } else {
    for (const auto& o : e.operands) show(o);
  }
  return fmt::format("{} is false: {}", expr_text(e), seen);
}

}  // namespace

std::string Condition::explain(std::uint32_t i, std::span<const SlotValue> values,
                               const FieldLayout& layout) const {
  const auto& n = nodes_[i];
  const Expr& e = *n.source;
  if (n.terms > 0) {
    // Terms of an `or`, folded: each explained, as when they were apart.
    std::string all;
    for (std::uint32_t t = 0; t < n.terms; ++t) {
      all += (all.empty() ? "" : "; ") + explain_leaf((&e)[t], values, layout);
    }
    return all;
  }
  if (e.kind == Expr::Kind::compare || e.kind == Expr::Kind::field) {
    return explain_leaf(e, values, layout);
  }
  switch (n.op) {
    case Op::all:
      for (auto k = n.first; k < n.first + n.count; ++k) {
        if (!eval(children_[k], values)) return explain(children_[k], values, layout);
      }
      break;
    case Op::any: {
      std::string all;
      for (auto k = n.first; k < n.first + n.count; ++k) {
        all += (all.empty() ? "" : "; ") + explain(children_[k], values, layout);
      }
      return all;
    }
    case Op::negate:
      return fmt::format("{} is false: {} holds", expr_text(e), expr_text(e.operands[0]));
    default:
      break;
  }
  return fmt::format("{} is false", expr_text(e));
}

}  // namespace slakit::detail
