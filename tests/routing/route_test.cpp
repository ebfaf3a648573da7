// The routing engine on routes outside any group: one `first` group
// (docs/routing.md). Groups and hit policies: groups_test.cpp.
#include <doctest/doctest.h>

#include <slakit/error.hpp>
#include <slakit/routing/route.hpp>
#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <limits>
#include <string>
#include <vector>

#include "routing_test_support.hpp"

using namespace slakit;
using test::at;

namespace {

Ticket ticket() {
  Ticket t;
  t.id = "T-1";
  t.created = at("2026-03-02T09:00Z");
  t.priority = "normal";
  return t;
}

const char* const kRoutes = R"(
field ticket.order_value : number
route platinum when contract.sla == "platinum" -> queue vip, priority urgent, team duty, skills [incident]
route big when ticket.order_value >= 10000 -> queue review, skills [billing, fraud]
route billing when ticket.category in [billing, refund] -> queue billing
route no_region when customer.region == none -> queue triage_unknown
)";

}  // namespace

// "first: the first matching route in rule order decides; its outcome is
// the group's."
TEST_CASE("the first matching route in rule order decides, with its whole outcome") {
  const auto r = test::routes(kRoutes);
  auto t = ticket();
  t.contract.sla = "platinum";
  t.category = "billing";
  const auto got = route(r, t);
  CHECK(got.id == "T-1");
  CHECK(got.rule == std::optional<std::string>{"platinum"});
  CHECK(got.queue == std::optional<std::string>{"vip"});
  CHECK(got.priority == std::optional<std::string>{"urgent"});
  CHECK(got.team == std::optional<std::string>{"duty"});
  CHECK(got.skills == std::vector<std::string>{"incident"});
  t.contract.sla = "gold";
  const auto billing = route(r, t);
  CHECK(billing.rule == std::optional<std::string>{"billing"});
  CHECK(billing.queue == std::optional<std::string>{"billing"});
  CHECK_FALSE(billing.priority.has_value());  // the route names none
  CHECK(billing.skills.empty());
}

// "A ticket that no route matches gets no queue": the result says so, and it
// is not an error.
TEST_CASE("a ticket no route matches gets no queue, and no error") {
  auto t = ticket();
  t.customer.region = "emea";
  const auto got = route(test::routes(kRoutes), t);
  CHECK_FALSE(got.rule.has_value());
  CHECK_FALSE(got.queue.has_value());
  CHECK(to_json(got) ==
        R"({"id":"T-1","queue":null,"team":null,"priority":null,"sla":null,"skills":[],)"
        R"("relaxed_skills":[],"tags":[],"rule":null,"rules":[]})");
}

// "A condition on a field without a value is false, except `== none` (and
// `!= value`, `not in`), which is true".
TEST_CASE("a missing field fails every comparison but == none") {
  const auto r = test::routes(kRoutes);
  auto t = ticket();  // no order value, no category, no region
  CHECK(route(r, t).rule == std::optional<std::string>{"no_region"});
  const auto neg = test::routes(
      "route a when ticket.category != billing -> queue q\n"
      "route b when ticket.category not in [billing] -> queue z\n");
  CHECK(route(neg, t).rule == std::optional<std::string>{"a"});
}

// "Numbers compare exactly: `x > 100` is false and `x >= 100` true for 100."
TEST_CASE("numeric thresholds: > and >= exactly at the threshold") {
  const auto r = test::routes(
      "field ticket.order_value : number\n"
      "route above when ticket.order_value > 100 -> queue a\n"
      "route at_least when ticket.order_value >= 100 -> queue b\n"
      "route rest -> queue c\n");
  auto t = ticket();
  for (const auto& [value, expected] : std::vector<std::pair<double, const char*>>{
           {100.0, "at_least"}, {100.000001, "above"}, {99.999999, "rest"}}) {
    t.fields["order_value"] = value;
    const double v = value;  // (clang 14 captures no structured binding)
    CAPTURE(v);
    CHECK(route(r, t).rule == std::optional<std::string>{expected});
  }
}

// docs/cpp-api.md: "`CustomFields` maps a declared field's name to its value:
// `"order_value"` in `Ticket::fields` for `field ticket.order_value`, or its
// whole path `"ticket.order_value"` (the name wins when both are there)."
TEST_CASE("a record's custom field is found by its name or by its whole path") {
  const auto r = test::routes(
      "field ticket.order_value : number\n"
      "field customer.segment : one of smb, enterprise\n"
      "route big when ticket.order_value >= 1000 -> queue big\n"
      "route ent when customer.segment == enterprise -> queue ent\n"
      "route rest -> queue triage\n");
  auto t = ticket();
  t.fields["ticket.order_value"] = 5000.0;
  CHECK(route(r, t).queue == std::optional<std::string>{"big"});
  t.fields["order_value"] = 10.0;  // both: the name wins
  CHECK(route(r, t).queue == std::optional<std::string>{"triage"});
  auto c = ticket();
  c.customer.fields["customer.segment"] = std::string{"enterprise"};
  CHECK(route(r, c).queue == std::optional<std::string>{"ent"});
  c.customer.fields["customer.segment"] = std::string{"huge"};  // checked like the name
  CHECK_THROWS_AS((void)route(r, c), TicketError);
}

// "A value that a `one of` field does not list is an error that names the
// ticket and the field".
TEST_CASE("a value a one of field does not list is an error naming ticket and field") {
  auto t = ticket();
  t.priority = "asap";
  try {
    (void)route(test::routes("route u when ticket.priority == urgent -> queue q\n"), t);
    FAIL("no error");
  } catch (const TicketError& e) {
    CHECK(std::string{e.what()} ==
          "ticket 'T-1': ticket.priority: expected one of low, normal, high, urgent, got text "
          "'asap'");
  }
}

// "Routing reads the ticket as it is now: its record and, when events are
// given, the fields they set at or before `now`".
TEST_CASE("events at or before now change the fields routing sees") {
  const auto r = test::routes(
      "route urgent when ticket.priority == urgent -> queue fast\nroute rest -> queue slow\n");
  const std::vector events{TicketEvent{.at = at("2026-03-02T10:00Z"),
                                       .kind = EventKind::field_changed,
                                       .field = "ticket.priority",
                                       .value = std::string{"urgent"}}};
  const auto t = ticket();
  CHECK(route(r, t).rule == std::optional<std::string>{"rest"});
  CHECK(route(r, t, events).rule == std::optional<std::string>{"urgent"});  // every event
  CHECK(route(r, t, events, at("2026-03-02T09:30Z")).rule == std::optional<std::string>{"rest"});
  CHECK(route(r, t, events, at("2026-03-02T10:00Z")).rule == std::optional<std::string>{"urgent"});
}

// "The route that matched and, for every earlier route of its group, its
// first condition that failed, with the ticket's value".
TEST_CASE("explain_route: the match and why each earlier route did not") {
  auto t = ticket();
  t.category = "refund";
  t.fields["order_value"] = 250.0;
  const auto x = explain_route(test::routes(kRoutes), t);
  REQUIRE(x.checks.size() == 3);
  CHECK(x.checks[0].route == "platinum");
  CHECK_FALSE(x.checks[0].matches);
  CHECK(x.checks[0].why_not == R"(contract.sla == "platinum" is false: contract.sla is none)");
  CHECK(x.checks[1].why_not == "ticket.order_value >= 10000 is false: ticket.order_value is 250");
  CHECK(x.checks[2].matches);
  CHECK(x.checks[2].condition == "ticket.category in [billing, refund]");
  CHECK(x.routing.rule == std::optional<std::string>{"billing"});
  CHECK(x.text() ==
        "ticket T-1: route billing -> queue billing\n"
        "  route platinum does not match: contract.sla == \"platinum\" is false: contract.sla "
        "is none\n"
        "  route big does not match: ticket.order_value >= 10000 is false: ticket.order_value "
        "is 250\n"
        "  route billing matches: ticket.category in [billing, refund]\n");
  CHECK(
      to_json(x).find(
          R"("explain":[{"group":null,"route":"platinum","matches":false,"chosen":false,"counts":false,)") !=
      std::string::npos);
}

// The index that finds the first match must answer as trying every route in
// order does (docs/routing.md, "Speed"): checked against explain_route,
// which tries the routes one by one without the index, on tickets over
// every combination of the values the routes name.
TEST_CASE("route() agrees with trying every route in order") {
  const auto r = test::routes(kRoutes + std::string{"route rest -> queue other\n"});
  for (const char* sla : {"", "platinum", "gold"}) {
    for (const char* category : {"", "billing", "refund", "outage"}) {
      for (const double value : {0.0, 9999.0, 10000.0}) {
        for (const char* region : {"", "emea"}) {
          auto t = ticket();
          t.contract.sla = sla;
          t.category = category;
          t.fields["order_value"] = value;
          t.customer.region = region;
          const auto x = explain_route(r, t);
          std::optional<std::string> first;
          for (const auto& c : x.checks) {
            if (c.matches) first = c.route;
          }
          CAPTURE(to_json(x));
          CHECK(route(r, t).rule == first);
          CHECK(first.has_value());
        }
      }
    }
  }
}

// The decision table (docs/routing.md, "Speed"): "The answers are exactly
// those of trying every route in order". Every kind of column (texts,
// numbers with NaN, integers, booleans), values at, between and beyond the
// thresholds, missing values, and parts the table cannot decide (`or`
// across fields, two fields compared), in every hit policy; checked against
// explain_route, which tries each route in full.
TEST_CASE("the decision table answers as trying every route, for every kind of value") {
  const std::string body = R"(
  route a when ticket.amount > 10 and ticket.amount <= 100 -> queue a, tags [a]
  route b when ticket.amount == 10 or customer.tier == gold -> queue b, tags [b]
  route c when ticket.amount != 50 and ticket.flag -> queue c, tags [c]
  route d when ticket.wait >= 1h and not (ticket.priority in [low, normal]) -> queue d, tags [d]
  route e when ticket.amount < ticket.limit -> queue e, tags [e]
  route f when customer.region not in ["emea", "apac"] and ticket.due < 2026-03-03 -> queue f, tags [f]
  route g when ticket.amount == none and ticket.flag == false -> queue g, tags [g]
  route h when customer.tier != none and customer.region == "amer" -> queue h, tags [h]
)";
  std::string text = R"(field ticket.amount : number
field ticket.limit : number
field ticket.flag : bool
field ticket.wait : duration
field ticket.due : time
)";
  for (const char* policy : {"first", "collect", "scored"}) {
    std::string group = body;
    // Route names are unique across groups: a_first, a_collect, ...
    for (auto at = group.find("route "); at != std::string::npos;
         at = group.find("route ", at + 1)) {
      group.insert(at + 7, std::string{"_"} + policy);
    }
    if (std::string{policy} == "scored") {
      int score = 0;
      for (auto at = group.find("when"); at != std::string::npos;
           at = group.find("when", at + 12)) {
        group.insert(at, "score " + std::to_string(score++ % 3) + " ");
      }
    }
    text += "routes " + std::string{policy} + "_group " + policy + " {" + group + "}\n";
  }
  const auto r = test::routes(text);
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  int tickets = 0;
  for (const auto amount : {-1.0, 10.0, 10.5, 50.0, 100.0, 100.5, nan, -0.0}) {
    for (const bool has_amount : {true, false}) {
      for (const char* tier : {"", "gold", "silver"}) {
        for (const char* region : {"", "emea", "amer"}) {
          for (const int flag : {-1, 0, 1}) {
            for (const int wait : {-1, 3599, 3600, 3601}) {
              auto t = ticket();
              if (has_amount) t.fields["amount"] = amount;
              t.fields["limit"] = 50.0;
              if (flag >= 0) t.fields["flag"] = flag == 1;
              if (wait >= 0) t.fields["wait"] = Seconds{wait};
              t.fields["due"] = at(wait % 2 == 0 ? "2026-03-03T00:00Z" : "2026-03-02T23:59:59Z");
              t.customer.tier = tier;
              t.customer.region = region;
              t.priority = wait == 3601 ? "high" : "normal";
              const auto x = explain_route(r, t);
              const auto got = route(r, t);
              CAPTURE(to_json(x));
              CHECK(got.rules == x.routing.rules);
              CHECK(to_json(got) == to_json(x.routing));
              ++tickets;
            }
          }
        }
      }
    }
  }
  CHECK(tickets == 8 * 2 * 3 * 3 * 3 * 4);
}

TEST_CASE("route_many: every ticket in order as route() routes it, and a bad one loses no other") {
  const auto r = test::routes(kRoutes + std::string{"route rest -> queue other\n"});
  std::vector<Ticket> tickets;
  for (const char* category : {"billing", "outage", "", "refund"}) {
    auto t = ticket();
    t.id = std::string{"T-"} + category;
    t.category = category;
    tickets.push_back(t);
  }
  tickets[2].fields["order_value"] = std::string{"lots"};  // not a number: this ticket fails
  std::vector<std::string> got;
  route_many(r, tickets, [&](std::size_t i, const Routing* routing, std::string_view error) {
    CHECK(got.size() == i);
    got.push_back(routing != nullptr ? to_json(*routing) : "error: " + std::string{error});
  });
  REQUIRE(got.size() == 4);
  CHECK(got[0] == to_json(route(r, tickets[0])));
  CHECK(got[1] == to_json(route(r, tickets[1])));
  CAPTURE(got[2]);
  CHECK(got[2].rfind("error: ticket 'T-': ticket.order_value: expected a number", 0) == 0);
  CHECK(got[3] == to_json(route(r, tickets[3])));
}

// docs/routing.md: "A relaxed skill drops at the creation plus the wait, in
// wall-clock time: no calendar is involved, so the instant is exact even
// past the supported range".
TEST_CASE("a relaxed skill may drop past 2100: the instant is exact, the ticket routed") {
  const auto r = test::routes("route r -> queue q, skills [german] for 15m\n");
  auto t = ticket();
  t.created = at("2100-12-31T23:50Z");
  const auto routing = route(r, t, {}, t.created);
  CHECK(routing.relaxed.at(0).drops_at == at("2101-01-01T00:05Z"));
  CHECK(to_json(routing).find("\"drops_at\":\"2101-01-01T00:05:00Z\"") != std::string::npos);
}

// docs/routing.md: "In C++, a `Ticket` whose `created` is left at its
// default (1970-01-01T00:00:00Z) is a ticket error naming the skills whose
// wait would count from it".
TEST_CASE("a created left at its default: an error only when a relaxed skill's wait reads it") {
  auto t = ticket();
  t.created = Instant{};
  const auto relaxing = test::routes("route r -> queue q, skills [german] for 15m\n");
  CHECK_THROWS_WITH_AS(
      (void)route(relaxing, t, {}, at("2026-03-02T09:00Z")),
      "ticket 'T-1': created is 1970-01-01T00:00:00Z, the value of an unset field, "
      "and the wait of the relaxed skills (german) counts from it",
      TicketError);
  const auto plain = test::routes("route r -> queue q, skills [german]\n");
  CHECK(route(plain, t, {}, at("2026-03-02T09:00Z")).queue == std::optional<std::string>{"q"});
  CHECK_THROWS_AS((void)explain_route(relaxing, t, {}, at("2026-03-02T09:00Z")), TicketError);
}

TEST_CASE("route at the ends of time: a range error, and no routing before creation") {
  const auto r = test::routes("route r -> queue q, skills [german] for 15m\n");
  auto t = ticket();
  t.created = Instant::max();
  CHECK_THROWS_WITH_AS((void)route(r, t, {}, Instant::max()),
                       doctest::Contains("is outside the supported range"), RangeError);
  // "now" before the creation is an error with events or without.
  CHECK_THROWS_WITH_AS((void)route(r, ticket(), {}, at("2026-03-01T00:00Z")),
                       "ticket 'T-1': now (2026-03-01T00:00:00Z) is before its creation "
                       "(2026-03-02T09:00:00Z)",
                       TicketError);
}
