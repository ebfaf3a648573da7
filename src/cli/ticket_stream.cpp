#include "ticket_stream.hpp"

#include <slakit/time/parse_time.hpp>

#include <fmt/format.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#include "activity.hpp"
#include "json_lines.hpp"
#include "json_values.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "support/usable_cores.hpp"

namespace slakit::cli {
namespace {

// Writes each chunk's output when every chunk before it has been written:
// the output keeps the input's order while chunks are worked on at once.
// After a failure (abandon), nobody waits any more and nothing more is
// written.
class OrderedOutput {
 public:
  explicit OrderedOutput(Output& sink) : sink_(sink) {}
  // Throws UsageError when the output cannot be written.
  void write(std::size_t sequence, const std::string& out, const std::string& errors) {
    std::unique_lock lock{mutex_};
    turn_.wait(lock, [&] { return next_ == sequence || abandoned_; });
    if (abandoned_) return;
    sink_.write(out);
    if (!errors.empty()) {
      // What went before the bad line is out before its report.
      sink_.flush();
      std::fflush(stdout);
      print_above_progress(errors);
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
  Output& sink_;
  bool abandoned_ = false;
  std::optional<std::string> failure_;
  std::mutex mutex_;
  std::condition_variable turn_;
  std::size_t next_ = 0;
};

}  // namespace

namespace {

// stream_tickets' worker: one reader and one handler per thread.
class TicketWorker final : public LineWorker {
 public:
  TicketWorker(const RuleSet& rules, ReaderOptions options, TicketHandler handle)
      : reader_{rules, options}, handle_{std::move(handle)} {}
  void handle(const JsonLine& line, std::string& out) override {
    reader_.read(line, history_);
    handle_(history_, out);
  }
  [[nodiscard]] std::size_t truncated_instants() const override {
    return reader_.truncated_instants();
  }

 private:
  TicketReader reader_;
  TicketHandler handle_;
  TicketHistory history_;
};

}  // namespace

int stream_tickets(const RuleSet& rules, const std::string& path, ReaderOptions options,
                   const std::function<TicketHandler()>& make_handler,
                   const StreamSettings& settings) {
  return stream_lines(
             path,
             [&]() -> std::shared_ptr<LineWorker> {
               return std::make_shared<TicketWorker>(rules, options, make_handler());
             },
             settings)
      .status;
}

StreamResult stream_lines(const std::string& path,
                          const std::function<std::shared_ptr<LineWorker>()>& make_worker,
                          const StreamSettings& settings) {
  const auto input = open_input(path);
  std::FILE* in = input.get();
  const Activity doing{"working on the tickets of " + (path == "-" ? "stdin" : path)};
  // Each thread takes the next chunk of lines, reads, handles and formats
  // it alone, and writes it in its turn: reading, working and writing
  // overlap, and no thread waits on another's tickets.
  JsonLinesReader reader{in};
  Output sink{settings.output};
  OrderedOutput output{sink};
  std::atomic<std::size_t> read{0}, rejected{0};
  std::atomic<std::size_t> truncated{0};
  std::atomic<bool> out_of_memory{false};
  auto work_on_chunks = [&] {
    const auto worker = make_worker();
    JsonChunk chunk;
    std::string out, errors;
    while (reader.next(chunk)) {
      out.clear();
      errors.clear();
      // Counted once a chunk: a locked increment a line held 1.8% of
      // `eval`'s samples on one core (docs/benchmarks.md).
      read += chunk.lines.size();
      for (const auto& line : chunk.lines) {
        if (line.data == nullptr) {
          errors +=
              line_error(path, line.number, settings.colored,
                         fmt::format("a line longer than {} MB: not read", kLongestLine >> 20));
          ++rejected;
          continue;
        }
        const auto before = out.size();
        try {
          worker->handle(line, out);
        } catch (const std::bad_alloc&) {
          throw;  // not the line's fault: the whole command stops (below)
        } catch (const std::exception& e) {
          out.resize(before);  // nothing of a line that failed
          errors += line_error(path, line.number, settings.colored, e.what());
          ++rejected;
        }
      }
      output.write(chunk.sequence, out, errors);
    }
    truncated += worker->truncated_instants();
  };
  auto work = [&] {
    // Nothing may leave a worker thread: that would end the process. What
    // fails outside one line (memory, reading) stops every worker.
    try {
      work_on_chunks();
    } catch (const UsageError& e) {
      output.abandon(e.message);
    } catch (const std::bad_alloc&) {
      out_of_memory = true;  // rethrown once the threads are joined, for main to report
      output.abandon("out of memory");
    } catch (const std::exception& e) {
      output.abandon(std::string{"stopped: "} + e.what());
    }
  };
  {
    std::vector<std::jthread> pool;
    const auto threads = settings.threads != 0 ? settings.threads : detail::usable_cores();
    for (unsigned t = 1; t < threads; ++t) {
      try {
        pool.emplace_back(work);
      } catch (const std::system_error&) {
        break;  // no more threads to be had (a process limit): those started do it all
      }
    }
    work();
  }
  if (out_of_memory) throw std::bad_alloc{};
  if (const auto failure = output.failure()) throw UsageError{*failure};
  if (reader.failed()) throw UsageError{"error reading '" + path + "'"};
  sink.finish();
  note_truncated(path, truncated, "instant");
  const BatchCounts counts{.read = read, .written = read - rejected, .rejected = rejected};
  if (!settings.command.empty()) print_summary(settings.command, "ticket", counts);
  return {.status = rejected > 0 ? kProblems : kOk, .counts = counts};
}

StreamSettings stream_settings(std::string_view command, const Arguments& args) {
  return {.command = command,
          .output = args.value("--output"),
          .colored = args.colored(stderr),
          .threads = threads_option(args)};
}

unsigned threads_option(const Arguments& args) {
  const auto text = args.value("--threads");
  if (!text) return 0;
  constexpr unsigned kMost = 1024;
  unsigned threads = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), threads);
  if (error != std::errc{} || end != text->data() + text->size() || threads == 0 ||
      threads > kMost) {
    throw UsageError{
        fmt::format("--threads takes a whole number from 1 to {}, not '{}'", kMost, *text)};
  }
  return threads;
}

Instant now_option(const Arguments& args) {
  const auto text = args.value("--now");
  if (!text) return std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  Instant now;
  // A fraction of a second follows --fractions, as every other instant does.
  const auto fractions = fractions_option(args);
  try {
    now = parse_time(*text, TimeZone::locate("UTC"), fractions);
  } catch (const InvalidArgument& e) {
    throw UsageError{fmt::format("--now: {}", e.what())};
  }
  if (fractions == Fractions::truncate)
    note_truncated("--now", has_fraction(*text) ? 1 : 0, "instant");
  if (!in_supported_range(now)) {
    throw UsageError{fmt::format("--now: {} is outside the supported range [{}, {})", *text,
                                 format_utc(kSupportedBegin), format_utc(kSupportedEnd))};
  }
  return now;
}

Fractions fractions_option(const Arguments& args) {
  const auto text = args.value("--fractions").value_or("truncate");
  if (text == "truncate") return Fractions::truncate;
  if (text == "reject") return Fractions::reject;
  throw UsageError{"--fractions takes truncate or reject, not '" + text + "'"};
}

std::optional<RuleSet> compile_or_report(const Arguments& args,
                                         const std::vector<std::string>& files) {
  auto result = compile_files(args, files);
  if (result.ok()) return std::move(*result.rules);
  const TextStyle style{.color = args.colored(stderr)};
  for (const auto& d : result.diagnostics) {
    std::fputs(render_text(d, *result.sources, style).c_str(), stderr);
  }
  return std::nullopt;
}

OutputMode output_mode(const Arguments& args) {
  OutputMode mode;
  mode.explain = args.flag("--explain");
  const auto format = args.value("--format").value_or("json");
  if (format != "json" && format != "text") {
    throw UsageError{"--format takes json or text, not '" + format + "'"};
  }
  mode.as_text = format == "text";
  if (mode.as_text && !mode.explain) throw UsageError{"--format text needs --explain"};
  return mode;
}

}  // namespace slakit::cli
