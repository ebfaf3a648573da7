// slakit diff OLD... -- NEW... --tickets T.jsonl [--now TIME]
//             [--format text|json] [--examples N] [--allow-empty]
//             [--fractions truncate|reject] [--output FILE]
//
// What-if replay: every ticket routed and evaluated under two rule sets, and
// what changes, counted and shown by example (docs/cli.md). Each thread
// parses each of its lines once, reads it for both rule sets and sums up
// its own tickets; the sums merge at the end, so memory stays flat. What
// the rule sets share is decided once (SameParts), and a ticket's new side
// is not worked out again where it cannot differ (diff_judge.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "diff_judge.hpp"
#include "diff_summary.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

namespace {

class DiffWorker final : public LineWorker {
 public:
  DiffWorker(const RuleSet& old_rules, const RuleSet& new_rules, ReaderOptions options, Instant now,
             std::optional<Instant> route_now, const detail::SameParts& same, std::size_t examples,
             Progress& progress)
      : judge_(old_rules, new_rules, std::move(options), now, route_now, &same),
        progress_(progress),
        summary(examples) {}

  void handle(const JsonLine& line, std::string&) override {
    progress_.tick();
    if (!judge_.judge(line)) {
      ++summary.unreadable;
      throw std::runtime_error(judge_.error());
    }
    changes_.clear();
    BreachShift shift;
    // A new side shared whole with the old one changes nothing.
    if (!judge_.shared()) compare(judge_.old_side(), judge_.new_side(), changes_, shift);
    summary.add(line.number, judge_.id(), judge_.old_side(), judge_.new_side(), changes_, shift);
  }
  [[nodiscard]] std::size_t truncated_instants() const override {
    return judge_.truncated_instants();
  }

 private:
  DiffJudge judge_;
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
  const detail::SameParts same{*old_rules, *new_rules};
  SummedStream<DiffWorker> streamed;
  {
    Progress progress{"diff"};
    streamed = stream_and_keep<DiffWorker>(*tickets, args, [&] {
      return std::make_shared<DiffWorker>(*old_rules, *new_rules, reading, now, route_now, same,
                                          examples, progress);
    });
  }
  if (stop_on_empty_input("diff", *tickets, streamed.result.counts, args.flag("--allow-empty"))) {
    print_summary("diff", "ticket", streamed.result.counts);
    return kUsage;
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
