// Counting, due, breach, states, pauses, thresholds and relative deadlines
// (docs/sla.md). The office calendar is Mon-Fri 09:00-17:00 UTC with a
// holiday on Wednesday 2026-03-11; 2026-03-02 is a Monday.
#include "sla/sla_test_support.hpp"

using namespace slakit;
using namespace slakit::test;
using namespace std::chrono_literals;

// "Due is the instant at which the counted time since the cycle's start
// reaches the target, the first such instant (a due on a closing time is that
// closing time, as in docs/semantics.md)."
TEST_CASE("due: counted business time reaches the target, and on a closing time it is that time") {
  const auto r = rules("sla s { calendar office\n first_response 1h }");
  const auto t = ticket("2026-03-02T16:00Z");
  const auto e = evaluate(r, t, {}, at("2026-03-02T16:30Z"));
  const auto& c = cycle(e, "s", Metric::first_response);
  CHECK(c.due == maybe("2026-03-02T17:00Z"));
  CHECK(c.state == TargetState::running);
  CHECK(c.remaining == 30min);
  CHECK(c.business_elapsed == 30min);
  CHECK(c.target == std::optional<Seconds>{1h});
  // Counting starts at the next opening when the ticket comes in at night.
  const auto night = evaluate(r, ticket("2026-03-02T20:00Z"), {}, at("2026-03-02T21:00Z"));
  CHECK(cycle(night, "s", Metric::first_response).due == maybe("2026-03-03T10:00Z"));
}

// "A target counts business time of its policy's calendar (24/7 when it has
// none) minus the business time during which the policy's `pause while`
// condition holds."
TEST_CASE("without a calendar a target counts around the clock") {
  const auto r = rules("sla s { first_response 1h }");
  const auto e = evaluate(r, ticket("2026-03-07T23:30Z"), {}, at("2026-03-07T23:45Z"));
  CHECK(cycle(e, "s", Metric::first_response).due == maybe("2026-03-08T00:30Z"));
}

// "A zero target is due at its start."
TEST_CASE("a zero target is due at its start") {
  const auto r = rules("sla s { calendar office\n first_response 0s }");
  const auto e = evaluate(r, ticket("2026-03-02T20:00Z"), {}, at("2026-03-02T20:00Z"));
  CHECK(cycle(e, "s", Metric::first_response).due == maybe("2026-03-02T20:00Z"));
}

// "When the clock is paused for good before it gets there (the last event
// paused it), there is no due: `due` is null and `remaining` says how much
// is left."
TEST_CASE("paused for good: no due, and remaining says what is left") {
  const auto r = rules(
      "sla s { calendar office\n resolution 2h\n pause while ticket.status == pending_customer }");
  const std::vector events{status("2026-03-02T09:30Z", "pending_customer")};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-03T12:00Z"));
  const auto& c = cycle(e, "s", Metric::resolution);
  CHECK(c.state == TargetState::paused);
  CHECK_FALSE(c.due.has_value());
  CHECK(c.remaining == 90min);
  CHECK(c.business_elapsed == 30min);
  REQUIRE(c.pauses.size() == 1);
  CHECK(c.pauses[0] == Pause{at("2026-03-02T09:30Z"), std::nullopt});
}

// "`breached`: stopped after its due, or not stopped and `now` is after its
// due; `breached_at` is that due." `overdue` is business time since then,
// `overdue_calendar` wall-clock time.
TEST_CASE(
    "breached: not stopped and now after the due, and overdue in business and calendar time") {
  const auto r = rules("sla s { calendar office\n first_response 1h }");
  const auto t = ticket("2026-03-02T16:00Z");
  const auto e = evaluate(r, t, {}, at("2026-03-03T09:30Z"));
  const auto& c = cycle(e, "s", Metric::first_response);
  CHECK(c.state == TargetState::breached);
  CHECK(c.breached_at == maybe("2026-03-02T17:00Z"));
  CHECK(c.overdue == 30min);
  CHECK(c.overdue_calendar == 16h + 30min);
  // Exactly at the due it is not yet breached.
  CHECK(cycle(evaluate(r, t, {}, at("2026-03-02T17:00Z")), "s", Metric::first_response).state ==
        TargetState::running);
}

// "`met`: stopped at or before its due, or stopped with no due".
TEST_CASE("met: stopped at or before the due, and a stop after it is a breach") {
  const auto r = rules("sla s { calendar office\n first_response 1h }");
  const auto t = ticket("2026-03-02T16:00Z");
  const std::vector on_time{reply("2026-03-02T17:00Z")};
  const auto met = evaluate(r, t, on_time, at("2026-03-04T12:00Z"));
  CHECK(cycle(met, "s", Metric::first_response).state == TargetState::met);
  CHECK(cycle(met, "s", Metric::first_response).stop == maybe("2026-03-02T17:00Z"));
  const std::vector late{reply("2026-03-03T09:00Z")};
  const auto& c = cycle(evaluate(r, t, late, at("2026-03-04T12:00Z")), "s", Metric::first_response);
  CHECK(c.state == TargetState::breached);
  CHECK(c.overdue == 0s);  // no business time between 17:00 and 09:00
  CHECK(c.overdue_calendar == 16h);
}

// "The pause applies to every target of the policy." Pauses count business
// time only: a pause over a weekend and a holiday gives back only the
// business hours inside it.
TEST_CASE("a pause spanning a weekend and a holiday") {
  const auto r = rules(
      "sla s { calendar office\n first_response 4h\n resolution 16h\n"
      " pause while ticket.status == on_hold }");
  // Friday 15:00; on hold from 16:00 to Wednesday (a holiday) 12:00.
  const std::vector events{status("2026-03-06T16:00Z", "on_hold"),
                           status("2026-03-11T12:00Z", "open")};
  const auto e = evaluate(r, ticket("2026-03-06T15:00Z"), events, at("2026-03-12T10:00Z"));
  const auto& res = cycle(e, "s", Metric::resolution);
  CHECK(res.due == maybe("2026-03-13T16:00Z"));  // 1h Fri, then Thu 8h, Fri 7h
  CHECK(res.state == TargetState::running);
  CHECK(res.business_elapsed == 2h);  // Fri 15-16, Thu 09-10
  REQUIRE(res.pauses.size() == 1);
  CHECK(res.pauses[0] == Pause{at("2026-03-06T16:00Z"), at("2026-03-11T12:00Z")});
  // first_response pauses too: 1h counted Friday, 3h from Thursday 09:00.
  CHECK(cycle(e, "s", Metric::first_response).due == maybe("2026-03-12T12:00Z"));
}

// Calendars keep their DST rules while a ticket is open (docs/semantics.md):
// New York's clocks go forward on 2026-03-08, Berlin's on 2026-03-29.
TEST_CASE("a ticket open across a DST change") {
  const auto r = rules(
      "sla ny_sla for contract.sla == \"ny\" { calendar ny\n resolution 2h }\n"
      "sla berlin_sla { calendar berlin\n resolution 2h }");
  auto t = ticket("2026-03-06T21:00Z");  // Friday 16:00 EST
  t.contract.sla = "ny";
  const auto ny = evaluate(r, t, {}, at("2026-03-09T13:00Z"));
  CHECK(cycle(ny, "ny_sla", Metric::resolution).due == maybe("2026-03-09T14:00Z"));  // 10:00 EDT
  CHECK(cycle(ny, "ny_sla", Metric::resolution).business_elapsed == 1h);
  auto b = ticket("2026-03-27T15:00Z");  // Friday 16:00 CET
  const auto berlin = evaluate(r, b, {}, at("2026-03-27T15:30Z"));
  CHECK(cycle(berlin, "berlin_sla", Metric::resolution).due ==
        maybe("2026-03-30T08:00Z"));  // Monday 10:00 CEST
}

// "`warn at 75%` fires at the instant 75% of the target has been counted;
// escalations likewise, with their destination." "Each comes with its
// instant, past or future, ... and a flag whether it has fired by `now`."
TEST_CASE("warnings and escalations: their instants, past or future, and whether they fired") {
  const auto r = rules(
      "sla s { calendar office\n resolution 4h\n warn at 50%\n warn at 33%\n"
      " escalate at 100% to team leads }");
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), {}, at("2026-03-02T12:00Z"));
  const auto& c = cycle(e, "s", Metric::resolution);
  REQUIRE(c.thresholds.size() == 3);
  CHECK(c.thresholds[0].at == maybe("2026-03-02T11:00Z"));
  CHECK(c.thresholds[0].fired);
  // "The share is rounded up to a whole second": 33% of 4h is 4752 s.
  CHECK(c.thresholds[1].at == std::optional<Instant>{at("2026-03-02T09:00Z") + 4752s});
  CHECK(c.thresholds[2].escalation);
  CHECK(c.thresholds[2].to_kind == "team");
  CHECK(c.thresholds[2].to == "leads");
  CHECK(c.thresholds[2].at == maybe("2026-03-02T13:00Z"));
  CHECK_FALSE(c.thresholds[2].fired);
}

// "A cycle that stops or is cancelled before a threshold never fires it."
TEST_CASE("a threshold the cycle stops before never fires") {
  const auto r = rules("sla s { calendar office\n first_response 4h\n warn at 75% }");
  const std::vector events{reply("2026-03-02T10:00Z")};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-03T12:00Z"));
  const auto& c = cycle(e, "s", Metric::first_response);
  CHECK_FALSE(c.thresholds[0].at.has_value());
  CHECK_FALSE(c.thresholds[0].fired);
}

// "One that stops or is cancelled at that very instant has reached it, as
// one that pauses there has: a reply at the due second meets the target and
// its 100% escalation has fired".
TEST_CASE("a threshold reached at the very instant the cycle stops or pauses has fired") {
  const auto r = rules(
      "sla s { calendar office\n first_response 4h\n warn at 50%\n escalate at 100% to team leads\n"
      " pause while ticket.status == on_hold }");
  // 09:00 + 4h of office time (09:00-17:00) is 13:00; 50% is 11:00.
  const std::vector at_due{reply("2026-03-02T13:00Z")};
  const auto met = evaluate(r, ticket("2026-03-02T09:00Z"), at_due, at("2026-03-02T14:00Z"));
  const auto& c = cycle(met, "s", Metric::first_response);
  CHECK(c.state == TargetState::met);
  CHECK(c.thresholds[1].at == maybe("2026-03-02T13:00Z"));
  CHECK(c.thresholds[1].fired);
  const std::vector at_half{reply("2026-03-02T11:00Z")};
  const auto half = evaluate(r, ticket("2026-03-02T09:00Z"), at_half, at("2026-03-02T14:00Z"));
  CHECK(cycle(half, "s", Metric::first_response).thresholds[0].at == maybe("2026-03-02T11:00Z"));
  CHECK(cycle(half, "s", Metric::first_response).thresholds[0].fired);
  CHECK_FALSE(cycle(half, "s", Metric::first_response).thresholds[1].at.has_value());
  const std::vector paused{status("2026-03-02T11:00Z", "on_hold")};
  const auto hold = evaluate(r, ticket("2026-03-02T09:00Z"), paused, at("2026-03-02T14:00Z"));
  CHECK(cycle(hold, "s", Metric::first_response).thresholds[0].at == maybe("2026-03-02T11:00Z"));
  CHECK(cycle(hold, "s", Metric::first_response).thresholds[0].fired);
}

// "One that stops or is cancelled at that very instant has reached it": a
// priority lowered at the half hour cancels the cycle as its 50% falls due.
TEST_CASE("a threshold reached at the very instant the cycle is cancelled has fired") {
  const auto r = rules(
      "sla urgent for ticket.priority == urgent { first_response 1h\n warn at 50% }\n"
      "sla normal { first_response 4h }");
  const auto lowered = [](const char* when) {
    return std::vector{change(when, "ticket.priority", std::string{"normal"})};
  };
  const auto t = ticket("2026-03-02T09:00Z", "urgent");
  const auto at_half = evaluate(r, t, lowered("2026-03-02T09:30Z"), at("2026-03-02T12:00Z"));
  const auto& c = cycle(at_half, "urgent", Metric::first_response);
  CHECK(c.state == TargetState::cancelled);
  CHECK(c.thresholds[0].at == maybe("2026-03-02T09:30Z"));
  CHECK(c.thresholds[0].fired);
  const auto before = evaluate(r, t, lowered("2026-03-02T09:29Z"), at("2026-03-02T12:00Z"));
  CHECK_FALSE(cycle(before, "urgent", Metric::first_response).thresholds[0].at.has_value());
}

// "The due is the field's instant, minus the margin in business time of the
// policy's calendar; a date field means the start of that day in the
// calendar's zone (UTC without a calendar). No pause applies."
TEST_CASE("before: due relative to a time field, in business time, without pauses") {
  const auto r = rules(
      "sla promise for order.due != none { calendar office\n"
      " resolution before order.due - 1 business day\n"
      " pause while ticket.status == pending_customer }");
  auto t = ticket("2026-03-02T09:00Z");
  t.order.due = at("2026-03-05T15:00Z");  // Thursday
  const std::vector events{status("2026-03-02T10:00Z", "pending_customer")};
  const auto e = evaluate(r, t, events, at("2026-03-03T09:00Z"));
  const auto& c = cycle(e, "promise", Metric::resolution);
  CHECK(c.due == maybe("2026-03-04T15:00Z"));
  CHECK(c.state == TargetState::running);  // no pause applies
  CHECK(c.remaining == 14h);               // Tue 8h, Wed 6h
  CHECK(c.target == std::optional<Seconds>{22h});
  CHECK(c.pauses.empty());
}

TEST_CASE("before: a date field is the start of that day, and a margin in hours is business time") {
  const auto r = rules(
      "sla promise for order.due != none { calendar office\n resolution before order.due - 2h }");
  auto t = ticket("2026-03-02T09:00Z");
  t.order.due =
      std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::March, std::chrono::day{5}};
  const auto e = evaluate(r, t, {}, at("2026-03-02T10:00Z"));
  // Thursday 00:00 less 2 business hours: Wednesday 15:00.
  CHECK(cycle(e, "promise", Metric::resolution).due == maybe("2026-03-04T15:00Z"));
  // "While the field has no value the cycle has no due."
  const auto none = rules("sla promise { calendar office\n resolution before order.due }");
  const auto& c = cycle(evaluate(none, ticket("2026-03-02T09:00Z"), {}, at("2026-03-09T10:00Z")),
                        "promise", Metric::resolution);
  CHECK_FALSE(c.due.has_value());
  CHECK(c.state == TargetState::running);
}

// `3 business days`: the same local time of day, three business days after
// the first business instant at or after the start; pauses push it later.
TEST_CASE("a target in business days keeps the time of day") {
  const auto r = rules("sla s { calendar office\n resolution 3 business days }");
  const auto e = evaluate(r, ticket("2026-03-02T14:00Z"), {}, at("2026-03-02T15:00Z"));
  CHECK(cycle(e, "s", Metric::resolution).due == maybe("2026-03-05T14:00Z"));
  // Created at night: counted from Tuesday 09:00; Wednesday is a holiday, so
  // the three days are Thursday, Friday and Monday: 24 business hours, which
  // are used up at Friday's closing time.
  const auto night = evaluate(r, ticket("2026-03-09T20:00Z"), {}, at("2026-03-09T21:00Z"));
  CHECK(cycle(night, "s", Metric::resolution).target == std::optional<Seconds>{24h});
  CHECK(cycle(night, "s", Metric::resolution).due == maybe("2026-03-13T17:00Z"));
}

// "A cycle's due is computed over its own life: after its stop the fields and
// the pause state it last had are taken to hold."
TEST_CASE("a stopped cycle's due is as of its stop") {
  const auto r =
      rules("sla s { calendar office\n first_response 4h\n pause while ticket.status == on_hold }");
  const std::vector events{reply("2026-03-02T10:00Z"), status("2026-03-02T11:00Z", "on_hold")};
  const auto e = evaluate(r, ticket("2026-03-02T09:00Z"), events, at("2026-03-03T12:00Z"));
  const auto& c = cycle(e, "s", Metric::first_response);
  CHECK(c.state == TargetState::met);
  CHECK(c.due == maybe("2026-03-02T13:00Z"));  // the hold after the reply does not count
}

// "A cycle that starts and stops at the same instant has no life before its
// stop: its target and due are taken from the state after every event at
// that instant, those after the stopping event in input order included."
// The doc's example: a reply then a change to normal, both at the creation
// instant 08:00, give 4h, due 12:00; both at 08:30, 1h, due 09:00; a change
// to on_hold after a reply at 08:00 leaves no due. (Review 27, F3.)
TEST_CASE("a cycle that stops where it starts takes the state after every event at that instant") {
  const auto r = rules(R"(sla p {
  first_response 1h when ticket.priority == urgent, otherwise 4h
  pause while ticket.status == on_hold
  escalate at 100% to team leads
})");
  const auto first = [&](const char* priority, std::vector<TicketEvent> events) {
    return cycle(
        evaluate(r, ticket("2026-03-02T08:00Z", priority), events, at("2026-03-02T13:00Z")), "p",
        Metric::first_response);
  };
  const auto t4 =
      first("urgent", {reply("2026-03-02T08:00Z"),
                       change("2026-03-02T08:00Z", "ticket.priority", std::string{"normal"})});
  CHECK(t4.target == std::optional<Seconds>{4h});
  CHECK(t4.due == maybe("2026-03-02T12:00Z"));
  CHECK(t4.state == TargetState::met);
  const auto t5 =
      first("urgent", {reply("2026-03-02T08:30Z"),
                       change("2026-03-02T08:30Z", "ticket.priority", std::string{"normal"})});
  CHECK(t5.target == std::optional<Seconds>{1h});
  CHECK(t5.due == maybe("2026-03-02T09:00Z"));
  CHECK(t5.state == TargetState::met);
  const auto t6 =
      first("normal", {reply("2026-03-02T08:00Z"), status("2026-03-02T08:00Z", "on_hold")});
  CHECK(t6.target == std::optional<Seconds>{4h});
  CHECK_FALSE(t6.due.has_value());
  CHECK(t6.state == TargetState::met);
}

// "A `before` target ... carries nothing: its due is its field's."
TEST_CASE("a before target carries nothing across a reopening") {
  const auto r = rules("sla s { resolution before order.due - 2h }");
  auto t = ticket("2026-03-02T09:00Z");
  t.order.due = at("2026-03-04T09:00Z");
  const std::vector events{event("2026-03-02T10:00Z", EventKind::solved),
                           event("2026-03-02T11:00Z", EventKind::reopened)};
  const auto& c =
      cycle(evaluate(r, t, events, at("2026-03-02T12:00Z")), "s", Metric::resolution, 2);
  CHECK(c.due == maybe("2026-03-04T07:00Z"));
  CHECK(c.business_elapsed == 1h);  // from its own start only
  CHECK(c.remaining == 43h);
}

// "`breached`: stopped after its due" also for a cycle that stops where it
// starts. (Found by the differential test.)
TEST_CASE("a cycle that stops where it starts, after its due, is breached") {
  const auto r = rules("sla s { resolution before order.due }");
  auto t = ticket("2026-03-02T09:00Z");
  t.order.due = at("2026-03-03T09:00Z");
  const std::vector events{event("2026-03-02T10:00Z", EventKind::solved),
                           event("2026-03-04T10:00Z", EventKind::reopened),
                           event("2026-03-04T10:00Z", EventKind::solved)};
  const auto& c =
      cycle(evaluate(r, t, events, at("2026-03-05T12:00Z")), "s", Metric::resolution, 2);
  CHECK(c.state == TargetState::breached);
  CHECK(c.target == std::optional<Seconds>{0s});  // "zero when the due comes first"
}

// "Without a margin (`- 0s` is the same), the due is the field's instant as
// it is, in or out of the calendar's hours: the promise made to the
// customer. A margin counts back in business time from that instant, across
// closed hours: for an order due Saturday 12:00 on a Monday-to-Friday
// 09:00-17:00 calendar, `before order.due` is due Saturday 12:00, `- 1s`
// Friday 16:59:59 and `- 2h` Friday 15:00." And "a ticket created on
// Saturday 10:00 for that order has a target of zero and breaches at
// Saturday 12:00". (Review 11, F2: the docs did not say.)
TEST_CASE(
    "before: an off-hours field is the due itself, and a margin counts back across the closed "
    "hours") {
  auto t = ticket("2026-03-05T09:00Z");   // Thursday
  t.order.due = at("2026-03-07T12:00Z");  // Saturday
  const auto due = [&](const char* margin) {
    const auto r = rules(
        std::string{"sla promise { calendar office\n resolution before order.due"} + margin + " }");
    return cycle(evaluate(r, t, {}, at("2026-03-05T10:00Z")), "promise", Metric::resolution);
  };
  CHECK(due("").due == maybe("2026-03-07T12:00Z"));
  CHECK(due("").target == std::optional<Seconds>{16h});  // Thursday and Friday
  CHECK(due(" - 0s").due == maybe("2026-03-07T12:00Z"));
  CHECK(due(" - 1s").due == maybe("2026-03-06T16:59:59Z"));
  CHECK(due(" - 2h").due == maybe("2026-03-06T15:00Z"));

  const auto r = rules("sla promise { calendar office\n resolution before order.due }");
  auto saturday = ticket("2026-03-07T10:00Z");
  saturday.order.due = at("2026-03-07T12:00Z");
  const auto& c =
      cycle(evaluate(r, saturday, {}, at("2026-03-07T13:00Z")), "promise", Metric::resolution);
  CHECK(c.target == std::optional<Seconds>{0s});
  CHECK(c.state == TargetState::breached);
  CHECK(c.breached_at == maybe("2026-03-07T12:00Z"));
}

// "a calendar with a night shift (`mon..fri 22:00-06:00`, each shift
// belonging to the date it opens on) gives a ticket created on Saturday
// 02:00, inside Friday's shift, 1 business day that runs from Saturday 02:00
// to Monday 02:00 local time, in which only the rest of Friday's shift
// (02:00 to 06:00) is open: a target of 4 hours, due Saturday 06:00. One
// created on Tuesday 02:00 or Monday 12:00 gets 8 hours." (Review 11, F3.)
TEST_CASE(
    "N business days from inside a night shift count the business time between the two instants") {
  const auto r = compile_or_throw({{"t.sla", R"(
calendar night {
  zone "America/New_York"
  mon..fri 22:00-06:00
}
sla s { calendar night
 resolution 1 business day })"}});
  const auto of = [&](const char* created) {
    return cycle(evaluate(r, ticket(created), {}, at("2026-03-20T00:00Z")), "s",
                 Metric::resolution);
  };
  const auto saturday = of("2026-03-14T06:00Z");  // Saturday 02:00 EDT
  CHECK(saturday.target == std::optional<Seconds>{4h});
  CHECK(saturday.due == maybe("2026-03-14T10:00Z"));                    // Saturday 06:00 EDT
  CHECK(of("2026-03-17T06:00Z").target == std::optional<Seconds>{8h});  // Tuesday 02:00
  CHECK(of("2026-03-16T16:00Z").target == std::optional<Seconds>{8h});  // Monday 12:00
}
