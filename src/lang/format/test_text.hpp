// The canonical text of the lines of a test block: what the formatter
// writes, and how `slakit test` names an expectation in a report.
#pragma once

#include <string>

#include "slakit/lang/ast.hpp"

namespace slakit::detail {

/// "2026-03-27T15:00:00Z" as written, or "2026-03-27 16:00 in emea_support",
/// or "2026-03-27".
[[nodiscard]] std::string instant_text(const TestInstant& i);
[[nodiscard]] std::string test_value_text(const TestValue& v);
/// One line of a test block, without indentation.
[[nodiscard]] std::string test_line_text(const TestLine& line);
/// "expect gold.first_response met": the expectation line.
[[nodiscard]] std::string expectation_text(const Expectation& e);

}  // namespace slakit::detail
