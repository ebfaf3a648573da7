// slakit fmt FILE... [--write | --check]
#include <slakit/lang/format.hpp>

#include <cstdio>
#include <fstream>

#include "cli.hpp"

namespace slakit::cli {

int fmt_command(const Arguments& args) {
  if (args.files.empty()) throw UsageError{"no rule files given"};
  const bool write = args.flag("--write"), check = args.flag("--check");
  if (write && check) throw UsageError{"--write and --check exclude each other"};
  int status = kOk;
  for (const auto& path : args.files) {
    auto text = read_file(path);
    if (!text) throw UsageError{"cannot read '" + path + "'"};
    const auto result = format_rules(path, *text);
    if (!result.ok()) {
      for (const auto& d : result.diagnostics) {
        std::fputs(render_text(d, result.sources).c_str(), stderr);
      }
      status = kProblems;
      continue;
    }
    const bool changed = result.text != *text;
    if (check) {
      if (changed) {
        std::printf("%s: not formatted\n", path.c_str());
        status = kProblems;
      }
    } else if (write) {
      if (changed) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << result.text;
        if (!out) throw UsageError{"cannot write '" + path + "'"};
      }
    } else {
      std::fputs(result.text.c_str(), stdout);
    }
  }
  return status;
}

}  // namespace slakit::cli
