// Writes the SLA workload for `slakit eval` and the peers:
//   slakit_sla_workload DIR COUNT
// DIR/tickets.jsonl (COUNT tickets), DIR/rules.sla (50 policies), and the
// peer's DIR/peer_rules.sla and DIR/peer_holidays.txt.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "sla_workload.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: slakit_sla_workload DIR COUNT\n", stderr);
    return 2;
  }
  const std::filesystem::path dir{argv[1]};
  std::filesystem::create_directories(dir);
  const auto tickets = slakit::bench::make_tickets(std::stoul(argv[2]));
  std::ofstream out(dir / "tickets.jsonl", std::ios::binary);
  std::string line;
  for (const auto& t : tickets) {
    line = slakit::bench::ticket_json(t);
    line += '\n';
    out << line;
  }
  std::ofstream(dir / "rules.sla") << slakit::bench::sla_rules();
  std::ofstream(dir / "peer_rules.sla") << slakit::bench::peer_sla_rules();
  std::ofstream(dir / "peer_holidays.txt") << slakit::bench::peer_holidays();
  return out ? 0 : 1;
}
