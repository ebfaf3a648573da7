// slakit test FILE... [--filter PATTERN] [--format text|json] [--junit OUT.xml]
//             [--output FILE]
// (its help: the command table in main.cpp)
#include <slakit/testing/test_runner.hpp>

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
  const auto result = compile_files(args, args.files);
  const TextStyle style{.color = args.colored(stderr)};
  for (const auto& d : result.diagnostics) {
    std::fputs(render_text(d, *result.sources, style).c_str(), stderr);
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
