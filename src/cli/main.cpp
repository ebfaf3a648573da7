// slakit: validate, format and evaluate rule files (docs/cli.md).
#include <slakit/version.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "cli.hpp"

namespace {

constexpr const char* kUsageText =
    "usage: slakit COMMAND [OPTIONS] FILE...\n"
    "\n"
    "commands:\n"
    "  check FILE... [--format text|json]      report errors and warnings\n"
    "  fmt FILE... [--write | --check]         print, rewrite or verify canonical text\n"
    "  deadline FILE... --calendar NAME (--start TIME --add DURATION | --batch IN.csv)\n"
    "        [--fractions truncate|reject]     business-time deadlines\n"
    "  eval FILE... --tickets T.jsonl [--now TIME] [--explain [--format json|text]]\n"
    "        [--fractions truncate|reject]\n"
    "                                          SLA and OLA clocks of each ticket, as JSON Lines\n"
    "  route FILE... --tickets T.jsonl [--now TIME] [--agents A.jsonl]\n"
    "        [--explain [--format json|text]] [--fractions truncate|reject]\n"
    "                                          the queue, team, priority, skills and agent\n"
    "                                          of each ticket, as JSON Lines\n"
    "  diff OLD... -- NEW... --tickets T.jsonl [--now TIME] [--format text|json]\n"
    "                                          what a rule change does to the tickets\n"
    "  report FILE... --tickets T.jsonl [--now TIME] [--by FIELD]... [--format text|json|csv]\n"
    "                                          attainment and service times, grouped\n"
    "  test FILE... [--filter PATTERN] [--format text|json] [--junit OUT.xml]\n"
    "                                          run the rule files' test blocks\n"
    "  version                                 print the version\n"
    "\n"
    "exit status: 0 clean, 1 problems found, 2 usage or I/O error\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace slakit::cli;
  if (argc < 2) {
    std::fputs(kUsageText, stderr);
    return kUsage;
  }
  const std::string command = argv[1];
  // `slakit route --help` asks for the usage, not for an option named --help.
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(command == "diff"     ? kDiffHelp
                 : command == "report" ? kReportHelp
                                       : kUsageText,
                 stdout);
      return kOk;
    }
  }
  try {
    if (command == "check") {
      return check_command(parse_arguments(argc, argv, 2, {"--format"}, {}));
    }
    if (command == "fmt") {
      return fmt_command(parse_arguments(argc, argv, 2, {}, {"--write", "--check"}));
    }
    if (command == "deadline") {
      return deadline_command(parse_arguments(
          argc, argv, 2, {"--calendar", "--start", "--add", "--batch", "--fractions"}, {}));
    }
    if (command == "eval") {
      return eval_command(parse_arguments(
          argc, argv, 2, {"--tickets", "--now", "--format", "--fractions"}, {"--explain"}));
    }
    if (command == "route") {
      return route_command(parse_arguments(
          argc, argv, 2, {"--tickets", "--now", "--format", "--agents", "--fractions"},
          {"--explain"}));
    }
    if (command == "diff") {
      return diff_command(parse_arguments(
          argc, argv, 2, {"--tickets", "--now", "--format", "--examples", "--fractions"}, {}));
    }
    if (command == "report") {
      return report_command(parse_arguments(
          argc, argv, 2, {"--tickets", "--now", "--format", "--by", "--fractions"}, {}));
    }
    if (command == "test") {
      return test_command(parse_arguments(argc, argv, 2, {"--filter", "--format", "--junit"}, {}));
    }
    if (command == "version" || command == "--version") {
      std::printf("slakit %s\n", SLAKIT_VERSION_STRING);
      return kOk;
    }
    if (command == "help" || command == "--help" || command == "-h") {
      std::fputs(kUsageText, stdout);
      return kOk;
    }
    std::fprintf(stderr, "slakit: unknown command '%s'\n%s", command.c_str(), kUsageText);
    return kUsage;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "slakit: %s\n", e.message.c_str());
    return kUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "slakit: %s\n", e.what());
    return kUsage;
  }
}
