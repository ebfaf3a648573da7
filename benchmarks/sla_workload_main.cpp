// Writes the SLA workload as JSON Lines, for `slakit eval` and the peers:
//   slakit_sla_workload OUT.jsonl COUNT [RULES.sla [PEER_RULES.sla]]
#include <cstdio>
#include <fstream>
#include <string>

#include "sla_workload.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: slakit_sla_workload OUT.jsonl COUNT [RULES.sla [PEER_RULES.sla]]\n", stderr);
    return 2;
  }
  const auto tickets = slakit::bench::make_tickets(std::stoul(argv[2]));
  std::ofstream out(argv[1], std::ios::binary);
  std::string line;
  for (const auto& t : tickets) {
    line = slakit::bench::ticket_json(t);
    line += '\n';
    out << line;
  }
  if (argc > 3) std::ofstream(argv[3]) << slakit::bench::sla_rules();
  if (argc > 4) std::ofstream(argv[4]) << slakit::bench::peer_sla_rules();
  return out ? 0 : 1;
}
