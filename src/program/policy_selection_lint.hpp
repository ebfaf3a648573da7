// Lints of first-match choices in policies (docs/sla.md, "Policies and
// target values that are never chosen"), answered on decision tables with
// the coverage check routing's lints use (table_coverage.hpp).
#pragma once

#include <vector>

#include "policy_plan.hpp"
#include "slakit/lang/diagnostic.hpp"
#include "slakit/lang/source.hpp"

namespace slakit::detail {

/// W0240: an `sla` that the SLAs before it take every ticket from (the
/// first SLA whose condition holds applies), or an `sla` or `ola` whose
/// `for` condition holds for no ticket. W0241: a target case that the cases
/// before it take every ticket from, or whose `when` condition holds for no
/// ticket. W0242: an `ola` whose `start on` events all assign teams for
/// which its `for` condition holds for no ticket.
void lint_policy_selection(const Program& program, const SourceMap& sources,
                           std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
