// The canonical text of conditions and durations: what the formatter writes,
// and how the checker compares two conditions.
#pragma once

#include <string>
#include <string_view>

#include "slakit/lang/ast.hpp"

namespace slakit::detail {

[[nodiscard]] std::string expr_text(const Expr& e);
/// expr_text with `line_start` (a line break and an indent) before each
/// `and` or `or` of the outermost level: how the formatter wraps a long
/// condition. The same text as expr_text when that level is neither.
[[nodiscard]] std::string expr_text_wrapped(const Expr& e, std::string_view line_start);
[[nodiscard]] std::string literal_text(const Literal& l);
[[nodiscard]] std::string duration_text(const BusinessDuration& d);
/// A string literal in double quotes, escaped so that it reads back the same.
[[nodiscard]] std::string quoted_text(const std::string& s);

}  // namespace slakit::detail
