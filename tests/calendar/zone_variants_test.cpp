// Calendar::in_zone: a calendar's hours read in another zone ("4 business
// hours in the customer's local time"), each zone's variant built once and
// shared by threads without a lock.
#include <doctest/doctest.h>

#include <date/tz.h>
#include <slakit/error.hpp>

#include <set>
#include <thread>

#include "calendar/calendar_state.hpp"
#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;
using test::period;
using test::utc;

namespace {

CalendarDefinition office(std::string zone) {
  auto def = test::nine_to_five(std::move(zone));
  def.name = "office";
  def.holidays.push_back({.name = "Karfreitag", .date = EasterOffset{-2}});
  def.overrides.push_back({2026y / 3 / 28, {period("18:00", "20:00")}, true});
  return def;
}

// Two calendars open at the same instants over the weeks of both 2026 DST
// changes of Europe, the United States and Australia.
bool same_open_time(const Calendar& a, const Calendar& b) {
  for (auto from : {sys_days{2026y / 3 / 1}, sys_days{2026y / 3 / 26}, sys_days{2026y / 10 / 1},
                    sys_days{2026y / 10 / 22}}) {
    if (a.open_intervals(from, from + days{14}) != b.open_intervals(from, from + days{14})) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("a calendar in another zone reads its hours, holidays and dated rules there") {
  const Calendar berlin{office("Europe/Berlin")};
  const auto& sydney = berlin.in_zone("Australia/Sydney");
  CHECK(sydney.zone().name() == "Australia/Sydney");
  CHECK(sydney.name() == "office");
  CHECK(same_open_time(sydney, Calendar{office("Australia/Sydney")}));
  CHECK_FALSE(same_open_time(sydney, berlin));
  // Good Friday 2026-04-03 closes Sydney's Friday, by Sydney's date.
  CHECK_FALSE(sydney.is_business_day(2026y / 4 / 3));
  // Thursday 17:00 AEDT; Monday 09:00 AEST, after the change of 2026-04-05.
  CHECK(sydney.add(utc(2026y / 4 / 2, 6h), 1h) == utc(2026y / 4 / 6, 0h));
}

TEST_CASE("each zone's variant is built once, and the calendar's own zone is the calendar") {
  const Calendar berlin{office("Europe/Berlin")};
  CHECK(&berlin.in_zone("") == &berlin);
  CHECK(&berlin.in_zone("Europe/Berlin") == &berlin);
  const auto& ny = berlin.in_zone("America/New_York");
  CHECK(&berlin.in_zone("America/New_York") == &ny);
  CHECK(&ny.in_zone("America/New_York") == &ny);
  const auto copy = berlin;  // copies share the variants
  CHECK(&copy.in_zone("America/New_York") == &ny);
}

TEST_CASE("an unknown zone names the calendar and the zone") {
  const Calendar berlin{office("Europe/Berlin")};
  CHECK_THROWS_WITH_AS(
      (void)berlin.in_zone("Mars/Olympus_Mons"),
      doctest::Contains("calendar 'office': unknown time zone 'Mars/Olympus_Mons'"),
      InvalidArgument);
  // The failed build leaves nothing behind: a later good zone still works.
  CHECK(berlin.in_zone("Asia/Tokyo").zone().name() == "Asia/Tokyo");
}

TEST_CASE("a composed calendar in another zone re-reads every part there") {
  const Calendar berlin{office("Europe/Berlin")};
  const Calendar tokyo{test::nine_to_five("Asia/Tokyo")};
  const auto any = Calendar::union_of("any", {berlin, tokyo});
  const auto& in_ny = any.in_zone("America/New_York");
  CHECK(in_ny.zone().name() == "America/New_York");
  const auto expected = Calendar::union_of(
      "any",
      {Calendar{office("America/New_York")}, Calendar{test::nine_to_five("America/New_York")}});
  CHECK(same_open_time(in_ny, expected));
  // In its own zone, too: the Tokyo part moves to Berlin.
  CHECK(same_open_time(
      any.in_zone("Europe/Berlin"),
      Calendar::union_of("any", {berlin, Calendar{test::nine_to_five("Europe/Berlin")}})));
}

TEST_CASE("threads asking for the same zones share one variant per zone") {
  const Calendar berlin{office("Europe/Berlin")};
  const std::vector<std::string> zones{"America/New_York",  "Asia/Tokyo",    "Australia/Sydney",
                                       "America/Sao_Paulo", "Asia/Kolkata",  "Europe/London",
                                       "Pacific/Auckland",  "Africa/Nairobi"};
  constexpr int kThreads = 6;
  std::vector<std::vector<const Calendar*>> seen(kThreads);
  std::vector<std::vector<Instant>> due(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 50; ++round) {
        for (std::size_t z = 0; z < zones.size(); ++z) {
          const auto& zone = zones[(z + static_cast<std::size_t>(k)) % zones.size()];
          const auto& cal = berlin.in_zone(zone);
          if (round == 0) seen[static_cast<std::size_t>(k)].push_back(&cal);
          due[static_cast<std::size_t>(k)].push_back(cal.add(utc(2026y / 3 / 27, 12h), 9h));
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const auto* expected = &berlin.in_zone(zones[z]);
    for (std::size_t k = 0; k < kThreads; ++k) {
      CHECK(seen[k][(z + zones.size() - k % zones.size()) % zones.size()] == expected);
    }
  }
  for (std::size_t k = 0; k < kThreads; ++k) {
    for (std::size_t i = 0; i < due[k].size(); ++i) {
      const auto& zone = zones[(i % zones.size() + k) % zones.size()];
      REQUIRE(due[k][i] == Calendar{office(zone)}.add(utc(2026y / 3 / 27, 12h), 9h));
    }
  }
}

// docs/benchmarks.md, "Memory": a variant costs its state plus its blocks;
// a host evaluating tickets from 400 zones in one year holds 400 of each.
TEST_CASE("400 zones' variants of a calendar used in one year stay within the documented bound") {
  const Calendar berlin{office("Europe/Berlin")};
  std::size_t zones = 0, bytes = 0;
  for (const auto& z : date::get_tzdb().zones) {
    if (zones == 400) break;
    if (z.name() == "Europe/Berlin") continue;
    const auto& cal = berlin.in_zone(z.name());
    (void)cal.add(utc(2026y / 6 / 1, 0h), 40h);
    (void)cal.add_business_days(2026y / 6 / 1, 5);
    bytes += cal.compiled_bytes();
    ++zones;
  }
  REQUIRE(zones == 400);
  // The state, its two tables of block pointers, and the periods and
  // holiday it holds twice (the definition and the planner).
  const auto def = office("Europe/Berlin");
  const std::size_t state = sizeof(detail::CalendarState) + 2 * 131 * sizeof(void*) +
                            2 * def.weekly.size() * sizeof(WeeklyPeriod) +
                            def.holidays.size() * sizeof(HolidayRule) +
                            def.overrides.size() * (sizeof(DateOverride) + sizeof(TimeRange));
  MESSAGE("per variant: " << state << " bytes of state, " << bytes / zones
                          << " bytes of blocks for one year; 400 zones: "
                          << (state * zones + bytes) / 1024 << " KiB");
  CHECK(bytes / zones < 6 * 1024);
  CHECK(state < 3 * 1024);
  CHECK(state * zones + bytes < 4 * 1024 * 1024);
}
