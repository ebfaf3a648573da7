// docs/cpp-api.md: "Rules may be compiled anywhere, including in the
// constructor of a global: the grammar is made of constants, so it needs no
// static initialisation of its own to have run first."
//
// A host's global, in a translation unit linked before the library, so that
// its constructor runs before any of the library's own: with a grammar
// built during static initialisation this crashed before main. The rules
// touch every part of the grammar (fields, calendars, policies, routes,
// groups, tests, keywords, strings, durations, conditions).
#include <cstdio>
#include <string>

#include "slakit/slakit.hpp"

namespace {

const char* const kRules = R"(# a comment
field ticket.order_value : number
calendar office {
  zone "Europe/Berlin"
  mon..fri 09:00-12:00, 13:00-17:00
  holiday "New Year" jan 1
  holiday "Good Friday" easter - 2
  closed 2026-12-24 from 12:00
}
calendar both = office | office
sla gold for contract.sla == "gold" and not (ticket.priority in [low, normal]) {
  calendar office
  first_response 1h when ticket.priority == urgent, otherwise 4h
  resolution 2 business days
  pause while ticket.status == pending_customer
  warn at 75%
  escalate at 100% to team leads
}
routes intake first {
  route big when ticket.order_value >= 1000 -> queue big, priority high, skills [german]
}
route rest -> queue triage
test "big orders go to big" {
  ticket.created = 2026-03-02 10:00 in office
  ticket.order_value = 5000
  now 2026-03-02 11:00 in office
  expect queue big
}
)";

const slakit::CompileResult kCompiled = slakit::compile({{"global.sla", kRules}});

}  // namespace

int main() {
  if (!kCompiled.ok()) {
    for (const auto& d : kCompiled.diagnostics) {
      std::fputs(slakit::render_text(d, *kCompiled.sources).c_str(), stderr);
    }
    return 1;
  }
  const auto& rules = *kCompiled.rules;
  if (rules.policies().size() != 1 || rules.route_groups().size() != 2 ||
      rules.tests().size() != 1 || rules.calendar("both") == nullptr) {
    std::fputs("compiled before main, but not what the rules say\n", stderr);
    return 1;
  }
  // A parse error's message names what was expected: the keywords' quoted
  // names are constants too.
  const auto bad = slakit::compile({{"bad.sla", "sla s {\n  pause when x\n}\n"}});
  if (bad.ok() || bad.diagnostics.empty() ||
      slakit::render_text(bad.diagnostics[0], *bad.sources).find("'while'") == std::string::npos) {
    std::fputs("a parse error does not name the keyword it expected\n", stderr);
    return 1;
  }
  return 0;
}
