// slakit/lang/diagnostic.hpp: what the language front end reports.
//
// A Diagnostic is data: a severity, a stable code (docs/language.md lists
// them all), a message saying what was expected and what was found, and the
// span it points at. Rendering is separate:
//
//   rules.sla:3:14: error[E0101]: expected a time of day (HH:MM), saw '25:00'
//     mon..fri 25:00-17:00
//              ^~~~~
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "slakit/lang/source.hpp"

namespace slakit {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  ///< "E0101"; stable across releases
  std::string message;
  SourceSpan span{};
};

/// True when any diagnostic is an error.
[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// GCC style: "file:line:col: error[E0101]: message", the source line, a caret
/// under the characters of the span (at least one). Any bytes render: those
/// that are not UTF-8 show as U+FFFD, and a long line as a window around the
/// caret. A span in a file the map does not hold renders without a position.
/// Throws nothing but std::bad_alloc.
///
/// With `color`, ANSI colours as GCC uses them: the position bold, "error"
/// bold red, "warning" bold magenta, the caret bold green; the text is
/// otherwise the same (the CLI asks for it only on a terminal).
struct TextStyle {
  bool color = false;
};
[[nodiscard]] std::string render_text(const Diagnostic& d, const SourceMap& sources,
                                      TextStyle style = {});

/// The first line of render_text alone, for a report that points into
/// something other than rule text and has no source line to show (the
/// CLI's bad rows: "tickets.jsonl:7: error: ticket 'A-7': ..."):
/// "POSITION: SEVERITY[CODE]: MESSAGE\n", without "[CODE]" when `code` is
/// empty, in the same colours. Control characters of each part are escaped
/// (`\n`, `\x1B`), so the report stays one line that no data can forge or
/// colour. Throws nothing but std::bad_alloc.
[[nodiscard]] std::string render_line(std::string_view position, Severity severity,
                                      std::string_view code, std::string_view message,
                                      TextStyle style = {});

/// A JSON array of objects with file, line, column, end_line, end_column,
/// severity, code and message; always valid JSON in valid UTF-8 (bytes that
/// are not UTF-8 become U+FFFD). Throws nothing but std::bad_alloc.
[[nodiscard]] std::string render_json(const std::vector<Diagnostic>& diagnostics,
                                      const SourceMap& sources);

}  // namespace slakit
