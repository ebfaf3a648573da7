// The order of a rule set's files, for first match (docs/language.md,
// "Includes"): from the include graph, not from the order the files are
// named in.
#pragma once

#include <cstdint>
#include <vector>

namespace slakit::detail {

/// The files' ids in rule order. `includes[f]` lists the files that file
/// `f` includes, in the order of its include lines (each once, never `f`);
/// files 0 to `named` - 1 are the files named, in their order. Every file
/// is one of those or included by one.
///
/// One walk breadth first from the top files (those named whose include
/// cycle nothing outside it includes), in the order named, gives each file
/// a place; then the cycle (a file alone is one) with the earliest place
/// whose includers are all placed comes next, its files in place order.
[[nodiscard]] std::vector<std::uint32_t> rule_order(
    const std::vector<std::vector<std::uint32_t>>& includes, std::uint32_t named);

}  // namespace slakit::detail
