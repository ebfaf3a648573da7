// slakit report FILE... --tickets T.jsonl [--now TIME] [--by FIELD]...
//               [--format text|json|csv] [--fractions truncate|reject]
//
// Attainment and service times over a batch of tickets, grouped (docs/
// report.md). Each thread sums up its own tickets into its own table; the
// tables merge at the end, so memory depends on the number of rows, never
// on the number of tickets.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>

#include "cli.hpp"
#include "progress.hpp"
#include "report_output.hpp"
#include "report_stats.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

const char* const kReportHelp =
    "usage: slakit report FILE... --tickets T.jsonl [--now TIME] [--by FIELD]...\n"
    "                     [--format text|json|csv] [--fractions truncate|reject]\n"
    "\n"
    "Evaluates every ticket of T.jsonl (- for standard input) at --now and reports,\n"
    "per group: target cycles met, breached, running, paused and cancelled; met %;\n"
    "median and 90th percentile of first response and resolution time, in business\n"
    "and calendar time; reopen rate; first-contact resolution rate. docs/report.md\n"
    "defines every figure.\n"
    "\n"
    "options:\n"
    "  --tickets FILE    the tickets, JSON Lines as `slakit eval` reads them\n"
    "  --now TIME        the instant of the evaluation (RFC 3339; default: now)\n"
    "  --by FIELD        group by policy, target, sla, team or queue (as routed),\n"
    "                    or a ticket, customer, contract or order field; repeat to\n"
    "                    combine (default: --by policy --by target)\n"
    "  --format FORMAT   text (default: a table), json or csv\n"
    "  --fractions MODE  truncate (default) or reject instants with fractions\n"
    "\n"
    "exit status: 0 every line reported, 1 a line could not be read or evaluated\n"
    "(reported on stderr; the others still count) or rule file errors, 2 usage or\n"
    "I/O error\n"
    "\n"
    "examples:\n"
    "  slakit report rules.sla --tickets march.jsonl --now 2026-04-01T00:00:00Z\n"
    "  slakit report rules.sla --tickets march.jsonl --by customer.tier --by target \\\n"
    "      --format csv > attainment.csv\n"
    "  zcat export.jsonl.gz | slakit report rules.sla --tickets - --by queue --format json\n";

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
    table.add(history_.ticket, routing_, evaluation_);
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

  const auto compiled = compile_or_report(args.files);
  if (!compiled) return kProblems;
  const RuleSet& rules = *compiled;
  const auto fields = group_fields(rules, by);
  const bool routes =
      std::any_of(fields.begin(), fields.end(), [](const GroupField& f) { return f.routed; });

  std::mutex made;
  std::vector<std::shared_ptr<ReportWorker>> workers;
  int status = kOk;
  {
    Progress progress{"report"};
    status = stream_lines(*tickets, [&]() -> std::shared_ptr<LineWorker> {
      auto w =
          std::make_shared<ReportWorker>(rules, reading, now, route_now, routes, fields, progress);
      const std::lock_guard lock{made};
      workers.push_back(w);
      return w;
    });
  }
  ReportTable total{fields};
  for (const auto& w : workers) total.merge(w->table);
  const auto out = format == "json"  ? report_json(total, by, format_utc(now))
                   : format == "csv" ? report_csv(total, by)
                                     : report_text(total, by);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (total.overflowed) {
    std::fflush(stdout);
    std::fprintf(stderr,
                 "slakit: note: more than %zu groups; the tickets of the others are counted in "
                 "the (other) row\n",
                 kMaxReportRows);
  }
  return status;
}

}  // namespace slakit::cli
