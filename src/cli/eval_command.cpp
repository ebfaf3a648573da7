// slakit eval FILE... --tickets T.jsonl [--now TIME] [--explain [--format json|text]]
//             [--fractions truncate|reject]
//
// The SLA and OLA clocks of every ticket, one JSON line each, in input order
// (docs/cli.md); the tickets stream through every core (ticket_stream.hpp).
#include <slakit/sla/evaluation.hpp>
#include <slakit/sla/explain.hpp>

#include "cli.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

int eval_command(const Arguments& args) {
  const auto tickets = args.value("--tickets");
  if (!tickets) throw UsageError{"eval needs --tickets FILE.jsonl (- for standard input)"};
  const auto compiled = compile_or_report(args, args.files);
  if (!compiled) return kUsage;
  const RuleSet& rules = *compiled;
  // (Members, not a structured binding: clang 14 captures none in a lambda.)
  const OutputMode mode = output_mode(args);
  const bool explain = mode.explain, as_text = mode.as_text;
  const auto now = now_option(args);
  const ReaderOptions reading{.fractions = fractions_option(args)};

  return stream_tickets(
      rules, *tickets, reading,
      [&]() -> TicketHandler {
        return [&, e = std::make_shared<Evaluation>()](const TicketHistory& h, std::string& out) {
          if (!explain) {
            evaluate(rules, h.ticket, h.events, now, *e);  // its buffers reused ticket after ticket
            to_json(*e, out);
            out += '\n';
          } else {
            const auto x = slakit::explain(rules, h.ticket, h.events, now);
            out += as_text ? x.text() : to_json(x) + '\n';
          }
        };
      },
      stream_settings("eval", args));
}

}  // namespace slakit::cli
