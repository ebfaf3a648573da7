// The routing decision on the generated workload (benchmarks/routing_workload.hpp):
// 100,000 tickets in memory through 10, 100 and 1,000 first-match routes on
// one core (issue 9: at least 10 million tickets a second at 1,000), and
// compiling 10,000 routes (under 0.5 s). benchmarks/peers/run_routing_peers.py
// runs the peers on the same tickets.
#include <benchmark/benchmark.h>

#include <slakit/routing/agent.hpp>
#include <slakit/routing/route.hpp>
#include <slakit/routing/route_columns.hpp>
#include <slakit/slakit.hpp>

#include <memory>
#include <span>

#include "routing_workload.hpp"

namespace {

constexpr std::size_t kTickets = 100'000;

struct Compiled {
  std::size_t rules = 0;
  slakit::bench::RoutingWorkload workload;
  std::optional<slakit::RuleSet> compiled;
};

// One workload at a time: 100,000 tickets take about 100 MB, and each rule
// count has tickets drawn for its own routes (so matches fall at every depth).
const Compiled& workload(std::size_t rules) {
  static std::unique_ptr<Compiled> current;
  if (!current || current->rules != rules) {
    current.reset();
    auto w = std::make_unique<Compiled>();
    w->rules = rules;
    w->workload = slakit::bench::make_routing_workload({.rules = rules}, kTickets);
    w->compiled =
        slakit::compile_or_throw({{"rules.sla", slakit::bench::routes_text(w->workload.routes)}});
    current = std::move(w);
  }
  return *current;
}

// Each iteration routes `tickets` tickets once, in order, with route_many
// (the batch call, which fetches each ticket's fields ahead of its turn).
void route_all(benchmark::State& state, std::size_t rules, std::size_t tickets = kTickets) {
  const auto& w = workload(rules);
  const auto& compiled = *w.compiled;
  const std::span<const slakit::Ticket> batch{w.workload.tickets.data(), tickets};
  std::size_t matched = 0;
  for (auto _ : state) {
    slakit::route_many(compiled, batch,
                       [&](std::size_t, const slakit::Routing* r, std::string_view) {
                         matched += r != nullptr && r->rule ? 1 : 0;
                       });
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(tickets));
  state.counters["matched"] =
      static_cast<double>(matched) / (iterations * static_cast<double>(tickets));
}

// One route() call per ticket, as a host routing tickets as they come does:
// each call waits on memory for its ticket.
void BM_Route_OneByOne1000(benchmark::State& state) {
  const auto& w = workload(1000);
  slakit::Routing r;
  for (auto _ : state) {
    for (const auto& t : w.workload.tickets) {
      slakit::route(*w.compiled, t, {}, std::nullopt, r);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTickets));
}
BENCHMARK(BM_Route_OneByOne1000)->Unit(benchmark::kMillisecond);

void BM_Route_First10(benchmark::State& state) {
  route_all(state, 10);
}
void BM_Route_First100(benchmark::State& state) {
  route_all(state, 100);
}
void BM_Route_First1000(benchmark::State& state) {
  route_all(state, 1000);
}
BENCHMARK(BM_Route_First10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Route_First100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Route_First1000)->Unit(benchmark::kMillisecond);

// The same on the first 1,000 tickets, which stay in the cache: the
// decision's computing alone, without waiting on memory for each ticket
// (a slakit::Ticket is about 1 KB).
void BM_Route_First1000_InCache(benchmark::State& state) {
  route_all(state, 1000, 1000);
}
BENCHMARK(BM_Route_First1000_InCache)->Unit(benchmark::kMicrosecond);

// The floor under route_many on 100,000 records: only reading the members
// the routes read (and the id), prefetched sixteen tickets ahead as
// route_many does, with no decision at all. A slakit::Ticket is about 1 KB,
// so each ticket costs several cache lines from memory.
void BM_Route_ReadFieldsOnly(benchmark::State& state) {
  const auto& tickets = workload(1000).workload.tickets;
  constexpr std::size_t kAhead = 16;
  std::size_t sum = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < tickets.size(); ++i) {
      if (i + kAhead < tickets.size()) {
        const auto& p = tickets[i + kAhead];
        for (const void* member :
             {static_cast<const void*>(&p.id), static_cast<const void*>(&p.channel),
              static_cast<const void*>(&p.category), static_cast<const void*>(&p.priority),
              static_cast<const void*>(&p.customer.tier),
              static_cast<const void*>(&p.customer.region),
              static_cast<const void*>(&p.order.value)}) {
          __builtin_prefetch(member);
        }
      }
      const auto& t = tickets[i];
      sum += t.id.size() + t.channel.size() + t.category.size() + t.priority.size() +
             t.customer.tier.size() + t.customer.region.size() + (t.order.value ? 1 : 0);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(tickets.size()));
}
BENCHMARK(BM_Route_ReadFieldsOnly)->Unit(benchmark::kMillisecond);

// The same tickets as columns (slakit::route_columns, routing_workload.hpp's
// TicketTable). Building the columns is not timed, as the peers' tables are
// built before they are timed.
void route_table(benchmark::State& state, bool dictionary) {
  const auto& w = workload(1000);
  const slakit::bench::TicketTable table(w.workload.tickets);
  const auto columns = table.columns(dictionary);
  slakit::ColumnRouting out;
  for (auto _ : state) {
    slakit::route_columns(*w.compiled, columns, out);
    benchmark::DoNotOptimize(out.outcome.data());
  }
  std::size_t matched = 0;
  for (std::size_t i = 0; i < kTickets; ++i) matched += out.routing(i)->rule ? 1 : 0;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTickets));
  state.counters["matched"] = static_cast<double>(matched) / static_cast<double>(kTickets);
}
void BM_Route_Columns_First1000(benchmark::State& state) {
  route_table(state, true);
}
void BM_Route_Columns_Texts_First1000(benchmark::State& state) {
  route_table(state, false);
}
BENCHMARK(BM_Route_Columns_First1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Route_Columns_Texts_First1000)->Unit(benchmark::kMillisecond);

// Parsing, checking (with the routes' static analysis) and compiling 10,000
// generated routes.
// choose_agent among 2,000 agents of 20 teams with 4 skills each, for a
// routing that needs one team and two skills: the host's call per ticket.
void BM_Route_ChooseAgent2000(benchmark::State& state) {
  static const auto rules = slakit::compile_or_throw({{"agents.sla", R"(
calendar day {
  zone "UTC"
  mon..sun 08:00-20:00
}
)"}});
  // (Appended rather than `"x" + to_string`: GCC 12 warns falsely on that.)
  const auto named = [](const char* prefix, std::size_t n) {
    std::string out = prefix;
    out += std::to_string(n);
    return out;
  };
  std::vector<slakit::Agent> agents(2000);
  for (std::size_t i = 0; i < agents.size(); ++i) {
    auto& a = agents[i];
    a.id = named("agent-", i);
    a.teams = {named("team", i % 20)};
    a.skills = {named("s", i % 7), named("s", i % 5), "german", "billing"};
    a.capacity = 10;
    a.open_tickets = static_cast<int>(i % 12);
    if (i % 3 == 0) a.calendar = "day";
  }
  slakit::Routing routing;
  routing.team = "team7";
  routing.skills = {"german", "s0"};
  const slakit::Instant now{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} +
                            std::chrono::hours{10}};
  for (auto _ : state) {
    benchmark::DoNotOptimize(slakit::choose_agent(rules, routing, agents, now));
  }
}
BENCHMARK(BM_Route_ChooseAgent2000)->Unit(benchmark::kMicrosecond);

void BM_Route_Compile10k(benchmark::State& state) {
  const auto text = slakit::bench::routes_text(slakit::bench::make_routes({.rules = 10'000}));
  for (auto _ : state) {
    auto rules = slakit::compile_or_throw({{"rules.sla", text}});
    benchmark::DoNotOptimize(rules);
  }
  state.SetItemsProcessed(state.iterations() * 10'000);
}
BENCHMARK(BM_Route_Compile10k)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
