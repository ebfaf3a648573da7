// A host CRM evaluating one ticket: compile the rules once, then on every
// change of the ticket evaluate its SLA clocks at `now` and act on them.
//
// The rules are the text below; a real host loads its rule files (see
// slakit::CompileOptions::load) and keeps the RuleSet for as long as the
// rules do not change. Run it with no arguments.
#include <slakit/sla/evaluation.hpp>
#include <slakit/sla/explain.hpp>
#include <slakit/slakit.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace {

using namespace std::chrono;

constexpr const char* kRules = R"(
calendar berlin_support {
  zone "Europe/Berlin"
  mon..fri 08:00-12:00, 12:30-17:00
  holiday "Karfreitag" easter - 2
  holiday "Ostermontag" easter + 1
}

sla gold for contract.sla == "gold" {
  calendar berlin_support
  first_response 1h when ticket.priority == urgent, otherwise 4h
  next_response 8h
  resolution 3 business days
  pause while ticket.status in [pending_customer, on_hold]
  warn at 75%
  escalate at 100% to team leads
}
)";

}  // namespace

int main() {
  const auto compiled = slakit::compile({{"rules.sla", kRules}});
  for (const auto& d : compiled.diagnostics) std::cerr << slakit::render_text(d, *compiled.sources);
  if (!compiled.ok()) return 1;
  const slakit::RuleSet& rules = *compiled.rules;  // immutable: share it between threads

  // The ticket as the CRM stores it: its fields at creation, and what happened since.
  slakit::Ticket ticket;
  ticket.id = "T-4711";
  ticket.created = sys_days{2026y / April / 2} + 13h;  // Thursday 15:00 in Berlin
  ticket.priority = "normal";
  ticket.status = "new";
  ticket.contract.sla = "gold";
  const std::vector<slakit::TicketEvent> events{
      {.at = ticket.created + 50min, .kind = slakit::EventKind::agent_replied},
      {.at = ticket.created + 1h,
       .kind = slakit::EventKind::status_changed,
       .to = "pending_customer"},
      {.at = sys_days{2026y / April / 7} + 7h, .kind = slakit::EventKind::customer_replied},
      {.at = sys_days{2026y / April / 7} + 7h,
       .kind = slakit::EventKind::status_changed,
       .to = "open"},
  };
  const auto now = sys_days{2026y / April / 7} + 12h;

  try {
    const auto e = slakit::evaluate(rules, ticket, events, now);
    std::printf("ticket %s, SLA %s\n", e.id.c_str(), e.sla ? e.sla->c_str() : "none");
    for (const auto& t : e.targets) {
      std::printf("  %-15s cycle %d: %-8s due %s",
                  std::string{slakit::metric_name(t.metric)}.c_str(), t.cycle,
                  std::string{slakit::target_state_name(t.state)}.c_str(),
                  t.due ? slakit::format_utc(*t.due).c_str() : "-");
      if (t.state == slakit::TargetState::running) {
        std::printf(", %s left", slakit::format_duration(t.remaining).c_str());
      }
      std::printf("\n");
      // A host schedules what has not fired yet.
      for (const auto& th : t.thresholds) {
        if (th.at && !th.fired) {
          std::printf("    schedule %s at %d%%: %s\n", th.escalation ? "escalation" : "warning",
                      th.percent, slakit::format_utc(*th.at).c_str());
        }
      }
    }
    // Why, in words (or as JSON with slakit::to_json(x)).
    std::cout << "\n" << slakit::explain(rules, ticket, events, now).text();
  } catch (const slakit::TicketError& error) {
    std::cerr << error.what() << "\n";  // bad ticket data: names the ticket and the field
    return 1;
  }
  return 0;
}
