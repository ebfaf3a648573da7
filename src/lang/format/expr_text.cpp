#include "expr_text.hpp"

#include <fmt/format.h>

#include "slakit/time/instant.hpp"

namespace slakit::detail {
namespace {

// Binding strength: or < and < not < comparison.
int precedence(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::logical_or:
      return 1;
    case Expr::Kind::logical_and:
      return 2;
    case Expr::Kind::logical_not:
      return 3;
    case Expr::Kind::compare:
      return 4;
    default:
      return 6;  // a field or a value binds tightest
  }
}

std::string operand_text(const Expr& e, int parent) {
  auto text = expr_text(e);
  return precedence(e) < parent || (precedence(e) == parent && parent < 3) ? "(" + text + ")"
                                                                           : text;
}

std::string_view op_text(CompareOp op) {
  switch (op) {
    case CompareOp::eq:
      return "==";
    case CompareOp::ne:
      return "!=";
    case CompareOp::lt:
      return "<";
    case CompareOp::le:
      return "<=";
    case CompareOp::gt:
      return ">";
    case CompareOp::ge:
      return ">=";
    case CompareOp::in:
      return "in";
    case CompareOp::not_in:
      return "not in";
  }
  return "?";
}

}  // namespace

std::string quoted_text(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string duration_text(const BusinessDuration& d) {
  if (d.business_days != 0) {
    return fmt::format("{} business day{}", d.business_days, d.business_days == 1 ? "" : "s");
  }
  return format_duration(d.time);
}

std::string threshold_when_text(ThresholdForm form, int percent, const BusinessDuration& offset) {
  switch (form) {
    case ThresholdForm::before_due:
      return duration_text(offset) + " before due";
    case ThresholdForm::after_due:
      return duration_text(offset) + " after due";
    case ThresholdForm::percent:
      break;
  }
  return fmt::format("at {}%", percent);
}

std::string threshold_when_text(const ThresholdLine& t) {
  if (t.form == ThresholdForm::percent) return threshold_when_text(t.form, t.percent, t.offset);
  return offset_text(t) + (t.form == ThresholdForm::before_due ? " before due" : " after due");
}

std::string offset_text(const ThresholdLine& t) {
  if (t.offset_in_business_days && t.offset.business_days == 0) return "0 business days";
  return duration_text(t.offset);
}

std::string literal_text(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::string:
      return quoted_text(l.text);
    case Literal::Kind::duration:
      return duration_text(l.duration);
    case Literal::Kind::none:
      return "none";
    default:
      return l.text;
  }
}

namespace {

// `a and b and c`, `a or b` on one line.
std::string and_or_text(const Expr& e) {
  const int p = precedence(e);
  std::string out;
  for (const auto& o : e.operands) {
    if (!out.empty()) out += p == 1 ? " or " : " and ";
    out += operand_text(o, p + 1);
  }
  return out;
}

}  // namespace

std::string expr_text(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::literal:
      return literal_text(e.literal);
    case Expr::Kind::field:
      return e.field;
    case Expr::Kind::compare: {
      auto lhs = operand_text(e.operands[0], 5);
      if (e.op == CompareOp::in || e.op == CompareOp::not_in) {
        std::string items;
        for (const auto& l : e.list) items += (items.empty() ? "" : ", ") + literal_text(l);
        return fmt::format("{} {} [{}]", lhs, op_text(e.op), items);
      }
      return fmt::format("{} {} {}", lhs, op_text(e.op), operand_text(e.operands[1], 5));
    }
    case Expr::Kind::logical_not:
      return "not " + operand_text(e.operands[0], 3);
    case Expr::Kind::logical_and:
    case Expr::Kind::logical_or:
      return and_or_text(e);
  }
  return {};
}

namespace {

// The width of what follows the line break of `line_start` ("\n    ": 4).
std::size_t continuation_indent(std::string_view line_start) {
  return line_start.size() - std::min(line_start.size(), line_start.rfind('\n') + 1);
}

}  // namespace

std::string list_text_wrapped(const std::vector<std::string>& items, std::string_view line_start,
                              std::size_t width, std::size_t used) {
  // The continuation's indent: what follows the line break.
  const auto indent = continuation_indent(line_start);
  std::string out;
  std::size_t column = used;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (i > 0) {
      // ", item" on this line, or "," and the item on the next.
      if (column + 2 + item.size() + 1 > width) {
        out.append(",").append(line_start);
        column = indent;
      } else {
        out += ", ";
        column += 2;
      }
    }
    out += item;
    column += item.size();
  }
  return out;
}

namespace {

// Writes a condition into lines no wider than `width` where it can: the
// outermost `and` or `or` each start a line; inside parentheses an operator
// starts a line only when its operand would not fit, and an `in` list breaks
// after a comma. What one operand or item needs alone may still pass it.
class WrappedWriter {
 public:
  WrappedWriter(std::string_view line_start, std::size_t width, std::size_t used)
      : line_start_(line_start),
        indent_(continuation_indent(line_start)),
        width_(width),
        column_(used) {}

  void write(const Expr& e, int parent, bool outermost) {
    const int p = precedence(e);
    const bool parens = !outermost && (p < parent || (p == parent && parent < 3));
    if (parens) put("(");
    switch (e.kind) {
      case Expr::Kind::compare:
        write_compare(e);
        break;
      case Expr::Kind::logical_not:
        put("not ");
        write(e.operands[0], 3, false);
        break;
      case Expr::Kind::logical_and:
      case Expr::Kind::logical_or:
        write_and_or(e, outermost);
        break;
      default:
        put(expr_text(e));
    }
    if (parens) put(")");
  }

  std::string take() { return std::move(out_); }

 private:
  void put(std::string_view s) {
    out_ += s;
    column_ += s.size();
  }
  void line_break() {
    out_ += line_start_;
    column_ = indent_;
  }

  void write_and_or(const Expr& e, bool outermost) {
    const int p = precedence(e);
    const std::string_view op = p == 1 ? "or " : "and ";
    bool first = true;
    for (const auto& o : e.operands) {
      if (!first) {
        // Counted with the two parentheses the operand may get: a line
        // breaks a little early rather than past the width.
        if (outermost || column_ + 1 + op.size() + expr_text(o).size() + 2 > width_) {
          line_break();
        } else {
          put(" ");
        }
        put(op);
      }
      first = false;
      write(o, p + 1, false);
    }
  }

  void write_compare(const Expr& e) {
    if (e.op != CompareOp::in && e.op != CompareOp::not_in) {
      put(expr_text(e));
      return;
    }
    put(fmt::format("{} {} [", operand_text(e.operands[0], 5), op_text(e.op)));
    std::vector<std::string> items;
    items.reserve(e.list.size());
    for (const auto& l : e.list) items.push_back(literal_text(l));
    const auto list = list_text_wrapped(items, line_start_, width_, column_);
    out_ += list;
    const auto last_break = list.rfind('\n');
    column_ =
        last_break == std::string::npos ? column_ + list.size() : list.size() - last_break - 1;
    put("]");
  }

  std::string out_;
  std::string_view line_start_;
  std::size_t indent_;
  std::size_t width_;
  std::size_t column_;
};

}  // namespace

std::string expr_text_wrapped(const Expr& e, std::string_view line_start, std::size_t width,
                              std::size_t used) {
  WrappedWriter w{line_start, width, used};
  w.write(e, 0, true);
  return w.take();
}

}  // namespace slakit::detail
