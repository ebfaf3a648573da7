#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "check_state.hpp"

#include "lang/format/expr_text.hpp"

namespace slakit::detail {

using namespace std::chrono;

const FieldInfo* Checker::field(const std::string& path, SourceSpan span) {
  if (const auto it = fields_.find(path); it != fields_.end()) return &it->second;
  if (unparsed_.count(path) != 0) return nullptr;  // its syntax error is reported
  std::vector<std::string> known;
  for (const auto& [p, f] : fields_) known.push_back(p);
  error("E0203", fmt::format("unknown field '{}'{}", path, suggestion(path, known)), span);
  return nullptr;
}

std::string Checker::describe(const FieldInfo& f) {
  if (f.type == FieldType::one_of) return fmt::format("one of {}", join(f.members));
  return fmt::format("a {}", field_type_name(f.type));
}

std::string_view Checker::literal_kind(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::string:
      return "a string";
    case Literal::Kind::number:
      return "a number";
    case Literal::Kind::symbol:
      return "a word";
    case Literal::Kind::duration:
      // A field's duration is time: business days would need a calendar.
      return l.duration.business_days != 0 ? "a count of business days" : "a duration";
    case Literal::Kind::date:
      return "a date";
    case Literal::Kind::none:
      return "none";
    case Literal::Kind::boolean:
      return "true or false";
  }
  return "a value";
}

void Checker::check_value(const FieldInfo& f, const Literal& l, CompareOp op) {
  if (l.kind == Literal::Kind::none) {
    if (op != CompareOp::eq && op != CompareOp::ne) {
      error("E0204", "none can only be compared with == or !=", l.span);
    }
    return;
  }
  bool fits = false;
  switch (f.type) {
    case FieldType::text:
      fits = l.kind == Literal::Kind::string || l.kind == Literal::Kind::symbol;
      break;
    case FieldType::one_of:
      if (l.kind == Literal::Kind::string || l.kind == Literal::Kind::symbol) {
        if (std::find(f.members.begin(), f.members.end(), l.text) == f.members.end()) {
          error("E0214",
                fmt::format("'{}' is not a value of {} ({}){}", l.text, f.path, join(f.members),
                            suggestion(l.text, f.members)),
                l.span);
        }
        return;
      }
      break;
    case FieldType::number:
      fits = l.kind == Literal::Kind::number;
      break;
    case FieldType::boolean:
      fits = l.kind == Literal::Kind::boolean;
      break;
    case FieldType::duration:
      fits = l.kind == Literal::Kind::duration && l.duration.business_days == 0;
      break;
    case FieldType::time:
    case FieldType::date:
      fits = l.kind == Literal::Kind::date;
      break;
  }
  if (!fits) {
    error("E0204",
          fmt::format("type mismatch: {} is {}, but {} is {}", f.path, describe(f), literal_text(l),
                      literal_kind(l)),
          l.span);
  }
}

bool Checker::ordered(FieldType t) {
  return t == FieldType::number || t == FieldType::duration || t == FieldType::time ||
         t == FieldType::date;
}

void Checker::check_comparison(const Expr& e) {
  const Expr* lhs = &e.operands[0];
  const Expr* rhs = e.operands.size() > 1 ? &e.operands[1] : nullptr;
  if (lhs->kind != Expr::Kind::field && rhs != nullptr && rhs->kind == Expr::Kind::field) {
    std::swap(lhs, rhs);
  }
  if (lhs->kind != Expr::Kind::field) {
    error("E0204", "a comparison needs a field on one side", e.span);
    return;
  }
  const FieldInfo* f = field(lhs->field, lhs->span);
  if (f == nullptr) return;
  const bool ordering = e.op == CompareOp::lt || e.op == CompareOp::le || e.op == CompareOp::gt ||
                        e.op == CompareOp::ge;
  if (ordering && !ordered(f->type)) {
    error("E0204",
          fmt::format("{} is {}: it has no order, so only ==, != and in apply", f->path,
                      describe(*f)),
          e.span);
    return;
  }
  if (e.op == CompareOp::in || e.op == CompareOp::not_in) {
    for (const auto& l : e.list) check_value(*f, l, CompareOp::eq);
    return;
  }
  if (rhs->kind == Expr::Kind::field) {
    const FieldInfo* g = field(rhs->field, rhs->span);
    if (g != nullptr && g->type != f->type) {
      error("E0204",
            fmt::format("type mismatch: {} is {}, but {} is {}", f->path, describe(*f), g->path,
                        describe(*g)),
            e.span);
    }
    return;
  }
  if (rhs->kind == Expr::Kind::literal) {
    check_value(*f, rhs->literal, e.op);
  } else {
    error("E0204", "compare a field with a value or another field", rhs->span);
  }
}

void Checker::check_condition(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::literal:
      if (e.literal.kind != Literal::Kind::boolean) {
        error("E0204",
              fmt::format("a condition must be true or false, not {}", literal_kind(e.literal)),
              e.span);
      }
      return;
    case Expr::Kind::field:
      if (const auto* f = field(e.field, e.span); f != nullptr && f->type != FieldType::boolean) {
        error("E0204",
              fmt::format("{} is {}, not true or false: compare it, as in {} == ...", f->path,
                          describe(*f), f->path),
              e.span);
      }
      return;
    case Expr::Kind::compare:
      check_comparison(e);
      return;
    default:
      for (const auto& o : e.operands) check_condition(o);
  }
}

}  // namespace slakit::detail
