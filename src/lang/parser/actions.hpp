// The work of the grammar's semantic actions, as plain functions: the
// grammar headers stay thin and the X3 translation units small.
#pragma once

#include "config.hpp"
#include "parse_state.hpp"

namespace slakit::parser {

/// Wraps f(ParseState&) as an X3 action.
template <class F>
constexpr auto act(F f) {
  return [f](auto& ctx) { f(state(ctx)); };
}
/// Wraps f(ParseState&, SourceSpan) as an X3 action on x3::raw[...].
template <class F>
constexpr auto act_span(F f) {
  return [f](auto& ctx) {
    auto& s = state(ctx);
    f(s, s.span(x3::_attr(ctx)));
  };
}

// Conditions: an expression stack in ParseState::exprs.
void push_field(ParseState& s);
void push_literal(ParseState& s, Literal::Kind kind, SourceSpan span);
void push_number(ParseState& s, SourceSpan span);
void literal_to_list(ParseState& s);
void begin_list(ParseState& s);
void finish_comparison(ParseState& s, int form);  // 0 none, 1 op, 2 in, 3 not in
void make_not(ParseState& s, SourceSpan span);
void make_logical(ParseState& s, Expr::Kind kind);
[[nodiscard]] Expr pop_expr(ParseState& s);

// Routes.
void route_queue(ParseState& s);
void route_priority(ParseState& s);
void route_team(ParseState& s);
void route_sla(ParseState& s);
void route_score(ParseState& s, SourceSpan span);
void route_skills(ParseState& s, SourceSpan span);
void route_tags(ParseState& s);
void begin_route(ParseState& s);
void begin_group(ParseState& s);

// Declarations.
void begin_declaration(ParseState& s);
void commit_include(ParseState& s, SourceSpan span);
void commit_field(ParseState& s, SourceSpan span);
void commit_calendar(ParseState& s, SourceSpan span);
void commit_policy(ParseState& s, SourceSpan span);
void commit_route(ParseState& s, SourceSpan span);
void commit_group(ParseState& s, SourceSpan span);
/// After a failed declaration: report it unless it reported itself.
void recovered(ParseState& s, SourceSpan skipped);

}  // namespace slakit::parser
