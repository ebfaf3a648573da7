// Mutation test of the command line: damages the repository's rule files
// (bytes deleted, inserted, flipped, spliced from another file) and runs
// `slakit check`, `slakit check --format json` and `slakit fmt` on each
// mutant, as a user would. Every run must exit 0 or 1 and print diagnostics
// only: never exit 2, never "slakit: <exception>", never a crash.
//
//   slakit_cli_mutations CLI WORK_DIR SEED COUNT RULE_FOLDER...
//
// The rule folders are copied into WORK_DIR (so that includes resolve), and
// each mutant replaces one file there for the three runs.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>
#include <string>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

struct Run {
  int status = -1;  // the exit code, or -1 when killed by a signal
  std::string out, err;
};

Run run(const std::vector<std::string>& argv, const fs::path& work) {
  const auto out_path = (work / "stdout.txt").string(), err_path = (work / "stderr.txt").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  Run r;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) == 0) {
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  r.out = read(out_path);
  r.err = read(err_path);
  return r;
}

// Text made only of rendered diagnostics: blocks of a "file:line:col:
// severity[CODE]: message" header, the source line and a caret line.
bool only_diagnostics(const std::string& text) {
  static const std::regex header{R"(^.+:[0-9]+:[0-9]+: (error|warning)\[[EW][0-9]{4}\]: .*$)"};
  static const std::regex caret{R"(^  [ \t]*(\.\.\. *)?\^~*$)"};
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    const auto end = text.find('\n', at);
    if (end == std::string::npos) return false;  // every line ends with '\n'
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  if (lines.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < lines.size(); i += 3) {
    if (!std::regex_match(lines[i], header) || !std::regex_match(lines[i + 2], caret)) {
      return false;
    }
  }
  return true;
}

std::string mutate(std::string text, const std::vector<std::string>& others, std::mt19937& rng) {
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>{0, n}(rng); };
  const auto edits = 1 + pick(3);
  for (std::size_t e = 0; e < edits; ++e) {
    const auto at = pick(text.size());
    switch (pick(3)) {
      case 0:  // delete up to 16 bytes
        text.erase(at, 1 + pick(15));
        break;
      case 1: {  // insert random bytes, any of the 256
        std::string bytes(1 + pick(3), '\0');
        for (auto& c : bytes) c = static_cast<char>(pick(255));
        text.insert(at, bytes);
        break;
      }
      case 2:  // flip one bit
        if (at < text.size()) text[at] = static_cast<char>(text[at] ^ (1 << pick(7)));
        break;
      default: {  // splice in a piece of another file
        const auto& other = others[pick(others.size() - 1)];
        const auto from = pick(other.size());
        text.insert(at, other.substr(from, 1 + pick(80)));
      }
    }
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fputs("usage: slakit_cli_mutations CLI WORK_DIR SEED COUNT RULE_FOLDER...\n", stderr);
    return 2;
  }
  const std::string cli = argv[1];
  const fs::path work = argv[2];
  const auto seed = static_cast<std::uint32_t>(std::stoul(argv[3]));
  const int count = std::stoi(argv[4]);
  fs::remove_all(work);
  fs::create_directories(work);
  std::vector<fs::path> files;
  for (int i = 5; i < argc; ++i) {
    const fs::path folder{argv[i]};
    const auto copy = work / folder.filename();
    fs::copy(folder, copy, fs::copy_options::recursive);
    for (const auto& e : fs::recursive_directory_iterator(copy)) {
      if (e.path().extension() == ".sla") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> originals;
  for (const auto& f : files) originals.push_back(read(f));
  std::printf("seed %u, %d mutants of %zu files\n", seed, count, files.size());

  std::mt19937 rng{seed};
  int failures = 0;
  for (int m = 0; m < count && failures < 10; ++m) {
    const auto k = std::uniform_int_distribution<std::size_t>{0, files.size() - 1}(rng);
    const auto mutant = mutate(originals[k], originals, rng);
    write(files[k], mutant);
    const auto path = files[k].string();
    const auto check = run({cli, "check", path}, work);
    const auto json = run({cli, "check", "--format", "json", path}, work);
    const auto fmt = run({cli, "fmt", path}, work);
    write(files[k], originals[k]);

    std::string problem;
    if (check.status != 0 && check.status != 1) {
      problem = "check exited " + std::to_string(check.status) + ": " + check.err;
    } else if (!check.err.empty() || !only_diagnostics(check.out)) {
      problem = "check printed more than diagnostics:\n" + check.out + check.err;
    } else if ((json.status != check.status) || !json.err.empty() || json.out.rfind('[', 0) != 0) {
      problem = "check --format json: exit " + std::to_string(json.status) + "\n" + json.err;
    } else if (fmt.status != 0 && fmt.status != 1) {
      problem = "fmt exited " + std::to_string(fmt.status) + ": " + fmt.err;
    } else if (!only_diagnostics(fmt.err)) {
      problem = "fmt printed more than diagnostics on stderr:\n" + fmt.err;
    }
    if (!problem.empty()) {
      ++failures;
      const auto saved = work / ("failure-" + std::to_string(m) + ".sla");
      write(saved, mutant);
      std::printf("mutant %d of %s (saved as %s): %s\n", m, path.c_str(), saved.c_str(),
                  problem.c_str());
    }
  }
  std::printf("%s\n", failures == 0 ? "all mutants gave diagnostics only" : "FAILED");
  return failures == 0 ? 0 : 1;
}
