// slakit route FILE... --tickets T.jsonl [--now TIME] [--explain [--format json|text]]
//
// The queue, team, priority and skills of every ticket, one JSON line each,
// in input order (docs/cli.md); the tickets stream through every core
// (ticket_stream.hpp).
#include <slakit/routing/route.hpp>

#include "cli.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

int route_command(const Arguments& args) {
  const auto tickets = args.value("--tickets");
  if (!tickets) throw UsageError{"route needs --tickets FILE.jsonl (- for standard input)"};
  const auto result = compile_files(args.files);
  if (!result.ok()) {
    for (const auto& d : result.diagnostics) {
      std::fputs(render_text(d, *result.sources).c_str(), stderr);
    }
    return kProblems;
  }
  const RuleSet& rules = *result.rules;
  const bool explain = args.flag("--explain");
  const auto format = args.value("--format").value_or("json");
  if (format != "json" && format != "text") {
    throw UsageError{"--format takes json or text, not '" + format + "'"};
  }
  const bool as_text = format == "text";
  if (as_text && !explain) throw UsageError{"--format text needs --explain"};
  // Without --now every event counts: the ticket as it stands at the end of
  // its history.
  const auto now = args.value("--now") ? std::optional{now_option(args)} : std::nullopt;

  // Routing needs no creation instant, unless a route relaxes skills after a
  // wait, which counts from it.
  bool relaxes = false;
  for (const auto& g : rules.route_groups()) {
    for (const auto& r : g.routes) relaxes = relaxes || !r.relaxed_skills.empty();
  }
  return stream_tickets(rules, *tickets, {.require_created = relaxes}, [&]() -> TicketHandler {
    return [&](const TicketHistory& h, std::string& out) {
      if (!explain) {
        out += to_json(route(rules, h.ticket, h.events, now));
        out += '\n';
      } else {
        const auto x = explain_route(rules, h.ticket, h.events, now);
        out += as_text ? x.text() : to_json(x) + '\n';
      }
    };
  });
}

}  // namespace slakit::cli
