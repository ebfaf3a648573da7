#include "lang/gather_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <string>

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

// Rule order: a file before every file it includes, directly or through
// others; files that do not include one another, and the files of an
// include cycle, in the order they were read. `includes[f]` holds the
// files `f` includes (ids are the order read).
std::vector<std::uint32_t> rule_order(const std::vector<std::vector<std::uint32_t>>& includes) {
  const auto n = includes.size();
  std::vector<std::size_t> includers(n, 0);
  for (const auto& targets : includes) {
    for (const auto t : targets) ++includers[t];
  }
  // The earliest-read file that no unplaced file includes comes next.
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> ready;
  for (std::uint32_t f = 0; f < n; ++f) {
    if (includers[f] == 0) ready.push(f);
  }
  std::vector<std::uint32_t> order;
  std::vector<bool> placed(n, false);
  std::uint32_t next_unplaced = 0;
  while (order.size() < n) {
    if (ready.empty()) {
      // Only cycles are left: the earliest-read file of them goes first.
      while (placed[next_unplaced]) ++next_unplaced;
      ready.push(next_unplaced);
      includers[next_unplaced] = 0;
    }
    const auto f = ready.top();
    ready.pop();
    if (placed[f]) continue;
    placed[f] = true;
    order.push_back(f);
    for (const auto t : includes[f]) {
      if (!placed[t] && includers[t] > 0 && --includers[t] == 0) ready.push(t);
    }
  }
  return order;
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
  for (auto& targets : includes) {
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  }
  std::vector<RuleFile> ordered;
  ordered.reserve(files.size());
  for (const auto f : rule_order(includes)) ordered.push_back(std::move(files[f]));
  return ordered;
}

}  // namespace slakit::detail
