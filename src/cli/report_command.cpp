// slakit report FILE... --tickets T.jsonl [--now TIME] [--by FIELD]...
//               [--zone ZONE] [--format text|json|csv] [--allow-empty]
//               [--fractions truncate|reject] [--output FILE]
//
// Attainment and service times over a batch of tickets, grouped (docs/
// report.md). Each thread sums up its own tickets into its own table; the
// tables merge at the end, so memory depends on the number of rows, never
// on the number of tickets.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "cli.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "report_output.hpp"
#include "report_table.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

namespace {

class ReportWorker final : public LineWorker {
 public:
  ReportWorker(const RuleSet& rules, ReaderOptions options, Instant now,
               std::optional<Instant> route_now, bool routes, const std::vector<GroupField>& fields,
               Progress& progress)
      : rules_(rules),
        reader_(rules, options),
        now_(now),
        route_now_(route_now),
        routes_(routes),
        progress_(progress),
        table(fields) {}

  void handle(const JsonLine& line, std::string&) override {
    progress_.tick();
    reader_.read(line, history_);
    if (routes_) route(rules_, history_.ticket, history_.events, route_now_, routing_);
    evaluate(rules_, history_.ticket, history_.events, now_, evaluation_);
    table.add(history_.ticket, routing_, evaluation_, history_.events);
  }
  [[nodiscard]] std::size_t truncated_instants() const override {
    return reader_.truncated_instants();
  }

 private:
  const RuleSet& rules_;
  TicketReader reader_;
  Instant now_;
  std::optional<Instant> route_now_;
  bool routes_;
  Progress& progress_;
  TicketHistory history_;
  Routing routing_;
  Evaluation evaluation_;

 public:
  ReportTable table;
};

// --zone: where the days of the created.* groups begin and end.
TimeZone zone_option(const Arguments& args) {
  const auto name = args.value("--zone").value_or("UTC");
  try {
    return TimeZone::locate(name);
  } catch (const Error& e) {
    throw UsageError{std::string{"--zone: "} + e.what()};
  }
}

}  // namespace

int report_command(const Arguments& args) {
  const auto tickets = args.value("--tickets");
  if (!tickets) throw UsageError{"report needs --tickets FILE.jsonl (- for standard input)"};
  const auto format = args.value("--format").value_or("text");
  if (format != "text" && format != "json" && format != "csv") {
    throw UsageError{"--format takes text, json or csv, not '" + format + "'"};
  }
  std::vector<std::string> by;
  for (const auto& [name, value] : args.options) {
    if (name == "--by") by.push_back(value);
  }
  if (by.empty()) by = {"policy", "target"};
  const auto now = now_option(args);
  // As `slakit route`: without --now, routing sees the whole history.
  const auto route_now = args.value("--now") ? std::optional{now} : std::nullopt;
  const ReaderOptions reading{.fractions = fractions_option(args)};

  const auto compiled = compile_or_report(args, args.files);
  if (!compiled) return kUsage;
  const RuleSet& rules = *compiled;
  const auto fields = group_fields(rules, by, zone_option(args));
  const bool routes =
      std::any_of(fields.begin(), fields.end(), [](const GroupField& f) { return f.routed; });

  // Opened first: an --output that cannot be written fails before the work.
  Output out{args.value("--output")};
  SummedStream<ReportWorker> streamed;
  {
    Progress progress{"report"};
    streamed = stream_and_keep<ReportWorker>(*tickets, args, [&] {
      return std::make_shared<ReportWorker>(rules, reading, now, route_now, routes, fields,
                                            progress);
    });
  }
  if (stop_on_empty_input("report", *tickets, streamed.result.counts, args.flag("--allow-empty"))) {
    print_summary("report", "ticket", streamed.result.counts);
    return kUsage;
  }
  ReportTable total{fields};
  for (const auto& w : streamed.workers) total.merge(w->table);
  out.write(format == "json"  ? report_json(total, fields, format_utc(now))
            : format == "csv" ? report_csv(total, by)
                              : report_text(total, by));
  out.finish();
  if (total.overflowed) {
    std::fprintf(stderr,
                 "slakit: note: more than %zu groups; the tickets of the others are counted in "
                 "the (other) row\n",
                 kMaxReportRows);
  }
  print_summary("report", "ticket", streamed.result.counts);
  return streamed.result.status;
}

}  // namespace slakit::cli
