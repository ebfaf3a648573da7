#include "lang/gather_files.hpp"

#include <fmt/format.h>

#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "lang/rule_order.hpp"
#include "slakit/lang/parse.hpp"

namespace slakit::detail {
namespace {

// "dir/rules.sla" including "common.sla" reads "dir/common.sla". Lexical
// only (no file system access): "dir/./x.sla" and "dir/x.sla" are one file.
std::string resolve(const std::string& including, const std::string& path) {
  const std::filesystem::path p{path};
  if (p.is_absolute()) return p.lexically_normal().string();
  return (std::filesystem::path{including}.parent_path() / p).lexically_normal().string();
}

// What makes two paths one file: the host's identity of the file when it
// gives one (the CLI: its device and inode), else the normalised path. The
// first character keeps the two kinds of key apart.
std::string file_key(const CompileOptions& options, const std::string& path) {
  // Appended, not `"=" + ...`: GCC 12 warns about that concatenation
  // (-Wrestrict, a false positive).
  std::string key;
  if (options.identify) {
    if (auto identity = options.identify(path)) return key.append("=").append(*identity);
  }
  return key.append("/").append(std::filesystem::path{path}.lexically_normal().string());
}

}  // namespace

std::vector<RuleFile> gather_files(std::vector<RuleSource> inputs, const CompileOptions& options,
                                   SourceMap& sources, std::vector<Diagnostic>& diagnostics) {
  std::vector<RuleFile> files;
  // Each file's key and id; an include that could not be read keeps its key
  // (no id), so that it is reported once.
  std::map<std::string, std::optional<std::uint32_t>> read;
  std::deque<std::uint32_t> pending;
  for (auto& in : inputs) {
    auto& id = read[file_key(options, in.path)];
    if (id) continue;  // named twice: one file
    id = sources.add(std::move(in.path), std::move(in.text));
    pending.push_back(*id);
  }
  const auto named = static_cast<std::uint32_t>(pending.size());
  std::vector<std::vector<std::uint32_t>> includes;
  while (!pending.empty()) {
    const auto id = pending.front();
    pending.pop_front();
    files.push_back(parse_rules(sources, id, diagnostics));
    includes.emplace_back();
    for (const auto& d : files.back().declarations) {
      const auto* inc = std::get_if<IncludeDecl>(&d);
      if (inc == nullptr) continue;
      const auto path = resolve(sources.file(id).path, inc->path);
      const auto [at, added] = read.try_emplace(file_key(options, path));
      if (!added) {  // each file once: cycles end here
        if (at->second && *at->second != id) includes.back().push_back(*at->second);
        continue;
      }
      if (!options.load) {
        diagnostics.push_back(
            {Severity::error, "E0212",
             fmt::format("cannot include '{}': the host gave no file loader", inc->path),
             inc->span});
        continue;
      }
      auto text = options.load(path);
      if (!text) {
        diagnostics.push_back({Severity::error, "E0212",
                               fmt::format("cannot read included file '{}'", path), inc->span});
        continue;
      }
      at->second = sources.add(path, std::move(*text));
      includes.back().push_back(*at->second);
      pending.push_back(*at->second);
    }
  }
  // Each included file once, where its first include line stands (in one
  // pass: a generated file may hold thousands of include lines).
  std::vector<std::size_t> kept_by(files.size(), files.size());  // the includer that kept it
  for (std::size_t f = 0; f < includes.size(); ++f) {
    std::vector<std::uint32_t> once;
    for (const auto t : includes[f]) {
      if (std::exchange(kept_by[t], f) != f) once.push_back(t);
    }
    includes[f] = std::move(once);
  }
  std::vector<RuleFile> ordered;
  ordered.reserve(files.size());
  for (const auto f : rule_order(includes, named)) ordered.push_back(std::move(files[f]));
  return ordered;
}

}  // namespace slakit::detail
