// Streams the tickets of a JSON Lines file through a command on every core:
// each thread takes the next chunk of lines, reads, handles and formats it
// alone, and writes its output in input order. Shared by the commands that
// read tickets (eval, route, diff, report).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "output.hpp"
#include "ticket_reader.hpp"

namespace slakit::cli {

/// Appends the output for one ticket to `out`; throws for a ticket it cannot
/// handle (the message is reported with the line number).
using TicketHandler = std::function<void(const TicketHistory& ticket, std::string& out)>;

/// Runs every ticket of `path` (`-`: standard input) through a handler that
/// `make_handler` makes once per thread (so that each keeps its own buffers).
/// A line that cannot be read or handled is reported on stderr as
/// "path:line: error: ..." and the others go on. Ends with a note on stderr
/// when instants had fractions of a second, truncated. Returns kProblems when a
/// line failed, else kOk; throws UsageError when the file cannot be read or
/// something fails outside a line.
///
/// `settings` says where the output goes (stdout, or --output written
/// safely: output.hpp) and, when it names the command, ends the run with the
/// summary line on stderr ("slakit eval: 8 tickets read, 2 written, 6
/// rejected"); a failed write throws UsageError.
struct StreamSettings {
  std::string_view command;           ///< "eval"; empty: no summary line
  std::optional<std::string> output;  ///< --output; empty: stdout
  bool colored = false;               ///< colour the "error" of each line's report
  unsigned threads = 0;               ///< --threads; 0: one per usable core
};
int stream_tickets(const RuleSet& rules, const std::string& path, ReaderOptions options,
                   const std::function<TicketHandler()>& make_handler,
                   const StreamSettings& settings = {});

/// The settings of a command that reads tickets, from its arguments
/// (--output, --color, --threads).
StreamSettings stream_settings(std::string_view command, const Arguments& args);

/// --threads: how many threads to work on; 0 when not given (one per core
/// the process may run on). Throws UsageError for anything but 1 to 1024.
unsigned threads_option(const Arguments& args);

/// One thread's share of stream_lines: it reads each line itself (diff
/// reads every line with two rule sets' readers).
class LineWorker {
 public:
  virtual ~LineWorker() = default;
  /// Appends the output for one line to `out`; throws for a line it cannot
  /// handle (the message is reported with the line number).
  virtual void handle(const JsonLine& line, std::string& out) = 0;
  /// How many instants this worker's readers truncated to the second.
  [[nodiscard]] virtual std::size_t truncated_instants() const = 0;
};

/// What stream_lines did: kOk or kProblems (a line failed), and the counts
/// of the summary line.
struct StreamResult {
  int status = kOk;
  BatchCounts counts;
};

/// stream_tickets for workers that read lines themselves: `make_worker` is
/// called once per thread; a command that sums up keeps the workers it made
/// and merges them once this returns, then writes its report and the summary
/// line itself (settings without a command). Errors and the truncation note
/// are as for stream_tickets.
StreamResult stream_lines(const std::string& path,
                          const std::function<std::shared_ptr<LineWorker>()>& make_worker,
                          const StreamSettings& settings = {});

/// What a command that sums up (diff, report) gets back: the counts, and
/// the workers it made, one per thread, to merge.
template <class Worker>
struct SummedStream {
  StreamResult result;
  std::vector<std::shared_ptr<Worker>> workers;
};

/// stream_lines for a command that sums up: `make()` makes each thread's
/// Worker; --color and --threads come from `args`; nothing is written and no
/// summary line printed (the command writes its report and summary itself).
template <class Worker, class Make>
SummedStream<Worker> stream_and_keep(const std::string& path, const Arguments& args,
                                     const Make& make) {
  auto settings = stream_settings("", args);
  settings.output.reset();  // the command writes its report itself
  std::mutex made;
  SummedStream<Worker> out;
  out.result = stream_lines(
      path,
      [&]() -> std::shared_ptr<LineWorker> {
        std::shared_ptr<Worker> w = make();
        const std::lock_guard lock{made};
        out.workers.push_back(w);
        return w;
      },
      settings);
  return out;
}

/// The rule files of a command that reads tickets, compiled; empty after
/// their diagnostics went to stderr as `check` prints them (coloured as
/// --color says). The command then exits with kUsage: nothing was produced,
/// which kProblems ("output written, some lines rejected") must not suggest.
std::optional<RuleSet> compile_or_report(const Arguments& args,
                                         const std::vector<std::string>& files);

/// `--explain [--format json|text]` as eval and route take it. Throws
/// UsageError.
struct OutputMode {
  bool explain = false;
  bool as_text = false;  ///< --format text (needs --explain)
};
OutputMode output_mode(const Arguments& args);

/// `--now` as the commands take it: RFC 3339 (without an offset: UTC) within
/// the supported range, or the current time. Throws UsageError.
Instant now_option(const Arguments& args);

/// `--fractions truncate|reject` (default truncate): what the ticket readers
/// do with a fraction of a second. Throws UsageError.
Fractions fractions_option(const Arguments& args);

}  // namespace slakit::cli
