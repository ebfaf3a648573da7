// slakit route FILE... --tickets T.jsonl [--now TIME] [--agents A.jsonl]
//   [--explain [--format json|text]]
//
// The queue, team, priority and skills of every ticket, one JSON line each,
// in input order (docs/cli.md); the tickets stream through every core
// (ticket_stream.hpp).
#include <slakit/routing/agent.hpp>
#include <slakit/routing/route.hpp>

#include "agent_reader.hpp"
#include "cli.hpp"
#include "routing/route_json.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

int route_command(const Arguments& args) {
  const auto tickets = args.value("--tickets");
  if (!tickets) throw UsageError{"route needs --tickets FILE.jsonl (- for standard input)"};
  const auto compiled = compile_or_report(args, args.files);
  if (!compiled) return kUsage;
  const RuleSet& rules = *compiled;
  // (Members, not a structured binding: clang 14 captures none in a lambda.)
  const OutputMode mode = output_mode(args);
  const bool explain = mode.explain, as_text = mode.as_text;
  // Without --now every event counts: the ticket as it stands at the end of
  // its history.
  const auto now = args.value("--now") ? std::optional{now_option(args)} : std::nullopt;
  std::optional<AgentFile> agents;
  if (const auto path = args.value("--agents")) {
    // Who is working, and which skills have dropped, depend on the instant.
    if (!now) throw UsageError{"--agents needs --now TIME"};
    if (*path == "-" && *tickets == "-") {
      throw UsageError{"--agents and --tickets cannot both read standard input"};
    }
    agents = read_agents(rules, *path, fractions_option(args), args.colored(stderr));
  }

  auto options = routing_reader_options(rules);
  options.fractions = fractions_option(args);
  const auto status = stream_tickets(
      rules, *tickets, options,
      [&]() -> TicketHandler {
        return [&, r = std::make_shared<Routing>()](const TicketHistory& h, std::string& out) {
          if (!explain) {
            // Into this thread's Routing and straight into the output: no
            // allocation per ticket once their buffers have grown.
            route(rules, h.ticket, h.events, now, *r);
            if (agents) {
              out += to_json(*r, choose_agent(rules, *r, agents->agents, *now));
            } else {
              detail::append_json(*r, out);
            }
            out += '\n';
            return;
          }
          const auto x = explain_route(rules, h.ticket, h.events, now);
          if (!agents) {
            out += as_text ? x.text() : to_json(x) + '\n';
            return;
          }
          const auto a = choose_agent(rules, x.routing, agents->agents, *now);
          if (!as_text) {
            out += to_json(x, a) + '\n';
            return;
          }
          out += x.text();
          out += a.agent ? "  agent " + *a.agent + "\n" : "  no agent: " + a.why + "\n";
        };
      },
      stream_settings("route", args));
  return agents && agents->problems ? kProblems : status;
}

}  // namespace slakit::cli
