#pragma once

#include "actions.hpp"
#include "calendar.hpp"
#include "file.hpp"
#include "policy.hpp"
#include "routing.hpp"
#include "slakit/lang/parse.hpp"
#include "test.hpp"
#include "tokens.hpp"

namespace slakit::parser {
/// Reports an expectation failure anywhere inside a declaration, once, and
/// fails the declaration so that `recover` skips it.
struct declaration_id {
  template <class Iterator, class Exception, class Context>
  x3::error_handler_result on_error(Iterator&, const Iterator&, const Exception& x,
                                    const Context& ctx) const {
    auto& s = state(ctx);
    s.expected("E0001", x.which(), x.where());
    s.declaration_failed = true;
    // Its uses would each say "unknown calendar": one error is enough.
    if (!s.calendar.name.text.empty()) s.file.unparsed.push_back(s.calendar.name);
    if (!s.field.path.text.empty()) s.file.unparsed.push_back(s.field.path);
    s.in_group = false;
    return x3::error_handler_result::fail;
  }
};

constexpr x3::rule<declaration_id> declaration = "a declaration";

template <FieldType T>
constexpr auto field_type_is = act([](ParseState& s) { s.field.type = T; });

constexpr auto member = name[act([](ParseState& s) { s.field.members.push_back(s.name_value); })];

constexpr auto field_type =
    x3::rule<struct field_type_id>{
        "a field type (text, number, bool, duration, time, date, one of ...)"} =
        kw<"text">()[field_type_is<FieldType::text>] |
        kw<"number">()[field_type_is<FieldType::number>] |
        kw<"bool">()[field_type_is<FieldType::boolean>] |
        kw<"duration">()[field_type_is<FieldType::duration>] |
        kw<"time">()[field_type_is<FieldType::time>] |
        kw<"date">()[field_type_is<FieldType::date>] |
        (kw<"one">()[field_type_is<FieldType::one_of>] > kw<"of">() > (member % ','));

constexpr auto field_decl =
    x3::raw[kw<"field">()[act(begin_declaration)] >
            field_path[act([](ParseState& s) { s.field.path = s.name_value; })] > ':' > field_type]
           [act_span(commit_field)];

constexpr auto include_decl =
    x3::raw[kw<"include">()[act(begin_declaration)] > string_lit][act_span(commit_include)];

constexpr auto declaration_def = include_decl | field_decl | calendar_decl_rule | policy_decl_rule |
                                 route_group_decl_rule | route_decl_rule | test_decl_rule;

constexpr auto line_rest = *(x3::char_ - x3::eol);
// At least one character, then whole lines up to one that starts with a
// declaration keyword in column 1.
constexpr auto recover =
    x3::raw[x3::lexeme[x3::char_ >> line_rest >> *(x3::eol >> !declaration_keyword >> line_rest)]]
           [act_span(recovered)];

constexpr auto give_up = x3::eps[([](auto& ctx) {
                           x3::_pass(ctx) = state(ctx).error_count() >= slakit::kMaxErrorsPerFile;
                         })] >>
                         x3::raw[x3::lexeme[+x3::char_]][act_span([](ParseState& s, SourceSpan sp) {
                           s.error("E0005", "too many errors; the rest of the file is not checked",
                                   {sp.file, sp.begin, sp.begin + 1});
                         })];

constexpr auto file_def = *(give_up | declaration | recover);

BOOST_SPIRIT_DEFINE(file, declaration)

}  // namespace slakit::parser
