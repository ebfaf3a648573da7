// The SLA engine on the generated workload (benchmarks/sla_workload.hpp):
// one ticket at a time on one core, and a million tickets with evaluate_many
// on every core.
#include <benchmark/benchmark.h>

#include <slakit/slakit.hpp>

#include <cstdint>
#include <thread>
#include <vector>

#include "sla_workload.hpp"

namespace {

const slakit::RuleSet& rules() {
  static const auto r = slakit::compile_or_throw({{"bench.sla", slakit::bench::sla_rules()}});
  return r;
}

const std::vector<slakit::TicketHistory>& tickets(std::size_t n) {
  static const auto all = slakit::bench::make_tickets(1'000'000);
  static_cast<void>(n);
  return all;
}

void BM_Sla_Evaluate(benchmark::State& state) {
  const auto& r = rules();
  const auto& all = tickets(0);
  const auto now = slakit::bench::workload_now();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& t = all[i++ % 100'000];
    auto e = slakit::evaluate(r, t.ticket, t.events, now);
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sla_Evaluate);

// Evaluates ticket after ticket of the first `count`, round and round, into
// one reused Evaluation.
void evaluate_in_turn(benchmark::State& state, const slakit::RuleSet& r, std::size_t count) {
  const auto& all = tickets(0);
  const auto now = slakit::bench::workload_now();
  slakit::Evaluation e;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& t = all[i++ % count];
    slakit::evaluate(r, t.ticket, t.events, now, e);
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}

// The same on 1,000 tickets that stay in the cache: the engine's computing
// alone, without waiting on memory for each ticket's record and events.
void BM_Sla_Evaluate_InCache(benchmark::State& state) {
  evaluate_in_turn(state, rules(), 1'000);
}
BENCHMARK(BM_Sla_Evaluate_InCache);

// The target: 1,000,000 tickets of about 8 events against 50
// policies in under a second on two cores.
void BM_Sla_EvaluateMany_1M(benchmark::State& state) {
  const auto& r = rules();
  const auto& all = tickets(0);
  const auto now = slakit::bench::workload_now();
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto results = slakit::evaluate_many(r, all, now, threads);
    benchmark::DoNotOptimize(results);
    state.PauseTiming();
    results = {};  // freeing a million results is not part of evaluating them
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(BM_Sla_EvaluateMany_1M)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

// The same, streaming: each result goes to a sink and is not kept, as a
// nightly batch that writes its results out would do. The sink writes each
// ticket's count of breached targets to the ticket's own slot: counting into
// one shared atomic instead would bounce its cache line between the cores
// on every ticket and measure that rather than the engine.
void BM_Sla_EvaluateMany_1M_Sink(benchmark::State& state) {
  const auto& r = rules();
  const auto& all = tickets(0);
  const auto now = slakit::bench::workload_now();
  const auto threads = static_cast<unsigned>(state.range(0));
  std::vector<std::uint8_t> breached(all.size());
  for (auto _ : state) {
    slakit::evaluate_many(
        r, all, now,
        [&](std::size_t i, const slakit::Evaluation* e, std::string_view) {
          int n = 0;
          for (const auto& c : e->targets) n += c.state == slakit::TargetState::breached ? 1 : 0;
          breached[i] = static_cast<std::uint8_t>(n);
        },
        threads);
  }
  std::size_t total = 0;
  for (const auto n : breached) total += n;
  benchmark::DoNotOptimize(total);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(BM_Sla_EvaluateMany_1M_Sink)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

// The peer's rule set (benchmarks/peers/run_sla_peers.py compares this with
// moment-business-time on the same tickets).
void BM_Sla_Evaluate_PeerRules(benchmark::State& state) {
  static const auto r = slakit::compile_or_throw({{"peer.sla", slakit::bench::peer_sla_rules()}});
  evaluate_in_turn(state, r, 100'000);
}
BENCHMARK(BM_Sla_Evaluate_PeerRules);

void BM_Sla_ToJson(benchmark::State& state) {
  const auto& r = rules();
  const auto& all = tickets(0);
  const auto e = slakit::evaluate(r, all[0].ticket, all[0].events, slakit::bench::workload_now());
  for (auto _ : state) {
    auto json = slakit::to_json(e);
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sla_ToJson);

// What `slakit eval` does with each result: the lines of 1,000 different
// tickets appended, round and round, to one reused buffer that is emptied
// when it holds a megabyte, as the batch writer empties its chunk.
void BM_Sla_ToJson_Batch(benchmark::State& state) {
  // The workload's first 1,000 tickets, made alone: making all of them
  // first would make the setup most of the run, and of a profile of it.
  const auto& r = rules();
  std::vector<slakit::Evaluation> evaluations;
  for (const auto& t : slakit::bench::make_tickets(1'000)) {
    evaluations.push_back(slakit::evaluate(r, t.ticket, t.events, slakit::bench::workload_now()));
  }
  std::string out;
  std::size_t i = 0;
  for (auto _ : state) {
    slakit::to_json(evaluations[i++ % evaluations.size()], out);
    out += '\n';
    if (out.size() >= (1u << 20)) out.clear();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sla_ToJson_Batch);

}  // namespace

BENCHMARK_MAIN();
