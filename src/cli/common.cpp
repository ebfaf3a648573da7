#include <sys/stat.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "activity.hpp"
#include "cli.hpp"
#include "output.hpp"

namespace slakit::cli {

namespace {

// `path` open for reading, or empty with the reason (an errno) in `error`.
// A directory opens like a file on Linux and reads as empty: it is refused
// by name (docs/cli.md, exit 2; an include of one is E0212).
InputFile open_readable(const std::string& path, int& error) {
  InputFile in{std::fopen(path.c_str(), "rb"), &std::fclose};
  struct stat info {};
  error = !in ? errno : ::fstat(::fileno(in.get()), &info) != 0 ? errno : 0;
  if (error == 0 && S_ISDIR(info.st_mode)) error = EISDIR;
  if (error != 0) in.reset();
  return in;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string* why) {
  auto fail = [&](int error) -> std::optional<std::string> {
    if (why != nullptr) *why = std::strerror(error);
    return std::nullopt;
  };
  int error = 0;
  const auto in = open_readable(path, error);
  if (!in) return fail(error);
  std::string text;
  char block[1 << 16];
  for (;;) {
    const auto got = std::fread(block, 1, sizeof block, in.get());
    text.append(block, got);
    if (got < sizeof block) break;
  }
  if (std::ferror(in.get())) return fail(errno != 0 ? errno : EIO);
  return text;
}

std::optional<std::string> file_identity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return fmt::format("{}:{}", info.st_dev, info.st_ino);
}

InputFile open_input(const std::string& path) {
  if (path == "-") return {stdin, [](std::FILE*) { return 0; }};
  int error = 0;
  auto in = open_readable(path, error);
  if (!in) throw UsageError{fmt::format("cannot read '{}': {}", path, std::strerror(error))};
  return in;
}

std::string read_input_file(const std::string& path) {
  // `-` is standard input for --tickets and --batch; a rule file is named
  // (its includes resolve from its folder), so `-` is refused as such, not
  // looked up as a file called '-'.
  if (path == "-") {
    throw UsageError{
        "rule files cannot come from standard input ('-'): name the file (a file called '-' "
        "is './-')"};
  }
  std::string why;
  auto text = read_file(path, &why);
  if (!text) throw UsageError{fmt::format("cannot read '{}': {}", path, why)};
  return std::move(*text);
}

CompileResult compile_files(const Arguments& args, const std::vector<std::string>& paths) {
  if (paths.empty()) throw UsageError{"no rule files given"};
  const Activity doing{compiling_step(paths)};
  std::vector<RuleSource> sources;
  for (const auto& p : paths) sources.push_back({p, read_input_file(p)});
  CompileOptions options;
  options.load = [](const std::string& path) { return read_file(path); };
  options.identify = file_identity;
  auto result = compile(std::move(sources), options);
  // The files named are checked before anything is read (main.cpp); those
  // they include are known only now.
  if (result.sources) refuse_output_over_input(args, result.sources.get());
  return result;
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
