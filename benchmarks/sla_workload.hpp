// The SLA workload: a rule set of 50 policies and generated ticket histories
// of about 8 events each, from a fixed seed. The C++ benchmarks evaluate them
// in memory; the same tickets written as JSON Lines feed `slakit eval` and
// the peer (moment-business-time in Node).
#pragma once

#include <slakit/sla/evaluation.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace slakit::bench {

/// 40 SLAs (by contract tier and region, with values by priority, pauses,
/// business days and thresholds) and 10 OLAs (by team), over four calendars
/// in Berlin, New York, Tokyo and Sydney.
[[nodiscard]] std::string sla_rules();

/// The peer's rule set: one SLA (first response 4h, resolution 16h, paused
/// while pending) in a UTC office calendar, which moment-business-time can
/// express too.
[[nodiscard]] std::string peer_sla_rules();
/// The holidays of that calendar, one YYYY-MM-DD a line.
[[nodiscard]] std::string peer_holidays();

/// `count` tickets created in 2026, each with about 8 events.
[[nodiscard]] std::vector<TicketHistory> make_tickets(std::size_t count,
                                                      std::uint64_t seed = 20261129);

/// One ticket as a line of `slakit eval` input (docs/cli.md), without '\n'.
[[nodiscard]] std::string ticket_json(const TicketHistory& t);

/// The instant the workload is evaluated at: 2027-01-15T00:00:00Z.
[[nodiscard]] Instant workload_now();

}  // namespace slakit::bench
