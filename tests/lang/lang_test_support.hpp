// Helpers for language tests: compile text, list diagnostics compactly.
#pragma once

#include <slakit/slakit.hpp>

#include "support/utf8.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace slakit::test {

/// "line:col code" for each diagnostic of compiling `text` as "t.sla",
/// joined with ", " (one string, so that a failing check prints it).
inline std::string diagnostics_of(const std::string& text) {
  const auto result = compile({{"t.sla", text}});
  std::string out;
  for (const auto& d : result.diagnostics) {
    const auto p = result.sources->position(d.span);
    out += (out.empty() ? "" : ", ") + std::to_string(p.line) + ":" + std::to_string(p.column) +
           " " + d.code;
  }
  return out;
}

/// Renders every diagnostic as a host would (text and JSON) and checks what
/// each rendering promises: a "file:line:col: " header and exactly one caret
/// line; JSON that is valid UTF-8. Returns false at the first broken promise.
inline bool renders_cleanly(const std::vector<Diagnostic>& diagnostics, const SourceMap& sources) {
  auto valid_utf8 = [](const std::string& s) {
    return detail::first_invalid_utf8(s) == std::string::npos;
  };
  for (const auto& d : diagnostics) {
    const auto text = render_text(d, sources);
    const auto p = sources.position(d.span);
    const auto header = sources.file(d.span.file).path + ":" + std::to_string(p.line) + ":" +
                        std::to_string(p.column) + ": ";
    if (text.rfind(header, 0) != 0) return false;
    // Header, source line, caret line: "  " then blanks or tabs, '^', '~'s.
    if (std::count(text.begin(), text.end(), '\n') != 3 || text.back() != '\n') return false;
    const auto caret_line = text.substr(text.rfind('\n', text.size() - 2) + 1);
    const auto caret = caret_line.find_first_not_of(" \t");
    if (caret_line.rfind("  ", 0) != 0 || caret == std::string::npos || caret_line[caret] != '^' ||
        caret_line.find_first_not_of('~', caret + 1) != caret_line.size() - 1) {
      return false;
    }
    if (!valid_utf8(text)) return false;
  }
  return valid_utf8(render_json(diagnostics, sources));
}

/// The number of diagnostics of compiling `text`.
inline std::size_t diagnostic_count(const std::string& text) {
  return compile({{"t.sla", text}}).diagnostics.size();
}

/// The first diagnostic's message, or "" when there is none.
inline std::string first_message(const std::string& text) {
  const auto result = compile({{"t.sla", text}});
  return result.diagnostics.empty() ? std::string{} : result.diagnostics.front().message;
}

inline constexpr const char* kCalendar =
    "calendar c {\n  zone \"UTC\"\n  mon..fri 09:00-17:00\n}\n";

}  // namespace slakit::test
