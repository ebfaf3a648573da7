// The SLA engine's pinned calendar against the Calendar it stands for: its
// fast paths (one year's block, its business totals and the table of
// strides that finds where a total is reached) must give the Calendar's
// answers.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "calendar/differential_calendars.hpp"
#include "calendar/pinned_calendar.hpp"

using namespace slakit;
using namespace slakit::test::differential;

namespace {

void compare_pinned(const CalendarDefinition& def, unsigned seed) {
  const Calendar cal{def};
  std::mt19937_64 rng{seed};
  const Instant year_start{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
  std::uniform_int_distribution<std::int64_t> second{0, 366LL * 86400};
  // Durations from a second to weeks, and whole hours.
  std::uniform_int_distribution<std::int64_t> duration{1, 21LL * 86400};
  std::uniform_int_distribution<std::int64_t> hours{1, 400};
  detail::PinnedCalendar pinned;
  int answered = 0, on_strides = 0;
  for (int i = 0; i < 4'000; ++i) {
    const Instant created = year_start + Seconds{second(rng)};
    pinned.pin(cal, created);
    const Instant a = created + Seconds{second(rng) / 8};
    const Seconds d{i % 2 == 0 ? duration(rng) : hours(rng) * 3600};
    CAPTURE(format_utc(a));
    CAPTURE(d.count());
    // "Calendar::add(a, d)", whatever path answers it.
    CHECK(pinned.add(a, d) == cal.add(a, d));
    CHECK(pinned.add(a, Seconds{0}) == cal.add(a, Seconds{0}));
    const auto cum = pinned.cum_before(a);
    if (const auto due = pinned.add_at(cum, d); due != detail::PinnedCalendar::kNever) {
      CHECK(cum >= 0);
      CHECK(due == cal.add(a, d));
      ++answered;  // the fast path, which a kNever for everything would lose unseen
    }
    const Instant b = a + d;
    CHECK(pinned.elapsed(a, b) == cal.elapsed(a, b));
    // The block's totals, whose differences are business time.
    const auto cum_b = pinned.cum_before(b);
    if (cum >= 0 && cum_b >= 0) CHECK(Seconds{cum_b - cum} == cal.elapsed(a, b));
    if (const auto cum_created = pinned.cum_before(created); cum >= 0 && cum_created >= 0) {
      CHECK(Seconds{cum - cum_created} == cal.elapsed(created, a));
    }
  }
  // Most sums end within their block: add_at answers them itself.
  CHECK(answered > 2'000);
  // Totals on and beside the table's strides, where its bounds meet.
  pinned.pin(cal, year_start);
  const auto start_cum = pinned.cum_before(year_start);
  REQUIRE(start_cum == 0);
  for (std::int64_t k = 1; k < 600; ++k) {
    for (const std::int64_t delta : {-1, 0, 1}) {
      const Seconds d{k * static_cast<std::int64_t>(detail::TimeBlock::kStride) + delta};
      CAPTURE(d.count());
      if (const auto due = pinned.add_at(start_cum, d); due != detail::PinnedCalendar::kNever) {
        CHECK(due == cal.add(year_start, d));
        ++on_strides;
      }
    }
  }
  // A year of any of these calendars holds over 100 strides of 16 hours.
  CHECK(on_strides > 300);
  // cum_before_each() of ascending instants, as a ticket's step starts are:
  // minutes to days apart (several in one day, on and beside span bounds),
  // the last ones past the year's end; each as cum_before() answers it.
  std::uniform_int_distribution<std::int64_t> gap{0, 3};
  std::uniform_int_distribution<std::int64_t> gaps[] = {
      std::uniform_int_distribution<std::int64_t>{1, 60},
      std::uniform_int_distribution<std::int64_t>{60, 4 * 3600},
      std::uniform_int_distribution<std::int64_t>{4 * 3600, 3 * 86400},
      std::uniform_int_distribution<std::int64_t>{1, 1}};
  std::vector<Instant> ts;
  std::vector<std::int64_t> out;
  for (int i = 0; i < 2'000; ++i) {
    const Instant created = year_start + Seconds{second(rng)};
    pinned.pin(cal, created);
    ts.assign(1, created);
    const auto steps = 1 + i % 24;
    while (ts.size() < static_cast<std::size_t>(steps)) {
      ts.push_back(ts.back() + Seconds{gaps[gap(rng)](rng)});
    }
    out.assign(ts.size(), -2);
    pinned.cum_before_each(ts, out.data());
    for (std::size_t j = 0; j < ts.size(); ++j) {
      CAPTURE(format_utc(ts[j]));
      CHECK(out[j] == pinned.cum_before(ts[j]));
    }
  }
}

}  // namespace

TEST_CASE("pinned calendar: New York office hours with holidays and a half day") {
  compare_pinned(ny_office(), 11);
}
TEST_CASE("pinned calendar: Berlin with breaks and Saturday night shifts") {
  compare_pinned(berlin_breaks(), 12);
}
TEST_CASE("pinned calendar: Lord Howe periods in the 30-minute gap and repeat") {
  compare_pinned(lord_howe_shifts(), 13);
}
TEST_CASE("pinned calendar: Tokyo 24/7 with holiday ranges") {
  compare_pinned(tokyo_always(), 14);
}
TEST_CASE("pinned calendar: UTC split shift with a partial holiday") {
  compare_pinned(utc_split(), 15);
}

// A year of more spans than the tables' 16-bit indexes can name (240
// periods of 3 minutes every day: 87,600 spans): the block keeps no tables
// and searches the year. (Review 12, F1: the stride table's indexes wrapped
// and dues came out wrong, before their start, or crashed.)
TEST_CASE("pinned calendar: a year of more than 65,535 spans") {
  CalendarDefinition def{.name = "dense", .zone = "UTC"};
  for (const auto day : slakit::test::kEveryDay) {
    for (int k = 0; k < 240; ++k) {
      const auto open = TimeOfDay{k * 6 / 60, k * 6 % 60};
      const auto close = TimeOfDay{(k * 6 + 3) / 60, (k * 6 + 3) % 60};
      def.weekly.push_back({day, {open, close}});
    }
  }
  compare_pinned(def, 16);
}
