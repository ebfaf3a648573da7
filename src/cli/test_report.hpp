// What `slakit test` writes: the text report and the JUnit XML file
// (docs/cli.md, `slakit test`). The JSON form is the library's
// (slakit::to_json of the results).
#pragma once

#include <slakit/lang/diagnostic.hpp>
#include <slakit/lang/source.hpp>
#include <slakit/testing/test_runner.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::cli {

/// "file:line:col" of a span.
[[nodiscard]] std::string position_text(const SourceMap& sources, SourceSpan span);

/// The lines under a failed case: each failing expectation with its
/// position, expected, actual and the explanation, indented.
[[nodiscard]] std::string failure_text(const TestResult& r, const SourceMap& sources);

/// The text report: one line per case ("PASS name" / "FAIL name (file:line:col)"),
/// a failure's details under it, and "N passed, M failed".
[[nodiscard]] std::string text_report(const std::vector<TestResult>& results,
                                      const SourceMap& sources);

/// JUnit XML: one <testsuite> per rule file, in the order its first case
/// ran, a <testcase> per case and a <failure> in each failed one.
[[nodiscard]] std::string junit_report(const std::vector<TestResult>& results,
                                       const SourceMap& sources);

/// JUnit XML for a run that compile errors stopped: one <testsuite>, one
/// <testcase> "compile" whose <error> (type "compile") has the first error
/// as its message and every diagnostic, as `slakit check` prints them, as
/// its text. `files` are the rule files named, `elapsed` what compiling took.
[[nodiscard]] std::string junit_compile_failure(const std::vector<std::string>& files,
                                                const std::vector<Diagnostic>& diagnostics,
                                                const SourceMap& sources,
                                                std::chrono::nanoseconds elapsed);

/// A case's `classname`: the rule file's path without its `.sla`, its
/// folders joined by dots (`rules/tests/gold_tests.sla` is
/// `rules.tests.gold_tests`), as Jenkins splits a classname into package
/// and class at its last dot. Dots within a name become `_`, and `.`, `..`
/// and empty parts are left out, so that no dot splits a name.
[[nodiscard]] std::string junit_classname(std::string_view path);

/// Where escaped text goes: an attribute value, or character data.
enum class XmlPlace { attribute, text };

/// Text escaped for XML so that a parser reads it back as written: markup
/// characters and the carriage return (and, in an attribute, the tab and
/// line feed) as references. Characters XML 1.0 cannot hold (the other C0
/// controls, U+FFFE, U+FFFF) are written as the text report writes them
/// (`\x01`), bytes that are not UTF-8 as U+FFFD.
[[nodiscard]] std::string xml_escaped(std::string_view text, XmlPlace place);

}  // namespace slakit::cli
