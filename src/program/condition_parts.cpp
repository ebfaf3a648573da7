// Condition::parts(): the condition as an `and` of parts, each with the
// slots it reads and the literals it compares them with.
#include <algorithm>

#include "condition.hpp"

namespace slakit::detail {

std::vector<Condition::Part> Condition::parts() const {
  using Op = ConditionNode::Op;
  std::vector<Part> out;
  if (nodes_.empty()) return out;
  // Everything under `node`, into `p`.
  auto describe = [&](auto& self, std::uint32_t node, Part& p) -> void {
    const auto& n = nodes_[node];
    SlotValue literal;
    literal.present = true;
    switch (n.op) {
      case Op::constant:
        return;
      case Op::all:
      case Op::any:
      case Op::negate:
        for (auto k = n.first; k < n.first + n.count; ++k) self(self, children_[k], p);
        return;
      case Op::text_fields_eq:
      case Op::number_fields_cmp:
      case Op::integer_fields_cmp:
        p.compares_fields = true;
        p.slots.push_back(n.other);
        break;
      case Op::has_value:
        break;
      case Op::code_eq:
        literal.code = n.code;
        p.literals.push_back(literal);
        break;
      case Op::code_in:
      case Op::number_in:
      case Op::integer_in:
        for (auto k = n.first; k < n.first + n.count; ++k) p.literals.push_back(member(n, k));
        break;
      case Op::number_cmp:
        literal.number = n.number;
        p.literals.push_back(literal);
        break;
      case Op::integer_cmp:
        literal.integer = n.integer;
        p.literals.push_back(literal);
        break;
      case Op::is_true:
        // `integer != 0`: its truth changes at 0.
        literal.integer = 0;
        p.literals.push_back(literal);
        break;
    }
    p.slots.push_back(n.slot);
  };
  auto collect = [&](auto& self, std::uint32_t node) -> void {
    const auto& n = nodes_[node];
    if (n.op == Op::all) {
      for (auto k = n.first; k < n.first + n.count; ++k) self(self, children_[k]);
      return;
    }
    Part p{.node = node};
    describe(describe, node, p);
    std::sort(p.slots.begin(), p.slots.end());
    p.slots.erase(std::unique(p.slots.begin(), p.slots.end()), p.slots.end());
    out.push_back(std::move(p));
  };
  collect(collect, root_);
  return out;
}

}  // namespace slakit::detail
