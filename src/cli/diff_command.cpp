// slakit diff OLD... -- NEW... --tickets T.jsonl [--now TIME]
//             [--format text|json] [--examples N] [--fractions truncate|reject]
//             [--output FILE]
//
// What-if replay: every ticket routed and evaluated under two rule sets, and
// what changes, counted and shown by example (docs/cli.md). Each thread
// parses each of its lines once, reads it for both rule sets and sums up
// its own tickets; the sums merge at the end, so memory stays flat.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "diff_summary.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

namespace {

// One rule set's reader and results, reused ticket after ticket.
class DiffReading {
 public:
  DiffReading(const RuleSet& rules, ReaderOptions options)
      : rules_(rules), reader_(rules, options) {}

  /// Reads the line into `history`; false (the side failed) when it cannot.
  bool read(const JsonLine& line) {
    return reading([&] { reader_.read(line, history); });
  }
  /// Reads the line `other` read last, without parsing it again, as this
  /// side's rule set types it; false when it cannot.
  bool read_again(const DiffReading& other) {
    return reading([&] { reader_.read_again(other.reader_, history); });
  }
  /// Routes and evaluates a ticket (this side's reading, or the other's).
  void judge(const TicketHistory& h, Instant now, std::optional<Instant> route_now) {
    try {
      route(rules_, h.ticket, h.events, route_now, side.routing);
      evaluate(rules_, h.ticket, h.events, now, side.evaluation);
      side.ok = true;
    } catch (const std::bad_alloc&) {
      throw;  // not the ticket's fault: the command stops (ticket_stream.cpp)
    } catch (const std::exception& e) {
      fail(e.what());
    }
  }
  void fail(std::string why) {
    side.ok = false;
    side.error = std::move(why);
  }
  [[nodiscard]] std::size_t truncated_instants() const { return reader_.truncated_instants(); }

  TicketHistory history;
  DiffSide side;

 private:
  template <class Read>
  bool reading(Read&& read) {
    try {
      read();
      return true;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      fail(e.what());
      return false;
    }
  }

  const RuleSet& rules_;
  TicketReader reader_;
};

// The reader types a ticket's values by the fields a rule set declares
// (ticket_reader.hpp), and by nothing else of it: when both rule sets
// declare the same fields with the same types, one reading serves both.
// Otherwise the new side reads the line the old side parsed (read_again):
// each line is parsed once either way.
bool same_reading(const RuleSet& a, const RuleSet& b) {
  auto typed = [](const RuleSet& r) {
    std::vector<std::pair<std::string, FieldType>> out;
    for (const auto& f : r.fields()) out.emplace_back(f.path, f.type);
    std::sort(out.begin(), out.end());
    return out;
  };
  return typed(a) == typed(b);
}

class DiffWorker final : public LineWorker {
 public:
  DiffWorker(const RuleSet& old_rules, const RuleSet& new_rules, ReaderOptions options, Instant now,
             std::optional<Instant> route_now, std::size_t examples, Progress& progress)
      : old_(old_rules, options),
        new_(new_rules, options),
        shared_reading_(same_reading(old_rules, new_rules)),
        now_(now),
        route_now_(route_now),
        progress_(progress),
        summary(examples) {}

  void handle(const JsonLine& line, std::string&) override {
    progress_.tick();
    const bool old_read = old_.read(line);
    const TicketHistory* new_history = nullptr;
    if (shared_reading_) {
      if (old_read) new_history = &old_.history;
      if (!old_read) new_.fail(old_.side.error);
    } else if (new_.read_again(old_)) {
      new_history = &new_.history;
    }
    if (old_read) old_.judge(old_.history, now_, route_now_);
    if (new_history != nullptr) new_.judge(*new_history, now_, route_now_);
    if (!old_.side.ok && !new_.side.ok) {
      ++summary.unreadable;
      // Most often the same error (bad JSON, a bad instant) under both.
      if (old_.side.error == new_.side.error) throw std::runtime_error(old_.side.error);
      throw std::runtime_error(
          fmt::format("old rules: {}; new rules: {}", old_.side.error, new_.side.error));
    }
    changes_.clear();
    BreachShift shift;
    compare(old_.side, new_.side, changes_, shift);
    const auto& id = old_read ? old_.history.ticket.id : new_history->ticket.id;
    summary.add(line.number, id, old_.side, new_.side, changes_, shift);
  }
  [[nodiscard]] std::size_t truncated_instants() const override {
    return old_.truncated_instants();  // both read the same instants
  }

 private:
  DiffReading old_, new_;
  bool shared_reading_;
  Instant now_;
  std::optional<Instant> route_now_;
  Progress& progress_;
  std::vector<Change> changes_;

 public:
  DiffSummary summary;
};

std::size_t examples_option(const Arguments& args) {
  const auto text = args.value("--examples").value_or("10");
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n > 1'000'000) {
    throw UsageError{"--examples takes a whole number up to 1000000, not '" + text + "'"};
  }
  return n;
}

}  // namespace

int diff_command(const Arguments& args) {
  const auto separator = std::find(args.files.begin(), args.files.end(), "--");
  if (separator == args.files.end()) {
    throw UsageError{"diff needs the old rule files, then --, then the new ones"};
  }
  const std::vector<std::string> old_files{args.files.begin(), separator};
  const std::vector<std::string> new_files{separator + 1, args.files.end()};
  if (std::find(new_files.begin(), new_files.end(), "--") != new_files.end()) {
    throw UsageError{"diff takes one -- between the old and the new rule files"};
  }
  if (old_files.empty() || new_files.empty()) {
    throw UsageError{"diff needs rule files on both sides of --"};
  }
  const auto tickets = args.value("--tickets");
  if (!tickets) throw UsageError{"diff needs --tickets FILE.jsonl (- for standard input)"};
  const auto format = args.value("--format").value_or("text");
  if (format != "text" && format != "json") {
    throw UsageError{"--format takes text or json, not '" + format + "'"};
  }
  const auto examples = examples_option(args);
  const auto now = now_option(args);
  // As `slakit route`: without --now, routing sees the whole history.
  const auto route_now = args.value("--now") ? std::optional{now} : std::nullopt;
  const ReaderOptions reading{.fractions = fractions_option(args)};

  // Rule files that do not compile leave nothing to compare: diff(1)'s
  // "trouble".
  const auto old_rules = compile_or_report(args, old_files);
  const auto new_rules = compile_or_report(args, new_files);
  if (!old_rules || !new_rules) return kUsage;

  // Opened first: an --output that cannot be written fails before the work.
  Output out{args.value("--output")};
  SummedStream<DiffWorker> streamed;
  {
    Progress progress{"diff"};
    streamed = stream_and_keep<DiffWorker>(*tickets, args, [&] {
      return std::make_shared<DiffWorker>(*old_rules, *new_rules, reading, now, route_now, examples,
                                          progress);
    });
  }
  DiffSummary total{examples};
  for (const auto& w : streamed.workers) total.merge(w->summary);
  out.write(format == "json" ? diff_json(total) : diff_text(total));
  out.finish();
  print_summary("diff", "ticket", streamed.result.counts);
  if (streamed.result.status != kOk) return kUsage;  // a line could not be read
  return total.changed != 0 ? kProblems : kOk;
}

}  // namespace slakit::cli
