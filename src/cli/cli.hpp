// The slakit command line: shared pieces of the commands.
#pragma once

#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amount.hpp"

namespace slakit::cli {

/// Exit codes: 0 clean, 1 problems found (the output is written), 2 trouble,
/// nothing produced: a usage or I/O error, or rule files with errors for
/// every command but check and fmt (docs/cli.md, "Exit codes").
inline constexpr int kOk = 0;
inline constexpr int kProblems = 1;
inline constexpr int kUsage = 2;

/// A usage or I/O error: printed as "slakit: message", exit code 2.
struct UsageError {
  std::string message;
};

/// The whole file, or nullopt when it cannot be read (a directory cannot),
/// with the system's reason in `why` when given.
std::optional<std::string> read_file(const std::string& path, std::string* why = nullptr);
/// The file `path` reaches, as its device and inode ("2049:1234"): one
/// file under two paths (relative and absolute, a link) is read once.
std::optional<std::string> file_identity(const std::string& path);
/// The whole rule file named on the command line; UsageError "cannot read
/// 'PATH': REASON" when it cannot be read, and for `-`, which names no file
/// here (rule files cannot come from standard input: docs/cli.md, "Input").
std::string read_input_file(const std::string& path);

/// An input streamed from `path` ("-": standard input, not closed): a
/// directory or a file that cannot be opened is UsageError "cannot read
/// 'PATH': REASON", before anything is read.
using InputFile = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
InputFile open_input(const std::string& path);

/// How `deadline` reads start times: fractions of a second as --fractions
/// says, counted for the note at the end.
struct StartReading {
  Fractions fractions = Fractions::truncate;
  std::size_t truncated = 0;

  /// The note on stderr about truncated fractions, if any.
  void note(std::string_view where) const;
};

/// The deadline of one `deadline` request (a `--batch` row): `start` plus
/// `add` in `cal`, as RFC 3339 in the calendar's zone, or as a date when
/// `add` counts business days. Throws InvalidArgument naming a bad start or
/// duration, and RangeError for a deadline outside the supported range.
std::string deadline_text(const Calendar& cal, std::string_view start, std::string_view add,
                          StartReading& reading);
/// The same, appended to `out` (a batch row: no allocation once `out` has room).
void append_deadline(const Calendar& cal, std::string_view start, std::string_view add,
                     StartReading& reading, std::string& out);

/// `--color auto|always|never`: whether a stream gets ANSI colours.
enum class ColorChoice { automatic, always, never };

/// Arguments after the command: files and --options (with values where given).
struct Arguments {
  std::vector<std::string> files;
  std::vector<std::pair<std::string, std::string>> options;  // {"--calendar", "x"}
  ColorChoice color = ColorChoice::automatic;

  [[nodiscard]] bool flag(const std::string& name) const;
  [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
  /// Whether to colour what goes to `stream` (stdout or stderr): --color, then
  /// NO_COLOR (any non-empty value: never), then whether it is a terminal.
  [[nodiscard]] bool colored(std::FILE* stream) const;
};

/// Reads the named files (UsageError naming one that cannot be read) and
/// compiles them, following includes from disk. Throws UsageError when the
/// command's --output or --junit is one of the files read, includes too
/// (refuse_output_over_input).
CompileResult compile_files(const Arguments& args, const std::vector<std::string>& paths);

/// One option of a command, as its table entry declares it.
struct OptionSpec {
  std::string_view name;                  ///< "--tickets"
  std::string_view value;                 ///< "FILE.jsonl"; empty for a flag
  std::vector<std::string_view> allowed;  ///< the only values it takes; empty: any
  std::string_view help;                  ///< one line
  bool repeatable = false;                ///< may be given more than once (report --by)
};

/// One command: what `slakit COMMAND --help` prints and what it runs.
struct CommandSpec {
  std::string_view name;      ///< "eval"
  std::string_view summary;   ///< one line, for `slakit --help`
  std::string_view synopsis;  ///< "FILE... --tickets T.jsonl [--now TIME]"
  std::vector<OptionSpec> options;
  std::string_view help;  ///< what it does, examples, exit status
  int (*run)(const Arguments&) = nullptr;
  /// `--` stays among the files, in place, and options are still read after
  /// it (diff: OLD... -- NEW... --tickets T); otherwise `--` ends the options.
  bool keeps_double_dash = false;
};

/// Splits argv[first...] by `spec`: `--name value`, `--name=value`, flags,
/// and files (`-` among them: standard input); `--` ends the options, unless
/// the command keeps it among its files (CommandSpec::keeps_double_dash). Every command also takes
/// `--color` (common_options()). Throws UsageError for an unknown option
/// (naming the closest known one), a missing value, a value not allowed, a
/// flag given a value, or an option given twice (unless repeatable).
Arguments parse_command_line(const CommandSpec& spec, int argc, char** argv, int first);

/// The options every command takes, whatever its table entry says.
const std::vector<OptionSpec>& common_options();

/// `slakit COMMAND --help`.
std::string command_help(const CommandSpec& spec);

/// The closest of `candidates` to `word` (edit distance, or `word` a prefix
/// of exactly one), if one is close enough to be what was meant.
std::optional<std::string_view> closest(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

int check_command(const Arguments& args);
int fmt_command(const Arguments& args);
int deadline_command(const Arguments& args);
int eval_command(const Arguments& args);
int route_command(const Arguments& args);
int diff_command(const Arguments& args);
int report_command(const Arguments& args);
int test_command(const Arguments& args);

}  // namespace slakit::cli
