// Writes the routing workload for `slakit route` and the peers:
//   slakit_routing_workload DIR [--rules N] [--tickets M] [--seed S] [--catch-all] [--answers]
// DIR/rules.sla (N routes, default 1,000), DIR/table.json (the same routes
// for the peers) and DIR/tickets.jsonl (M tickets, default 100,000).
// --answers also routes the tickets in memory with slakit::route and writes
// DIR/answers.tsv (id, rule, queue; "null" for none), so a run can check that
// the tickets the benchmark holds in memory are those the files describe; it
// prints on stderr how deep the first matches fall.
#include <slakit/routing/route.hpp>
#include <slakit/slakit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "routing_workload.hpp"

namespace {

int usage() {
  std::fputs(
      "usage: slakit_routing_workload DIR [--rules N] [--tickets M] [--seed S] [--catch-all] "
      "[--answers]\n",
      stderr);
  return 2;
}

// Where first matches fall: the depth (1-based) that a tenth, a quarter,
// half, ... of the matched tickets reach, and the share that match nothing.
void print_depths(std::vector<std::size_t> depths, std::size_t rules, std::size_t none) {
  std::sort(depths.begin(), depths.end());
  fmt::print(stderr, "first match among {} routes, by quantile of matched tickets:", rules);
  for (const int q : {10, 25, 50, 75, 90, 99}) {
    const auto at = depths.empty() ? 0 : depths[depths.size() * static_cast<std::size_t>(q) / 100];
    fmt::print(stderr, " p{} {}", q, at);
  }
  const auto total = static_cast<double>(depths.size() + none);
  fmt::print(stderr, "; no match: {} tickets ({:.2f}%)\n", none,
             total > 0 ? 100.0 * static_cast<double>(none) / total : 0.0);
}

int write_answers(const std::filesystem::path& dir, const std::string& text,
                  const std::vector<slakit::bench::GeneratedRoute>& routes,
                  const std::vector<slakit::Ticket>& tickets) {
  const auto rules = slakit::compile_or_throw({{"rules.sla", text}});
  std::map<std::string, std::size_t, std::less<>> depth;
  for (std::size_t i = 0; i < routes.size(); ++i) depth[routes[i].name] = i + 1;
  std::vector<std::size_t> depths;
  std::size_t none = 0;
  std::ofstream out(dir / "answers.tsv", std::ios::binary);
  for (const auto& t : tickets) {
    const auto r = slakit::route(rules, t);
    out << t.id << '\t' << r.rule.value_or("null") << '\t' << r.queue.value_or("null") << '\n';
    if (r.rule) {
      depths.push_back(depth.find(*r.rule)->second);
    } else {
      ++none;
    }
  }
  print_depths(depths, routes.size(), none);
  // The same tickets as columns: run_routing_peers.py checks the answers
  // agree with route()'s above.
  const slakit::bench::TicketTable table(tickets);
  const auto columns = slakit::route_columns(rules, table.columns(true));
  std::ofstream by_columns(dir / "answers_columns.tsv", std::ios::binary);
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const auto* r = columns.routing(i);
    by_columns << tickets[i].id << '\t' << (r ? r->rule.value_or("null") : "error") << '\t'
               << (r ? r->queue.value_or("null") : "error") << '\n';
  }
  return out && by_columns ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::filesystem::path dir{argv[1]};
  slakit::bench::RoutingWorkloadOptions options;
  std::size_t count = 100'000;
  bool answers = false;
  for (int i = 2; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--rules") == 0 && has_value) {
      options.rules = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--tickets") == 0 && has_value) {
      count = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--seed") == 0 && has_value) {
      options.seed = std::stoull(argv[++i]);
    } else if (std::strcmp(argv[i], "--catch-all") == 0) {
      options.catch_all = true;
    } else if (std::strcmp(argv[i], "--answers") == 0) {
      answers = true;
    } else {
      return usage();
    }
  }
  std::filesystem::create_directories(dir);
  const auto [routes, tickets] = slakit::bench::make_routing_workload(options, count);
  const auto text = slakit::bench::routes_text(routes);
  std::ofstream(dir / "rules.sla") << text;
  std::ofstream(dir / "table.json") << slakit::bench::routes_table_json(routes);
  std::ofstream out(dir / "tickets.jsonl", std::ios::binary);
  std::string line;
  for (const auto& t : tickets) {
    line = slakit::bench::routing_ticket_json(t);
    line += '\n';
    out << line;
  }
  if (!out) return 1;
  return answers ? write_answers(dir, text, routes, tickets) : 0;
}
