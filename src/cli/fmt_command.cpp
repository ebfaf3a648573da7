// slakit fmt FILE... [--write | --check] [--format text|json]
#include <slakit/lang/format.hpp>

#include <cstdio>
#include <fstream>

#include "cli.hpp"
#include "support/json_writer.hpp"

namespace slakit::cli {

namespace {

// --format json: one object per file, in a JSON array (docs/cli.md).
struct FileReport {
  std::string path;
  bool formatted = false;           ///< already canonical
  bool written = false;             ///< rewritten by --write
  std::optional<std::string> text;  ///< the canonical text, when printed
  std::string diagnostics;          ///< render_json's array
};

void write_json(const std::vector<FileReport>& files) {
  detail::JsonWriter w;
  w.begin_array();
  for (const auto& f : files) {
    w.prefix("\n  ");
    w.begin_object();
    w.key("file"), w.value(f.path);
    w.key("formatted"), w.value(f.formatted);
    w.key("written"), w.value(f.written);
    w.key("text"), f.text ? w.value(*f.text) : w.null();
    w.key("diagnostics"), w.json_value(f.diagnostics);
    w.end_object();
  }
  w.end_array();
  std::printf("%s\n", w.take().c_str());
}

}  // namespace

int fmt_command(const Arguments& args) {
  if (args.files.empty()) throw UsageError{"no rule files given"};
  const bool write = args.flag("--write"), check = args.flag("--check");
  const bool json = args.value("--format") == "json";
  if (write && check) throw UsageError{"--write and --check exclude each other"};
  const TextStyle style{.color = args.colored(stderr)};
  std::vector<FileReport> reports;
  int status = kOk;
  for (const auto& path : args.files) {
    const auto text = read_input_file(path);
    const auto result = format_rules(path, text);
    FileReport report;
    report.path = path;
    report.diagnostics = render_json(result.diagnostics, result.sources);
    if (!result.ok()) {
      for (const auto& d : result.diagnostics) {
        std::fputs(render_text(d, result.sources, style).c_str(), stderr);
      }
      status = kProblems;
      reports.push_back(std::move(report));
      continue;
    }
    const bool changed = result.text != text;
    report.formatted = !changed;
    if (check) {
      if (changed) {
        if (!json) std::printf("%s: not formatted\n", path.c_str());
        status = kProblems;
      }
    } else if (write) {
      if (changed) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << result.text;
        out.flush();
        if (!out) throw UsageError{"cannot write '" + path + "'"};
        report.written = true;
      }
    } else if (json) {
      report.text = result.text;
    } else {
      std::fputs(result.text.c_str(), stdout);
    }
    reports.push_back(std::move(report));
  }
  if (json) write_json(reports);
  return status;
}

}  // namespace slakit::cli
