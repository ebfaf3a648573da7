// The peer workload: generated once from a fixed seed, run by slakit's
// Google Benchmark suite and, through CSV files, by the peer libraries.
#pragma once

#include <slakit/calendar/calendar.hpp>

#include <chrono>
#include <cstdint>
#include <vector>

namespace slakit::bench {

struct PeerWorkload {
  /// 30 weekday holidays between 2026-01-01 and 2027-01-31.
  std::vector<std::chrono::year_month_day> holidays;
  /// Business-time additions: random starts over 2026 (second resolution),
  /// 1 to 2400 business minutes.
  std::vector<Instant> starts;
  std::vector<int> minutes;
  /// Business-day additions: random dates in 2026, 1 to 20 business days.
  std::vector<std::chrono::year_month_day> dates;
  std::vector<int> day_counts;
};

[[nodiscard]] PeerWorkload make_peer_workload(std::size_t count = 200'000,
                                              std::uint64_t seed = 20261123);

/// Monday to Friday 09:00-17:00 in UTC with the workload's holidays. UTC keeps
/// the peers, which compute on naive or UTC timestamps, comparable.
[[nodiscard]] CalendarDefinition peer_calendar(const PeerWorkload& workload);

}  // namespace slakit::bench
