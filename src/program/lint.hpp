// Lints over compiled conditions: questions the checker cannot answer from
// the text alone, answered by trying every combination of the values that
// make a difference to the conditions involved.
#pragma once

#include <vector>

#include "policy_plan.hpp"
#include "slakit/lang/diagnostic.hpp"

namespace slakit::detail {

/// W0222: a policy whose pause condition holds whenever the policy applies,
/// so that its clocks never run.
void lint_policies(const Program& program, std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
