#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli.hpp"

namespace slakit::cli {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

CompileResult compile_files(const std::vector<std::string>& paths) {
  if (paths.empty()) throw UsageError{"no rule files given"};
  std::vector<RuleSource> sources;
  for (const auto& p : paths) {
    auto text = read_file(p);
    if (!text) throw UsageError{"cannot read '" + p + "'"};
    sources.push_back({p, std::move(*text)});
  }
  CompileOptions options;
  options.load = [](const std::string& path) { return read_file(path); };
  return compile(std::move(sources), options);
}

bool Arguments::flag(const std::string& name) const {
  for (const auto& [n, v] : options) {
    if (n == name) return true;
  }
  return false;
}

std::optional<std::string> Arguments::value(const std::string& name) const {
  for (const auto& [n, v] : options) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace slakit::cli
