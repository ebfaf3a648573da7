// Route groups, hit policies, how outcomes combine, and skill relaxation
// (docs/routing.md, "Rules and groups" and "Skill relaxation").
#include <doctest/doctest.h>

#include <slakit/routing/route.hpp>
#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <string>
#include <vector>

#include "routing_test_support.hpp"

using namespace slakit;
using test::at;
using namespace std::chrono_literals;

namespace {

Ticket ticket() {
  Ticket t;
  t.id = "T-1";
  t.created = at("2026-03-02T09:00Z");
  t.priority = "normal";
  t.category = "billing";
  t.customer.tier = "gold";
  return t;
}

using Names = std::vector<std::string>;
using Text = std::optional<std::string>;

const char* const kSlas = R"(
calendar c { zone "UTC" mon..fri 09:00-17:00 }
sla platinum { calendar c resolution 4h }
ola handover { calendar c target 1h }
)";

}  // namespace

// "collect: every matching route contributes, in rule order. Queue, team,
// priority and SLA come from the first matching route that sets each;
// skills and tags accumulate without repeats, in order of first appearance."
TEST_CASE("collect: every matching route contributes, first value wins, lists accumulate") {
  const auto r = test::routes(std::string{kSlas} + R"(
routes labels collect {
  route vip when customer.tier in [gold, platinum] -> tags [vip], skills [senior]
  route money when ticket.category == billing -> queue billing, tags [money, vip], team cash
  route german when customer.language == de -> skills [german]
  route any -> queue general, priority high, tags [all], skills [senior, triage], sla platinum
}
)");
  const auto got = route(r, ticket());
  CHECK(got.queue == Text{"billing"});
  CHECK(got.rule == Text{"money"});
  CHECK(got.team == Text{"cash"});
  CHECK(got.priority == Text{"high"});
  CHECK(got.sla == Text{"platinum"});
  CHECK(got.tags == Names{"vip", "money", "all"});
  CHECK(got.skills == Names{"senior", "triage"});
  CHECK(got.rules == Names{"vip", "money", "any"});
}

TEST_CASE("collect: a group of routes that only label gives no queue") {
  const auto r = test::routes(
      "routes labels collect { route vip when customer.tier == gold -> tags [vip] }\n");
  const auto got = route(r, ticket());
  CHECK_FALSE(got.queue);
  CHECK_FALSE(got.rule);
  CHECK(got.tags == Names{"vip"});
  CHECK(got.rules == Names{"vip"});
}

// "scored: each route carries `score N` (a number); the matching route
// with the highest score decides, ties going to the earlier route; its
// outcome is the group's."
TEST_CASE("scored: the highest score decides, ties to the earlier route") {
  const auto r = test::routes(R"(
routes experts scored {
  route low score 5 -> queue general
  route gold score 20 when customer.tier == gold -> queue gold_desk, tags [gold]
  route billing score 20 when ticket.category == billing -> queue billing
  route urgent score 50 when ticket.priority == urgent -> queue hot
}
)");
  auto t = ticket();
  const auto tie = route(r, t);
  CHECK(tie.queue == Text{"gold_desk"});
  CHECK(tie.tags == Names{"gold"});  // the winner's outcome only
  CHECK(tie.rules == Names{"gold"});
  t.priority = "urgent";
  CHECK(route(r, t).queue == Text{"hot"});
  t.priority = "low";
  t.customer.tier = "silver";
  t.category = "tech";
  CHECK(route(r, t).queue == Text{"general"});
}

// "Groups are evaluated independently, in file order, and combine as
// `collect` does: queue, team, priority and SLA come from the first group
// whose outcome sets each; skills and tags accumulate."
TEST_CASE("groups combine in file order: the first group that sets a value gives it") {
  const auto r = test::routes(R"(
routes labels collect {
  route vip when customer.tier == gold -> tags [vip], skills [senior], priority high
}
routes queues first {
  route money when ticket.category == billing -> queue billing, priority low, tags [money]
  route rest -> queue general
}
)");
  const auto got = route(r, ticket());
  CHECK(got.queue == Text{"billing"});
  CHECK(got.priority == Text{"high"});  // the labels group comes first
  CHECK(got.tags == Names{"vip", "money"});
  CHECK(got.skills == Names{"senior"});
  CHECK(got.rules == Names{"vip", "money"});
}

// "A route's outcome counts when its group chooses it (the match of a
// `first` group, every match of a `collect` group, the winner of a `scored`
// group) and some part of the result comes from it": "queue, team,
// priority and SLA each come from the first chosen route that sets it".
// "A chosen route from which nothing of the result comes does not count"
// (review 23 F2: a matching catch-all of a later group was in `rules`).
TEST_CASE("a later group's catch-all that adds nothing does not count") {
  const auto r = test::routes(R"(
routes queues first {
  route outage when ticket.category == outage -> queue incidents, priority urgent, team sre
  route other -> queue general
}
routes fallback first {
  route default -> queue general, team l1, priority normal
}
)");
  auto t = ticket();
  t.category = "outage";
  const auto got = route(r, t);
  CHECK(got.queue == Text{"incidents"});
  CHECK(got.team == Text{"sre"});
  CHECK(got.priority == Text{"urgent"});
  CHECK(got.rules == Names{"outage"});
  const auto x = explain_route(r, t);
  CHECK(x.routing.rules == Names{"outage"});
  REQUIRE(x.checks.size() == 2);
  CHECK(x.checks[0].chosen);
  CHECK(x.checks[0].counts);
  CHECK(x.checks[1].route == "default");
  CHECK(x.checks[1].matches);
  CHECK(x.checks[1].chosen);
  CHECK_FALSE(x.checks[1].counts);
  CHECK(x.text().find("route default matches every ticket (adds nothing)\n") != std::string::npos);
  CHECK(to_json(x).find(R"("route":"default","matches":true,"chosen":true,"counts":false)") !=
        std::string::npos);
  // One part is enough: a team the earlier group leaves unset.
  t.category = "billing";
  CHECK(route(r, t).rules == Names{"other", "default"});
  CHECK(route(r, t).team == Text{"l1"});
}

// "a tag comes from the first chosen route that lists it"; in a `scored`
// group the winner counts only when something comes from it too.
TEST_CASE(
    "a collect route whose tags came before, or a scored winner with nothing new, adds nothing") {
  const auto r = test::routes(R"(
routes labels collect {
  route vip when customer.tier == gold -> queue gold_desk, tags [vip, gold]
  route again when ticket.category == billing -> tags [gold, vip]
  route more when ticket.category == billing -> tags [vip, money]
}
routes experts scored {
  route low score 5 -> queue general
  route high score 9 when customer.tier == gold -> queue experts, tags [vip]
}
)");
  const auto x = explain_route(r, ticket());
  CHECK(x.routing.tags == Names{"vip", "gold", "money"});
  CHECK(x.routing.rules == Names{"vip", "more"});
  REQUIRE(x.checks.size() == 5);
  CHECK(x.checks[1].route == "again");
  CHECK((x.checks[1].matches && x.checks[1].chosen && !x.checks[1].counts));
  CHECK(x.checks[2].counts);
  CHECK((x.checks[3].matches && !x.checks[3].chosen && !x.checks[3].counts));
  CHECK((x.checks[4].matches && x.checks[4].chosen && !x.checks[4].counts));
  const auto text = x.text();
  CHECK(text.find("route low (score 5) matches every ticket (outscored)") != std::string::npos);
  CHECK(text.find("route high (score 9) matches: customer.tier == gold (adds nothing)") !=
        std::string::npos);
}

// "a skill comes from the first chosen route that names it (which gives its
// place in `skills` and `relaxed_skills`), and how long it is required from
// the first chosen route that requires it without a wait or, when none
// does, from the first whose wait ends latest".
TEST_CASE("a skill comes from the route that names it first and the one that says how long") {
  const auto r = test::routes(R"(
routes s collect {
  route a -> queue q, skills [german] for 10m, skills [senior] for 5m
  route b -> skills [german] for 30m
  route c -> skills [senior]
  route d -> skills [german] for 20m
  route e -> skills [senior]
  route f -> skills [german] for 30m
}
)");
  const auto got = route(r, ticket(), {}, at("2026-03-02T09:20Z"));
  CHECK(got.skills == Names{"german", "senior"});
  CHECK(got.relaxed == std::vector<RelaxedSkill>{{"german", at("2026-03-02T09:30Z")}});
  CHECK(got.rules == Names{"a", "b", "c"});
}

// "The routes written outside any group form one `first` group of their own,
// in file order, which stands where its first route does"
TEST_CASE("loose routes form one first group where the first of them stands") {
  const auto r = test::routes(R"(
route a when ticket.category == billing -> queue billing, team first_team
routes labels collect { route t -> tags [seen], team label_team }
route b -> queue general
)");
  const auto& groups = r.route_groups();
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].name.text.empty());
  CHECK(groups[0].policy == HitPolicy::first);
  CHECK(groups[0].routes.size() == 2);
  CHECK(groups[1].name.text == "labels");
  const auto got = route(r, ticket());
  CHECK(got.team == Text{"first_team"});
  CHECK(got.rules == Names{"a", "t"});
}

// "A skill marked `for DURATION` is required while the ticket has waited less
// than DURATION since its creation, in calendar time, and dropped from then
// on"; "The result lists the skills required at `now` (`skills`) and,
// separately, every relaxed skill with the instant it drops"
TEST_CASE("relaxed skills are required until the wait has passed, then dropped") {
  const auto r =
      test::routes("route r -> queue q, skills [billing], skills [german, senior] for 10m\n");
  const auto t = ticket();
  const auto early = route(r, t, {}, at("2026-03-02T09:09:59Z"));
  CHECK(early.skills == Names{"billing", "german", "senior"});
  const std::vector<RelaxedSkill> drops{{"german", at("2026-03-02T09:10Z")},
                                        {"senior", at("2026-03-02T09:10Z")}};
  CHECK(early.relaxed == drops);
  const auto late = route(r, t, {}, at("2026-03-02T09:10Z"));
  CHECK(late.skills == Names{"billing"});
  CHECK(late.relaxed == drops);
  // Without `now`: the last event, here the creation.
  CHECK(route(r, t).skills == Names{"billing", "german", "senior"});
}

// "a skill that any of them requires without a wait is required for good;
// otherwise it drops at the latest instant any of them keeps it."
TEST_CASE("a skill several routes name: required for good, or kept until the latest drop") {
  const auto r = test::routes(R"(
routes s collect {
  route a -> queue q, skills [german] for 10m, skills [senior] for 5m
  route b -> skills [german] for 30m
  route c -> skills [senior]
}
)");
  const auto got = route(r, ticket(), {}, at("2026-03-02T09:20Z"));
  CHECK(got.skills == Names{"german", "senior"});
  CHECK(got.relaxed == std::vector<RelaxedSkill>{{"german", at("2026-03-02T09:30Z")}});
  CHECK(route(r, ticket(), {}, at("2026-03-02T09:30Z")).skills == Names{"senior"});
}

// "In `collect` and `scored` groups every route is listed, matching or not,
// with whether its outcome counts; in a `scored` group with its score"
TEST_CASE("explain_route lists every route of collect and scored groups") {
  const auto r = test::routes(R"(
routes experts scored {
  route gold score 20 when customer.tier == gold -> queue gold_desk
  route urgent score 50 when ticket.priority == urgent -> queue hot
  route billing score 30 when ticket.category == billing -> queue billing
}
routes labels collect {
  route vip when customer.tier == platinum -> tags [vip]
  route all -> tags [all]
}
)");
  const auto x = explain_route(r, ticket());
  CHECK(x.routing.queue == Text{"billing"});
  REQUIRE(x.checks.size() == 5);
  CHECK(x.checks[0].group == "experts");
  CHECK(x.checks[0].matches);
  CHECK_FALSE(x.checks[0].counts);
  CHECK(x.checks[0].score == std::optional<int>{20});
  CHECK_FALSE(x.checks[1].matches);
  CHECK(x.checks[1].why_not == "ticket.priority == urgent is false: ticket.priority is normal");
  CHECK(x.checks[2].counts);
  CHECK(x.checks[3].group == "labels");
  CHECK_FALSE(x.checks[3].matches);
  CHECK(x.checks[4].counts);
  CHECK_FALSE(x.checks[4].score);
  const auto text = x.text();
  CHECK(text.find("route gold (score 20) matches: customer.tier == gold (outscored)") !=
        std::string::npos);
  CHECK(text.find("  routes labels:\n    route vip does not match") != std::string::npos);
  CHECK(
      to_json(x).find(
          R"("group":"experts","route":"gold","matches":true,"chosen":false,"counts":false,"score":20)") !=
      std::string::npos);
}

TEST_CASE("the routing JSON line carries every outcome") {
  const auto r =
      test::routes(std::string{kSlas} +
                   "route r -> queue q, sla platinum, tags [x], skills [a], skills [b] for 1h\n");
  CHECK(
      to_json(route(r, ticket(), {}, at("2026-03-02T09:30Z"))) ==
      R"({"id":"T-1","queue":"q","team":null,"priority":null,"sla":"platinum","skills":["a","b"],)"
      R"("relaxed_skills":[{"skill":"b","drops_at":"2026-03-02T10:00:00Z"}],"tags":["x"],)"
      R"("rule":"r","rules":["r"]})");
}
