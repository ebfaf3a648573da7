// Lints over compiled route groups, answered on their decision tables
// (docs/routing.md, "Static analysis"): routes earlier routes cover, routes
// whose condition can never hold, and tickets no route of a group matches.
#pragma once

#include <vector>

#include "routing_program.hpp"
#include "slakit/lang/diagnostic.hpp"
#include "slakit/lang/source.hpp"

namespace slakit::detail {

/// W0211 (a route that earlier routes of its `first` group cover), W0227 (a
/// route whose condition can never hold), W0228 (a `first` or `scored`
/// group without a catch-all that some ticket falls through, with an
/// example). A route the checker already warned about is not warned again.
void lint_routing(const RoutingProgram& program, const SourceMap& sources,
                  std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
