#include "workload.hpp"

#include <algorithm>
#include <random>
#include <set>

namespace slakit::bench {

using namespace std::chrono;

PeerWorkload make_peer_workload(std::size_t count, std::uint64_t seed) {
  PeerWorkload w;
  std::mt19937_64 rng{seed};
  const local_days first{2026y / January / 1};
  std::uniform_int_distribution<int> holiday_day{0, 395};
  std::set<local_days> holidays;
  while (holidays.size() < 30) {
    const auto d = first + days{holiday_day(rng)};
    const weekday wd{d};
    if (wd != Saturday && wd != Sunday) holidays.insert(d);
  }
  for (auto d : holidays) w.holidays.emplace_back(d);

  const Instant year_begin{sys_days{2026y / January / 1}};
  std::uniform_int_distribution<std::int64_t> second{0, 365 * 86400 - 1};
  std::uniform_int_distribution<int> minutes{1, 2400};
  std::uniform_int_distribution<int> day{0, 364};
  std::uniform_int_distribution<int> day_count{1, 20};
  for (std::size_t i = 0; i < count; ++i) {
    w.starts.push_back(year_begin + seconds{second(rng)});
    w.minutes.push_back(minutes(rng));
    w.dates.emplace_back(first + days{day(rng)});
    w.day_counts.push_back(day_count(rng));
  }
  return w;
}

CalendarDefinition peer_calendar(const PeerWorkload& workload) {
  CalendarDefinition def{.name = "peer_9_to_5", .zone = "UTC"};
  for (auto d : {Monday, Tuesday, Wednesday, Thursday, Friday}) {
    def.weekly.push_back({d, {TimeOfDay{9, 0}, TimeOfDay{17, 0}}});
  }
  for (auto h : workload.holidays) {
    def.holidays.push_back({.name = "holiday", .date = OneOffDate{h}});
  }
  return def;
}

}  // namespace slakit::bench
