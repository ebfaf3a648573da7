#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli.hpp"

namespace slakit::cli {

Amount parse_amount(const std::string& text) {
  auto fail = [&] {
    throw InvalidArgument(fmt::format(
        "invalid duration '{}': expected business time like 90m, 1h30m, 8h, 45s or 3bd", text));
  };
  Amount a;
  std::size_t i = 0;
  bool time = false;
  if (text.empty()) fail();
  while (i < text.size()) {
    long long n = 0;
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      n = n * 10 + (text[i++] - '0');
      if (n > 1'000'000'000) fail();
    }
    if (i == start || i == text.size()) fail();
    if (text.compare(i, 2, "bd") == 0) {
      a.business_days += static_cast<int>(n);
      a.days = true;
      i += 2;
    } else if (text[i] == 'h' || text[i] == 'm' || text[i] == 's') {
      a.time += Seconds{n * (text[i] == 'h' ? 3600 : text[i] == 'm' ? 60 : 1)};
      time = true;
      ++i;
    } else {
      fail();
    }
  }
  if (a.days && time) fail();
  return a;
}

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

Arguments parse_arguments(int argc, char** argv, int first,
                          const std::vector<std::string>& with_value,
                          const std::vector<std::string>& flags) {
  Arguments args;
  auto known = [](const std::vector<std::string>& names, const std::string& a) {
    return std::find(names.begin(), names.end(), a) != names.end();
  };
  for (int i = first; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--", 0) != 0) {
      args.files.push_back(a);
    } else if (known(with_value, a)) {
      if (i + 1 == argc) throw UsageError{"option " + a + " needs a value"};
      args.options.emplace_back(a, argv[++i]);
    } else if (known(flags, a)) {
      args.options.emplace_back(a, "");
    } else {
      throw UsageError{"unknown option '" + a + "'"};
    }
  }
  return args;
}

}  // namespace slakit::cli
