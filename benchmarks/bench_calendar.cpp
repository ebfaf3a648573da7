// Google Benchmark suite for the calendar core. Inputs come from the peer
// workload (fixed seed), built before each timed loop.
#include <benchmark/benchmark.h>

#include "workload.hpp"

namespace {

using namespace std::chrono;
using slakit::bench::make_peer_workload;
using slakit::bench::peer_calendar;

const slakit::bench::PeerWorkload& workload() {
  static const auto w = make_peer_workload();
  return w;
}

// A calendar whose blocks for the workload's years are already built, as in a
// long-running host.
const slakit::Calendar& warm_calendar() {
  static const slakit::Calendar cal = [] {
    slakit::Calendar c{peer_calendar(workload())};
    (void)c.add(workload().starts.front(), 2400min);
    (void)c.add(sys_days{2026y / December / 31}, 100h);
    (void)c.add_business_days(2026y / December / 31, 30);
    return c;
  }();
  return cal;
}

// Runs `op` on the workload's rows in turn, one row per iteration.
template <class Op>
void over_rows(benchmark::State& state, Op op) {
  const auto rows = workload().starts.size();
  std::size_t i = 0;
  for (auto _ : state) {
    op(i);
    if (++i == rows) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Calendar_Add(benchmark::State& state) {
  const auto& cal = warm_calendar();
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.add(w.starts[i], minutes{w.minutes[i]}));
  });
}
BENCHMARK(BM_Calendar_Add);

void BM_Calendar_Subtract(benchmark::State& state) {
  const auto& cal = warm_calendar();
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.subtract(w.starts[i], minutes{w.minutes[i]}));
  });
}
BENCHMARK(BM_Calendar_Subtract);

void BM_Calendar_Elapsed(benchmark::State& state) {
  const auto& cal = warm_calendar();
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.elapsed(w.starts[i], w.starts[i] + minutes{w.minutes[i] * 3}));
  });
}
BENCHMARK(BM_Calendar_Elapsed);

void BM_Calendar_IsOpen(benchmark::State& state) {
  const auto& cal = warm_calendar();
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) { benchmark::DoNotOptimize(cal.is_open(w.starts[i])); });
}
BENCHMARK(BM_Calendar_IsOpen);

void BM_Calendar_AddBusinessDays(benchmark::State& state) {
  const auto& cal = warm_calendar();
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.add_business_days(w.dates[i], w.day_counts[i]));
  });
}
BENCHMARK(BM_Calendar_AddBusinessDays);

// Compiling a calendar and building its first year: the cost a host pays once
// per calendar (and per year it touches).
void BM_Calendar_CompileAndFirstYear(benchmark::State& state) {
  const auto def = peer_calendar(workload());
  for (auto _ : state) {
    const slakit::Calendar cal{def};
    benchmark::DoNotOptimize(cal.add(workload().starts.front(), 1min));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_CompileAndFirstYear);

// One add per year from 1970 to 2100 on a fresh calendar: every block built.
void BM_Calendar_BuildAllYears(benchmark::State& state) {
  const auto def = peer_calendar(workload());
  for (auto _ : state) {
    const slakit::Calendar cal{def};
    benchmark::DoNotOptimize(cal.elapsed(slakit::kSupportedBegin, slakit::kSupportedEnd - 1s));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_BuildAllYears)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
