// The files of a rule set: the ones named, the ones they include, each
// read once, parsed, and put in rule order (docs/language.md, "Includes").
#pragma once

#include <vector>

#include "slakit/lang/ast.hpp"
#include "slakit/lang/diagnostic.hpp"
#include "slakit/slakit.hpp"

namespace slakit::detail {

/// Adds every file to `sources` in the order it is read (the named ones
/// first, then their includes, breadth first): diagnostics keep that
/// order. The files come back in rule order: each before every file it
/// includes, the rest as read.
[[nodiscard]] std::vector<RuleFile> gather_files(std::vector<RuleSource> inputs,
                                                 const CompileOptions& options, SourceMap& sources,
                                                 std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
