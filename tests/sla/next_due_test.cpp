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

// "The next due is the earliest of: the due of each running cycle, SLA or
// OLA, at or after `now` ..., and the instant of each of their warnings and
// escalations that has not fired by `now`." "Ties go to targets before
// OLAs, and within a cycle to its warnings and escalations, in rule order,
// before its due."
TEST_CASE("next_due: the earliest pending due or threshold, ties in a fixed order") {
  const auto r = rules(kPolicies);
  const auto t = ticket("2026-03-02T09:00Z");  // a Monday; the office is 09-17 UTC
  std::vector<TicketEvent> events{assign("2026-03-02T09:00Z", "l2")};

  // 10:00: the first response's warning (11:00) ties with the OLA's due.
  auto e = evaluate(r, t, events, at("2026-03-02T10:00Z"));
  auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T11:00Z"));
  CHECK(next->cycle->metric == Metric::first_response);
  REQUIRE(next->threshold != nullptr);
  CHECK(next->threshold->percent == 50);
  CHECK_FALSE(next->threshold->escalation);

  // 11:30: the warning has fired, the OLA breached; the escalation at 100%
  // comes before the due it shares.
  e = evaluate(r, t, events, at("2026-03-02T11:30Z"));
  next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T13:00Z"));
  REQUIRE(next->threshold != nullptr);
  CHECK(next->threshold->escalation);

  // At the due itself the cycle still runs: its due is next, and it
  // breaches once that instant has passed.
  e = evaluate(r, t, events, at("2026-03-02T13:00Z"));
  next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T13:00Z"));
  CHECK(next->cycle->metric == Metric::first_response);
  CHECK(next->threshold == nullptr);

  // Answered at 12:00: the resolution's warning, at 8 of its 16 hours.
  events.push_back(reply("2026-03-02T12:00Z"));
  e = evaluate(r, t, events, at("2026-03-02T12:30Z"));
  next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T17:00Z"));
  CHECK(next->cycle->metric == Metric::resolution);
}

// "A paused cycle contributes nothing: only an event resumes it. A met,
// breached or cancelled cycle has nothing left to fall due."
TEST_CASE("next_due: nothing pending while every cycle is met, breached or paused") {
  const auto r = rules(kPolicies);
  const auto t = ticket("2026-03-02T09:00Z");
  const std::vector<TicketEvent> events{assign("2026-03-02T09:00Z", "l2"),
                                        reply("2026-03-02T10:00Z"),
                                        status("2026-03-02T10:00Z", "pending_customer")};
  const auto e = evaluate(r, t, events, at("2026-03-02T12:00Z"));
  CHECK_FALSE(next_due(e));
  CHECK_FALSE(next_due(Evaluation{}));
}
