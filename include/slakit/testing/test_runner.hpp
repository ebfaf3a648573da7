// slakit/testing/test_runner.hpp: runs the test blocks of a rule set.
//
// A test block (docs/language.md, "Tests") is a ticket, its history, `now`
// and expectations. The runner builds the ticket, calls the engines
// (slakit::explain for SLA and OLA clocks, slakit::explain_route for
// routing, Calendar::add for deadlines) and compares what they return with
// what the test expects. It computes nothing itself: a second evaluator
// could only agree with the engines' bugs or invent its own.
//
//   slakit::RuleSet rules = slakit::compile_or_throw({{"rules.sla", text}});
//   for (const auto& r : slakit::run_tests(rules)) {
//     std::cout << r.name << (r.passed ? ": pass\n" : ": FAIL\n");
//     for (const auto& e : r.expectations)
//       if (!e.passed) std::cout << "  expected " << e.expected << ", got " << e.actual << "\n";
//   }
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "slakit/lang/ast.hpp"
#include "slakit/lang/source.hpp"

namespace slakit {

class RuleSet;

/// One `expect` line, checked.
struct ExpectationResult {
  SourceSpan span{};        ///< the `expect` line (RuleSet::sources() gives file:line:col)
  std::string expectation;  ///< its canonical text: "expect gold.first_response met"
  bool passed = false;
  std::string expected;     ///< "met", "2026-03-30T11:00:00+02:00 (2026-03-30T09:00:00Z)"
  std::string actual;       ///< what the engine gave, in the same form
  std::string explanation;  ///< the engine's explanation (failures only): the rule or policy
                            ///< and, for a target, its cycle with the intervals counted
};

/// One test case.
struct TestResult {
  std::string name;
  SourceSpan span{};  ///< the test's name
  bool passed = false;
  /// Set when the engine rejected the case's ticket (a TicketError, an
  /// instant out of range): every expectation that needed it failed.
  std::string error{};
  std::vector<ExpectationResult> expectations;  ///< in the order written
  /// The wall time the case took (JUnit's `time`; not in to_json, whose
  /// output stays the same from run to run).
  std::chrono::nanoseconds elapsed{};
};

/// Whether a test's name matches a --filter pattern: `*` matches any run of
/// characters and `?` one character; a pattern without either matches
/// names that contain it. The empty pattern matches every name.
[[nodiscard]] bool test_name_matches(std::string_view name, std::string_view pattern) noexcept;

/// Runs one case. Never throws: what the engines throw for the case's
/// ticket (a TicketError, a RangeError) is a failed case with `error` set.
[[nodiscard]] TestResult run_test(const RuleSet& rules, const TestDecl& test);

/// Runs the cases whose names match `filter`, in file order.
[[nodiscard]] std::vector<TestResult> run_tests(const RuleSet& rules, std::string_view filter = {});

/// The results as one JSON object (`slakit test --format json`, docs/cli.md):
/// {"tests": [{"name", "file", "line", "column", "passed", "error",
/// "expectations": [{"expectation", "file", "line", "column", "passed",
/// "expected", "actual", "explanation"}]}], "passed": N, "failed": M}.
/// Positions are 1-based, columns in characters.
[[nodiscard]] std::string to_json(const std::vector<TestResult>& results, const SourceMap& sources);

}  // namespace slakit
