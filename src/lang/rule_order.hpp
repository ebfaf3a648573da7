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
/// A walk breadth first from the top files (those named that nothing outside
/// their include cycle includes), in the order named, gives each file a
/// place; then no file comes before a file that includes it: each waits for
/// its includers, and the files of a cycle go together, in their places.
[[nodiscard]] std::vector<std::uint32_t> rule_order(
    const std::vector<std::vector<std::uint32_t>>& includes, std::uint32_t named);

}  // namespace slakit::detail
