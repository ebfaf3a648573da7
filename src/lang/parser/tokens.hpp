// Tokens shared by every area of the grammar. Each leaves its value in a
// ParseState slot and reports a bad value (25:00, Feb 30) where it stands,
// without failing the parse.
#pragma once

#include "config.hpp"
#include "parse_state.hpp"

namespace slakit::parser {

// Explicit byte ranges: the classifiers of x3 assume ASCII or call <cctype>
// on negative chars.
inline constexpr auto lower = x3::char_('a', 'z');
inline constexpr auto upper = x3::char_('A', 'Z');
inline constexpr auto digit = x3::char_('0', '9');
inline constexpr auto word_char = lower | upper | digit | x3::char_('_');
/// Ends a keyword or number: "calendar" must not match "calendars".
inline constexpr auto word_end = !word_char;

/// A keyword's text and its quoted form for messages ("expected 'while'"),
/// both made at compile time: the grammar objects must be constants, not
/// built during static initialisation, so that a host may compile rules
/// from its own globals' constructors (which may run before ours).
template <std::size_t N>
struct Keyword {
  char text[N]{};
  char quoted[N + 2]{};
  constexpr Keyword(const char (&word)[N]) {  // NOLINT: implicit, for kw<"on">()
    quoted[0] = '\'';
    for (std::size_t i = 0; i + 1 < N; ++i) text[i] = quoted[i + 1] = word[i];
    quoted[N] = '\'';
  }
};

/// A keyword: a named rule, so that a failed expectation reads "expected 'on'".
template <Keyword W>
constexpr auto kw() {
  return x3::rule<struct keyword_id>{W.quoted} = x3::lexeme[x3::lit(W.text) >> word_end];
}

/// Reserved words cannot be symbols or names in conditions. (Those that are
/// no value, with the declaration keywords below, are listed again for
/// messages: is_keyword in parse_state.cpp; a test holds the two together.)
inline constexpr auto reserved = kw<"and">() | kw<"or">() | kw<"not">() | kw<"in">() |
                                 kw<"none">() | kw<"true">() | kw<"false">() | kw<"when">() |
                                 kw<"otherwise">();

inline constexpr auto identifier_text =
    x3::raw[x3::lexeme[(lower | upper | x3::char_('_')) >> *word_char]];

/// Calls f(state, text_range) with the exact matched text of `p`.
template <class Parser, class F>
constexpr auto with_text(const Parser& p, F f) {
  return x3::raw[p][([f](auto& ctx) { f(state(ctx), x3::_attr(ctx)); })];
}

// Values: defined in tokens.cpp, called by the actions below.
void set_name(ParseState& s, const char* first, const char* last);
void set_string(ParseState& s, const char* first, const char* last);
void set_time(ParseState& s, const char* first, const char* last);
void set_date(ParseState& s, const char* first, const char* last);
void set_duration(ParseState& s, const char* first, const char* last);
void set_business_days(ParseState& s, const char* first, const char* last);
void set_integer(ParseState& s, const char* first, const char* last);

template <class F>
constexpr auto setter(F f) {
  return
      [f](ParseState& s, const auto& r) { f(s, &*r.begin(), &*r.begin() + (r.end() - r.begin())); };
}

/// Gives a token a name for messages: "expected a name, saw '->'".
template <class Parser>
constexpr auto named(const char* what, const Parser& p) {
  return x3::rule<struct token_id>{what} = p;
}

/// Words that start a declaration: never names, so that a declaration
/// missing its last name does not swallow the next one.
inline constexpr auto declaration_keyword = kw<"include">() | kw<"calendar">() | kw<"field">() |
                                            kw<"sla">() | kw<"ola">() | kw<"routes">() |
                                            kw<"route">() | kw<"test">();

inline constexpr auto name =
    named("a name", !declaration_keyword >> with_text(identifier_text, setter(set_name)));

inline constexpr auto field_path_text =
    x3::lexeme[(lower | upper | x3::char_('_')) >> *word_char >>
               +('.' >> (lower | upper | x3::char_('_')) >> *word_char)];
inline constexpr auto field_path =
    named("a field (like ticket.priority)", with_text(field_path_text, setter(set_name)));

// A named rule, so that an expectation failure says what was missing.
inline constexpr auto closing_quote =
    x3::rule<struct closing_quote_id>{"a closing '\"' on the same line"} = x3::lit('"');

// A backslash escapes the character after it, but never the line break: a
// string stays on its line. set_string rejects escapes other than \" \\ \n \t.
inline constexpr auto string_text =
    x3::lexeme[('"' >> *(('\\' >> (x3::char_ - '\n')) | (x3::char_ - one_of<'"', '\\', '\n'>{}))) >
               closing_quote];
inline constexpr auto string_lit =
    named("a string in double quotes", with_text(string_text, setter(set_string)));

inline constexpr auto time_text =
    x3::lexeme[digit >> digit >> ':' >> digit >> digit >> -(':' >> digit >> digit) >> word_end];
inline constexpr auto time_of_day =
    named("a time of day (HH:MM)", with_text(time_text, setter(set_time)));

inline constexpr auto date_text = x3::lexeme[digit >> digit >> digit >> digit >> '-' >> digit >>
                                             digit >> '-' >> digit >> digit >> word_end];
inline constexpr auto date_lit =
    named("a date (YYYY-MM-DD)", with_text(date_text, setter(set_date)));

inline constexpr auto duration_unit = x3::lit("bd") | 'h' | 'm' | 's';
inline constexpr auto duration_text = x3::lexeme[+(+digit >> duration_unit) >> word_end];
/// "1h30m", "45s", "3bd", or "3 business days".
inline constexpr auto duration =
    with_text(duration_text, setter(set_duration)) |
    with_text(x3::lexeme[+digit >> word_end] >> kw<"business">() >> (kw<"days">() | kw<"day">()),
              setter(set_business_days));

inline constexpr auto integer =
    named("a whole number", with_text(x3::lexeme[+digit >> word_end], setter(set_integer)));
inline constexpr auto percent = with_text(x3::lexeme[+digit] >> x3::lit('%'), setter(set_integer));

}  // namespace slakit::parser
