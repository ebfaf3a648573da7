#pragma once

#include "actions.hpp"
#include "expr.hpp"
#include "tokens.hpp"

namespace slakit::parser {
constexpr x3::rule<struct not_expr_id> not_expr = "a condition";
constexpr x3::rule<struct primary_id> primary = "a field, a value or '('";
constexpr x3::rule<struct value_list_id> value_list = "a list of values '[a, b]'";

// JSON's numbers (tickets are JSON), leading zeros allowed: -5, 12.5, 1e3,
// -2.5E-3 (docs/language.md, "Lexical rules").
constexpr auto number_text =
    x3::lexeme[-x3::lit('-') >> +digit >> -('.' >> +digit) >>
               -((x3::lit('e') | 'E') >> -(x3::lit('+') | '-') >> +digit) >> word_end];

constexpr auto literal_def =
    x3::raw[kw<"none">()][act_span(
        [](ParseState& s, SourceSpan sp) { push_literal(s, Literal::Kind::none, sp); })] |
    x3::raw[kw<"true">() | kw<"false">()][act_span(
        [](ParseState& s, SourceSpan sp) { push_literal(s, Literal::Kind::boolean, sp); })] |
    x3::raw[date_lit][act_span(
        [](ParseState& s, SourceSpan sp) { push_literal(s, Literal::Kind::date, sp); })] |
    x3::raw[duration][act_span(
        [](ParseState& s, SourceSpan sp) { push_literal(s, Literal::Kind::duration, sp); })] |
    x3::raw[number_text][act_span(push_number)] |
    x3::raw[string_lit][act_span(
        [](ParseState& s, SourceSpan sp) { push_literal(s, Literal::Kind::string, sp); })] |
    x3::raw[!reserved >> name][act_span(
        [](ParseState& s, SourceSpan sp) { push_literal(s, Literal::Kind::symbol, sp); })];

// At least one value (docs/language.md, "Grammar summary"): `in []` would
// hold for no ticket and `not in []` for every one.
constexpr auto value_list_def = x3::lit('[')[act(begin_list)] >
                                (literal[act(literal_to_list)] % ',') > ']';

constexpr auto primary_def = ('(' > condition_rule > ')') | field_path[act(push_field)] | literal;

constexpr auto compare_op =
    x3::lit("==")[act([](ParseState& s) { s.ops.push_back(CompareOp::eq); })] |
    x3::lit("!=")[act([](ParseState& s) { s.ops.push_back(CompareOp::ne); })] |
    x3::lit("<=")[act([](ParseState& s) { s.ops.push_back(CompareOp::le); })] |
    x3::lit(">=")[act([](ParseState& s) { s.ops.push_back(CompareOp::ge); })] |
    x3::lit('<')[act([](ParseState& s) { s.ops.push_back(CompareOp::lt); })] |
    x3::lit('>')[act([](ParseState& s) { s.ops.push_back(CompareOp::gt); })];

constexpr auto comparison =
    primary >> -((compare_op > primary)[act([](ParseState& s) { finish_comparison(s, 1); })] |
                 (kw<"in">() > value_list)[act([](ParseState& s) { finish_comparison(s, 2); })] |
                 ((kw<"not">() >> kw<"in">()) >
                  value_list)[act([](ParseState& s) { finish_comparison(s, 3); })]);

constexpr auto not_expr_def = x3::raw[kw<"not">() > not_expr][act_span(make_not)] | comparison;

constexpr auto and_expr =
    not_expr >>
    *(kw<"and">() > not_expr)[act([](ParseState& s) { make_logical(s, Expr::Kind::logical_and); })];

constexpr auto condition_rule_def =
    and_expr >>
    *(kw<"or">() > and_expr)[act([](ParseState& s) { make_logical(s, Expr::Kind::logical_or); })];

BOOST_SPIRIT_DEFINE(condition_rule, not_expr, primary, literal, value_list)

}  // namespace slakit::parser
