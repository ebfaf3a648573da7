// slakit/lang/parse.hpp: rule text to syntax tree.
//
//   slakit::SourceMap sources;
//   auto id = sources.add("rules.sla", text);
//   std::vector<slakit::Diagnostic> diagnostics;
//   slakit::RuleFile file = slakit::parse_rules(sources, id, diagnostics);
//   // diagnostics holds every syntax error, in order; `file` every
//   // declaration that parsed.
#pragma once

#include <cstddef>
#include <vector>

#include "slakit/lang/ast.hpp"
#include "slakit/lang/diagnostic.hpp"

namespace slakit {

// Limits on rule text (docs/reliability.md, "Limits"). Past one, parsing
// reports it at its position and stops: what lies beyond is not read.

/// Conditions may nest this deep (parentheses, `not`): deeper is E0004.
inline constexpr int kMaxNesting = 64;
/// A rule file may be this many bytes long: longer is E0006.
inline constexpr std::size_t kMaxRuleFileBytes = std::size_t{64} << 20;
/// A line of rule text may be this many bytes long: longer is E0007.
inline constexpr std::size_t kMaxLineBytes = std::size_t{64} << 10;
/// A string between its quotes may be this many bytes long: longer is E0008.
inline constexpr std::size_t kMaxStringBytes = 4096;
/// A file reports at most this many errors, the parser's and the checker's
/// together: the next is E0005, and nothing after it in that file is reported.
inline constexpr std::size_t kMaxErrorsPerFile = 100;
/// A rule set may hold this many declarations (calendars, fields, policies,
/// routes, each route of a group counted): more is E0009.
inline constexpr std::size_t kMaxDeclarations = 100'000;

/// Parses file `file` of `sources`. Never throws on bad text: every problem is
/// a diagnostic appended to `diagnostics`, and parsing resumes at the next
/// declaration, so one run reports all independent errors. `file` must be
/// an id of `sources` (std::out_of_range otherwise).
[[nodiscard]] RuleFile parse_rules(const SourceMap& sources, std::uint32_t file,
                                   std::vector<Diagnostic>& diagnostics);

}  // namespace slakit
