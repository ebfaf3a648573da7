#include "actions.hpp"

#include <fmt/format.h>

#include <charconv>

namespace slakit::parser {

namespace {

SourceSpan cover(const SourceSpan& a, const SourceSpan& b) {
  return {a.file, a.begin, b.end};
}

std::string_view text_of(const ParseState& s, SourceSpan sp) {
  return {s.text_begin() + sp.begin, sp.end - sp.begin};
}

}  // namespace

Expr pop_expr(ParseState& s) {
  Expr e = std::move(s.exprs.back());
  s.exprs.pop_back();
  return e;
}

void push_field(ParseState& s) {
  Expr e;
  e.kind = Expr::Kind::field;
  e.field = s.name_value.text;
  e.span = s.name_value.span;
  s.exprs.push_back(std::move(e));
}

void push_literal(ParseState& s, Literal::Kind kind, SourceSpan span) {
  Literal lit;
  lit.kind = kind;
  lit.span = span;
  switch (kind) {
    case Literal::Kind::string:
      lit.text = s.string_value;
      break;
    case Literal::Kind::symbol:
      lit.text = s.name_value.text;
      break;
    case Literal::Kind::duration:
      lit.duration = s.duration_value;
      lit.text = std::string{text_of(s, span)};
      break;
    case Literal::Kind::date:
      lit.date = s.date_value;
      lit.text = std::string{text_of(s, span)};
      break;
    case Literal::Kind::boolean:
      lit.boolean = text_of(s, span) == "true";
      lit.text = std::string{text_of(s, span)};
      break;
    case Literal::Kind::none:
    case Literal::Kind::number:
      lit.text = std::string{text_of(s, span)};
      break;
  }
  Expr e;
  e.kind = Expr::Kind::literal;
  e.span = span;
  e.literal = std::move(lit);
  s.exprs.push_back(std::move(e));
}

namespace {

// Whether a number out of a double's range is too small rather than too
// large: the power of ten of its first significant digit is negative (a
// number out of range lies past 1e308 either way).
bool too_small(std::string_view text) {
  const auto e = text.find_first_of("eE");
  const auto mantissa = text.substr(0, e);
  long long exponent = 0;
  if (e != std::string_view::npos) {
    const auto* digits = text.data() + e + 1 + (text[e + 1] == '+');
    if (std::from_chars(digits, text.data() + text.size(), exponent).ec != std::errc{}) {
      // Past a long long's range: its sign is all that matters.
      exponent = *digits == '-' ? -(1LL << 62) : 1LL << 62;
    }
  }
  const auto first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return true;  // all zeros: no number is out of range
  const auto point = mantissa.find('.');
  const auto whole_end = point == std::string_view::npos ? mantissa.size() : point;
  // Digits of the whole part from the first significant one, or zeros
  // after the point before it.
  const long long place = first < whole_end ? static_cast<long long>(whole_end - first) - 1
                                            : -static_cast<long long>(first - whole_end);
  return place + exponent < 0;
}

}  // namespace

void push_number(ParseState& s, SourceSpan span) {
  push_literal(s, Literal::Kind::number, span);
  auto& lit = s.exprs.back().literal;
  const auto text = text_of(s, span);
  // from_chars for double is in GCC 12's library; the text is JSON's number
  // syntax, which from_chars reads whole.
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), lit.number);
  if (ec == std::errc::result_out_of_range && too_small(text)) {
    // Below the smallest double: 0, as JSON reads it in a ticket (review
    // 24 F6: `> 1e-400` was E0103, while a ticket's 1e-400 reads as 0).
    lit.number = text.starts_with('-') ? -0.0 : 0.0;
    return;
  }
  if (ec != std::errc{} || ptr != text.data() + text.size()) {
    s.error("E0103", fmt::format("number '{}' is out of range", text), span);
  }
}

void begin_list(ParseState& s) {
  s.list.clear();
}

void literal_to_list(ParseState& s) {
  s.list.push_back(pop_expr(s).literal);
}

void finish_comparison(ParseState& s, int form) {
  Expr e;
  e.kind = Expr::Kind::compare;
  if (form == 1) {
    Expr rhs = pop_expr(s);
    Expr lhs = pop_expr(s);
    e.op = s.ops.back();
    s.ops.pop_back();
    e.span = cover(lhs.span, rhs.span);
    e.operands.push_back(std::move(lhs));
    e.operands.push_back(std::move(rhs));
  } else {
    Expr lhs = pop_expr(s);
    e.op = form == 2 ? CompareOp::in : CompareOp::not_in;
    e.span = lhs.span;
    if (!s.list.empty()) e.span.end = s.list.back().span.end + 1;  // the ']'
    e.operands.push_back(std::move(lhs));
    e.list = std::move(s.list);
    s.list.clear();
  }
  s.exprs.push_back(std::move(e));
}

void make_not(ParseState& s, SourceSpan span) {
  Expr e;
  e.kind = Expr::Kind::logical_not;
  e.span = span;
  e.operands.push_back(pop_expr(s));
  s.exprs.push_back(std::move(e));
}

void make_logical(ParseState& s, Expr::Kind kind) {
  Expr rhs = pop_expr(s);
  Expr lhs = pop_expr(s);
  // `a and b and c` is one node with three operands.
  if (lhs.kind == kind) {
    lhs.span = cover(lhs.span, rhs.span);
    lhs.operands.push_back(std::move(rhs));
    s.exprs.push_back(std::move(lhs));
    return;
  }
  Expr e;
  e.kind = kind;
  e.span = cover(lhs.span, rhs.span);
  e.operands.push_back(std::move(lhs));
  e.operands.push_back(std::move(rhs));
  s.exprs.push_back(std::move(e));
}

namespace {

// One value per route action: a second one is an error, not a silent overwrite.
void set_once(ParseState& s, std::optional<Name>& slot, const char* what) {
  if (slot) {
    s.error("E0201", fmt::format("a second {} for this route", what), s.name_value.span);
  }
  slot = s.name_value;
}

}  // namespace

void route_queue(ParseState& s) {
  set_once(s, s.route.queue, "queue");
}
void route_priority(ParseState& s) {
  set_once(s, s.route.priority, "priority");
}
void route_team(ParseState& s) {
  set_once(s, s.route.team, "team");
}
void route_sla(ParseState& s) {
  set_once(s, s.route.sla, "sla");
}
void route_score(ParseState& s, SourceSpan span) {
  s.route.score = s.int_value;
  s.route.score_span = span;
}
void route_skills(ParseState& s, SourceSpan span) {
  if (s.relaxed) {
    s.route.relaxed_skills.push_back({std::move(s.names), s.duration_value, span});
  } else {
    s.route.skills.insert(s.route.skills.end(), s.names.begin(), s.names.end());
  }
  s.names.clear();
  s.relaxed = false;
}
void route_tags(ParseState& s) {
  s.route.tags.insert(s.route.tags.end(), s.names.begin(), s.names.end());
  s.names.clear();
}

// A route's own state only: inside a group, the group's stays.
void begin_route(ParseState& s) {
  s.exprs.clear();
  s.ops.clear();
  s.list.clear();
  s.names.clear();
  s.relaxed = false;
  s.route = {};
}

void begin_group(ParseState& s) {
  begin_declaration(s);
  s.in_group = true;
}

void begin_declaration(ParseState& s) {
  s.in_calendar_line = false;
  s.exprs.clear();
  s.ops.clear();
  s.list.clear();
  s.days.clear();
  s.ranges.clear();
  s.range_spans.clear();
  s.events.clear();
  s.calendar = {};
  s.holiday = {};
  s.field = {};
  s.policy = {};
  s.target = {};
  s.route = {};
  s.group = {};
  s.in_group = false;
  s.names.clear();
  s.relaxed = false;
  s.test = {};
  s.declaration_failed = false;
}

void commit_include(ParseState& s, SourceSpan span) {
  s.file.declarations.emplace_back(IncludeDecl{s.string_value, span});
}

namespace {

template <class Decl>
void commit(ParseState& s, Decl& decl, SourceSpan span) {
  decl.span = span;
  s.file.declarations.emplace_back(std::move(decl));
}

}  // namespace

void commit_field(ParseState& s, SourceSpan span) {
  commit(s, s.field, span);
}
void commit_calendar(ParseState& s, SourceSpan span) {
  commit(s, s.calendar, span);
}
void commit_policy(ParseState& s, SourceSpan span) {
  commit(s, s.policy, span);
}
void commit_route(ParseState& s, SourceSpan span) {
  if (s.in_group) {
    s.route.span = span;
    s.group.routes.push_back(std::move(s.route));
    return;
  }
  commit(s, s.route, span);
}
void commit_group(ParseState& s, SourceSpan span) {
  s.in_group = false;
  commit(s, s.group, span);
}

void recovered(ParseState& s, SourceSpan skipped) {
  if (!s.declaration_failed) {
    s.expected("E0002", "a declaration (calendar, field, sla, ola, route, routes, test or include)",
               s.text_begin() + skipped.begin);
  }
  s.declaration_failed = false;
}

}  // namespace slakit::parser
