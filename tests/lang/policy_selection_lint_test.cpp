// W0240 and W0241: policies and target values that first match leaves
// unused (docs/sla.md, "Policies and target values that are never chosen").
#include <doctest/doctest.h>

#include "lang_test_support.hpp"

using slakit::test::diagnostics_of;
using slakit::test::first_message;

namespace {

const std::string kLevel = "field contract.level : one of gold, silver, bronze\n";

}  // namespace

// docs/sla.md: "an `sla` that the SLAs before it take every ticket from can
// never apply" (the first SLA whose condition holds applies): the message
// names the earlier SLA that matches every ticket it does. "An `sla`
// without `for` after it is fine only as the last one: written first, every
// SLA after it is reported."
TEST_CASE("W0240 an sla after a catch-all sla can never apply, a catch-all last is fine") {
  CHECK(diagnostics_of(kLevel + "sla standard { first_response 8h }\n" +
                       "sla gold for contract.level == gold { first_response 1h }\n") ==
        "3:5 W0240");
  CHECK(first_message(kLevel + "sla standard { first_response 8h }\n" +
                      "sla gold for contract.level == gold { first_response 1h }\n") ==
        "sla 'gold' can never apply: sla 'standard' at t.sla:2:5 applies to every ticket it would "
        "(the first sla whose condition holds applies)");
  CHECK(diagnostics_of(kLevel + "sla gold for contract.level == gold { first_response 1h }\n" +
                       "sla standard { first_response 8h }\n") == "");
  // Two catch-alls: the second is never reached.
  CHECK(diagnostics_of("sla a { first_response 8h }\nsla b { first_response 4h }\n") ==
        "2:5 W0240");
}

// docs/sla.md: W0240 names "the earlier SLA that matches every ticket it
// does, or the earlier SLAs that together do".
TEST_CASE("W0240 an sla with an earlier sla's condition, or one earlier slas cover together") {
  CHECK(diagnostics_of(kLevel + "sla gold for contract.level == gold { first_response 1h }\n" +
                       "sla gold_again for contract.level == gold { first_response 2h }\n") ==
        "3:5 W0240");
  const auto together =
      kLevel + "sla a for contract.level == gold { first_response 1h }\n" +
      "sla b for contract.level in [silver, bronze] { first_response 2h }\n" +
      "sla c for contract.level != none and ticket.priority == urgent { first_response 3h }\n";
  CHECK(diagnostics_of(together) == "4:5 W0240");
  CHECK(first_message(together) ==
        "sla 'c' can never apply: slas 'a' at t.sla:2:5, 'b' at t.sla:3:5 together apply to every "
        "ticket it would (the first sla whose condition holds applies)");
  // Narrower first, broader after: each takes some tickets.
  CHECK(diagnostics_of(kLevel +
                       "sla gold_urgent for contract.level == gold and ticket.priority == urgent "
                       "{ first_response 1h }\n" +
                       "sla gold for contract.level == gold { first_response 2h }\n") == "");
  // Numbers: [0, 10) then [5, 20) leaves [10, 20) to the second.
  CHECK(diagnostics_of("sla a for order.value >= 0 and order.value < 10 { first_response 1h }\n"
                       "sla b for order.value >= 5 and order.value < 20 { first_response 2h }\n") ==
        "");
  CHECK(diagnostics_of("sla a for order.value >= 0 and order.value < 10 { first_response 1h }\n"
                       "sla b for order.value >= 5 and order.value < 10 { first_response 2h }\n") ==
        "2:5 W0240");
}

// docs/sla.md: "OLAs are not shadowed (every OLA whose condition holds
// applies)".
TEST_CASE("W0240 is not given for an ola after an ola with the same condition") {
  CHECK(diagnostics_of("ola a for ticket.team == l2 { target 1h }\n"
                       "ola b for ticket.team == l2 { target 2h }\n"
                       "ola c { target 3h }\nola d { target 4h }\n") == "");
}

// docs/sla.md: W0240 also: "an `sla` or `ola` whose `for` condition holds
// for no ticket" (`contract.level == gold and contract.level == silver`),
// naming the field no value of which satisfies it.
TEST_CASE("W0240 a policy whose for condition holds for no ticket") {
  const auto never = kLevel +
                     "sla contradictory for contract.level == gold and contract.level == silver "
                     "{ first_response 2h }\n";
  CHECK(diagnostics_of(never) == "2:5 W0240");
  CHECK(first_message(never) ==
        "sla 'contradictory' can never apply: no value of contract.level satisfies its "
        "condition");
  CHECK(diagnostics_of("ola o for order.value > 5 and order.value < 3 { target 1h }\n") ==
        "1:5 W0240");
  CHECK(diagnostics_of("sla s for false { first_response 1h }\n") == "1:5 W0240");
  // Possible: no warning.
  CHECK(diagnostics_of("ola o for order.value > 3 and order.value < 5 { target 1h }\n") == "");
  // A policy that can never apply shadows nothing.
  CHECK(diagnostics_of("sla s for false { first_response 1h }\nsla t { first_response 2h }\n") ==
        "1:5 W0240");
}

// docs/sla.md: the analysis is "exact for conditions the table decides
// alone (one field per `and` part) and silent otherwise: a policy or case
// whose condition the table does not decide alone (an `or` across fields,
// two fields compared) covers no other".
TEST_CASE("W0240 an sla the table does not decide alone covers no other") {
  CHECK(diagnostics_of("sla a for contract.sla == \"gold\" or ticket.priority == urgent "
                       "{ first_response 1h }\n"
                       "sla b for contract.sla == \"gold\" { first_response 2h }\n") == "");
  CHECK(diagnostics_of("sla a for contract.customer == order.customer { first_response 1h }\n"
                       "sla b for contract.customer == order.customer { first_response 2h }\n") ==
        "");
}

// docs/sla.md: "a target case that the cases before it take every ticket
// from is never chosen", at the case's `when` condition, naming the
// earlier case or cases with their positions.
TEST_CASE("W0241 a target case earlier cases take every ticket from") {
  const auto shadowed =
      "sla gold {\n  first_response 4h when ticket.priority in [urgent, high], 1h when "
      "ticket.priority == urgent, otherwise 8h\n}\n";
  CHECK(diagnostics_of(shadowed) == "2:69 W0241");
  CHECK(first_message(shadowed) ==
        "the case 1h of gold.first_response is never chosen: the case '4h' at t.sla:2:18 takes "
        "every ticket it would (the first case whose condition holds gives the value)");
  // The narrower case first: both are chosen.
  CHECK(diagnostics_of("sla gold {\n  first_response 1h when ticket.priority == urgent, 4h when "
                       "ticket.priority in [urgent, high], otherwise 8h\n}\n") == "");
  // Two earlier cases together.
  CHECK(diagnostics_of("ola o {\n  target 1h when order.value < 10, 2h when order.value >= 10, "
                       "3h when order.value > 50\n}\n") == "2:71 W0241");
  // The same condition twice.
  CHECK(diagnostics_of("sla s {\n  resolution 1h when ticket.reopened, 2h when ticket.reopened\n"
                       "}\n") == "2:47 W0241");
}

// docs/sla.md: "The `otherwise` value is never reported, even when the cases
// before it leave it no ticket"; "also a case whose condition holds for no
// ticket".
TEST_CASE("W0241 a case whose condition never holds, and otherwise never reported") {
  CHECK(diagnostics_of("sla s {\n  resolution 1h when ticket.reopened, 2h when not "
                       "ticket.reopened, otherwise 3h\n}\n") == "");
  CHECK(diagnostics_of("sla s {\n  resolution 1h when order.value > 5 and order.value < 3, "
                       "otherwise 3h\n}\n") == "2:22 W0241");
  CHECK(first_message("sla s {\n  resolution 1h when order.value > 5 and order.value < 3, "
                      "otherwise 3h\n}\n") ==
        "the case 1h of s.resolution is never chosen: no value of order.value satisfies its "
        "condition");
}

// docs/sla.md: "A case is judged against the other cases of its target
// only, not against the policy's `for` condition".
TEST_CASE("W0241 does not judge a case against its policy's for condition") {
  CHECK(diagnostics_of("sla s for ticket.priority == urgent {\n  first_response 1h when "
                       "ticket.priority == high, otherwise 4h\n}\n") == "");
}

// The review's rule file (review 8, m5.sla): every mistake in it reported.
TEST_CASE("W0240 and W0241 on the review's rule file") {
  const auto text = kLevel +
                    "sla standard { first_response 8h }\n"
                    "sla gold for contract.level == gold {\n"
                    "  first_response 4h when ticket.priority in [urgent, high], 1h when "
                    "ticket.priority == urgent, otherwise 8h\n}\n"
                    "sla gold_again for contract.level == gold { first_response 2h }\n"
                    "sla contradictory for contract.level == gold and contract.level == silver "
                    "{ first_response 2h }\n";
  CHECK(diagnostics_of(text) == "3:5 W0240, 4:69 W0241, 6:5 W0240, 7:5 W0240");
}

// docs/sla.md, "Lint": "an `ola` whose every `start on` event leaves the
// ticket where its `for` condition holds for no ticket never starts"
// (review 8, F5). "Team names compare exactly ... the message says so when
// the condition names the value in another case." "An OLA with any other
// `start on` event ..., or none, is not judged", and the check is silent
// where the table cannot decide the condition on that field alone.
TEST_CASE("W0242 an ola whose start events leave no ticket its for condition holds for") {
  const std::string body =
      " {\n  start on assigned to team L2\n  stop on handed_back\n  target 4h\n}\n";
  // The review's file: "l2" is not L2.
  const auto review = "ola second_level for ticket.team == \"l2\"" + body;
  CHECK(diagnostics_of(review) == "1:5 W0242");
  CHECK(first_message(review) ==
        "ola 'second_level' never starts: a cycle starts only where the ola applies after its "
        "start event, and its `for` condition holds for no ticket whose team is 'L2', as after "
        "'assigned to team L2' at t.sla:2:12 (text compares exactly: the condition names 'l2')");
  CHECK(diagnostics_of("ola o for ticket.team in [l1, l3] and ticket.priority == high" + body) ==
        "1:5 W0242");
  CHECK(diagnostics_of("ola o for ticket.team != L2" + body) == "1:5 W0242");
  // Every start event must be such an assignment, for a team it excludes.
  CHECK(diagnostics_of("ola o for ticket.team == L2" + body) == "");
  CHECK(diagnostics_of("ola o for ticket.team in [L2, l3]" + body) == "");
  CHECK(diagnostics_of("ola o for ticket.team == l1 {\n  start on assigned to team L2, assigned to "
                       "team l1\n  target 4h\n}\n") == "");
  CHECK(diagnostics_of("ola o for ticket.team == l1 {\n  start on assigned to team L2, created\n "
                       " target 4h\n}\n") == "");
  CHECK(diagnostics_of("ola o for ticket.team == l1 {\n  start on assigned\n  target 4h\n}\n") ==
        "");
  CHECK(diagnostics_of("ola o for ticket.team == l1 {\n  target 4h\n}\n") == "");
  // Several teams, none admitted: named together.
  CHECK(first_message("ola o for ticket.team == l1 {\n  start on assigned to team L2, assigned "
                      "to team l3\n  target 4h\n}\n")
            .ends_with("holds for no ticket whose team is 'L2', as after 'assigned to team L2' at "
                       "t.sla:2:12; whose team is 'l3', as after 'assigned to team l3' at "
                       "t.sla:2:33"));
  // What solves the ticket leaves it solved or closed; what closes it, closed.
  CHECK(diagnostics_of("ola qa for ticket.status == open {\n  start on solved\n  target 4h\n}\n") ==
        "1:5 W0242");
  CHECK(first_message("ola qa for ticket.status == open {\n  start on solved\n  target 4h\n}\n")
            .ends_with("no ticket whose status is 'solved' or 'closed', as after 'solved' at "
                       "t.sla:2:12"));
  CHECK(diagnostics_of("ola qa for ticket.status != solved {\n  start on solved\n  target "
                       "4h\n}\n") == "");
  CHECK(diagnostics_of("ola qa for ticket.status == solved {\n  start on closed\n  target "
                       "4h\n}\n") == "1:5 W0242");
  CHECK(diagnostics_of("ola qa for ticket.status == closed {\n  start on closed\n  target "
                       "4h\n}\n") == "");
  // A reopening leaves the status open to any value but solved and closed:
  // not judged.
  CHECK(diagnostics_of("ola qa for ticket.status == solved {\n  start on reopened\n  target "
                       "4h\n}\n") == "");
  // Undecided by the table (an `or` across fields): no warning.
  CHECK(diagnostics_of("ola o for ticket.team == l1 or ticket.priority == high" + body) == "");
  // An OLA that never applies at all is W0240's, once.
  CHECK(diagnostics_of("ola o for ticket.team == l1 and ticket.team == l3" + body) == "1:5 W0240");
}
