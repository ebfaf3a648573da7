// slakit eval FILE... --tickets T.jsonl [--now TIME] [--explain [--format json|text]]
//
// Streams the tickets: every core takes chunks of lines in turn, reads,
// evaluates and formats them, and writes them in input order; memory stays
// flat whatever the size of the input.
#include <slakit/sla/evaluation.hpp>
#include <slakit/sla/explain.hpp>
#include <slakit/time/parse_time.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "cli.hpp"
#include "json_lines.hpp"
#include "ticket_reader.hpp"

namespace slakit::cli {
namespace {

// Writes each chunk's output when every chunk before it has been written:
// the output keeps the input's order while chunks are worked on at once.
// After a failure (abandon), nobody waits any more and nothing more is
// written.
class OrderedOutput {
 public:
  void write(std::size_t sequence, const std::string& out, const std::string& errors) {
    std::unique_lock lock{mutex_};
    turn_.wait(lock, [&] { return next_ == sequence || abandoned_; });
    if (abandoned_) return;
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (!errors.empty()) {
      std::fflush(stdout);
      std::fputs(errors.c_str(), stderr);
    }
    ++next_;
    turn_.notify_all();
  }
  void abandon(std::string why) {
    const std::lock_guard lock{mutex_};
    if (!abandoned_) failure_ = std::move(why);
    abandoned_ = true;
    turn_.notify_all();
  }
  [[nodiscard]] std::optional<std::string> failure() const { return failure_; }

 private:
  bool abandoned_ = false;
  std::optional<std::string> failure_;
  std::mutex mutex_;
  std::condition_variable turn_;
  std::size_t next_ = 0;
};

}  // namespace

int eval_command(const Arguments& args) {
  const auto tickets = args.value("--tickets");
  if (!tickets) throw UsageError{"eval needs --tickets FILE.jsonl (- for standard input)"};
  const auto result = compile_files(args.files);
  if (!result.ok()) {
    for (const auto& d : result.diagnostics) {
      std::fputs(render_text(d, *result.sources).c_str(), stderr);
    }
    return kProblems;
  }
  const RuleSet& rules = *result.rules;
  const bool explain = args.flag("--explain");
  const auto format = args.value("--format").value_or("json");
  if (format != "json" && format != "text") {
    throw UsageError{"--format takes json or text, not '" + format + "'"};
  }
  const bool as_text = format == "text";
  if (as_text && !explain) throw UsageError{"--format text needs --explain"};
  Instant now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  if (const auto text = args.value("--now")) {
    try {
      now = parse_time(*text, TimeZone::locate("UTC"));
    } catch (const InvalidArgument& e) {
      throw UsageError{fmt::format("--now: {}", e.what())};
    }
    if (!in_supported_range(now)) {
      throw UsageError{fmt::format("--now: {} is outside the supported range [{}, {})", *text,
                                   format_utc(kSupportedBegin), format_utc(kSupportedEnd))};
    }
  }

  std::FILE* in = *tickets == "-" ? stdin : std::fopen(tickets->c_str(), "rb");
  if (in == nullptr) throw UsageError{"cannot read '" + *tickets + "'"};
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned{in == stdin ? nullptr : in,
                                                              &std::fclose};
  // Each thread takes the next chunk of lines, reads, evaluates and
  // formats it alone, and writes it in its turn: reading, working and
  // writing overlap, and no thread waits on another's tickets.
  JsonLinesReader reader{in};
  OrderedOutput output;
  std::atomic<bool> problems{false};
  std::function<void()> work_on_chunks;
  auto work = [&] {
    // Nothing may leave a worker thread: that would end the process. What
    // fails outside one line (memory, reading) stops every worker.
    try {
      work_on_chunks();
    } catch (const std::exception& e) {
      output.abandon(e.what());
    }
  };
  work_on_chunks = [&] {
    TicketReader tickets_reader{rules};
    TicketHistory history;
    Evaluation e;  // its buffers reused ticket after ticket
    JsonChunk chunk;
    std::string out, errors;
    while (reader.next(chunk)) {
      out.clear();
      errors.clear();
      for (const auto& line : chunk.lines) {
        if (line.data == nullptr) {
          errors += fmt::format("{}:{}: error: a line longer than {} MB: not read\n", *tickets,
                                line.number, kLongestLine >> 20);
          problems = true;
          continue;
        }
        try {
          tickets_reader.read(line, history);
          if (!explain) {
            evaluate(rules, history.ticket, history.events, now, e);
            to_json(e, out);
            out += '\n';
          } else {
            const auto x = slakit::explain(rules, history.ticket, history.events, now);
            out += as_text ? x.text() : to_json(x) + '\n';
          }
        } catch (const std::exception& error) {
          errors += fmt::format("{}:{}: error: {}\n", *tickets, line.number, error.what());
          problems = true;
        }
      }
      output.write(chunk.sequence, out, errors);
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) {
      pool.emplace_back(work);
    }
    work();
  }
  if (const auto failure = output.failure()) throw UsageError{"eval stopped: " + *failure};
  const int status = problems ? kProblems : kOk;
  if (reader.failed()) throw UsageError{"error reading '" + *tickets + "'"};
  return status;
}

}  // namespace slakit::cli
