// The slakit command line: shared pieces of the commands.
#pragma once

#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amount.hpp"

namespace slakit::cli {

/// Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.
inline constexpr int kOk = 0;
inline constexpr int kProblems = 1;
inline constexpr int kUsage = 2;

/// A usage or I/O error: printed as "slakit: message", exit code 2.
struct UsageError {
  std::string message;
};

/// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

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
std::string deadline_text(const Calendar& cal, const std::string& start, const std::string& add,
                          StartReading& reading);

/// Reads the named files (UsageError naming one that cannot be read) and
/// compiles them, following includes from disk.
CompileResult compile_files(const std::vector<std::string>& paths);

/// Arguments after the command: files and --options (with values where given).
struct Arguments {
  std::vector<std::string> files;
  std::vector<std::pair<std::string, std::string>> options;  // {"--calendar", "x"}

  [[nodiscard]] bool flag(const std::string& name) const;
  [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
};

/// Splits argv; `with_value` names the options that take a value. A bare
/// `--` stays among the files, in place, for a command that splits them
/// there (diff).
Arguments parse_arguments(int argc, char** argv, int first,
                          const std::vector<std::string>& with_value,
                          const std::vector<std::string>& flags);

int check_command(const Arguments& args);
int fmt_command(const Arguments& args);
int deadline_command(const Arguments& args);
int eval_command(const Arguments& args);
int route_command(const Arguments& args);
int diff_command(const Arguments& args);
extern const char* const kDiffHelp;  ///< `slakit diff --help`
int report_command(const Arguments& args);
extern const char* const kReportHelp;  ///< `slakit report --help`
int test_command(const Arguments& args);

}  // namespace slakit::cli
