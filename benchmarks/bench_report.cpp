// The aggregation of `slakit report` and `slakit diff` alone, on evaluations
// and routings computed before the timed loop (docs/benchmarks.md,
// "Report and diff aggregation"): what each command adds per ticket on top of
// reading it and running the engines.
#include <benchmark/benchmark.h>

#include <slakit/slakit.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "cli/diff_compare.hpp"
#include "cli/diff_summary.hpp"
#include "cli/quantile_sketch.hpp"
#include "cli/report_fields.hpp"
#include "cli/report_table.hpp"
#include "sla_workload.hpp"

namespace {

// The loop goes round this many tickets, whose evaluations stay in the cache
// as the one a command has just made does (20,000 would measure the misses
// of reading evaluations from memory instead: 50% of the time).
constexpr std::size_t kTickets = 500;

// Routes, so that diff has queues and teams to compare; the new rules route
// technical tickets elsewhere and tighten first responses (benchmarks/
// sla_workload.hpp's policies), as a pull request would.
std::string with_routes(std::string rules, bool changed) {
  if (changed) {
    for (auto at = rules.find("first_response 15m"); at != std::string::npos;
         at = rules.find("first_response 15m", at)) {
      rules.replace(at, 18, "first_response 20m");
    }
    rules += "route tech when ticket.category == technical -> queue tech, team t2\n";
  }
  rules += "route urgent when ticket.priority == urgent -> queue urgent, team duty\n";
  rules += "route fallback -> queue triage\n";
  return rules;
}

// Each ticket routed and evaluated under one rule set, as diff holds it.
struct Judged {
  slakit::RuleSet rules;
  std::vector<slakit::cli::DiffSide> sides;
};

Judged judge(const std::vector<slakit::TicketHistory>& tickets, bool changed) {
  Judged out{
      slakit::compile_or_throw({{"bench.sla", with_routes(slakit::bench::sla_rules(), changed)}}),
      {}};
  for (const auto& t : tickets) {
    auto& side = out.sides.emplace_back();
    side.ok = true;
    side.routing = slakit::route(out.rules, t.ticket, t.events, std::nullopt);
    side.evaluation =
        slakit::evaluate(out.rules, t.ticket, t.events, slakit::bench::workload_now());
  }
  return out;
}

const std::vector<slakit::TicketHistory>& tickets() {
  static const auto all = slakit::bench::make_tickets(kTickets);
  return all;
}
const Judged& old_rules() {
  static const auto j = judge(tickets(), false);
  return j;
}
const Judged& new_rules() {
  static const auto j = judge(tickets(), true);
  return j;
}

// ReportTable::add, ticket after ticket, into one table that reaches its
// steady state (every row made) in the first round.
void report_by(benchmark::State& state, const std::vector<std::string>& by) {
  const auto& j = old_rules();
  const auto fields = slakit::cli::group_fields(j.rules, by, slakit::TimeZone::locate("UTC"));
  slakit::cli::ReportTable table{fields};
  std::size_t i = 0;
  for (auto _ : state) {
    const auto n = i++ % kTickets;
    table.add(tickets()[n].ticket, j.sides[n].routing, j.sides[n].evaluation);
  }
  benchmark::DoNotOptimize(table.total.tickets);
  state.SetItemsProcessed(state.iterations());
}

void BM_Report_Add_PolicyTarget(benchmark::State& state) {
  report_by(state, {"policy", "target"});
}
BENCHMARK(BM_Report_Add_PolicyTarget);

void BM_Report_Add_RegionPriorityQueue(benchmark::State& state) {
  report_by(state, {"customer.region", "ticket.priority", "queue"});
}
BENCHMARK(BM_Report_Add_RegionPriorityQueue);

// One sketch fed ticket-like durations (seconds to months, log-normal).
void BM_Sketch_Add(benchmark::State& state) {
  std::mt19937_64 rng{42};
  std::lognormal_distribution<double> spread{9.0, 2.5};
  std::vector<std::int64_t> values(1 << 16);
  for (auto& v : values) v = static_cast<std::int64_t>(std::min(spread(rng), 3e9));
  slakit::cli::QuantileSketch sketch;
  std::size_t i = 0;
  for (auto _ : state) sketch.add(values[i++ & (values.size() - 1)]);
  benchmark::DoNotOptimize(sketch.count());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sketch_Add);

// slakit diff's comparison and counting of one ticket's two sides.
void diff(benchmark::State& state, const Judged& a, const Judged& b) {
  slakit::cli::DiffSummary summary{10};
  std::vector<slakit::cli::Change> changes;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto n = i++ % kTickets;
    changes.clear();
    slakit::cli::BreachShift shift;
    slakit::cli::compare(a.sides[n], b.sides[n], changes, shift);
    summary.add(n + 1, tickets()[n].ticket.id, a.sides[n], b.sides[n], changes, shift);
  }
  benchmark::DoNotOptimize(summary.changed);
  state.SetItemsProcessed(state.iterations());
}

void BM_Diff_Same(benchmark::State& state) {
  diff(state, old_rules(), old_rules());
}
BENCHMARK(BM_Diff_Same);

void BM_Diff_Changed(benchmark::State& state) {
  diff(state, old_rules(), new_rules());
}
BENCHMARK(BM_Diff_Changed);

}  // namespace

BENCHMARK_MAIN();
