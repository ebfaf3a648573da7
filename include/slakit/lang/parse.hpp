// slakit/lang/parse.hpp: rule text to syntax tree.
//
//   slakit::SourceMap sources;
//   auto id = sources.add("rules.sla", text);
//   std::vector<slakit::Diagnostic> diagnostics;
//   slakit::RuleFile file = slakit::parse_rules(sources, id, diagnostics);
//   // diagnostics holds every syntax error, in order; `file` every
//   // declaration that parsed.
#pragma once

#include <vector>

#include "slakit/lang/ast.hpp"
#include "slakit/lang/diagnostic.hpp"

namespace slakit {

/// Conditions may nest this deep (parentheses, `not`): deeper is E0004.
inline constexpr int kMaxNesting = 64;

/// Parses file `file` of `sources`. Never throws on bad text: every problem is
/// a diagnostic appended to `diagnostics`, and parsing resumes at the next
/// declaration, so one run reports all independent errors. `file` must be
/// an id of `sources` (std::out_of_range otherwise).
[[nodiscard]] RuleFile parse_rules(const SourceMap& sources, std::uint32_t file,
                                   std::vector<Diagnostic>& diagnostics);

}  // namespace slakit
