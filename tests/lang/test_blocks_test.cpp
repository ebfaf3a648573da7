// Test blocks in the language: parsing, checking (E0232-E0234 and the
// existing codes), and formatting (docs/language.md, "Tests").
#include <doctest/doctest.h>

#include <slakit/lang/format.hpp>
#include <slakit/slakit.hpp>

#include "lang_test_support.hpp"

using namespace slakit;
using slakit::test::diagnostics_of;

namespace {

const std::string kRules = R"(calendar office {
  zone "Europe/Berlin"
  mon..fri 09:00-17:00
}
sla gold for contract.sla == "gold" {
  calendar office
  first_response 4h
}
ola l2 for ticket.team == "l2" {
  start on assigned to team l2
  target 2h
}
route billing when ticket.category == billing -> queue billing, team fin
)";

// Diagnostics of a test block after the rules above (which end on line 13).
std::string test_diagnostics(const std::string& body) {
  return diagnostics_of(kRules + "test \"t\" {\n" + body + "}\n");
}

}  // namespace

TEST_CASE("a well-formed test block checks clean and lands in the RuleSet") {
  const auto text = kRules + R"(test "all forms" {
  ticket.created = 2026-06-05 15:00 in office
  ticket.priority = urgent
  contract.sla = "gold"
  order.due = 2026-06-20
  at 2026-06-05T14:00:00Z status_changed to pending_customer
  at 2026-06-05T14:30:00+01:00 assigned to team l2 agent ana
  at 2026-06-05T15:00:00Z field_changed ticket.priority = low
  at 2026-06-05T15:30:00Z agent_replied private
  now 2026-06-08 10:00 in office
  expect queue none
  expect team fin
  expect priority urgent
  expect skills []
  expect tags [a, b]
  expect sla gold
  expect olas [l2]
  expect gold.first_response cycle 1 met
  expect gold.first_response due none
  expect gold.first_response remaining 1h30m
  expect l2.target overdue 0s
  expect gold.first_response breach at 2026-06-08T08:00:00Z
  expect deadline office from 2026-06-05 add 3bd = 2026-06-10
}
)";
  const auto result = compile({{"t.sla", text}});
  REQUIRE_MESSAGE(result.ok(), diagnostics_of(text));
  // Only the routes' W0228 (no catch-all): nothing about the test.
  CHECK(diagnostics_of(text) == "13:7 W0228");
  REQUIRE(result.rules->tests().size() == 1);
  CHECK(result.rules->tests()[0].name.text == "all forms");
  CHECK(result.rules->tests()[0].lines.size() == 22);
}

TEST_CASE("unknown fields, values, calendars and events: the existing codes") {
  CHECK(test_diagnostics("  ticket.created = 2026-06-05 15:00 in ofice\n") == "15:40 E0202");
  // docs/language.md, "Tests": a local time may name an IANA zone instead.
  CHECK(test_diagnostics("  ticket.created = 2026-06-05 15:00 in \"Asia/Tokyo\"\n") ==
        "13:7 W0228");
  CHECK(test_diagnostics("  ticket.created = 2026-06-05 15:00 in \"Asia/Tokio\"\n") ==
        "15:40 E0205");
  CHECK(test_diagnostics("  ticket.prio = urgent\n") == "15:3 E0203");
  CHECK(test_diagnostics("  ticket.priority = urgentt\n") == "15:21 E0214");
  CHECK(test_diagnostics("  order.value = \"lots\"\n") == "15:17 E0204");
  CHECK(test_diagnostics("  ticket.created = 2026-06-05T13:00:00Z\n"
                         "  at 2026-06-05T13:00:00Z agent_repled\n") == "16:27 E0216");
  CHECK(test_diagnostics("  ticket.created = 2026-06-05T13:00:00Z\n"
                         "  ticket.created = 2026-06-05T14:00:00Z\n") == "16:3 E0201");
  CHECK(test_diagnostics("  now 2026-06-05T13:00:00Z\n  now 2026-06-05T14:00:00Z\n") ==
        "16:3 E0201");
  CHECK(diagnostics_of(kRules + "test \"a\" {\n}\ntest \"a\" {\n}\n") == "16:6 E0201");
}

TEST_CASE("E0232 for unknown policies and targets, E0234 for queues and teams no route sets") {
  const std::string head = "  ticket.created = 2026-06-05T13:00:00Z\n  now 2026-06-08T08:00:00Z\n";
  CHECK(test_diagnostics(head + "  expect silver.resolution met\n") == "17:10 E0232");
  CHECK(test_diagnostics(head + "  expect gold.resolution met\n") == "17:10 E0232");
  CHECK(test_diagnostics(head + "  expect sla l2\n") == "17:14 E0232");
  CHECK(test_diagnostics(head + "  expect olas [gold]\n") == "17:16 E0232");
  CHECK(test_diagnostics(head + "  expect queue billng\n") == "17:16 E0234");
  CHECK(test_diagnostics(head + "  expect team ops\n") == "17:15 E0234");
  CHECK(test_diagnostics(head + "  expect route nope\n") == "17:16 E0234");
  CHECK(test_diagnostics(head + "  expect priority asap\n") == "17:19 E0214");
}

TEST_CASE("E0233: expectations that can never be checked") {
  const std::string created = "  ticket.created = 2026-06-05T13:00:00Z\n";
  // No now for an SLA expectation.
  CHECK(test_diagnostics(created + "  expect gold.first_response met\n") == "16:3 E0233");
  // No ticket.created for a ticket expectation.
  CHECK(test_diagnostics("  now 2026-06-08T08:00:00Z\n  expect sla gold\n") == "16:3 E0233");
  const std::string both = created + "  now 2026-06-08T08:00:00Z\n";
  // gold has no warn or escalate line.
  CHECK(test_diagnostics(both + "  expect gold.first_response warning at 2026-06-08T08:00:00Z\n") ==
        "17:3 E0233");
  CHECK(test_diagnostics(both + "  expect gold.first_response cycle 0 met\n") == "17:30 E0233");
  CHECK(test_diagnostics(both + "  expect gold.first_response remaining 1bd\n") == "17:40 E0233");
  CHECK(test_diagnostics(both + "  at 2026-06-05T14:00:00Z status_changed\n") == "17:27 E0233");
  CHECK(test_diagnostics(both + "  at 2026-06-05T14:00:00Z solved agent ana\n") == "17:40 E0233");
  // Business days count from a date to a date.
  CHECK(test_diagnostics("  expect deadline office from 2026-06-05T13:00:00Z add 1bd = "
                         "2026-06-08\n") == "15:31 E0204");
  // No routes at all: a routing expectation can never be checked.
  CHECK(diagnostics_of("test \"t\" {\n  ticket.created = 2026-06-05T13:00:00Z\n"
                       "  expect queue x\n}\n") == "3:3 E0233");
}

// Review 15, F6: a calendar and a zone misspelt on one deadline line are
// reported together, and a local time's `in` says what it takes.
TEST_CASE("test instants: both errors of a deadline line, and what `in` takes") {
  CHECK(test_diagnostics("  expect deadline ofice from 2026-06-05 13:00 in \"Asia/Tokio\" "
                         "add 1h = 2026-06-05T14:00:00Z\n") == "15:19 E0202, 15:50 E0205");
  const auto result =
      compile({{"t.sla", kRules + "test \"t\" {\n  now 2026-06-05 15:00 in 42\n}\n"}});
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message.find("a calendar's name or a time zone in double quotes") !=
        std::string::npos);
}

TEST_CASE("syntax errors in a test block point at the token") {
  CHECK(test_diagnostics("  expect gold.first_response soon\n") == "15:30 E0001");
  CHECK(test_diagnostics("  now tomorrow\n") == "15:7 E0001");
  CHECK(test_diagnostics("  now 2026-06-05T25:00:00Z\n") == "15:7 E0101");
}

TEST_CASE("test blocks format canonically, idempotently, keeping comments") {
  const auto text = kRules + R"(# before
test   "fmt"   {
  ticket.created=2026-06-05   15:00 in office   # trailing
  ticket.priority =urgent
  at 2026-06-05   16:00   in   "Asia/Tokyo" customer_replied
  at 2026-06-05T14:00:00Z   assigned agent ana to team l2
  now 2026-06-08 10:00:30 in office
  expect   deadline office from 2026-06-05 add 3bd = 2026-06-10
  expect gold.first_response   remaining 90m
  expect skills [ b,a ]
  expect queue   none
}
)";
  const auto once = format_rules("t.sla", text);
  REQUIRE(once.ok());
  const auto tail = once.text.substr(once.text.find("# before"));
  CHECK(tail == R"(# before
test "fmt" {
  ticket.created = 2026-06-05 15:00 in office  # trailing
  ticket.priority = urgent
  at 2026-06-05 16:00 in "Asia/Tokyo" customer_replied
  at 2026-06-05T14:00:00Z assigned to team l2 agent ana
  now 2026-06-08 10:00:30 in office
  expect deadline office from 2026-06-05 add 3 business days = 2026-06-10
  expect gold.first_response remaining 1h30m
  expect skills [b, a]
  expect queue none
}
)");
  const auto twice = format_rules("t.sla", once.text);
  REQUIRE(twice.ok());
  CHECK(twice.text == once.text);
}
