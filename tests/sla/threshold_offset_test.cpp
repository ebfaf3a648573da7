// Warnings and escalations as an offset before the due (docs/sla.md,
// "Warnings and escalations"): `warn 1h before due`, `escalate 30m before
// due to team leads`. The office calendar is Mon-Fri 09:00-17:00 UTC with a
// holiday on Wednesday 2026-03-11; 2026-03-02 is a Monday.
#include <doctest/doctest.h>

#include "sla/sla_test_support.hpp"

using namespace slakit;
using namespace slakit::test;
using namespace std::chrono_literals;

namespace {

const Threshold& threshold(const TargetCycle& c, std::size_t i) {
  REQUIRE(i < c.thresholds.size());
  return c.thresholds[i];
}

}  // namespace

// "The offset is a duration in the target's own time: business time of the
// policy's calendar, as the targets are (a policy without a calendar counts
// calendar time)." "`warn 1h before due` fires at the instant the clock has
// counted the target less one hour."
TEST_CASE("before due: the target less the offset, counted in the policy's calendar") {
  const auto r = rules(R"(
sla plain for ticket.category == "plain" {
  resolution 16h
  warn 1h before due
}
sla s {
  calendar office
  resolution 16h
  warn 1h before due
  escalate 30m before due to team leads
  warn 9h before due
})");
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), {}, at("2026-03-03T16:10Z"));
  const auto c = cycle(e, "s", Metric::resolution);
  CHECK(c.due == maybe("2026-03-03T17:00Z"));
  CHECK(threshold(c, 0).form == ThresholdForm::before_due);
  CHECK(threshold(c, 0).offset == 1h);
  CHECK(threshold(c, 0).at == maybe("2026-03-03T16:00Z"));
  CHECK(threshold(c, 0).fired);
  CHECK(threshold(c, 1).escalation);
  CHECK(threshold(c, 1).at == maybe("2026-03-03T16:30Z"));
  CHECK_FALSE(threshold(c, 1).fired);
  // 7h counted: the first instant they are is Monday 16:00. The night lies
  // between it and the due, nine hours of business time before it.
  CHECK(threshold(c, 2).at == maybe("2026-03-02T16:00Z"));

  // Without a calendar: calendar time.
  auto plain = ticket("2026-03-02T09:00Z");
  plain.category = "plain";
  const auto p =
      cycle(evaluate(r, plain, {}, at("2026-03-02T10:00Z")), "plain", Metric::resolution);
  CHECK(p.due == maybe("2026-03-03T01:00Z"));
  CHECK(threshold(p, 0).at == maybe("2026-03-03T00:00Z"));
}

// "`warn 1h before due` fires at the instant the clock has counted the
// target less one hour": a holiday between the two is not counted.
TEST_CASE("before due: a holiday lies between the threshold and the due") {
  const auto r = rules(R"(
sla s {
  calendar office
  resolution 4h
  warn 2h before due
  warn 3h before due
})");
  // Tuesday 16:00-17:00 counts 1h, Wednesday is a holiday, Thursday
  // 09:00-12:00 the other 3h.
  const auto e = evaluate(r, ticket("2026-03-10T16:00Z"), {}, at("2026-03-10T16:30Z"));
  const auto c = cycle(e, "s", Metric::resolution);
  CHECK(c.due == maybe("2026-03-12T12:00Z"));
  CHECK(threshold(c, 0).at == maybe("2026-03-12T10:00Z"));
  // 1h counted: Tuesday 17:00, before the holiday.
  CHECK(threshold(c, 1).at == maybe("2026-03-10T17:00Z"));
}

// "... on a DST day the hour is an hour of counted time, not of the wall
// clock." Berlin springs forward on Sunday 2026-03-29 at 02:00 CET: that
// Sunday's 00:00-06:00 counts 5 hours.
TEST_CASE("before due: on a DST day the offset is counted time, not wall-clock time") {
  const auto r = rules(R"(
calendar berlin_sunday {
  zone "Europe/Berlin"
  sun 00:00-06:00
}
sla s {
  calendar berlin_sunday
  resolution 5h
  warn 4h before due
  warn 3h before due
})");
  // Sunday 00:00 CET is Saturday 23:00Z; 00:00-02:00 CET counts 2h, 03:00-
  // 06:00 CEST the other 3h: the due is 06:00 CEST (04:00Z).
  const auto e = evaluate(r, ticket("2026-03-28T23:00Z"), {}, at("2026-03-28T23:00Z"));
  const auto c = cycle(e, "s", Metric::resolution);
  CHECK(c.due == maybe("2026-03-29T04:00Z"));
  // 1h counted: 01:00 CET, five wall-clock hours before 06:00 CEST.
  CHECK(threshold(c, 0).at == maybe("2026-03-29T00:00Z"));
  // 2h counted: the jump itself, 03:00 CEST.
  CHECK(threshold(c, 1).at == maybe("2026-03-29T01:00Z"));
}

// "... so pauses push it as they push the due."
TEST_CASE("before due: a pause before the threshold pushes it as it pushes the due") {
  const auto r = rules(R"(
sla s {
  calendar office
  resolution 8h
  pause while ticket.status == pending_customer
  warn 2h before due
})");
  const auto t = ticket("2026-03-02T09:00Z");
  const auto unpaused = cycle(evaluate(r, t, {}, at("2026-03-02T10:00Z")), "s", Metric::resolution);
  CHECK(unpaused.due == maybe("2026-03-02T17:00Z"));
  CHECK(threshold(unpaused, 0).at == maybe("2026-03-02T15:00Z"));
  const std::vector events{status("2026-03-02T10:00Z", "pending_customer"),
                           status("2026-03-02T11:00Z", "open")};
  const auto paused =
      cycle(evaluate(r, t, events, at("2026-03-02T12:00Z")), "s", Metric::resolution);
  CHECK(paused.due == maybe("2026-03-03T10:00Z"));
  CHECK(threshold(paused, 0).at == maybe("2026-03-02T16:00Z"));
  // Paused for good before it: never reached.
  const std::vector held{status("2026-03-02T10:00Z", "pending_customer")};
  const auto still = cycle(evaluate(r, t, held, at("2026-03-02T18:00Z")), "s", Metric::resolution);
  CHECK(still.state == TargetState::paused);
  CHECK_FALSE(threshold(still, 0).at.has_value());
  CHECK_FALSE(threshold(still, 0).fired);
}

// "An offset at or above the target is less than nothing: the threshold
// fires when the cycle starts (counted zero)." With `when` cases, the
// target is the case in force.
TEST_CASE("before due: an offset at or above the target fires when the cycle starts") {
  const auto r = rules(R"(
sla s {
  calendar office
  first_response 1h when ticket.priority == urgent, otherwise 4h
  warn 2h before due
  escalate 1h before due to team leads
})");
  const auto urgent =
      cycle(evaluate(r, ticket("2026-03-02T10:00Z", "urgent"), {}, at("2026-03-02T10:00Z")), "s",
            Metric::first_response);
  CHECK(urgent.due == maybe("2026-03-02T11:00Z"));
  CHECK(threshold(urgent, 0).at == maybe("2026-03-02T10:00Z"));
  CHECK(threshold(urgent, 0).fired);  // at `now` equal to its instant
  CHECK(threshold(urgent, 1).at == maybe("2026-03-02T10:00Z"));
  const auto normal = cycle(evaluate(r, ticket("2026-03-02T10:00Z"), {}, at("2026-03-02T10:00Z")),
                            "s", Metric::first_response);
  CHECK(normal.due == maybe("2026-03-02T14:00Z"));
  CHECK(threshold(normal, 0).at == maybe("2026-03-02T12:00Z"));
  CHECK(threshold(normal, 1).at == maybe("2026-03-02T13:00Z"));
  // Created on a Saturday: the cycle starts then, and counts from Monday.
  const auto weekend =
      cycle(evaluate(r, ticket("2026-03-07T10:00Z", "urgent"), {}, at("2026-03-07T10:00Z")), "s",
            Metric::first_response);
  CHECK(threshold(weekend, 0).at == maybe("2026-03-07T10:00Z"));
}

// "For a `before ORDER.due` target the same definitions hold, with that
// target": the business time from the cycle's start to the field's instant.
TEST_CASE("before due: a `before order.due` target less the offset") {
  const auto r = rules(R"(
sla promise for order.due != none {
  calendar office
  resolution before order.due - 2h
  warn 4h before due
  warn 30h before due
})");
  auto t = ticket("2026-03-02T09:00Z");
  t.order.due = at("2026-03-04T15:00Z");  // Wednesday; due 13:00, 20h after the start
  const auto c = cycle(evaluate(r, t, {}, at("2026-03-02T10:00Z")), "promise", Metric::resolution);
  CHECK(c.due == maybe("2026-03-04T13:00Z"));
  CHECK(c.target == std::optional<Seconds>{20h});
  // 16h counted: first reached at Tuesday's close, not Wednesday's opening.
  CHECK(threshold(c, 0).at == maybe("2026-03-03T17:00Z"));
  CHECK(threshold(c, 1).at == maybe("2026-03-02T09:00Z"));  // less than nothing
}

// docs/sla.md, "Relative deadlines: `before`": "A threshold at the target in full
// (100%, `0m before due`, `0m after due`) falls on the due itself, also when
// the due lies in closed hours." (Review 19 F2: they fell on Friday's close,
// so a warning "after the due" fired 19 hours before it.)
TEST_CASE("a `before order.due` target's thresholds at the target in full fall on the due") {
  const auto r = rules(R"(
sla promise for order.due != none {
  calendar office
  resolution before order.due
  warn 0m before due
  warn 0m after due
  escalate at 100% to team leads
  warn 1h before due
  warn 2h after due
  warn at 50%
})");
  auto t = ticket("2026-03-05T09:00Z");   // Thursday
  t.order.due = at("2026-03-07T12:00Z");  // Saturday noon: closed
  const auto c = cycle(evaluate(r, t, {}, at("2026-03-06T16:00Z")), "promise", Metric::resolution);
  CHECK(c.due == maybe("2026-03-07T12:00Z"));
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(threshold(c, i).at == maybe("2026-03-07T12:00Z"));
    CHECK_FALSE(threshold(c, i).fired);
  }
  CHECK(threshold(c, 3).at == maybe("2026-03-06T16:00Z"));  // counted: Friday 16:00
  CHECK(threshold(c, 4).at == maybe("2026-03-09T11:00Z"));  // two open hours after it
  // Met on Friday evening, before the due: the due's thresholds are never reached.
  const std::vector<TicketEvent> solved{event("2026-03-06T18:00Z", EventKind::solved)};
  const auto met =
      cycle(evaluate(r, t, solved, at("2026-03-09T00:00Z")), "promise", Metric::resolution);
  CHECK(met.state == TargetState::met);
  for (std::size_t i = 0; i < 3; ++i) CHECK_FALSE(threshold(met, i).at);
  // Created on Saturday before the due: a target of zero (review 20 F1). The
  // thresholds at the target in full still fall on the due; one an hour
  // before it is less than nothing and fires when the cycle starts.
  auto saturday = ticket("2026-03-07T08:00Z");
  saturday.order.due = t.order.due;
  const auto zero =
      cycle(evaluate(r, saturday, {}, at("2026-03-07T09:00Z")), "promise", Metric::resolution);
  CHECK(zero.target == std::optional<Seconds>{0s});
  for (std::size_t i = 0; i < 3; ++i) CHECK(threshold(zero, i).at == maybe("2026-03-07T12:00Z"));
  CHECK(threshold(zero, 3).at == maybe("2026-03-07T08:00Z"));
  // Review 21 F1: half of nothing is reached when the cycle starts too.
  CHECK(threshold(zero, 5).at == maybe("2026-03-07T08:00Z"));
}

// "... a reopened cycle that restarts counts its offset from the new
// target."
TEST_CASE("before due: a reopened cycle that restarts has its own threshold") {
  const auto r = rules(R"(
sla s {
  calendar office
  resolution 8h on reopen restart
  warn 1h before due
})");
  const std::vector events{event("2026-03-02T11:00Z", EventKind::solved),
                           event("2026-03-03T10:00Z", EventKind::reopened)};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-03T12:00Z"));
  const auto first = cycle(e, "s", Metric::resolution, 1);
  CHECK(first.state == TargetState::met);
  CHECK_FALSE(threshold(first, 0).at.has_value());  // stopped before it
  const auto second = cycle(e, "s", Metric::resolution, 2);
  CHECK(second.due == maybe("2026-03-04T10:00Z"));
  // 7h counted from the reopening: Tuesday's close.
  CHECK(threshold(second, 0).at == maybe("2026-03-03T17:00Z"));
}

// docs/sla.md, "Policy changes mid-ticket": the new policy adopts the
// running cycle with its original start, so its offset counts from there;
// the old policy's cycle is cancelled with a threshold it had not reached.
TEST_CASE("before due: a policy change mid-ticket takes the new policy's target and offset") {
  const auto r = rules(R"(
sla gold for contract.sla == "gold" {
  calendar office
  resolution 4h
  warn 1h before due
}
sla silver for contract.sla == "silver" {
  calendar office
  resolution 8h
  warn 3h before due
})");
  auto t = ticket("2026-03-02T09:00Z");
  t.contract.sla = "gold";
  const std::vector events{change("2026-03-02T11:00Z", "contract.sla", std::string{"silver"})};
  const auto e = evaluate(r, t, events, at("2026-03-02T12:00Z"));
  const auto gold = cycle(e, "gold", Metric::resolution);
  CHECK(gold.state == TargetState::cancelled);
  CHECK_FALSE(threshold(gold, 0).at.has_value());  // 12:00, after the cancellation
  const auto silver = cycle(e, "silver", Metric::resolution);
  CHECK(silver.start == at("2026-03-02T09:00Z"));
  CHECK(threshold(silver, 0).at == maybe("2026-03-02T14:00Z"));
}

// The JSON names the offset in seconds where a share names its percent
// (docs/cli.md); next_due answers a threshold before the due like any
// other.
TEST_CASE("before due: eval's JSON and next_due name the offset") {
  const auto r = rules(R"(
sla s {
  calendar office
  first_response 4h
  warn 1h before due
  escalate 30m before due to team leads
  warn at 50%
})");
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), {}, at("2026-03-02T11:30Z"));
  const auto json = to_json(e);
  CHECK(json.find(R"("warnings":[{"before_due":3600,"at":"2026-03-02T12:00:00Z","fired":false},)"
                  R"({"percent":50,"at":"2026-03-02T11:00:00Z","fired":true}])") !=
        std::string::npos);
  CHECK(json.find(R"("escalations":[{"before_due":1800,"to_kind":"team","to":"leads",)"
                  R"("at":"2026-03-02T12:30:00Z","fired":false}])") != std::string::npos);
  const auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T12:00Z"));
  REQUIRE(next->threshold != nullptr);
  CHECK(next->threshold->form == ThresholdForm::before_due);
  CHECK(to_json(*next) ==
        R"({"at":"2026-03-02T12:00:00Z","kind":"sla","policy":"s","metric":"first_response",)"
        R"("cycle":1,"team":null,"threshold":{"before_due":3600,"escalation":false}})");
}

// "`escalate 2h after due` fires at the instant the clock has counted the
// target plus two hours; a breached cycle keeps counting (overdue), so such
// a threshold can fire after the breach." next_due: "a breached cycle that
// still runs contributes its thresholds after the due not fired by `now`".
TEST_CASE("after due: a breached cycle counts on to its escalation, and next_due answers it") {
  const auto r = rules(R"(
sla s {
  calendar office
  resolution 4h
  pause while ticket.status == pending_customer
  warn 15m after due
  escalate 2h after due to team managers
})");
  const auto t = ticket("2026-03-02T09:00Z");
  const auto e = evaluate(r, t, {}, at("2026-03-02T14:00Z"));
  const auto c = cycle(e, "s", Metric::resolution);
  CHECK(c.state == TargetState::breached);
  CHECK(c.due == maybe("2026-03-02T13:00Z"));
  CHECK(threshold(c, 0).form == ThresholdForm::after_due);
  CHECK(threshold(c, 0).at == maybe("2026-03-02T13:15Z"));
  CHECK(threshold(c, 0).fired);
  CHECK(threshold(c, 1).at == maybe("2026-03-02T15:00Z"));
  CHECK_FALSE(threshold(c, 1).fired);
  CHECK(to_json(e).find(R"("escalations":[{"after_due":7200,"to_kind":"team","to":"managers",)"
                        R"("at":"2026-03-02T15:00:00Z","fired":false}])") != std::string::npos);
  const auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T15:00Z"));
  CHECK(next->cycle->state == TargetState::breached);
  REQUIRE(next->threshold != nullptr);
  CHECK(next->threshold->escalation);
  CHECK(to_json(*next) ==
        R"({"at":"2026-03-02T15:00:00Z","kind":"sla","policy":"s","metric":"resolution",)"
        R"("cycle":1,"team":null,"threshold":{"after_due":7200,"escalation":true,)"
        R"("to_kind":"team","to":"managers"}})");
  // Evaluated at the answer, the escalation has fired; nothing more is due.
  const auto then = evaluate(r, t, {}, next->at);
  CHECK(threshold(cycle(then, "s", Metric::resolution), 1).fired);
  CHECK_FALSE(next_due(then).has_value());

  // The offset is business time: 2h after a 16:30 due is the next morning.
  const auto late = cycle(evaluate(r, ticket("2026-03-02T12:30Z"), {}, at("2026-03-02T17:00Z")),
                          "s", Metric::resolution);
  CHECK(late.due == maybe("2026-03-02T16:30Z"));
  CHECK(threshold(late, 1).at == maybe("2026-03-03T10:30Z"));
}

// "A cycle that stops (met after breach, solved) or pauses before it never
// reaches it."
TEST_CASE("after due: a cycle that stops or pauses before the threshold never reaches it") {
  const auto r = rules(R"(
sla s {
  calendar office
  resolution 4h
  pause while ticket.status == pending_customer
  escalate 2h after due to team managers
})");
  const auto t = ticket("2026-03-02T09:00Z");
  const std::vector solved{event("2026-03-02T14:00Z", EventKind::solved)};
  const auto e = evaluate(r, t, solved, at("2026-03-02T16:00Z"));
  const auto c = cycle(e, "s", Metric::resolution);
  CHECK(c.state == TargetState::breached);
  CHECK(c.stop == maybe("2026-03-02T14:00Z"));
  CHECK_FALSE(threshold(c, 0).at.has_value());
  CHECK_FALSE(threshold(c, 0).fired);
  CHECK_FALSE(next_due(e).has_value());

  const std::vector held{status("2026-03-02T14:00Z", "pending_customer")};
  const auto p = evaluate(r, t, held, at("2026-03-02T16:00Z"));
  CHECK_FALSE(threshold(cycle(p, "s", Metric::resolution), 0).at.has_value());
  CHECK_FALSE(next_due(p).has_value());  // only an event resumes it
  // Resumed after half an hour: the escalation comes half an hour later.
  const std::vector resumed{status("2026-03-02T14:00Z", "pending_customer"),
                            status("2026-03-02T14:30Z", "open")};
  const auto q = evaluate(r, t, resumed, at("2026-03-02T15:00Z"));
  CHECK(threshold(cycle(q, "s", Metric::resolution), 0).at == maybe("2026-03-02T15:30Z"));
  CHECK(next_due(q)->at == at("2026-03-02T15:30Z"));
}

// "For a `before ORDER.due` target the same definitions hold, with that
// target", and "Ties ...: a threshold that falls on its cycle's breach (`1s
// after due` in calendar time) comes before the breach".
TEST_CASE("after due: a `before` target, and a tie with the breach") {
  const auto r = rules(R"(
sla promise for order.due != none {
  calendar office
  resolution before order.due - 2h
  escalate 1h after due to team leads
}
sla plain {
  first_response 1h
  warn 1s after due
})");
  auto t = ticket("2026-03-02T09:00Z");
  t.order.due = at("2026-03-04T15:00Z");
  const auto c = cycle(evaluate(r, t, {}, at("2026-03-04T13:30Z")), "promise", Metric::resolution);
  CHECK(c.state == TargetState::breached);
  CHECK(c.due == maybe("2026-03-04T13:00Z"));
  CHECK(threshold(c, 0).at == maybe("2026-03-04T14:00Z"));

  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), {}, at("2026-03-02T09:30Z"));
  const auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T10:00:01Z"));
  CHECK(next->threshold != nullptr);  // the warning, not the breach
}

// "... a breached cycle keeps its state, and counts on, when its policy
// stops applying after the breach, so its thresholds after the due still
// fire."
TEST_CASE("after due: a breached cycle's escalation fires after its policy stopped applying") {
  const auto r = rules(R"(
sla gold for contract.sla == "gold" {
  calendar office
  resolution 4h
  escalate 2h after due to team managers
}
sla silver for contract.sla == "silver" {
  calendar office
  resolution 8h
})");
  auto t = ticket("2026-03-02T09:00Z");
  t.contract.sla = "gold";
  const std::vector events{change("2026-03-02T14:00Z", "contract.sla", std::string{"silver"})};
  const auto e = evaluate(r, t, events, at("2026-03-02T14:30Z"));
  const auto gold = cycle(e, "gold", Metric::resolution);
  CHECK(gold.state == TargetState::breached);
  CHECK(threshold(gold, 0).at == maybe("2026-03-02T15:00Z"));
  const auto next = next_due(e);
  REQUIRE(next);
  CHECK(next->at == at("2026-03-02T15:00Z"));  // before silver's due, 17:00
  CHECK(next->cycle->policy == "gold");
}

// "One whose instant would lie past the supported range (2100) is never
// reached (its `at` is null), rather than failing the ticket as a due there
// does."
TEST_CASE("after due: a threshold past the supported range is never reached") {
  const auto r = rules(R"(
sla plain for ticket.category == "plain" {
  resolution 4h
  escalate 900000h after due to team managers
}
sla s {
  calendar office
  resolution 4h
  escalate 900000h after due to team managers
  warn 1h after due
})");
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), {}, at("2026-03-02T15:00Z"));
  const auto c = cycle(e, "s", Metric::resolution);
  CHECK(c.state == TargetState::breached);
  CHECK_FALSE(threshold(c, 0).at.has_value());
  CHECK(threshold(c, 1).at == maybe("2026-03-02T14:00Z"));
  CHECK_FALSE(next_due(e).has_value());
  auto plain = ticket("2026-03-02T09:00Z");
  plain.category = "plain";
  const auto p =
      cycle(evaluate(r, plain, {}, at("2026-03-02T10:00Z")), "plain", Metric::resolution);
  CHECK(p.due == maybe("2026-03-02T13:00Z"));
  CHECK_FALSE(threshold(p, 0).at.has_value());
}
