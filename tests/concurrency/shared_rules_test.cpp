// "A RuleSet is immutable and cheap to copy; share it between threads
// freely" (include/slakit/slakit.hpp): eight threads share one freshly
// compiled RuleSet (the bundled example rules: four calendars, SLAs, OLAs,
// route groups) and at once compute deadlines (add, elapsed, business days),
// routing with agent selection, and SLA evaluation with explanations, over
// tickets spread across 1971-2099, so that the calendars' year blocks are
// built lazily by whichever thread comes first. Each thread must see exactly
// what one thread saw on a RuleSet of its own. .ci/tsan runs this test under
// ThreadSanitizer; the normal build runs it too.
#include <doctest/doctest.h>

#include <slakit/routing/agent.hpp>
#include <slakit/routing/route.hpp>
#include <slakit/routing/route_columns.hpp>
#include <slakit/sla/evaluation.hpp>
#include <slakit/sla/explain.hpp>
#include <slakit/slakit.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace std::chrono;
using namespace slakit;

namespace {

RuleSet example_rules() {
  CompileOptions options;
  options.load = [](const std::string& path) -> std::optional<std::string> {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    return std::string{std::istreambuf_iterator<char>{in}, {}};
  };
  const std::string main = SLAKIT_SOURCE_DIR "/examples/rules/routing_groups.sla";
  return compile_or_throw({{main, *options.load(main)}}, options);
}

// Tickets from 1971 to 2099 with a few events each, from a fixed seed.
std::vector<TicketHistory> tickets(std::size_t count) {
  std::mt19937_64 rng{13};
  const auto pick = [&](auto const& list) { return list[rng() % list.size()]; };
  const std::array<const char*, 4> slas{"platinum", "gold", "standard", ""};
  const std::array<const char*, 3> regions{"emea", "amer", ""};
  const std::array<const char*, 4> categories{"billing", "outage", "refund", "other"};
  const std::array<const char*, 3> teams{"l2", "night", "l1"};
  std::vector<TicketHistory> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto& t = out[i].ticket;
    t.id = "T-" + std::to_string(i);
    t.created = sys_days{year{1971 + static_cast<int>(rng() % 129)} / 1 / 1} +
                Seconds{static_cast<long long>(rng() % (365 * 86400))};
    t.priority = pick(std::array{"urgent", "high", "normal", "low"});
    t.status = "new";
    t.category = pick(categories);
    t.team = pick(teams);
    t.contract.sla = pick(slas);
    t.customer.region = pick(regions);
    t.customer.tier = pick(std::array{"gold", "platinum", "standard"});
    Instant at = t.created;
    auto& events = out[i].events;
    for (int k = static_cast<int>(rng() % 6); k > 0; --k) {
      at += minutes{static_cast<long long>(rng() % (3 * 24 * 60))};
      switch (rng() % 5) {
        case 0:
          events.push_back({.at = at, .kind = EventKind::agent_replied});
          break;
        case 1:
          events.push_back({.at = at, .kind = EventKind::customer_replied});
          break;
        case 2:
          events.push_back({.at = at,
                            .kind = EventKind::status_changed,
                            .to = pick(std::array{"pending_customer", "open", "on_hold"})});
          break;
        case 3:
          events.push_back({.at = at, .kind = EventKind::assigned, .team = pick(teams)});
          break;
        default:
          events.push_back({.at = at, .kind = EventKind::solved});
          break;
      }
    }
  }
  return out;
}

const std::vector<Agent> kAgents{
    {.id = "ana",
     .teams = {"l2"},
     .skills = {"german", "billing"},
     .capacity = 3,
     .calendar = "emea_support"},
    {.id = "bo",
     .teams = {"l1"},
     .skills = {"incident"},
     .capacity = 2,
     .calendar = "amer_support"},
    {.id = "cy", .skills = {"german", "billing", "incident"}, .capacity = 5}};

// Everything the engines say about one ticket, as text; an error is a result too.
std::string results(const RuleSet& rules, const TicketHistory& h) {
  std::string out;
  try {
    const auto now = h.ticket.created + 36h;
    for (const auto& name : rules.calendar_names()) {
      const Calendar& cal = *rules.calendar(name);
      const auto due = cal.add(h.ticket.created, 9h);
      out += format_utc(due) + format_duration(cal.elapsed(h.ticket.created, now)) +
             format_utc(cal.subtract(due, 3h)) + (cal.is_open(now) ? "open" : "closed");
      const year_month_day day{floor<days>(h.ticket.created)};
      out += std::to_string(sys_days{cal.add_business_days(day, 3)}.time_since_epoch().count());
    }
    const auto routing = route(rules, h.ticket, h.events, now);
    out += to_json(routing, choose_agent(rules, routing, kAgents, now));
    out += to_json(evaluate(rules, h.ticket, h.events, now));
    out += explain(rules, h.ticket, h.events, now).text();
  } catch (const Error& e) {
    out += e.what();
  }
  return out;
}

}  // namespace

TEST_CASE("eight threads sharing one RuleSet agree with a single thread") {
  // A prime count: every thread's stride (1, 3, ..., 15) visits each ticket once.
  const auto histories = tickets(241);
  std::vector<std::string> expected;
  {
    const auto solo = example_rules();
    for (const auto& h : histories) expected.push_back(results(solo, h));
  }
  // Most tickets go through every engine (an error would end their text early).
  CHECK(std::count_if(expected.begin(), expected.end(), [](const std::string& r) {
          return r.find("first_response") != std::string::npos;
        }) > 150);
  const auto shared = example_rules();  // fresh: no calendar block built yet
  constexpr std::size_t kThreads = 8;
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      // Each thread walks the tickets in its own order, so that different
      // threads reach the same missing year blocks at about the same time.
      for (std::size_t i = 0; i < histories.size(); ++i) {
        got[k].push_back(results(shared, histories[(i * (2 * k + 1)) % histories.size()]));
      }
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t k = 0; k < kThreads; ++k) {
    for (std::size_t i = 0; i < histories.size(); ++i) {
      REQUIRE(got[k][i] == expected[(i * (2 * k + 1)) % histories.size()]);
    }
  }
}

// The same for route_columns: eight threads route one batch of columns on
// the shared RuleSet at once, and each gets exactly one thread's answer.
TEST_CASE("eight threads routing columns on one RuleSet agree with a single thread") {
  const auto histories = tickets(241);
  std::vector<std::string_view> tiers, categories, regions, priorities;
  for (const auto& h : histories) {
    tiers.push_back(h.ticket.customer.tier);
    categories.push_back(h.ticket.category);
    regions.push_back(h.ticket.customer.region);
    priorities.push_back(h.ticket.priority);
  }
  TicketColumns columns(histories.size());
  columns.texts("customer.tier", tiers)
      .texts("ticket.category", categories)
      .texts("customer.region", regions)
      .texts("ticket.priority", priorities);
  const auto text = [](const ColumnRouting& r) {
    std::string out;
    for (std::size_t i = 0; i < r.outcome.size(); ++i) {
      out += r.routing(i) ? to_json(*r.routing(i)) : std::string{"failed"};
    }
    return out;
  };
  const auto expected = text(route_columns(example_rules(), columns));
  CHECK(expected.find("\"queue\":\"") != std::string::npos);
  const auto shared = example_rules();
  std::vector<std::string> got(8);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < got.size(); ++k) {
    threads.emplace_back([&, k] { got[k] = text(route_columns(shared, columns)); });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) CHECK(g == expected);
}
