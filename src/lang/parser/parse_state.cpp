#include "parse_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "support/suggestion.hpp"
#include "support/utf8.hpp"

namespace slakit::parser {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':' || c == '-';
}

// Shows bytes that are not printable ASCII as \xNN, so messages stay valid
// UTF-8 and one line whatever the input.
std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\x{:02X}", c);
    }
  }
  return out;
}

// Words of the language that cannot stand as a value or a name: one of
// them where a value was expected (a category called `test`) is most likely
// meant as text. They are tokens.hpp's `reserved` words that are no value
// and its `declaration_keyword`s (the parse test "every word the hint names
// is refused as a bare value" holds the lists together).
bool is_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kKeywords{
      "and",      "or",    "not", "in",  "when",   "otherwise", "include",
      "calendar", "field", "sla", "ola", "routes", "route",     "test"};
  return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

// " ('test' is a word of the language: write "test" for the text)", when a
// keyword stands where a value was expected (a name cannot be quoted).
std::string keyword_hint(std::string_view what, std::string_view token) {
  if (what.find("a value") == std::string_view::npos || !is_keyword(token)) return {};
  return fmt::format(" ('{0}' is a word of the language: write \"{0}\" for the text)", token);
}

// " (a range of days takes two dots: mon..fri)" for "mon-fri", the way
// other tools write it: the parser stops at the '-' after the weekday.
std::string day_range_hint(const char* begin, const char* at, const char* end) {
  constexpr std::array<std::string_view, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const auto is_day = [&](std::string_view word) {
    return std::find(kDays.begin(), kDays.end(), word) != kDays.end();
  };
  if (at - begin < 3 || end - at < 4 || *at != '-') return {};
  const std::string_view before{at - 3, 3};
  const std::string_view after{at + 1, 3};
  if (!is_day(before) || !is_day(after)) return {};
  return fmt::format(" (a range of days takes two dots: {}..{})", before, after);
}

// "; did you mean 'holiday'?" when the word seen is close to one of the
// words `what` offers: those in its parentheses or quotes ("a calendar line
// (zone, a weekday, holiday, closed, open) or '}'"), a weekday's names for
// "a weekday", a month's for "a month".
std::string typo_hint(std::string_view what, std::string_view token) {
  if (token.size() < 2 || !std::all_of(token.begin(), token.end(),
                                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; })) {
    return {};
  }
  std::vector<std::string> offered;
  bool quoted = false;    // inside '...': a word the grammar takes as it is
  int parenthesised = 0;  // inside (...): a list of choices, joined by "or", "to"...
  std::size_t i = 0;
  while (i < what.size()) {
    const char c = what[i];
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == '(') ++parenthesised;
    if (!quoted && c == ')' && parenthesised > 0) --parenthesised;
    if ((quoted || parenthesised > 0) && ((c >= 'a' && c <= 'z') || c == '_')) {
      const auto begin = i;
      while (i < what.size() && ((what[i] >= 'a' && what[i] <= 'z') || what[i] == '_')) ++i;
      const auto word = what.substr(begin, i - begin);
      constexpr std::array<std::string_view, 5> kJoining{"or", "and", "to", "of", "like"};
      const bool joining =
          !quoted && std::find(kJoining.begin(), kJoining.end(), word) != kJoining.end();
      if (word.size() > 1 && !joining) offered.emplace_back(word);
      continue;
    }
    ++i;
  }
  if (what.find("a weekday") != std::string_view::npos) {
    offered.insert(offered.end(), {"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
  }
  if (what.find("a month") != std::string_view::npos) {
    offered.insert(offered.end(), {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                   "oct", "nov", "dec"});
  }
  if (std::find(offered.begin(), offered.end(), token) != offered.end()) return {};
  // A short word is close only one letter away ('no' for 'nov', not 'on' for 'ola').
  if (token.size() <= 3) {
    std::erase_if(offered,
                  [&](const std::string& w) { return detail::edit_distance(token, w) > 1; });
  }
  return detail::suggestion(token, offered);
}

// Words that start a line of a calendar, or a declaration: seen on the line
// after a calendar line that stopped short, they show that the line ended
// there rather than went on.
bool starts_calendar_line(std::string_view token) {
  static constexpr std::array<std::string_view, 20> kStarts{
      "zone", "holiday", "closed",  "open",     "mon",   "tue", "wed", "thu",    "fri",   "sat",
      "sun",  "}",       "include", "calendar", "field", "sla", "ola", "routes", "route", "test"};
  return std::find(kStarts.begin(), kStarts.end(), token) != kStarts.end();
}

// The end of the last token in [first, last), one line of text, or nullptr
// when it holds none: a string runs to its closing quote (a backslash
// escapes the byte after it), a comment to the end of the line.
const char* last_token_end(const char* first, const char* last) noexcept {
  const char* token_end = nullptr;
  for (const char* p = first; p < last;) {
    if (*p == '#') break;
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v') {
      ++p;
    } else if (*p == '"') {
      ++p;
      while (p < last && *p != '"') p += (*p == '\\' && p + 1 < last) ? 2 : 1;
      if (p < last) ++p;
      token_end = p;
    } else {
      token_end = ++p;
    }
  }
  return token_end;
}

}  // namespace

ParseState::ParseState(const SourceMap& sources, std::uint32_t file_id,
                       std::vector<Diagnostic>& diagnostics)
    : file_id_(file_id), text_(sources.file(file_id).text), diagnostics_(diagnostics) {
  file.file = file_id;
}

SourceSpan ParseState::span(const char* first, const char* last) const noexcept {
  return {file_id_, static_cast<std::uint32_t>(first - text_.data()),
          static_cast<std::uint32_t>(last - text_.data())};
}

void ParseState::error(std::string code, std::string message, SourceSpan where) {
  // A token re-read after backtracking reports its bad value once.
  for (auto it = diagnostics_.rbegin(); it != diagnostics_.rend() && it - diagnostics_.rbegin() < 8;
       ++it) {
    if (it->span == where && it->code == code) return;
  }
  ++errors_;
  diagnostics_.push_back({Severity::error, std::move(code), std::move(message), where});
}

const char* ParseState::skip_trivia(const char* at) const noexcept {
  const char* end = text_end();
  while (at < end) {
    if (*at == ' ' || *at == '\t' || *at == '\r' || *at == '\n' || *at == '\f' || *at == '\v') {
      ++at;
    } else if (*at == '#') {
      while (at < end && *at != '\n') ++at;
    } else {
      break;
    }
  }
  return at;
}

std::string ParseState::token_at(const char* at) const {
  at = skip_trivia(at);
  const char* end = text_end();
  if (at == end) return "end of file";
  const char* stop = at + 1;
  if (*at == '"') {
    while (stop < end && *stop != '"' && *stop != '\n') ++stop;
    if (stop < end && *stop == '"') ++stop;
  } else if (word_char(*at)) {
    while (stop < end && word_char(*stop)) ++stop;
  } else {
    stop = at + detail::char_length({at, static_cast<std::size_t>(end - at)}, 0);
  }
  constexpr std::size_t kLongest = 40;
  std::string_view token{at, static_cast<std::size_t>(stop - at)};
  const bool cut = token.size() > kLongest;
  return fmt::format("'{}{}'", printable(token.substr(0, kLongest)), cut ? "..." : "");
}

// In a list, "expected ']', saw ','" where a keyword follows the comma as
// the next item (`[spam, test]`, `[test, spam]`): the list wanted a value
// there. Not when the keyword goes on (`[high, otherwise 4h`: a ']' is
// missing), where quoting it would not help.
std::string ParseState::listed_keyword_hint(const char* after_comma) const {
  const char* word = skip_trivia(after_comma);
  const char* stop = word;
  while (stop < text_end() && word_char(*stop)) ++stop;
  const std::string_view token{word, static_cast<std::size_t>(stop - word)};
  const char* next = skip_trivia(stop);
  if (!is_keyword(token) || next == text_end() || (*next != ']' && *next != ',')) return {};
  return fmt::format(" ('{0}' after it is a word of the language: write \"{0}\" for the text)",
                     token);
}

const char* ParseState::token_end_on_earlier_line(const char* at) const noexcept {
  const char* line = at;
  while (line > text_begin() && line[-1] != '\n') --line;
  if (last_token_end(line, at) != nullptr) return nullptr;
  while (line > text_begin()) {
    const char* line_end = line - 1;  // its line feed
    line = line_end;
    while (line > text_begin() && line[-1] != '\n') --line;
    if (const char* end = last_token_end(line, line_end)) return end;
  }
  return nullptr;
}

void ParseState::expected(std::string code, std::string_view what, const char* at) {
  at = skip_trivia(at);
  if (in_calendar_line && at < text_end()) {
    // "closed 2026-12-31 12:00" then a holiday line: the line stopped short
    // where it ends, not at the next line's first word.
    const char* token_end = at + 1;
    while (token_end < text_end() && word_char(*at) && word_char(*token_end)) ++token_end;
    const char* short_end = token_end_on_earlier_line(at);
    if (short_end != nullptr &&
        starts_calendar_line({at, static_cast<std::size_t>(token_end - at)})) {
      error(std::move(code), fmt::format("expected {}, saw the end of the line", what),
            span(short_end, short_end));
      return;
    }
  }
  if (at == text_end()) {
    // Point just after the last token rather than at an empty last line.
    while (at > text_begin() &&
           (at[-1] == '\n' || at[-1] == '\r' || at[-1] == ' ' || at[-1] == '\t')) {
      --at;
    }
  }
  const char* end = at;
  if (end < text_end()) ++end;
  while (end < text_end() && word_char(*end) && word_char(*at)) ++end;
  const std::string_view seen{at, static_cast<std::size_t>(end - at)};
  auto hint = keyword_hint(what, seen);
  if (hint.empty()) hint = typo_hint(what, seen);
  if (hint.empty() && what == "']'" && seen == ",") hint = listed_keyword_hint(end);
  // `in []`: only a list of values is followed by "a value" then ']'.
  if (hint.empty() && what == "a value" && seen == "]") hint = " (a list takes at least one value)";
  if (hint.empty() && in_calendar_line) hint = day_range_hint(text_begin(), at, text_end());
  error(std::move(code), fmt::format("expected {}, saw {}{}", what, token_at(at), hint),
        span(at, end));
}

}  // namespace slakit::parser
