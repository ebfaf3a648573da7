// Agent selection (docs/routing.md, "Agent selection").
#include <doctest/doctest.h>

#include <slakit/error.hpp>
#include <slakit/routing/agent.hpp>
#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <string>
#include <vector>

#include "routing_test_support.hpp"

using namespace slakit;
using test::at;

namespace {

const RuleSet& rules() {
  static const auto r = compile_or_throw({{"r.sla", R"(
calendar early { zone "UTC" mon..fri 06:00-14:00 }
calendar late { zone "UTC" mon..fri 14:00-22:00 }
route r -> queue q, team l2, skills [billing], skills [german] for 10m
)"}});
  return r;
}

Ticket ticket() {
  Ticket t;
  t.id = "T-1";
  t.created = at("2026-03-02T09:00Z");  // a Monday
  return t;
}

Agent agent(std::string id, std::vector<std::string> skills = {"billing", "german"}) {
  return Agent{.id = std::move(id), .teams = {"l2"}, .skills = std::move(skills), .capacity = 3};
}

const Instant kNow = at("2026-03-02T09:05Z");

std::optional<std::string> pick(const std::vector<Agent>& agents, Instant now = kNow) {
  return choose_agent(rules(), route(rules(), ticket(), {}, now), agents, now).agent;
}

}  // namespace

// "in the chosen team (every agent when the outcome names no team)"
TEST_CASE("agents: only the chosen team's, or anyone when no team is named") {
  auto other = agent("a_other");
  other.teams = {"l1"};
  CHECK(pick({other, agent("b_l2")}) == std::optional<std::string>{"b_l2"});
  CHECK_FALSE(pick({other}));
  const auto no_team = compile_or_throw({{"r.sla", "route r -> queue q\n"}});
  CHECK(choose_agent(no_team, route(no_team, ticket()), std::vector<Agent>{other}, kNow).agent ==
        std::optional<std::string>{"a_other"});
}

// "whose calendar is open at `now` (an agent without a calendar always is)"
TEST_CASE("agents: only those working at now by their calendar") {
  auto early = agent("a_early");
  early.calendar = "early";
  auto late = agent("b_late");
  late.calendar = "late";
  CHECK(pick({late, early}) == std::optional<std::string>{"a_early"});
  CHECK(pick({late, early}, at("2026-03-02T15:00Z")) == std::optional<std::string>{"b_late"});
  auto always = agent("c_always");
  CHECK(pick({late, always}, at("2026-03-02T23:00Z")) == std::optional<std::string>{"c_always"});
}

// "An agent's hours are read in the zone of the agent's calendar; a
// calendar whose zone comes from the ticket (`zone from customer.zone else
// "Europe/Berlin"`) is read in its `else` zone", never in the ticket's
// (review 23 F12).
TEST_CASE("agents: a calendar whose zone comes from the ticket is read in its else zone") {
  const auto r = compile_or_throw({{"r.sla", R"(
calendar follows { zone from customer.zone else "Europe/Berlin" mon..fri 09:00-17:00 }
route r -> queue q
)"}});
  auto t = ticket();
  t.created = at("2026-03-02T07:00Z");
  t.customer.zone = "Asia/Tokyo";  // 16:30 there, 08:30 in Berlin
  auto a = agent("ana");
  a.calendar = "follows";
  const auto before = at("2026-03-02T07:30Z");
  const auto choice = choose_agent(r, route(r, t, {}, before), std::vector<Agent>{a}, before);
  CHECK_FALSE(choice.agent);
  CHECK(choice.emptied_by == std::optional<AgentStep>{AgentStep::hours});
  const auto open = at("2026-03-02T08:00Z");  // 09:00 in Berlin, 17:00 in Tokyo
  CHECK(choose_agent(r, route(r, t, {}, open), std::vector<Agent>{a}, open).agent ==
        std::optional<std::string>{"ana"});
}

// "who have every skill required at `now` (after relaxation)"
TEST_CASE("agents: every skill required at now, relaxed skills dropped after their wait") {
  const std::vector<Agent> agents{agent("a_no_german", {"billing"}), agent("b_both")};
  CHECK(pick(agents) == std::optional<std::string>{"b_both"});
  // German is required for ten minutes from creation (09:00), then dropped.
  auto busy = agents;
  busy[1].open_tickets = 2;
  CHECK(pick(busy, at("2026-03-02T09:09:59Z")) == std::optional<std::string>{"b_both"});
  CHECK(pick(busy, at("2026-03-02T09:10Z")) == std::optional<std::string>{"a_no_german"});
  const auto r = route(rules(), ticket(), {}, kNow);
  CHECK(skills_at(r, at("2026-03-02T09:10Z")) == std::vector<std::string>{"billing"});
  CHECK(skills_at(r, kNow) == std::vector<std::string>{"billing", "german"});
}

// "with spare capacity: open tickets below capacity."
TEST_CASE("agents: only those below capacity") {
  auto full = agent("a_full");
  full.open_tickets = 3;
  auto spare = agent("b_spare");
  spare.open_tickets = 2;
  CHECK(pick({full, spare}) == std::optional<std::string>{"b_spare"});
  spare.capacity = 2;
  CHECK_FALSE(pick({full, spare}));
}

// "Among the eligible agents the one with the fewest open tickets is chosen,
// then the one idle longest (the earliest last assignment; never assigned is
// idlest), then the smallest id."
TEST_CASE("agents: fewest open tickets, then idle longest, then the smallest id") {
  auto a = agent("a");
  a.open_tickets = 1;
  auto b = agent("b");
  b.open_tickets = 1;
  b.last_assigned = at("2026-03-02T08:00Z");
  auto c = agent("c");
  c.open_tickets = 1;
  c.last_assigned = at("2026-03-02T07:00Z");
  auto d = agent("d");
  d.open_tickets = 2;
  CHECK(pick({d, b, c}) == std::optional<std::string>{"c"});     // idle longest
  CHECK(pick({d, b, c, a}) == std::optional<std::string>{"a"});  // never assigned
  auto a2 = agent("a2");
  a2.open_tickets = 1;
  CHECK(pick({a2, b, a}) == std::optional<std::string>{"a"});  // then the id
  auto e = agent("e");
  CHECK(pick({a, b, c, d, e}) == std::optional<std::string>{"e"});  // fewest open first
  CHECK(choose_agent(rules(), route(rules(), ticket(), {}, kNow), std::vector<Agent>{a, b, c, e},
                     kNow)
            .eligible == 4);
}

// "Ids written in digits alone are whole numbers and compare as numbers,
// before every other id; other ids compare by text, byte by byte" (review
// 23 F9: agent 10 was chosen before agent 9).
TEST_CASE("agents: the smallest id counts whole numbers as numbers, other ids by text") {
  const auto order = [](std::vector<std::string> ids) {
    std::vector<std::string> picked;
    while (!ids.empty()) {
      std::vector<Agent> agents;
      for (const auto& id : ids) agents.push_back(agent(id));
      const auto a = pick(agents);
      REQUIRE(a);
      picked.push_back(*a);
      std::erase(ids, *a);
    }
    return picked;
  };
  CHECK(order({"10", "9"}) == std::vector<std::string>{"9", "10"});
  CHECK(order({"ana", "100000000000000000000000", "Bo", "99", "007", "7", "0", "a10", "a9"}) ==
        std::vector<std::string>{"0", "007", "7", "99", "100000000000000000000000", "Bo", "a10",
                                 "a9", "ana"});
  // Open tickets and idleness still come first.
  auto ten = agent("10");
  auto nine = agent("9");
  nine.open_tickets = 1;
  CHECK(pick({nine, ten}) == std::optional<std::string>{"10"});
}

// "No eligible agent is a valid result, and the result says which step
// removed the last candidates."
TEST_CASE("agents: none eligible says which step removed the last ones") {
  const auto r = route(rules(), ticket(), {}, kNow);
  auto late = agent("late");
  late.calendar = "late";
  auto full = agent("full");
  full.open_tickets = 3;
  auto other = agent("other");
  other.teams = {"l1"};
  struct Case {
    std::vector<Agent> agents;
    AgentStep step;
    const char* why;
  };
  for (const auto& c : std::vector<Case>{
           {{}, AgentStep::team, "no agents"},
           {{other}, AgentStep::team, "no agent of team l2"},
           {{late}, AgentStep::hours, "no agent of team l2 is working at 2026-03-02T09:05:00Z"},
           {{agent("x", {"billing"})},
            AgentStep::skills,
            "no working agent of team l2 has every skill (billing, german)"},
           {{full},
            AgentStep::capacity,
            "every working agent of team l2 with the skills is at capacity"}}) {
    const auto got = choose_agent(rules(), r, c.agents, kNow);
    CHECK_FALSE(got.agent);
    CHECK(got.eligible == 0);
    CHECK(got.emptied_by == std::optional<AgentStep>{c.step});
    CHECK(got.why == c.why);
  }
}

TEST_CASE("agents: bad agent data is an error naming the agent") {
  const auto r = route(rules(), ticket(), {}, kNow);
  auto unknown = agent("ana");
  unknown.calendar = "nights";
  CHECK_THROWS_WITH_AS((void)choose_agent(rules(), r, std::vector<Agent>{unknown}, kNow),
                       "agent 'ana': unknown calendar 'nights'", InvalidArgument);
  auto negative = agent("bo");
  negative.capacity = -1;
  CHECK_THROWS_WITH_AS((void)choose_agent(rules(), r, std::vector<Agent>{negative}, kNow),
                       "agent 'bo': capacity (-1) and open tickets (0) cannot be negative",
                       InvalidArgument);
  CHECK_THROWS_WITH_AS((void)choose_agent(rules(), r, std::vector<Agent>{agent("")}, kNow),
                       "agents[0]: no id", InvalidArgument);
}

// docs/routing.md: "An agent listed twice (by id) is an error naming the
// agent and both places."
TEST_CASE("agents: one id given twice is an error naming both places") {
  const auto r = route(rules(), ticket(), {}, kNow);
  auto idle = agent("ana");
  auto busy = agent("ana");
  busy.open_tickets = 3;
  CHECK_THROWS_WITH_AS(
      (void)choose_agent(rules(), r, std::vector<Agent>{agent("bo"), idle, agent("cy"), busy},
                         kNow),
      "agent 'ana' appears twice (agents[1] and agents[3])", InvalidArgument);
  CHECK(choose_agent(rules(), r, std::vector<Agent>{agent("bo"), idle, agent("cy")}, kNow).agent);
  // docs/cli.md, "Conventions": "an agent's id ... stand[s] between single
  // quotes, where a quote is `\'` and a backslash `\\`" (review 25).
  CHECK_THROWS_WITH_AS(
      (void)choose_agent(rules(), r, std::vector<Agent>{agent("O'Brien"), agent("O'Brien")}, kNow),
      R"(agent 'O\'Brien' appears twice (agents[0] and agents[1]))", InvalidArgument);
  auto lost = agent("a\\b");
  lost.calendar = "x'y";
  CHECK_THROWS_WITH_AS((void)choose_agent(rules(), r, std::vector<Agent>{lost}, kNow),
                       R"(agent 'a\\b': unknown calendar 'x\'y')", InvalidArgument);
}

TEST_CASE(
    "skills_at keeps the routing's order, and brings back a relaxed skill at an earlier now") {
  const auto r = compile_or_throw({{"r.sla", R"(
routes s collect {
  route a -> queue q, skills [german] for 10m
  route b -> skills [billing]
}
)"}});
  const auto early = route(r, ticket(), {}, kNow);
  CHECK(early.skills == std::vector<std::string>{"german", "billing"});
  CHECK(skills_at(early, kNow) == std::vector<std::string>{"german", "billing"});
  CHECK(skills_at(early, at("2026-03-02T09:10Z")) == std::vector<std::string>{"billing"});
  const auto late = route(r, ticket(), {}, at("2026-03-02T09:30Z"));
  CHECK(late.skills == std::vector<std::string>{"billing"});
  CHECK(skills_at(late, kNow) == std::vector<std::string>{"billing", "german"});
}
