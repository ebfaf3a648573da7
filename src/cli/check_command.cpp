// slakit check FILE... [--format text|json]
#include <cstdio>

#include "activity.hpp"
#include "cli.hpp"

namespace slakit::cli {

int check_command(const Arguments& args) {
  // The report is part of the step: rendering a diagnostic needs memory too
  // (docs/cli.md, "Exit codes").
  const Activity doing{compiling_step(args.files)};
  const auto result = compile_files(args, args.files);
  if (args.value("--format") == "json") {
    std::printf("%s\n", render_json(result.diagnostics, *result.sources).c_str());
  } else {
    const TextStyle style{.color = args.colored(stdout)};
    for (const auto& d : result.diagnostics) {
      std::fputs(render_text(d, *result.sources, style).c_str(), stdout);
    }
  }
  return has_errors(result.diagnostics) ? kProblems : kOk;
}

}  // namespace slakit::cli
