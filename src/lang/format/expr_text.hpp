// The canonical text of conditions and durations: what the formatter writes,
// and how the checker compares two conditions.
#pragma once

#include <string>

#include "slakit/lang/ast.hpp"

namespace slakit::detail {

[[nodiscard]] std::string expr_text(const Expr& e);
[[nodiscard]] std::string literal_text(const Literal& l);
[[nodiscard]] std::string duration_text(const BusinessDuration& d);
/// A string literal in double quotes, escaped so that it reads back the same.
[[nodiscard]] std::string quoted_text(const std::string& s);

}  // namespace slakit::detail
