// The canonical text of conditions and durations: what the formatter writes,
// and how the checker compares two conditions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "slakit/lang/ast.hpp"

namespace slakit::detail {

[[nodiscard]] std::string expr_text(const Expr& e);
/// expr_text with `line_start` (a line break and an indent) before each
/// `and` or `or` of the outermost level; inside parentheses before an `and`
/// or `or` whose operand would pass `width` characters, and in `in` lists
/// after a comma where the line would pass it (`used`: how much of the
/// first line comes before the condition): how the formatter wraps a long
/// condition.
[[nodiscard]] std::string expr_text_wrapped(const Expr& e, std::string_view line_start,
                                            std::size_t width, std::size_t used);
/// `items` joined by ", ", broken after a comma and continued after
/// `line_start` (a line break and an indent) where a line would pass
/// `width` characters; `used` is how much of the first line is taken.
[[nodiscard]] std::string list_text_wrapped(const std::vector<std::string>& items,
                                            std::string_view line_start, std::size_t width,
                                            std::size_t used);
[[nodiscard]] std::string literal_text(const Literal& l);
[[nodiscard]] std::string duration_text(const BusinessDuration& d);
/// When a threshold fires, as written after `warn` or `escalate`: "at 75%",
/// "1h before due", "2h after due".
[[nodiscard]] std::string threshold_when_text(ThresholdForm form, int percent,
                                              const BusinessDuration& offset);
[[nodiscard]] std::string threshold_when_text(const ThresholdLine& t);
/// A threshold's offset as written: "1h30m", "2 business days", and
/// "0 business days" for `0bd`, which the formatter must not turn into a
/// valid `0s`.
[[nodiscard]] std::string offset_text(const ThresholdLine& t);
/// A string literal in double quotes, escaped so that it reads back the same.
[[nodiscard]] std::string quoted_text(const std::string& s);

}  // namespace slakit::detail
