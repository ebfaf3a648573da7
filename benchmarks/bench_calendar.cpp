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

// Builds the blocks of the workload's years, as in a long-running host.
slakit::Calendar warmed(slakit::Calendar c) {
  (void)c.add(workload().starts.front(), 2400min);
  (void)c.add(sys_days{2026y / December / 31}, 100h);
  (void)c.add_business_days(2026y / December / 31, 30);
  return c;
}

const slakit::Calendar& warm_calendar() {
  static const slakit::Calendar cal = warmed(slakit::Calendar{peer_calendar(workload())});
  return cal;
}

// Composed calendars over the workload's calendar: a follow-the-sun union
// with New York office hours, the workload's calendar intersected with them,
// and the workload's calendar minus a daily lunch hour (docs/benchmarks.md).
slakit::Calendar new_york() {
  slakit::CalendarDefinition def{.name = "new_york", .zone = "America/New_York"};
  for (auto d : {Monday, Tuesday, Wednesday, Thursday, Friday}) {
    def.weekly.push_back({d, {slakit::TimeOfDay{9, 0}, slakit::TimeOfDay{17, 0}}});
  }
  return slakit::Calendar{def};
}

const slakit::Calendar& warm_union() {
  static const slakit::Calendar cal =
      warmed(slakit::Calendar::union_of("union", {warm_calendar(), new_york()}));
  return cal;
}

const slakit::Calendar& warm_intersection() {
  static const slakit::Calendar cal =
      warmed(slakit::Calendar::intersection_of("intersection", {warm_calendar(), new_york()}));
  return cal;
}

const slakit::Calendar& warm_difference() {
  static const slakit::Calendar cal = [] {
    slakit::CalendarDefinition lunch{.name = "lunch", .zone = "UTC"};
    for (auto d : {Monday, Tuesday, Wednesday, Thursday, Friday}) {
      lunch.weekly.push_back({d, {slakit::TimeOfDay{12, 0}, slakit::TimeOfDay{13, 0}}});
    }
    return warmed(
        slakit::Calendar::difference("difference", warm_calendar(), slakit::Calendar{lunch}));
  }();
  return cal;
}

enum class Kind { plain, union_of, intersection, difference };

const slakit::Calendar& calendar(Kind kind) {
  switch (kind) {
    case Kind::union_of:
      return warm_union();
    case Kind::intersection:
      return warm_intersection();
    case Kind::difference:
      return warm_difference();
    case Kind::plain:
      break;
  }
  return warm_calendar();
}

// Registers a benchmark on the plain calendar and on each composition, in
// one run so that their ratios compare like with like: BM_Calendar_Add/plain,
// BM_Calendar_Add/union, ...
#define SLAKIT_EACH_KIND(fn)                               \
  BENCHMARK_CAPTURE(fn, plain, Kind::plain);               \
  BENCHMARK_CAPTURE(fn, union, Kind::union_of);            \
  BENCHMARK_CAPTURE(fn, intersection, Kind::intersection); \
  BENCHMARK_CAPTURE(fn, difference, Kind::difference)

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

void BM_Calendar_Add(benchmark::State& state, Kind kind) {
  const auto& cal = calendar(kind);
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.add(w.starts[i], minutes{w.minutes[i]}));
  });
}
SLAKIT_EACH_KIND(BM_Calendar_Add);

void BM_Calendar_Subtract(benchmark::State& state, Kind kind) {
  const auto& cal = calendar(kind);
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.subtract(w.starts[i], minutes{w.minutes[i]}));
  });
}
SLAKIT_EACH_KIND(BM_Calendar_Subtract);

void BM_Calendar_Elapsed(benchmark::State& state, Kind kind) {
  const auto& cal = calendar(kind);
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.elapsed(w.starts[i], w.starts[i] + minutes{w.minutes[i] * 3}));
  });
}
SLAKIT_EACH_KIND(BM_Calendar_Elapsed);

void BM_Calendar_IsOpen(benchmark::State& state, Kind kind) {
  const auto& cal = calendar(kind);
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) { benchmark::DoNotOptimize(cal.is_open(w.starts[i])); });
}
SLAKIT_EACH_KIND(BM_Calendar_IsOpen);

void BM_Calendar_AddBusinessDays(benchmark::State& state, Kind kind) {
  const auto& cal = calendar(kind);
  const auto& w = workload();
  over_rows(state, [&](std::size_t i) {
    benchmark::DoNotOptimize(cal.add_business_days(w.dates[i], w.day_counts[i]));
  });
}
SLAKIT_EACH_KIND(BM_Calendar_AddBusinessDays);

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

// Composing two fresh calendars and building the first year of the union,
// with its parts' blocks of that year.
void BM_Calendar_ComposeAndFirstYear(benchmark::State& state) {
  const auto def = peer_calendar(workload());
  for (auto _ : state) {
    const auto cal = slakit::Calendar::union_of("union", {slakit::Calendar{def}, new_york()});
    benchmark::DoNotOptimize(cal.add(workload().starts.front(), 1min));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_ComposeAndFirstYear);

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
