// next_due() (include/slakit/sla/evaluation.hpp; docs/sla.md, "What falls
// due next"). Review 13, F9: a CRM had to walk every cycle and threshold to
// know when to look at a ticket again.
#include <doctest/doctest.h>

#include "sla/sla_test_support.hpp"

using namespace slakit;
using namespace slakit::test;

namespace {

const char* const kPolicies = R"(
sla s {
  calendar office
  first_response 4h
  resolution 16h
  pause while ticket.status == pending_customer
  warn at 50%
  escalate at 100% to team leads
}
ola l2 for ticket.team == "l2" {
  start on assigned to team l2
  target 2h
}
)";

}  // namespace

// "The next due is the earliest of: the breach of each running cycle, SLA
// or OLA, whose due is at or after `now`, one second after that due ...,
// and the instant of each of their warnings and escalations that has not
// fired by `now`." "Ties go to targets before OLAs, and within a cycle to
// its warnings and escalations in rule order."
TEST_CASE("next_due: the earliest pending breach or threshold, ties in a fixed order") {
  const auto r = rules(kPolicies);
  const auto t = ticket("2026-03-02T09:00Z");  // a Monday; the office is 09-17 UTC
  std::vector<TicketEvent> events{assign("2026-03-02T09:00Z", "l2")};

  // 10:00: the first response's warning (11:00) comes before the OLA's
  // breach (its due 11:00, so 11:00:01).
  auto e = evaluate(r, t, events, at("2026-03-02T10:00Z"));
  auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T11:00Z"));
  CHECK(next->cycle->metric == Metric::first_response);
  REQUIRE(next->threshold != nullptr);
  CHECK(next->threshold->percent == 50);
  CHECK_FALSE(next->threshold->escalation);
  CHECK(to_json(*next) ==
        R"({"at":"2026-03-02T11:00:00Z","kind":"sla","policy":"s","metric":"first_response",)"
        R"("cycle":1,"team":null,"threshold":{"percent":50,"escalation":false}})");

  // 11:30: the warning has fired, the OLA breached; the escalation at 100%
  // fires at the due, a second before the breach.
  e = evaluate(r, t, events, at("2026-03-02T11:30Z"));
  next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T13:00Z"));
  REQUIRE(next->threshold != nullptr);
  CHECK(next->threshold->escalation);

  // At the due itself the cycle still runs: its breach, a second later,
  // is next; never `now` itself (review 15, F1: a host that waited for the
  // answer would have been answered the same instant again and again).
  e = evaluate(r, t, events, at("2026-03-02T13:00Z"));
  next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T13:00:01Z"));
  CHECK(next->cycle->metric == Metric::first_response);
  CHECK(next->threshold == nullptr);
  CHECK(next->cycle->state == TargetState::running);
  CHECK(to_json(*next) ==
        R"({"at":"2026-03-02T13:00:01Z","kind":"sla","policy":"s","metric":"first_response",)"
        R"("cycle":1,"team":null,"threshold":null})");
  e = evaluate(r, t, events, next->at);
  CHECK(e.targets.at(0).state == TargetState::breached);
  CHECK(next_due(e)->at > e.now);

  // Answered at 12:00: the resolution's warning, at 8 of its 16 hours.
  events.push_back(reply("2026-03-02T12:00Z"));
  e = evaluate(r, t, events, at("2026-03-02T12:30Z"));
  next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T17:00Z"));
  CHECK(next->cycle->metric == Metric::resolution);
}

// "A paused cycle contributes nothing: only an event resumes it. A met,
// breached or cancelled cycle has nothing left to fall due." (A cycle
// paused at `now` has no due and no threshold instants left, docs/sla.md
// "Due and breach", so of this case the met cycles are what can fail.)
TEST_CASE("next_due: nothing pending while every cycle is met, breached or paused") {
  const auto r = rules(kPolicies);
  const auto t = ticket("2026-03-02T09:00Z");
  const std::vector<TicketEvent> events{assign("2026-03-02T09:00Z", "l2"),
                                        reply("2026-03-02T10:00Z"),
                                        status("2026-03-02T10:00Z", "pending_customer")};
  const auto e = evaluate(r, t, events, at("2026-03-02T12:00Z"));
  CHECK_FALSE(next_due(e));
  const Evaluation nothing;
  CHECK_FALSE(next_due(nothing));
}

// "Ties go to targets before OLAs": an SLA target and an OLA of the same
// length from the same instant breach together.
TEST_CASE("next_due: a target's breach before an OLA's at the same instant") {
  const auto r = rules(R"(
sla s {
  calendar office
  first_response 2h
}
ola l2 for ticket.team == "l2" {
  calendar office
  start on assigned to team l2
  target 2h
}
)");
  const auto t = ticket("2026-03-02T09:00Z");
  const std::vector<TicketEvent> events{assign("2026-03-02T09:00Z", "l2")};
  const auto e = evaluate(r, t, events, at("2026-03-02T10:00Z"));
  REQUIRE(e.olas.size() == 1);
  CHECK(e.olas[0].due == e.targets.at(0).due);
  const auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T11:00:01Z"));
  CHECK(next->cycle == &e.targets[0]);
  CHECK_FALSE(next->ola);
  // An OLA's answer names its team.
  const auto later = evaluate(r, t, events, at("2026-03-02T10:00Z"));
  const NextDue ola{at("2026-03-02T11:00:01Z"), &later.olas.at(0), nullptr, true};
  CHECK(to_json(ola) ==
        R"({"at":"2026-03-02T11:00:01Z","kind":"ola","policy":"l2","metric":"target",)"
        R"("cycle":1,"team":"l2","threshold":null})");
}

// "... within a cycle to its warnings and escalations in rule order": two
// thresholds at one share (W0224 warns of it, and it compiles), the one
// written first answered.
TEST_CASE("next_due: thresholds of one instant answer in rule order") {
  const auto r = rules(R"(
sla s {
  calendar office
  first_response 4h
  escalate at 50% to team leads
  warn at 50%
}
)");
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), {}, at("2026-03-02T10:00Z"));
  const auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T11:00Z"));
  REQUIRE(next->threshold != nullptr);
  CHECK(next->threshold->escalation);
  // A NextDue not made by next_due, without a cycle, is refused, not read.
  CHECK_THROWS_AS((void)to_json(NextDue{}), InvalidArgument);
}

// "A breach past the supported range (a due in the last second of 2100) is
// not answered" (review 17, F1: the answer was an instant evaluate refuses).
TEST_CASE("next_due: no breach answered past 2100") {
  const auto r = rules("sla s for order.due != none { resolution before order.due }");
  auto t = ticket("2100-12-01T00:00Z");
  t.order.due = at("2100-12-31T23:59:59Z");
  const auto e = evaluate(r, t, {}, at("2100-12-31T23:59:59Z"));
  REQUIRE(e.targets.size() == 1);
  CHECK(e.targets[0].state == TargetState::running);
  CHECK_FALSE(next_due(e));
}
