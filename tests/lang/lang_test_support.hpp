// Helpers for language tests: compile text, list diagnostics compactly.
#pragma once

#include <slakit/slakit.hpp>

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
