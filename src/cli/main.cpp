// slakit: validate, format and evaluate rule files (docs/cli.md).
#include <slakit/version.hpp>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "activity.hpp"
#include "cli.hpp"
#include "output.hpp"
#include "support/json_writer.hpp"

namespace slakit::cli {
namespace {

int version_command(const Arguments& args) {
  if (!args.files.empty()) throw UsageError{"version takes no arguments"};
  if (args.value("--format").value_or("text") == "json") {
    detail::JsonWriter json{true};
    json.begin_object();
    json.key("version"), json.value(SLAKIT_VERSION_STRING);
    json.end_object();
    std::printf("%s\n", json.take().c_str());
    return kOk;
  }
  std::printf("slakit %s\n", SLAKIT_VERSION_STRING);
  return kOk;
}

// Options several commands share, spelled once.
const OptionSpec kFractions{"--fractions",
                            "MODE",
                            {"truncate", "reject"},
                            "a fraction of a second: truncate it (default) or reject the value"};
const OptionSpec kOutput{"--output",
                         "FILE",
                         {},
                         "write to FILE (replaced only when the run finishes) instead of stdout"};
const OptionSpec kNow{
    "--now", "TIME", {}, "the instant to evaluate at (RFC 3339; default: the current time)"};
const OptionSpec kTickets{
    "--tickets", "T.jsonl", {}, "the tickets, one JSON object a line ('-': standard input)"};
const OptionSpec kThreads{
    "--threads", "N", {}, "work on N threads (default: one per core this process may run on)"};
const OptionSpec kExplain{"--explain", "", {}, "add why: the rules tried and what they saw"};
const OptionSpec kAllowEmpty{
    "--allow-empty", "", {}, "no ticket read (an empty export) passes; without it: exit 2"};

// THE COMMANDS. To add one: write `int NAME_command(const Arguments&)`
// (declare it in cli.hpp; it reads args.files, args.value("--x"),
// args.flag("--y") and args.colored(stderr)), then add one entry below:
// name, one-line summary, synopsis, its options ({name, value name or ""
// for a flag, allowed values or {}, help line}) and a help text with
// examples. The framework then parses and checks its options (unknown
// ones get the closest name suggested, missing or disallowed values and
// repeats are usage errors, exit 2), adds --color and --help, lists it in
// `slakit --help` and prints `slakit NAME --help`. Document it in
// docs/cli.md and add its tests/cli cases (--help, exit codes).
const std::vector<CommandSpec>& commands() {
  static const std::vector<CommandSpec> table = {
      {"check",
       "report errors and warnings in rule files",
       "FILE... [--format text|json]",
       {{"--format", "FORMAT", {"text", "json"}, "text (GCC style, with a caret) or a JSON array"}},
       R"(Parses, checks and compiles the files as one rule set, following includes
from disk, and prints every diagnostic in file order on stdout.

examples:
  slakit check rules.sla
  slakit check --format json rules/*.sla > diagnostics.json
  slakit check --color=always rules.sla | less -R

exit status: 0 no errors (warnings allowed), 1 errors in the rule files, 2
usage or I/O error
)",
       check_command},
      {"fmt",
       "print, rewrite or verify the canonical text of rule files",
       "FILE... [--write | --check] [--format text|json]",
       {{"--write", "", {}, "rewrite the files that are not formatted"},
        {"--check", "", {}, "write nothing; name each file that is not formatted (exit 1)"},
        {"--format",
         "FORMAT",
         {"text", "json"},
         "text, or a JSON array with one object per file (docs/cli.md)"}},
       R"(Prints each file's canonical text (docs/language.md, "Formatting"). A file
with syntax errors gets its diagnostics on stderr.

examples:
  slakit fmt rules.sla                 # the canonical text on stdout
  slakit fmt --write rules/*.sla       # rewrite in place
  slakit fmt --check rules/*.sla       # CI: exit 1 when one is not formatted
  slakit fmt --check --format json rules/*.sla

exit status: 0 every file printed, rewritten or already formatted, 1 a file
not formatted (--check) or with syntax errors, 2 usage or I/O error
)",
       fmt_command},
      {"deadline",
       "business-time deadlines in a calendar of the rule set",
       "FILE... --calendar NAME (--start TIME --add DURATION | --batch IN.csv [--output FILE]) "
       "[--format text|json] [--fractions truncate|reject]",
       {{"--calendar", "NAME", {}, "the calendar to count in"},
        {"--start", "TIME", {}, "RFC 3339, a wall-clock time in the calendar's zone, or a date"},
        {"--add", "DURATION", {}, "business time (90m, 1h30m, 8h, 45s) or business days (3bd)"},
        {"--batch", "IN.csv", {}, "rows with 'start' and 'add' columns ('-': standard input)"},
        kOutput,
        {"--format",
         "FORMAT",
         {"text", "json"},
         "text (a line, or CSV for --batch) or JSON (JSON Lines for --batch)"},
        kFractions},
       R"(The deadline after adding business time to a start. --batch copies a CSV
file with a 'deadline' column added; a bad row is reported on stderr with
its line and still written, with an empty deadline (exit 1). A summary line
ends a batch on stderr: "slakit deadline: N rows read, N written, N rejected".

examples:
  slakit deadline calendars.sla --calendar emea_support \
      --start 2026-03-27T16:00:00+01:00 --add 4h
  slakit deadline calendars.sla --calendar emea_support --start 2026-04-02 --add 3bd
  slakit deadline calendars.sla --calendar emea_support --batch rows.csv --output due.csv
  cat rows.csv | slakit deadline calendars.sla --calendar emea_support --batch - --format json

exit status: 0 every deadline computed, 1 a --start, --add or --batch row it
cannot use (reported on stderr; the other rows are written), 2 usage or I/O
error, an unknown calendar, or rule file errors (printed as 'slakit check'
prints them; nothing computed)
)",
       deadline_command},
      {"eval",
       "the SLA and OLA clocks of each ticket, as JSON Lines",
       "FILE... --tickets T.jsonl [--now TIME] [--explain [--format json|text]] "
       "[--fractions truncate|reject] [--threads N] [--output FILE]",
       {kTickets,
        kNow,
        kExplain,
        {"--format", "FORMAT", {"json", "text"}, "json (default), or text with --explain"},
        kFractions,
        kThreads,
        kOutput},
       R"(Evaluates every ticket at --now and writes one JSON line per ticket, in
input order. A line that cannot be read or evaluated is reported on stderr
with its line number; the others go on (exit 1). A summary line ends the
run on stderr: "slakit eval: N tickets read, N written, N rejected".

examples:
  slakit eval rules.sla --tickets tickets.jsonl --now 2026-04-22T12:00:00Z
  export-tickets | slakit eval rules.sla --tickets - --output clocks.jsonl
  slakit eval rules.sla --tickets one.jsonl --explain --format text

exit status: 0 every ticket evaluated, 1 a line could not be read or
evaluated (the others are written), 2 usage or I/O error, or rule file errors
(printed as 'slakit check' prints them; nothing written)
)",
       eval_command},
      {"route",
       "the queue, team, priority, skills and agent of each ticket, as JSON Lines",
       "FILE... --tickets T.jsonl [--now TIME] [--agents A.jsonl] [--explain [--format json|text]] "
       "[--fractions truncate|reject] [--threads N] [--output FILE]",
       {kTickets,
        {"--now",
         "TIME",
         {},
         "the instant to route at (RFC 3339; default: each ticket's last event, or its "
         "creation when it has none)"},
        {"--agents", "A.jsonl", {}, "agents to choose from, one a line (needs --now)"},
        kExplain,
        {"--format", "FORMAT", {"json", "text"}, "json (default), or text with --explain"},
        kFractions,
        kThreads,
        kOutput},
       R"(Routes every ticket and writes one JSON line per ticket, in input order.
Bad lines are reported on stderr with their line number; the others go on
(exit 1). A summary line ends the run on stderr: "slakit route: N tickets
read, N written, N rejected".

examples:
  slakit route routing.sla --tickets tickets.jsonl
  slakit route routing.sla --tickets - --now 2026-03-06T15:10:00Z --agents agents.jsonl
  slakit route routing.sla --tickets tickets.jsonl --explain --format text

exit status: 0 every ticket routed, 1 a bad ticket or agent line (the other
tickets are written), 2 usage or I/O error, --agents without --now, or rule
file errors (printed as 'slakit check' prints them; nothing written)
)",
       route_command},
      {"diff",
       "what a rule change does to the tickets (what-if replay)",
       "OLD.sla... -- NEW.sla... --tickets T.jsonl [--now TIME] [--format text|json] "
       "[--examples N] [--allow-empty] [--fractions truncate|reject] [--threads N] "
       "[--output FILE]",
       {kTickets,
        {"--now",
         "TIME",
         {},
         "the instant both rule sets evaluate at (RFC 3339; default: the current time; routing "
         "sees every event without it)"},
        {"--format",
         "FORMAT",
         {"text", "json"},
         "text (default, for a CI log) or json (one object)"},
        {"--examples", "N", {}, "examples shown per kind of change (default 10)"},
        kAllowEmpty,
        kFractions,
        kThreads,
        kOutput},
       R"(Routes and evaluates every ticket of T.jsonl ('-': standard input) under the
rule files before `--` (OLD) and those after it (NEW), and reports the tickets
whose queue, team, priority, SLA, due instants or breach state differ: counts
per kind of change, per policy and per queue, and the first examples of each
kind. Options may come before or after the `--`. A summary line ends the
run on stderr: "slakit diff: N tickets read, N written, N rejected".

examples:
  slakit diff main/rules.sla -- rules.sla --tickets last_month.jsonl \
      --now 2026-04-30T00:00:00Z
  mkdir -p /tmp/old && git archive main rules | tar -x -C /tmp/old   # main's whole tree
  slakit diff /tmp/old/rules/sla.sla -- rules/sla.sla \
      --tickets export.jsonl --format json --examples 3 --output diff.json

exit status (as diff(1)): 0 no ticket changed, 1 some changed, 2 usage, I/O
or rule file errors (printed as 'slakit check' prints them), a line neither
rule set could read (reported on stderr with its line number; the other lines
are still compared), or no ticket read (unless --allow-empty)
)",
       diff_command,
       true},
      {"report",
       "attainment and service times over a batch of tickets, grouped",
       "FILE... --tickets T.jsonl [--now TIME] [--by FIELD]... [--zone ZONE] "
       "[--format text|json|csv] [--allow-empty] [--fractions truncate|reject] [--threads N] "
       "[--output FILE]",
       {kTickets,
        kNow,
        {"--by",
         "FIELD",
         {},
         "group by policy, target, sla, team or queue (as routed), or a ticket, customer, "
         "contract or order field, or the period of creation: created.day, created.week, "
         "created.month, created.quarter, created.year; repeat to combine (default: --by "
         "policy --by target)",
         true},
        {"--zone", "ZONE", {}, "the time zone of the created.* periods (IANA; default UTC)"},
        {"--format", "FORMAT", {"text", "json", "csv"}, "text (default: a table), json or csv"},
        kAllowEmpty,
        kFractions,
        kThreads,
        kOutput},
       R"(Evaluates every ticket of T.jsonl ('-': standard input) at --now and reports,
per group: target cycles met, breached, running, paused and cancelled; met %;
median and 90th percentile of first response and resolution time, in business
and calendar time; reopen rate; first-contact resolution rate. docs/report.md
defines every figure. A summary line ends the run on stderr: "slakit report:
N tickets read, N written, N rejected".

examples:
  slakit report rules.sla --tickets march.jsonl --now 2026-04-01T00:00:00Z
  slakit report rules.sla --tickets march.jsonl --by customer.tier --by target \
      --format csv --output attainment.csv
  zcat export.jsonl.gz | slakit report rules.sla --tickets - --by queue --format json
  slakit report rules.sla --tickets year.jsonl --by created.month --by policy \
      --zone Europe/Berlin

exit status: 0 every line reported, 1 a line could not be read or evaluated
(reported on stderr; the others still count), 2 usage or I/O error, rule file
errors (printed as 'slakit check' prints them), or no ticket read (unless
--allow-empty): nothing written
)",
       report_command},
      {"test",
       "run the test blocks of rule files",
       "FILE... [--filter PATTERN] [--format text|json] [--junit OUT.xml] [--output FILE]",
       {{"--filter",
         "PATTERN",
         {},
         "run only the cases whose names match: '*' any characters, '?' one; without "
         "either, names that contain PATTERN"},
        {"--format", "FORMAT", {"text", "json"}, "the report on stdout: text (default) or json"},
        {"--junit", "OUT.xml", {}, "also write JUnit XML for CI test views"},
        kOutput},
       R"(Runs the test blocks of the rule files (docs/language.md, "Tests"): one line
per case, PASS or FAIL; a failure shows each failing expectation as
file:line:col with expected and actual values and the engine's explanation.
The last line reads 'N passed, M failed'.

examples:
  slakit test examples/rules/tests/sla_tests.sla
  slakit test rules/*.sla --filter 'gold*' --junit slakit-tests.xml
  slakit test rules.sla tests.sla --format json > results.json

exit status: 0 every case passed, 1 a case failed, 2 usage error, unreadable
file, compile errors (printed as 'slakit check' prints them; --junit then
reports them as a failed case 'compile'), or no case to run
)",
       test_command},
      {"version",
       "print the version",
       "[--format text|json]",
       {{"--format", "FORMAT", {"text", "json"}, "text ('slakit 0.1.0') or json"}},
       "Prints the version, as 'slakit --version' does.\n\nexamples:\n  slakit version\n"
       "  slakit version --format json\n\n"
       // Not the default footer: version finds no problems, so never exits 1.
       "exit status: 0 the version printed, 2 usage error (an argument, a bad option)\n",
       version_command},
  };
  return table;
}

std::string overview() {
  std::string out =
      "usage: slakit COMMAND [OPTIONS] FILE...\n"
      "       slakit COMMAND --help | slakit help COMMAND | slakit --version\n\ncommands:\n";
  for (const auto& c : commands()) {
    out += "  " + std::string{c.name} + std::string(10 - c.name.size(), ' ') +
           std::string{c.summary} + "\n";
  }
  out +=
      "\nEvery command takes --help and --color=auto|always|never (NO_COLOR is respected),\n"
      "and --format json. Batch commands (deadline --batch, eval, route, diff, report)\n"
      "read a file or '-' (standard input), write stdout or --output FILE, and end\n"
      "with a summary line on stderr.\n"
      "exit status: 0 clean, 1 problems found (check: errors in the rule files), 2\n"
      "trouble, nothing produced: usage or I/O error, rule file errors; diff: 0 no\n"
      "change, 1 changes, 2 trouble, as diff(1) (docs/cli.md)\n";
  return out;
}

const CommandSpec& find_command(std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto& c : commands()) {
    if (c.name == name) return c;
    names.push_back(c.name);
  }
  const auto near = closest(name, names);
  throw UsageError{near ? "unknown command '" + std::string{name} + "'; did you mean '" +
                              std::string{*near} + "'?"
                        : "unknown command '" + std::string{name} +
                              "'; 'slakit --help' lists the commands"};
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(overview().c_str(), stderr);
    return kUsage;
  }
  const std::string_view command = argv[1];
  // `slakit --version` is `slakit version`, options included (--format json).
  if (command == "--version")
    return find_command("version").run(parse_command_line(find_command("version"), argc, argv, 2));
  if (command == "help" || command == "--help" || command == "-h") {
    if (argc > 3) throw UsageError{"help takes one command"};
    std::fputs(argc == 3 ? command_help(find_command(argv[2])).c_str() : overview().c_str(),
               stdout);
    return kOk;
  }
  const auto& spec = find_command(command);
  Activity::set_command(spec.name);
  // `slakit route --help` asks for the help, not for an option named --help,
  // wherever it stands (before a `--`).
  for (int i = 2; i < argc && std::string_view{argv[i]} != "--"; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(command_help(spec).c_str(), stdout);
      return kOk;
    }
  }
  const auto args = parse_command_line(spec, argc, argv, 2);
  refuse_output_over_input(args);
  return spec.run(args);
}

}  // namespace
}  // namespace slakit::cli

namespace slakit::cli {
namespace {

// docs/cli.md, "Output": "Every write is checked: a full disk, /dev/full or
// a closed pipe is `slakit: error writing ...` and exit 2". Batch outputs
// check their own writes (Output); whatever else went to stdout (check,
// fmt, deadline, version, --help) is checked here, once, at the end.
int checked_stdout(int status) {
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "slakit: error writing standard output: %s\n",
                 std::strerror(errno != 0 ? errno : EIO));
    return kUsage;
  }
  return status;
}

}  // namespace
}  // namespace slakit::cli

int main(int argc, char** argv) {
  using namespace slakit::cli;
  // A closed pipe (`slakit eval ... | head`) makes a write fail with EPIPE,
  // reported as above, rather than killing the process silently. The CLI
  // alone does this: the library never touches signal handlers.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return checked_stdout(run(argc, argv));
  } catch (const UsageError& e) {
    std::fprintf(stderr, "slakit: %s\n", e.message.c_str());
    return kUsage;
  } catch (const std::bad_alloc&) {
    // docs/cli.md, "Exit codes": "slakit check: out of memory while
    // compiling rules.sla". Nothing is allocated here: memory is what ran
    // out (what the failed step held is freed by now, but need not be).
    const char* command = Activity::command();
    const char* step = Activity::current();
    std::fprintf(stderr, "slakit%s%s: out of memory%s%s\n", *command != '\0' ? " " : "", command,
                 *step != '\0' ? " while " : "", step);
    return kUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "slakit: %s\n", e.what());
    return kUsage;
  }
}
