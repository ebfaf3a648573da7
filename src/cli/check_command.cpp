// slakit check FILE... [--format text|json]
#include <cstdio>

#include "cli.hpp"

namespace slakit::cli {

int check_command(const Arguments& args) {
  const auto format = args.value("--format").value_or("text");
  if (format != "text" && format != "json") {
    throw UsageError{"--format takes text or json, not '" + format + "'"};
  }
  const auto result = compile_files(args.files);
  if (format == "json") {
    std::printf("%s\n", render_json(result.diagnostics, *result.sources).c_str());
  } else {
    for (const auto& d : result.diagnostics) {
      std::fputs(render_text(d, *result.sources).c_str(), stdout);
    }
  }
  return has_errors(result.diagnostics) ? kProblems : kOk;
}

}  // namespace slakit::cli
