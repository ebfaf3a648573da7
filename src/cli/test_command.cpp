// slakit test FILE... [--filter PATTERN] [--format text|json] [--junit OUT.xml]
#include <slakit/testing/test_runner.hpp>

#include <cstdio>
#include <fstream>

#include "cli.hpp"
#include "test_report.hpp"

namespace slakit::cli {

namespace {

// The command's own help, kept here for the shared help framework to take up.
constexpr const char* kTestHelp =
    "usage: slakit test FILE... [--filter PATTERN] [--format text|json] [--junit OUT.xml]\n"
    "\n"
    "Runs the test blocks of the rule files (docs/language.md, \"Tests\"): one line per\n"
    "case, PASS or FAIL; a failure shows each failing expectation as file:line:col with\n"
    "expected and actual values and the engine's explanation. The last line reads\n"
    "'N passed, M failed'.\n"
    "\n"
    "options:\n"
    "  --filter PATTERN   run only the cases whose names match: '*' any characters,\n"
    "                     '?' one; without either, names that contain PATTERN\n"
    "  --format text|json the report on stdout (default text)\n"
    "  --junit OUT.xml    also write JUnit XML for CI test views\n"
    "\n"
    "exit status: 0 every case passed, 1 a case failed, 2 usage error, unreadable file,\n"
    "compile errors (printed as 'slakit check' prints them), or no case to run\n"
    "\n"
    "examples:\n"
    "  slakit test examples/rules/tests.sla\n"
    "  slakit test rules/*.sla --filter 'gold*' --junit build/slakit-tests.xml\n"
    "  slakit test rules.sla tests.sla --format json > results.json\n";

}  // namespace

int test_command(const Arguments& args) {
  const auto format = args.value("--format").value_or("text");
  if (format != "text" && format != "json") {
    throw UsageError{"--format takes text or json, not '" + format + "'"};
  }
  if (args.files.empty()) {
    std::fputs(kTestHelp, stderr);
    throw UsageError{"test needs at least one rule file"};
  }
  const auto result = compile_files(args.files);
  for (const auto& d : result.diagnostics) {
    std::fputs(render_text(d, *result.sources).c_str(), stderr);
  }
  if (!result.ok()) return kUsage;
  const auto filter = args.value("--filter").value_or("");
  const auto results = run_tests(*result.rules, filter);
  if (results.empty()) {
    throw UsageError{result.rules->tests().empty()
                         ? std::string{"the files hold no test blocks"}
                         : "no test name matches --filter '" + filter + "'"};
  }
  const auto& sources = result.rules->sources();
  if (const auto junit = args.value("--junit")) {
    std::ofstream out(*junit, std::ios::binary);
    out << junit_report(results, sources);
    out.close();
    if (!out) throw UsageError{"cannot write '" + *junit + "'"};
  }
  const auto report =
      format == "json" ? to_json(results, sources) + "\n" : text_report(results, sources);
  std::fputs(report.c_str(), stdout);
  for (const auto& r : results) {
    if (!r.passed) return kProblems;
  }
  return kOk;
}

}  // namespace slakit::cli
