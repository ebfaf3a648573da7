// slakit eval FILE... --tickets T.jsonl [--now TIME] [--explain [--format json|text]]
//
// Streams the tickets: a batch of lines is read, parsed and evaluated on
// every core, and written in input order; memory stays flat whatever the
// size of the input.
#include <slakit/sla/evaluation.hpp>
#include <slakit/sla/explain.hpp>
#include <slakit/time/parse_time.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "cli.hpp"
#include "json_lines.hpp"
#include "ticket_reader.hpp"

namespace slakit::cli {
namespace {

struct Worker {
  explicit Worker(const RuleSet& rules) : reader(rules) {}
  TicketReader reader;
  TicketHistory history;
};

// One line: its JSON result, or its error for stderr.
struct Outcome {
  std::string json, error;
};

}  // namespace

int eval_command(const Arguments& args) {
  const auto tickets = args.value("--tickets");
  if (!tickets) throw UsageError{"eval needs --tickets FILE.jsonl (- for standard input)"};
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
  Instant now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  if (const auto text = args.value("--now")) {
    try {
      now = parse_time(*text, TimeZone::locate("UTC"));
    } catch (const InvalidArgument& e) {
      throw UsageError{fmt::format("--now: {}", e.what())};
    }
  }

  std::FILE* in = *tickets == "-" ? stdin : std::fopen(tickets->c_str(), "rb");
  if (in == nullptr) throw UsageError{"cannot read '" + *tickets + "'"};
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned{in == stdin ? nullptr : in,
                                                              &std::fclose};
  const auto threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<Worker> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(rules);

  JsonLinesReader reader{in};
  std::vector<JsonLine> lines;
  std::vector<Outcome> outcomes;
  std::string out;
  int status = kOk;
  while (reader.next(lines)) {
    outcomes.assign(lines.size(), {});
    auto work = [&](unsigned t) {
      auto& w = workers[t];
      // Interleaved lines: both halves of a batch cost about the same.
      for (std::size_t i = t; i < lines.size(); i += threads) {
        try {
          w.reader.read(lines[i], w.history);
          const auto& [ticket, events] = w.history;
          if (!explain) {
            // One Evaluation per thread, its buffers reused ticket after ticket.
            thread_local Evaluation e;
            evaluate(rules, ticket, events, now, e);
            outcomes[i].json.clear();
            to_json(e, outcomes[i].json);
            outcomes[i].json += '\n';
          } else {
            const auto x = slakit::explain(rules, ticket, events, now);
            outcomes[i].json = as_text ? x.text() : to_json(x) + '\n';
          }
        } catch (const std::exception& e) {
          outcomes[i].error = e.what();
        }
      }
    };
    {
      std::vector<std::jthread> pool;
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
      work(0);
    }
    out.clear();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!outcomes[i].error.empty()) {
        std::fflush(stdout);
        std::fprintf(stderr, "%s:%zu: error: %s\n", tickets->c_str(), lines[i].number,
                     outcomes[i].error.c_str());
        status = kProblems;
        continue;
      }
      out += outcomes[i].json;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (reader.failed()) throw UsageError{"error reading '" + *tickets + "'"};
  return status;
}

}  // namespace slakit::cli
