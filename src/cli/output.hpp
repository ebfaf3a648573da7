// Where batch commands write (stdout or --output FILE) and the summary line
// they end with on stderr (docs/cli.md, "Conventions").
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <slakit/lang/source.hpp>

namespace slakit::cli {

struct Arguments;

/// The output of a batch command, written in large blocks. To stdout when
/// `path` is empty or "-"; else to a temporary file beside `path`, renamed
/// onto it by finish(), so that a run that fails leaves no half-written
/// file (a path that exists and is not a regular file, like /dev/null or
/// /dev/full, is written directly). Every failed write throws UsageError
/// naming the output and the system's reason: never a silent truncation.
class Output {
 public:
  explicit Output(const std::optional<std::string>& path);
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  /// Removes the temporary file unless finish() succeeded.
  ~Output();

  /// Append to it, then call flush_if_full(): formatting goes straight into
  /// the block that is written, with no string per row.
  std::string& buffer() { return buffer_; }
  void flush_if_full() {
    if (buffer_.size() >= kBlock) flush();
  }
  /// Appends `data`; a large block (a chunk of eval's output) goes out as it
  /// is, without a copy.
  void write(std::string_view data);
  /// Writes what is buffered (throws UsageError).
  void flush();
  /// Flushes, closes and renames into place (throws UsageError).
  void finish();

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 18;
  [[noreturn]] void fail(int error) const;

  std::string name_;  ///< for messages: the path, or "standard output"
  std::string path_, temporary_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool finished_ = false;
};

/// Throws UsageError when an output of the command (--output, --junit) is
/// one of its inputs (rule files, --tickets, --batch, --agents, and the
/// files of `included` when given: the rule files an include read): the
/// same regular file (device and inode) or the same path. Replacing it
/// would destroy what is being read, so this is checked before anything is
/// read, and for included files as soon as they are known.
void refuse_output_over_input(const Arguments& args, const SourceMap* included = nullptr);

/// Throws UsageError when `--junit` and `--output` (or standard output, for
/// `--junit -` without `--output`) are one file: the second written would
/// replace the first.
void refuse_two_outputs_in_one(const Arguments& args);

/// What a batch command did, for the summary line.
struct BatchCounts {
  std::size_t read = 0;      ///< records read (rows, tickets; blank lines are not records)
  std::size_t written = 0;   ///< records written to the output
  std::size_t rejected = 0;  ///< records reported as errors on stderr
};

/// "slakit deadline: 4 rows read, 4 written, 1 rejected" on stderr;
/// `record` is the singular ("row", "ticket").
void print_summary(std::string_view command, std::string_view record, const BatchCounts& counts);

/// Whether a `diff` or `report` that read no ticket (an empty export) stops
/// there, writing nothing (exit 2): unless `allowed` (--allow-empty), since
/// a report over no tickets proves nothing (a green "no change" from an
/// export that failed). Either way it says so on stderr when `counts` read
/// none: "slakit diff: no tickets read from 'FILE' ...".
[[nodiscard]] bool stop_on_empty_input(std::string_view command, std::string_view path,
                                       const BatchCounts& counts, bool allowed);

/// The report of one bad line or row, "path:line: error: message\n", with
/// control characters of the path and the message (which may quote a
/// ticket's data) escaped: one line, that no data can forge or colour.
/// `colored`: the colours of a rule file's diagnostics (docs/cli.md,
/// "Colour"), from the one renderer of both (slakit::render_line).
[[nodiscard]] std::string line_error(std::string_view path, std::size_t line, bool colored,
                                     std::string_view message);

}  // namespace slakit::cli
