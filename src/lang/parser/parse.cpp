#include "slakit/lang/parse.hpp"

#include <fmt/format.h>

#include "file.hpp"
#include "parse_state.hpp"
#include "support/utf8.hpp"
#include "tokens.hpp"

namespace slakit {

namespace {

bool word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// True when `rest` begins with a declaration keyword: where recovery resumes.
bool starts_declaration(std::string_view rest) {
  auto first = rest.begin();
  return boost::spirit::x3::parse(first, rest.end(), parser::declaration_keyword);
}

// Collects comments, and rejects nesting the recursive grammar would need a
// deep stack for, over-long lines and over-long strings. Returns false after
// reporting.
bool prescan(parser::ParseState& state, std::string_view text) {
  int depth = 0, nots = 0;
  std::size_t line_start = 0;
  auto at = [&](std::size_t i) { return state.span(text.data() + i, text.data() + i + 1); };
  // Checked at each line break and at the end, for the line that ends there.
  auto line_too_long = [&](std::size_t end) {
    if (end - line_start <= kMaxLineBytes) return false;
    state.error("E0007",
                fmt::format("line of {} bytes: a line of rule text may be at most {} bytes long",
                            end - line_start, kMaxLineBytes),
                at(line_start + kMaxLineBytes));
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (line_too_long(i)) return false;
      line_start = i + 1;
    }
    if (c == '"') {
      const auto open = i;
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ++i;
      }
      if (i - open - 1 > kMaxStringBytes) {
        state.error("E0008",
                    fmt::format("string of {} bytes: a string may be at most {} bytes long",
                                i - open - 1, kMaxStringBytes),
                    at(open));
        return false;
      }
      if (i < text.size() && text[i] == '\n') --i;  // the line break is seen above
      nots = 0;
    } else if (c == '#') {
      const auto end = std::min(text.find('\n', i), text.size());
      state.file.comments.push_back({std::string{text.substr(i + 1, end - i - 1)},
                                     state.span(text.data() + i, text.data() + end)});
      i = end - 1;  // the line break is seen above
    } else if (c == '(' ||
               (c == 'n' && text.substr(i, 3) == "not" && (i == 0 || !word_byte(text[i - 1])) &&
                (i + 3 == text.size() || !word_byte(text[i + 3])))) {
      const int level = c == '(' ? ++depth + nots : depth + ++nots;
      if (level > kMaxNesting) {
        state.error("E0004", fmt::format("conditions nest more than {} levels deep", kMaxNesting),
                    at(i));
        return false;
      }
      if (c == 'n') i += 2;
    } else if (c == ')') {
      depth = std::max(0, depth - 1);
    } else if (c == '{' || c == '}' || (c == '\n' && starts_declaration(text.substr(i + 1)))) {
      // A new condition starts from the top of the grammar. A plain line
      // break does not: conditions may span lines.
      depth = 0;
      nots = 0;
    } else if (word_byte(c)) {
      nots = 0;
      while (i + 1 < text.size() && word_byte(text[i + 1])) ++i;
    }
  }
  return !line_too_long(text.size());
}

}  // namespace

RuleFile parse_rules(const SourceMap& sources, std::uint32_t file,
                     std::vector<Diagnostic>& diagnostics) {
  parser::ParseState state(sources, file, diagnostics);
  const std::string_view text = sources.file(file).text;
  if (const auto bad = detail::first_invalid_utf8(text); bad != std::string_view::npos) {
    state.error("E0003",
                fmt::format("invalid UTF-8: byte 0x{:02X} does not start a character",
                            static_cast<unsigned char>(text[bad])),
                state.span(text.data() + bad, text.data() + bad + 1));
    return std::move(state.file);
  }
  if (text.size() > kMaxRuleFileBytes) {
    state.error("E0006",
                fmt::format("file of {} bytes: a rule file may be at most {} MiB", text.size(),
                            kMaxRuleFileBytes >> 20),
                state.span(text.data(), text.data()));
    return std::move(state.file);
  }
  if (!prescan(state, text)) return std::move(state.file);

  const char* first = text.data();
  const char* last = first + text.size();
  namespace x3 = boost::spirit::x3;
  const auto grammar = x3::with<parser::state_tag>(std::ref(state))[parser::file];
  x3::phrase_parse(first, last, grammar, parser::skipper);
  return std::move(state.file);
}

}  // namespace slakit
