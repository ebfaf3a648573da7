// The language front end: parse, check and compile a large generated rule set.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <slakit/lang/format.hpp>
#include <slakit/slakit.hpp>

#include <chrono>

namespace {

// 100 calendars and 10,000 routing rules with distinct conditions.
const std::string& large_rule_set() {
  static const std::string text = [] {
    const char* zones[] = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"};
    std::string out = "field ticket.order_value : number\n";
    for (int c = 0; c < 100; ++c) {
      out += fmt::format(
          "calendar cal_{} {{\n  zone \"{}\"\n  mon..fri 08:00-12:00, 13:00-17:00\n  holiday "
          "\"New Year\" jan 1 observed\n  holiday \"Good Friday\" easter - 2\n}}\n",
          c, zones[c % 4]);
    }
    for (int r = 0; r < 10000; ++r) {
      out += fmt::format(
          "route r{} when ticket.category == \"c{}\" and ticket.order_value >= {} and "
          "ticket.priority in [high, urgent] -> queue q{}, skills [s{}]\n",
          r, r, r % 500, r % 97, r % 13);
    }
    out += "route fallback -> queue triage\n";
    return out;
  }();
  return text;
}

void BM_Lang_Compile10kRoutes100Calendars(benchmark::State& state) {
  const auto& text = large_rule_set();
  for (auto _ : state) {
    auto result = slakit::compile({{"large.sla", text}});
    if (!result.ok()) state.SkipWithError("the generated rule set does not compile");
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Lang_Compile10kRoutes100Calendars)->Unit(benchmark::kMillisecond);

void BM_Lang_Format10kRoutes(benchmark::State& state) {
  const auto& text = large_rule_set();
  for (auto _ : state) benchmark::DoNotOptimize(slakit::format_rules("large.sla", text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Lang_Format10kRoutes)->Unit(benchmark::kMillisecond);

// One condition of n values, an `in` list or a run of `or` terms on one
// field (review 6, F1): each compiles to one sorted set, so the fitted
// complexity should be about n log n (it was n squared: 25 s for 128,000).
std::string in_list(int n) {
  std::string text = "route r when ticket.category in [";
  for (int i = 0; i < n; ++i) text += fmt::format("{}c{}", i == 0 ? "" : ",\n  ", i);
  return text + "] -> queue q\nroute rest -> queue other\n";
}
std::string or_chain(int n) {
  std::string text = "route r when ticket.category == c0";
  for (int i = 1; i < n; ++i) text += fmt::format("\n  or ticket.category == c{}", i);
  return text + " -> queue q\nroute rest -> queue other\n";
}

template <std::string (*Make)(int)>
void BM_Lang_CompileCondition(benchmark::State& state) {
  const auto text = Make(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto result = slakit::compile({{"large.sla", text}});
    if (!result.ok()) state.SkipWithError("the generated rule set does not compile");
    benchmark::DoNotOptimize(result);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Lang_CompileCondition<in_list>)
    ->Name("BM_Lang_CompileInList")
    ->RangeMultiplier(2)
    ->Range(16'000, 128'000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_Lang_CompileCondition<or_chain>)
    ->Name("BM_Lang_CompileOrChain")
    ->RangeMultiplier(2)
    ->Range(16'000, 128'000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

// One calendar of n date lines, half `closed` days and half `open` hours on
// weekends (review 12, F3: the W0243 lint rebuilt the calendar's overrides
// for every line, 2.6 s for 12,000 lines): the fit should be about n log n.
void BM_Lang_CompileCalendarOverrides(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  std::string text = "calendar c {\n  zone \"Europe/Berlin\"\n  mon..fri 09:00-17:00\n";
  const auto first = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};
  int written = 0;
  for (int day = 0; written < n; ++day) {
    const std::chrono::year_month_day date{first + std::chrono::days{day}};
    const std::chrono::weekday weekday{std::chrono::sys_days{date}};
    const bool weekend = weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
    text += fmt::format("  {} {:04}-{:02}-{:02}{}\n", weekend ? "open" : "closed",
                        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                        static_cast<unsigned>(date.day()), weekend ? " 10:00-14:00" : "");
    ++written;
  }
  text += "}\n";
  for (auto _ : state) {
    auto result = slakit::compile({{"large.sla", text}});
    if (!result.ok()) state.SkipWithError("the generated calendar does not compile");
    benchmark::DoNotOptimize(result);
  }
  state.SetComplexityN(n);
}
BENCHMARK(BM_Lang_CompileCalendarOverrides)
    ->RangeMultiplier(4)
    ->Range(750, 12'000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

}  // namespace

BENCHMARK_MAIN();
