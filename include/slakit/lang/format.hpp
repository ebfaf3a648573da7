// slakit/lang/format.hpp: the canonical text of a rule file.
//
// Stable indentation and spacing, one declaration after another, comments
// kept where they stand (own-line comments before the element that follows
// them, trailing comments after the element on their line). Idempotent:
// format(format(x)) == format(x), and the result compiles to the same rules.
//
//   auto r = slakit::format_rules("rules.sla", text);
//   if (r.ok()) std::cout << r.text;
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "slakit/lang/diagnostic.hpp"

namespace slakit {

struct FormatResult {
  std::string text;  ///< the canonical text; the input unchanged when it does not parse
  std::vector<Diagnostic> diagnostics;
  SourceMap sources;  ///< for rendering the diagnostics
  [[nodiscard]] bool ok() const { return !has_errors(diagnostics); }
};

/// Formats one file. A file with syntax errors is returned as it is, with
/// its diagnostics: the formatter never drops text it cannot read. Throws
/// only InvalidArgument, for a file of 4 GiB or more.
[[nodiscard]] FormatResult format_rules(std::string path, std::string text);

}  // namespace slakit
