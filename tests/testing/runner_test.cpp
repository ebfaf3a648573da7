// The test runner (include/slakit/testing/test_runner.hpp): it builds each
// case's ticket, asks the engines and compares; docs/language.md, "Tests".
#include <doctest/doctest.h>

#include <slakit/lang/format.hpp>
#include <slakit/sla/evaluation.hpp>
#include <slakit/slakit.hpp>
#include <slakit/testing/test_runner.hpp>

#include <string>

#include "lang/lang_test_support.hpp"

using namespace slakit;

namespace {

const std::string kRules = R"(calendar office {
  zone "Europe/Berlin"
  mon..fri 09:00-17:00
}
sla gold for contract.sla == "gold" {
  calendar office
  first_response 4h
  warn at 50%
}
route billing when ticket.category == billing -> queue billing, skills [billing]
route rest -> queue triage
)";

RuleSet rules_with(const std::string& tests) {
  auto result = compile({{"t.sla", kRules + tests}});
  REQUIRE_MESSAGE(result.ok(), test::diagnostics_of(kRules + tests));
  return *result.rules;
}

std::string position(const RuleSet& rules, SourceSpan span) {
  const auto p = rules.sources().position(span);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

// "Each expectation fails on its own; a case passes when all hold."
TEST_CASE("a failing expectation is reported at its line with expected and actual") {
  const auto rules = rules_with(R"(test "weekend" {
  ticket.created = 2026-06-05 15:00 in office
  contract.sla = "gold"
  now 2026-06-08 10:00 in office
  expect gold.first_response running
  expect gold.first_response due 2026-06-08 10:00 in office
  expect gold.first_response remaining 1h
})");
  const auto results = run_tests(rules);
  REQUIRE(results.size() == 1);
  const auto& r = results[0];
  CHECK(r.name == "weekend");
  CHECK_FALSE(r.passed);
  CHECK(position(rules, r.span) == "12:6");
  REQUIRE(r.expectations.size() == 3);
  CHECK(r.expectations[0].passed);
  CHECK(r.expectations[2].passed);
  const auto& due = r.expectations[1];
  CHECK_FALSE(due.passed);
  CHECK(position(rules, due.span) == "17:3");
  CHECK(due.expectation == "expect gold.first_response due 2026-06-08 10:00 in office");
  // Friday 15:00-17:00 counts 2h; Monday 09:00-11:00 the other 2h.
  CHECK(due.expected == "2026-06-08T10:00:00+02:00 (2026-06-08T08:00:00Z)");
  CHECK(due.actual == "2026-06-08T11:00:00+02:00 (2026-06-08T09:00:00Z)");
  // The engine's explanation: the policy, and the intervals counted.
  CHECK(due.explanation.find("sla gold applies") != std::string::npos);
  CHECK(due.explanation.find("gold / first_response cycle 1: running") != std::string::npos);
  CHECK(due.explanation.find("2026-06-05 15:00-17:00 (2h), 2026-06-08 09:00-11:00 (2h)") !=
        std::string::npos);
  CHECK(r.expectations[0].explanation.empty());
}

TEST_CASE("instants written in RFC 3339 and in a calendar compare as instants") {
  const auto rules = rules_with(R"(test "two spellings" {
  ticket.created = 2026-06-05T13:00:00Z
  contract.sla = "gold"
  now 2026-06-08T08:00:00+02:00
  expect gold.first_response due 2026-06-08T11:00:00+02:00
  expect gold.first_response warning at 2026-06-05 17:00 in office
})");
  const auto r = run_test(rules, rules.tests()[0]);
  CHECK(r.passed);
}

// docs/semantics.md: "a time inside a DST gap maps to the instant the clock
// jumps". Berlin skips 02:00-03:00 on 2026-03-29.
TEST_CASE("a local time in a DST gap is the instant the clock jumps") {
  const auto rules = rules_with(R"(test "gap" {
  expect deadline office from 2026-03-29 02:30 in office add 1h = 2026-03-30T08:00:00Z
})");
  // 02:30 does not exist; it is 03:00 CEST (01:00Z), a Sunday: the hour
  // counts from Monday 09:00 CEST (07:00Z).
  CHECK(run_test(rules, rules.tests()[0]).passed);
}

// docs/language.md, "Tests": instants are "wall-clock time in a calendar of
// the rule set ... or in an IANA zone (`2026-03-27 16:00 in "Asia/Tokyo"`),
// read in that zone by the rule of docs/semantics.md".
TEST_CASE("instants written in an IANA zone are read in that zone") {
  const auto rules = rules_with(R"(test "zones" {
  ticket.created = 2026-06-05 22:00 in "Asia/Tokyo"
  contract.sla = "gold"
  now 2026-06-08 04:00 in "America/New_York"
  expect gold.first_response due 2026-06-08 10:00 in "Europe/London"
  expect deadline office from 2026-03-29 09:30 in "Asia/Kolkata" add 1h = 2026-03-30 04:00 in "America/New_York"
  expect deadline office from 2026-03-29 02:30 in "Europe/Berlin" add 1h = 2026-03-30T08:00:00Z
})");
  // Created 13:00Z (22:00 JST, 15:00 CEST on a Friday): two hours that day,
  // two on Monday from 09:00 CEST: due 09:00Z, 10:00 BST. 09:30 IST on a
  // Sunday is 04:00Z: the hour counts from Monday 09:00 CEST (07:00Z), due
  // 08:00Z, 04:00 EDT. 02:30 Berlin is in the gap: as the test above.
  const auto r = run_test(rules, rules.tests()[0]);
  CHECK(r.passed);
  for (const auto& e : r.expectations) CHECK_MESSAGE(e.passed, e.actual);
}

TEST_CASE("routing expectations compare sets and report the routes tried") {
  const auto rules = rules_with(R"(test "billing" {
  ticket.created = 2026-06-05T13:00:00Z
  ticket.category = billing
  expect queue billing
  expect skills [billing]
  expect route rest
})");
  const auto r = run_test(rules, rules.tests()[0]);
  REQUIRE(r.expectations.size() == 3);
  CHECK(r.expectations[0].passed);
  CHECK(r.expectations[1].passed);
  CHECK_FALSE(r.expectations[2].passed);
  CHECK(r.expectations[2].expected == "rest");
  CHECK(r.expectations[2].actual == "billing");
  CHECK(r.expectations[2].explanation.find("route billing matches") != std::string::npos);
}

// docs/language.md: "`expect sla` checks the SLA the SLA engine selects,
// not a route's `sla` outcome" (review 23 F10): a route's `sla gold` leaves
// the engine's selection, by the `for` conditions, as it is.
TEST_CASE("expect sla is the SLA engine's selection, not a route's sla outcome") {
  auto result = compile({{"t.sla", kRules + R"(routes picks collect {
  route platinum when customer.tier == platinum -> tags [platinum], sla gold
}
test "routed to gold, selected none" {
  ticket.created = 2026-06-05T13:00:00Z
  customer.tier = platinum
  now 2026-06-05T14:00:00Z
  expect tags [platinum]
  expect sla gold
  expect sla none
}
test "the host fills contract.sla from the routing" {
  ticket.created = 2026-06-05T13:00:00Z
  customer.tier = platinum
  contract.sla = "gold"
  now 2026-06-05T14:00:00Z
  expect sla gold
})"}});
  REQUIRE(result.ok());
  const auto& rules = *result.rules;
  const auto routed = run_test(rules, rules.tests()[0]);
  REQUIRE(routed.expectations.size() == 3);
  CHECK(routed.expectations[0].passed);
  CHECK_FALSE(routed.expectations[1].passed);
  CHECK(routed.expectations[1].actual == "none");
  CHECK(routed.expectations[2].passed);
  CHECK(run_test(rules, rules.tests()[1]).passed);
}

// docs/sla.md: "an event before the ticket's creation is an error naming
// the event"; one bad case never loses the others.
TEST_CASE("a ticket the engine rejects fails its case and the next case still runs") {
  const auto rules = rules_with(R"(test "event before creation" {
  ticket.created = 2026-06-05T13:00:00Z
  contract.sla = "gold"
  at 2026-06-04T13:00:00Z agent_replied
  now 2026-06-08T08:00:00Z
  expect gold.first_response met
}
test "fine" {
  ticket.created = 2026-06-05T13:00:00Z
  expect queue triage
})");
  const auto results = run_tests(rules);
  REQUIRE(results.size() == 2);
  CHECK_FALSE(results[0].passed);
  CHECK(results[0].error.find("event before creation") != std::string::npos);
  CHECK(results[0].expectations[0].actual.rfind("error: ", 0) == 0);
  CHECK(results[1].passed);
}

TEST_CASE("--filter: a substring, or a glob with * and ?") {
  CHECK(test_name_matches("gold: weekend", ""));
  CHECK(test_name_matches("gold: weekend", "week"));
  CHECK_FALSE(test_name_matches("gold: weekend", "Week"));
  CHECK(test_name_matches("gold: weekend", "gold*"));
  CHECK(test_name_matches("gold: weekend", "*end"));
  CHECK(test_name_matches("gold: weekend", "g?ld:*e*d"));
  CHECK_FALSE(test_name_matches("gold: weekend",
                                "gold"
                                "*x"));
  CHECK_FALSE(test_name_matches("gold: weekend", "old*"));
  const auto rules = rules_with(R"(test "a one" {
  expect deadline office from 2026-06-05T13:00:00Z add 1h = 2026-06-05T14:00:00Z
}
test "b two" {
  expect deadline office from 2026-06-05T13:00:00Z add 1h = 2026-06-05T14:00:00Z
})");
  const auto only_b = run_tests(rules, "b*");
  REQUIRE(only_b.size() == 1);
  CHECK(only_b[0].name == "b two");
}

// "Test blocks change nothing the rule set evaluates."
TEST_CASE("test blocks do not change what the rule set evaluates") {
  const auto plain = compile_or_throw({{"t.sla", kRules}});
  const auto with_tests = rules_with(R"(test "x" {
  ticket.created = 2026-06-05T13:00:00Z
  ticket.category = refund
  contract.sla = "gold"
  now 2026-06-08T08:00:00Z
  expect sla gold
})");
  Ticket t;
  t.id = "T-1";
  t.created = std::chrono::sys_days{std::chrono::year{2026} / 6 / 5} + std::chrono::hours{13};
  t.contract.sla = "gold";
  const auto now = t.created + std::chrono::hours{70};
  CHECK(to_json(evaluate(plain, t, {}, now)) == to_json(evaluate(with_tests, t, {}, now)));
  CHECK(plain.tests().empty());
  CHECK(with_tests.tests().size() == 1);
}

TEST_CASE("the JSON form holds positions, expected and actual, and the counts") {
  const auto rules = rules_with(R"(test "wrong queue" {
  ticket.created = 2026-06-05T13:00:00Z
  expect queue billing
})");
  const auto json = to_json(run_tests(rules), rules.sources());
  CHECK(json.find("\"name\": \"wrong queue\", \"file\": \"t.sla\", \"line\": 12") !=
        std::string::npos);
  CHECK(json.find("\"line\": 14, \"column\": 3, \"passed\": false, \"expected\": \"billing\", "
                  "\"actual\": \"triage\"") != std::string::npos);
  CHECK(json.find("\"passed\": 0, \"failed\": 1}") != std::string::npos);
}

// A failed `warning at` lists every warn line with its instant, an offset
// threshold by its offset (docs/sla.md, "Warnings and escalations"), "in
// the order they fall, by instant" (docs/cli.md, `slakit test`; the order
// in every output format: tests/cli/threshold_order.py).
TEST_CASE("a failed warning expectation names offset thresholds by their offset") {
  const auto rules = compile_or_throw({{"t.sla", R"(calendar office {
  zone "UTC"
  mon..fri 09:00-17:00
}
sla s {
  calendar office
  resolution 8h
  warn 1h before due
  warn at 50%
}
test "warnings" {
  ticket.created = 2026-03-02T09:00:00Z
  now 2026-03-02T10:00:00Z
  expect s.resolution warning at 2026-03-02T16:00:00Z
  expect s.resolution warning at 2026-03-02T11:00:00Z
}
)"}});
  const auto r = run_test(rules, rules.tests()[0]);
  REQUIRE(r.expectations.size() == 2);
  CHECK(r.expectations[0].passed);
  CHECK_FALSE(r.expectations[1].passed);
  CHECK(r.expectations[1].actual ==
        "[50% at 2026-03-02T13:00:00Z, 1h before due at 2026-03-02T16:00:00Z]");
}

// docs/language.md, "Tests": `expect P.M warning at none` holds when "no
// `warn` line of the policy is reached in that cycle"; `escalation at none`
// likewise. (Review 20 F6: a threshold never reached could not be pinned.)
TEST_CASE("warning at none and escalation at none: no line of that kind is reached") {
  const auto text = R"(calendar office {
  zone "UTC"
  mon..fri 09:00-17:00
}
sla s {
  calendar office
  resolution 8h
  warn 1h before due
  escalate 2h after due to team leads
}
test "replied in time" {
  ticket.created = 2026-03-02T09:00:00Z
  at 2026-03-02T12:00:00Z solved
  now 2026-03-04T00:00:00Z
  expect s.resolution escalation at none
  expect s.resolution warning at none
}
)";
  const auto rules = compile_or_throw({{"t.sla", text}});
  const auto r = run_test(rules, rules.tests()[0]);
  REQUIRE(r.expectations.size() == 2);
  CHECK(r.expectations[0].passed);
  CHECK(r.expectations[0].expectation == "expect s.resolution escalation at none");
  // Solved at 12:00, before the warning at 16:00: neither is reached.
  CHECK(r.expectations[1].passed);
  // Solved later, the warning is reached and the expectation says when.
  const std::string late =
      std::string{text}.replace(std::string{text}.find("12:00:00Z solved"), 5, "16:30");
  const auto later = compile_or_throw({{"t.sla", late}});
  const auto l = run_test(later, later.tests()[0]);
  CHECK(l.expectations[0].passed);
  CHECK_FALSE(l.expectations[1].passed);
  CHECK(l.expectations[1].expected == "none");
  CHECK(l.expectations[1].actual == "[1h before due at 2026-03-02T16:00:00Z]");
  // The formatter writes it back as it was written.
  const auto formatted = format_rules("t.sla", late);
  CHECK(formatted.text.find("  expect s.resolution warning at none\n") != std::string::npos);
}
