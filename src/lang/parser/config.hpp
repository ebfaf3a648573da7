// The one place that fixes the parser's iterator, skipper and context: every
// grammar translation unit instantiates its rules for exactly these types.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <functional>

namespace slakit::parser {

namespace x3 = boost::spirit::x3;

class ParseState;
struct state_tag;

using iterator_type = const char*;

/// One of the bytes `Bytes`: x3::char_("...") builds its set at run time,
/// and every grammar object must be a constant (see Keyword in tokens.hpp).
template <char... Bytes>
struct one_of : x3::char_parser<one_of<Bytes...>> {
  using attribute_type = char;
  using encoding = boost::spirit::char_encoding::standard;
  static constexpr bool has_attribute = true;
  template <class Char, class Context>
  [[nodiscard]] constexpr bool test(Char ch, const Context&) const noexcept {
    return ((ch == Bytes) || ...);
  }
};

// Blanks, line breaks and '#' comments separate tokens. Explicit byte sets
// rather than x3::space: bytes of UTF-8 text are negative chars. A comment
// ends at a line feed only, as the comment collector and positions see lines
// (a lone carriage return ending it here let the formatter write a '}' it
// had read as comment text).
inline constexpr auto skipper = x3::omit[one_of<' ', '\t', '\r', '\n', '\f', '\v'>{}] |
                                x3::lexeme['#' >> *(x3::char_ - x3::char_('\n'))];
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

/// The parse state of the context of a semantic action.
template <class Context>
ParseState& state(const Context& ctx) {
  return x3::get<state_tag>(ctx).get();
}

}  // namespace slakit::parser

// What an expectation failure names: X3 names rules and literals, and falls
// back to a mangled type name for everything else. Wrappers describe
// themselves through what they wrap; a sequence by its first part.
namespace boost::spirit::x3 {

template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<raw_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(const raw_directive<Subject>& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<lexeme_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(const lexeme_directive<Subject>& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<expect_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(const expect_directive<Subject>& p) const { return what(p.subject); }
};
template <typename Left, typename Right>
struct get_info<sequence<Left, Right>> {
  using result_type = std::string;
  std::string operator()(const sequence<Left, Right>& p) const { return what(p.left); }
};
template <typename Left, typename Right>
struct get_info<alternative<Left, Right>> {
  using result_type = std::string;
  std::string operator()(const alternative<Left, Right>& p) const {
    return what(p.left) + " or " + what(p.right);
  }
};
template <typename Left, typename Right>
struct get_info<list<Left, Right>> {
  using result_type = std::string;
  std::string operator()(const list<Left, Right>& p) const { return what(p.left); }
};

}  // namespace boost::spirit::x3
