// The README's example, run: its rules compile as they stand there, are in
// canonical form, and the evaluation says what the README says it does.
#include <slakit/lang/format.hpp>
#include <slakit/sla/explain.hpp>

#include <fstream>
#include <iterator>

#include "sla/sla_test_support.hpp"

using namespace slakit;
using namespace std::chrono;

namespace {

// The first ``` block after "Rules as text".
std::string readme_rules() {
  std::ifstream in(SLAKIT_SOURCE_DIR "/README.md");
  const std::string text{std::istreambuf_iterator<char>{in}, {}};
  const auto from = text.find("```\n", text.find("Rules as text")) + 4;
  return text.substr(from, text.find("```", from) - from);
}

}  // namespace

TEST_CASE("the README example: rules, evaluation and explanation") {
  const auto text = readme_rules();
  REQUIRE(text.find("sla gold") != std::string::npos);
  CHECK(format_rules("README.md", text).text == text);
  const auto rules = compile_or_throw({{"README.md", text}});

  Ticket ticket;
  ticket.id = "T-1";
  ticket.created = sys_days{2026y / 3 / 6} + 21h;  // Friday 16:00 EST
  ticket.priority = "urgent";
  ticket.contract.sla = "gold";
  const std::vector<TicketEvent> events{
      {.at = ticket.created + 30min, .kind = EventKind::status_changed, .to = "pending_customer"}};
  const auto now = ticket.created + 2h;
  const auto e = evaluate(rules, ticket, events, now);
  CHECK(e.sla == std::optional<std::string>{"gold"});
  REQUIRE(!e.targets.empty());
  CHECK(e.targets[0].metric == Metric::first_response);
  CHECK(e.targets[0].state == TargetState::paused);
  CHECK(e.targets[0].remaining == 30min);
  CHECK(explain(rules, ticket, events, now).text().find("sla gold applies") != std::string::npos);
}
