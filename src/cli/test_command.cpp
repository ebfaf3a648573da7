// slakit test FILE... [--filter PATTERN] [--format text|json] [--junit OUT.xml]
//             [--output FILE]
// (its help: the command table in main.cpp)
#include <slakit/testing/test_runner.hpp>

#include <chrono>
#include <cstdio>
#include <optional>

#include "cli.hpp"
#include "output.hpp"
#include "test_report.hpp"

namespace slakit::cli {

int test_command(const Arguments& args) {
  const auto format = args.value("--format").value_or("text");
  // Opened first: an --output or --junit that cannot be written fails
  // before the run, with the system's reason.
  refuse_two_outputs_in_one(args);
  Output report{args.value("--output")};
  std::optional<Output> junit;
  if (const auto path = args.value("--junit")) junit.emplace(path);
  const auto started = std::chrono::steady_clock::now();
  const auto result = compile_files(args, args.files);
  const TextStyle style{.color = args.colored(stderr)};
  for (const auto& d : result.diagnostics) {
    std::fputs(render_text(d, *result.sources, style).c_str(), stderr);
  }
  if (!result.ok()) {
    // The JUnit file says so, rather than being left as it was: a CI step
    // that publishes it whatever the exit status would show the previous
    // run's results as this run's. The report (--output) is left as it was.
    if (junit) {
      junit->write(junit_compile_failure(args.files, result.diagnostics, *result.sources,
                                         std::chrono::steady_clock::now() - started));
      junit->finish();
    }
    return kUsage;
  }
  const auto filter = args.value("--filter").value_or("");
  const auto results = run_tests(*result.rules, filter);
  if (results.empty()) {
    throw UsageError{result.rules->tests().empty()
                         ? std::string{"the files hold no test blocks"}
                         : "no test name matches --filter '" + filter + "'"};
  }
  const auto& sources = result.rules->sources();
  if (junit) {
    junit->write(junit_report(results, sources));
    junit->finish();
  }
  report.write(format == "json" ? to_json(results, sources) + "\n" : text_report(results, sources));
  report.finish();
  for (const auto& r : results) {
    if (!r.passed) return kProblems;
  }
  return kOk;
}

}  // namespace slakit::cli
