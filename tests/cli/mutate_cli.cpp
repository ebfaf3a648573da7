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
#include <string>
#include <string_view>
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

bool digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "file:line:col: error[E0101]: message" (or warning[W...]).
bool diagnostic_header(std::string_view line) {
  auto at = line.find(": error[");
  if (at == std::string_view::npos) at = line.find(": warning[");
  if (at == std::string_view::npos) return false;
  const auto where = line.substr(0, at);
  const auto col = where.rfind(':');
  if (col == std::string_view::npos || !digits(where.substr(col + 1))) return false;
  const auto row = where.rfind(':', col - 1);
  if (row == std::string_view::npos || row == 0 || !digits(where.substr(row + 1, col - row - 1))) {
    return false;
  }
  const auto code = line.substr(line.find('[', at) + 1);
  return code.size() > 7 && (code[0] == 'E' || code[0] == 'W') && digits(code.substr(1, 4)) &&
         code.substr(5, 3) == "]: ";
}

// "  " and blanks or tabs (or "..." after them), then '^' and '~'s.
bool caret_line(std::string_view line) {
  if (line.substr(0, 2) != "  ") return false;
  const auto caret = line.find('^');
  if (caret == std::string_view::npos) return false;
  const auto pad = line.substr(2, caret - 2);
  return pad.find_first_not_of(" \t") == std::string_view::npos &&
         line.find_first_not_of('~', caret + 1) == std::string_view::npos;
}

// Text made only of rendered diagnostics: blocks of a header, the source
// line and a caret line.
bool only_diagnostics(const std::string& text) {
  std::vector<std::string_view> lines;
  const std::string_view all{text};
  for (std::size_t at = 0; at < all.size();) {
    const auto end = all.find('\n', at);
    if (end == std::string_view::npos) return false;  // every line ends with '\n'
    lines.push_back(all.substr(at, end - at));
    at = end + 1;
  }
  if (lines.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < lines.size(); i += 3) {
    if (!diagnostic_header(lines[i]) || !caret_line(lines[i + 2])) return false;
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
