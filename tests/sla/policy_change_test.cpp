// Which policies apply, and what happens when that changes mid-ticket
// (docs/sla.md, "Which policies apply" and "Policy changes mid-ticket").
#include "sla/sla_test_support.hpp"

using namespace slakit;
using namespace slakit::test;
using namespace std::chrono_literals;

namespace {

const char* const kTiers = R"(
sla urgent for ticket.priority == urgent { first_response 1h
 resolution 4h }
sla normal { first_response 4h
 resolution 8h }
)";

}  // namespace

// "The first `sla` in rule order whose `for` condition holds applies (one SLA
// per ticket); none matching is a valid result." "Every `ola` whose
// condition holds applies."
TEST_CASE("selection: the first matching SLA, every matching OLA, or no SLA at all") {
  const auto r = rules(
      "sla gold for contract.sla == \"gold\" { resolution 4h }\n"
      "sla any_gold for contract.sla == \"gold\" { resolution 8h }\n"
      "ola a for ticket.team == \"l2\" { target 1h }\n"
      "ola b { target 2h }\n");
  auto t = ticket("2026-03-02T09:00Z");
  t.contract.sla = "gold";
  t.team = "l2";
  const auto e = evaluate(r, t, {}, at("2026-03-02T09:30Z"));
  CHECK(e.sla == std::optional<std::string>{"gold"});
  CHECK(cycle_count(e, "any_gold", Metric::resolution) == 0);
  CHECK(e.olas.size() == 2);
  t.contract.sla = "silver";
  const auto none = evaluate(r, t, {}, at("2026-03-02T09:30Z"));
  CHECK_FALSE(none.sla.has_value());
  CHECK(none.targets.empty());
  CHECK(to_json(none).find("\"sla\":null") != std::string::npos);
}

// "When the SLA changes mid-ticket (a priority raised, a contract changed),
// the new policy's targets are computed from their original start instants
// (retroactive, as Zendesk does)". "The old policy's running cycles become
// `cancelled` at the instant it stops applying". "A due already passed when
// the change happens is a breach at that due."
TEST_CASE("a priority raised mid-ticket: the new SLA adopts the running cycles retroactively") {
  const auto r = rules(kTiers);
  const std::vector events{change("2026-03-02T11:00Z", "ticket.priority", std::string{"urgent"})};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-02T11:30Z"));
  CHECK(e.sla == std::optional<std::string>{"urgent"});
  REQUIRE(e.sla_changes.size() == 1);
  CHECK(e.sla_changes[0] == PolicyChange{at("2026-03-02T11:00Z"), "normal", "urgent"});
  const auto& old_first = cycle(e, "normal", Metric::first_response);
  CHECK(old_first.state == TargetState::cancelled);
  CHECK(old_first.cancelled_at == maybe("2026-03-02T11:00Z"));
  const auto& first = cycle(e, "urgent", Metric::first_response);
  CHECK(first.start == at("2026-03-02T09:00Z"));
  CHECK(first.state == TargetState::breached);
  CHECK(first.breached_at == maybe("2026-03-02T10:00Z"));
  const auto& resolution = cycle(e, "urgent", Metric::resolution);
  CHECK(resolution.state == TargetState::running);
  CHECK(resolution.due == maybe("2026-03-02T13:00Z"));
}

// "cycles it had already met or breached keep that state". A cycle that
// stopped before the new policy applied belongs to the old one only.
TEST_CASE("met cycles stay with the policy that met them") {
  const auto r = rules(kTiers);
  const std::vector events{reply("2026-03-02T09:30Z"),
                           change("2026-03-02T10:00Z", "ticket.priority", std::string{"urgent"})};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-02T10:30Z"));
  CHECK(cycle(e, "normal", Metric::first_response).state == TargetState::met);
  CHECK(cycle_count(e, "urgent", Metric::first_response) == 0);
  CHECK(cycle(e, "normal", Metric::resolution).state == TargetState::cancelled);
  CHECK(cycle(e, "urgent", Metric::resolution).state == TargetState::running);
}

// "`business_elapsed` ... up to the stop or `now`; `calendar_elapsed` ...
// from the start to the stop or `now`. That holds for a cancelled cycle
// too: one that an event stopped after its policy stopped applying (a reply
// under the new SLA) keeps that `stop`, and both run to it; one with no stop
// runs to `now`."
TEST_CASE("a cancelled cycle keeps the stop a later reply gave it and counts up to it") {
  const auto r = rules(kTiers);
  const auto t = ticket("2026-03-02T09:00Z", "urgent");
  const std::vector events{change("2026-03-02T09:30Z", "ticket.priority", std::string{"normal"}),
                           reply("2026-03-02T10:00Z")};
  const auto e = evaluate(r, t, events, at("2026-03-02T13:00Z"));
  const auto& replied = cycle(e, "urgent", Metric::first_response);
  CHECK(replied.state == TargetState::cancelled);
  CHECK(replied.cancelled_at == maybe("2026-03-02T09:30Z"));
  CHECK(replied.stop == maybe("2026-03-02T10:00Z"));
  CHECK(replied.business_elapsed == 1h);
  CHECK(replied.calendar_elapsed == 1h);
  const auto& open = cycle(e, "urgent", Metric::resolution);
  CHECK(open.state == TargetState::cancelled);
  CHECK_FALSE(open.stop.has_value());
  CHECK(open.business_elapsed == 4h);
  CHECK(open.calendar_elapsed == 4h);
}

// "A cycle breaches at the first instant that lies after its due while its
// policy applies; it then stays breached with `breached_at` = that due,
// whatever changes later." "A priority lowered after a breach does not undo
// it."
TEST_CASE("a priority change after a breach does not undo it") {
  const auto r = rules("sla s { first_response 1h when ticket.priority == urgent, otherwise 8h }");
  const std::vector events{change("2026-03-02T10:15Z", "ticket.priority", std::string{"low"})};
  const auto e =
      evaluate(r, ticket("2026-03-02T09:00Z", "urgent"), events, at("2026-03-02T10:30Z"));
  const auto& c = cycle(e, "s", Metric::first_response);
  CHECK(c.state == TargetState::breached);
  CHECK(c.breached_at == maybe("2026-03-02T10:00Z"));
  CHECK(c.target == std::optional<Seconds>{1h});
  // Lowered before the due: the longer target applies and nothing breached.
  const std::vector early{change("2026-03-02T09:45Z", "ticket.priority", std::string{"low"})};
  const auto& later =
      cycle(evaluate(r, ticket("2026-03-02T09:00Z", "urgent"), early, at("2026-03-02T10:30Z")), "s",
            Metric::first_response);
  CHECK(later.state == TargetState::running);
  CHECK(later.due == maybe("2026-03-02T17:00Z"));
}

// "The due of a cycle is computed from its original start with the target in
// force: when the target shrinks (a priority raised), the due moves earlier".
TEST_CASE("a target that shrinks before its due moves the due earlier") {
  const auto r = rules("sla s { first_response 1h when ticket.priority == urgent, otherwise 4h }");
  const std::vector events{change("2026-03-02T09:30Z", "ticket.priority", std::string{"urgent"})};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-02T09:45Z"));
  const auto& c = cycle(e, "s", Metric::first_response);
  CHECK(c.due == maybe("2026-03-02T10:00Z"));
  CHECK(c.remaining == 15min);
}

// "An event that stops a cycle is seen by the policies that applied before
// it; an event that starts one, by the policies that apply after it."
TEST_CASE("a hand-back stops the OLA it ends, although the OLA no longer applies after it") {
  const auto r = rules(
      "ola l2 for ticket.team == \"l2\" { start on assigned to team l2\n stop on assigned\n"
      " target 1h }");
  const std::vector events{assign("2026-03-02T09:10Z", "l2"), assign("2026-03-02T09:40Z", "l1")};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-02T11:00Z"));
  const auto& c = cycle(e, "l2", Metric::target);
  CHECK(c.state == TargetState::met);
  CHECK(c.stop == maybe("2026-03-02T09:40Z"));
  CHECK(cycle_count(e, "l2", Metric::target) == 1);  // an assignment to l1 starts none
}

// "an OLA whose condition stops holding cancels its running cycles."
TEST_CASE("an OLA whose condition stops holding cancels its running cycle") {
  const auto r = rules("ola l2 for ticket.team == \"l2\" { stop on solved\n target 4h }");
  auto t = ticket("2026-03-02T09:00Z");
  t.team = "l2";
  const std::vector events{change("2026-03-02T10:00Z", "ticket.team", std::string{"l1"})};
  const auto e = evaluate(r, t, events, at("2026-03-02T11:00Z"));
  const auto& c = cycle(e, "l2", Metric::target);
  CHECK(c.state == TargetState::cancelled);
  CHECK(c.cancelled_at == maybe("2026-03-02T10:00Z"));
}

// OLA cycles across two teams whose calendars lie in different zones: each
// counts in its own calendar.
TEST_CASE("OLA cycles across two teams with calendars in New York and Berlin") {
  const auto r = rules(
      "ola ny_desk { calendar ny\n start on assigned to team ny\n stop on assigned\n target 2h }\n"
      "ola berlin_desk { calendar berlin\n start on assigned to team berlin\n stop on assigned\n"
      " target 2h }");
  // Monday 2026-03-02: Berlin opens at 08:00Z, New York at 14:00Z.
  const std::vector events{assign("2026-03-02T07:00Z", "berlin"), assign("2026-03-02T13:00Z", "ny"),
                           assign("2026-03-02T18:00Z", "berlin")};
  const auto e = evaluate(r, ticket("2026-03-02T06:00Z"), events, at("2026-03-02T20:00Z"));
  const auto& berlin1 = cycle(e, "berlin_desk", Metric::target, 1);
  CHECK(berlin1.due == maybe("2026-03-02T10:00Z"));
  CHECK(berlin1.state == TargetState::breached);
  const auto& ny = cycle(e, "ny_desk", Metric::target);
  CHECK(ny.due == maybe("2026-03-02T16:00Z"));
  CHECK(ny.state == TargetState::breached);
  CHECK(ny.overdue == 2h);  // 16:00Z to the hand-over at 18:00Z
  const auto& berlin2 = cycle(e, "berlin_desk", Metric::target, 2);
  CHECK(berlin2.due == maybe("2026-03-03T10:00Z"));  // Berlin closed at 16:00Z
  CHECK(berlin2.state == TargetState::running);
}

// The value chosen when a policy applies again is the one the fields choose
// then, also when they changed while it did not apply.
TEST_CASE("a policy that applies again sees the fields as they are then") {
  const auto r = rules(
      "sla s for contract.sla == \"gold\" { first_response 1h when ticket.priority == urgent, "
      "otherwise 8h }");
  auto t = ticket("2026-03-02T09:00Z");
  t.contract.sla = "gold";
  const std::vector events{change("2026-03-02T09:10Z", "contract.sla", std::string{"silver"}),
                           change("2026-03-02T09:20Z", "ticket.priority", std::string{"urgent"}),
                           change("2026-03-02T09:30Z", "contract.sla", std::string{"gold"})};
  const auto e = evaluate(r, t, events, at("2026-03-02T09:40Z"));
  const auto& c = cycle(e, "s", Metric::first_response);
  CHECK(c.target == std::optional<Seconds>{1h});
  CHECK(c.due == maybe("2026-03-02T10:00Z"));
  CHECK(c.state == TargetState::running);
  CHECK(e.sla_changes.size() == 2);
}
