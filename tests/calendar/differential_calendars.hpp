// The calendars and the random comparison shared by the differential tests
// (plain and composed) against the minute-stepping reference.
#pragma once

#include <random>
#include <string>

#include "reference/minute_calendar.hpp"
#include "support/calendars.hpp"
#include "support/scale.hpp"

namespace slakit::test::differential {

using namespace std::chrono;

inline CalendarDefinition ny_office() {
  auto def = test::nine_to_five("America/New_York");
  def.name = "ny_office";
  def.holidays = {
      {.name = "Independence Day",
       .date = FixedDate{July / 4},
       .observance = Observance::nearest_weekday},
      {.name = "Thanksgiving", .date = NthWeekday{November, Thursday, 4}},
      {.name = "Christmas Eve", .date = FixedDate{December / 24}, .closed_from = TimeOfDay{12, 0}},
      {.name = "Christmas",
       .date = FixedDate{December / 25},
       .observance = Observance::nearest_weekday},
  };
  def.overrides.push_back({2030y / 3 / 9, {period("10:00", "14:00")}});
  return def;
}

inline CalendarDefinition berlin_breaks() {
  CalendarDefinition def{.name = "berlin_breaks", .zone = "Europe/Berlin"};
  test::add_weekly(def, test::kMonToFri, {period("08:00", "12:00"), period("12:30", "17:00")});
  def.weekly.push_back({Saturday, period("22:00", "06:00")});  // across both transitions
  def.holidays = {
      {.name = "Karfreitag", .date = EasterOffset{-2}},
      {.name = "Ostermontag", .date = EasterOffset{1}},
      {.name = "Late start",
       .date = NthWeekday{October, Saturday, -1},
       .closed_until = TimeOfDay{23, 30}},
      // A dated break on the Friday before the autumn change, 2029.
      {.date = OneOffDate{2029y / 10 / 26},
       .closed_from = TimeOfDay{11, 0},
       .closed_until = TimeOfDay{14, 0}},
  };
  // Extra hours through the night of the spring change, 2025 to 2035.
  for (int y = 2025; y <= 2035; ++y) {
    const local_days sunday{year{y} / March / Sunday[last]};
    def.overrides.push_back({year_month_day{sunday - days{1}}, {period("23:00", "04:00")}, true});
  }
  return def;
}

inline CalendarDefinition lord_howe_shifts() {
  CalendarDefinition def{.name = "lord_howe", .zone = "Australia/Lord_Howe"};
  // 01:30-02:45 holds the April repeat (01:30-02:00) and the October gap (02:00-02:30).
  test::add_weekly(def, test::kEveryDay, {period("01:30", "02:45")});
  test::add_weekly(def, test::kMonToFri, {period("09:00", "17:00")});
  def.holidays = {{.name = "Boxing Day",
                   .date = FixedDate{December / 26},
                   .observance = Observance::next_free_weekday}};
  return def;
}

inline CalendarDefinition ny_night_desk() {
  CalendarDefinition def{.name = "night_desk", .zone = "America/New_York"};
  test::add_weekly(def, {Sunday, Monday, Tuesday, Wednesday, Thursday}, {period("22:00", "06:00")});
  test::add_weekly(def, {Friday, Saturday},
                   {period("23:00", "24:00"), period("00:00", "01:00"), period("01:15", "02:45")});
  def.holidays = {{.name = "New Year", .date = FixedDate{January / 1}}};
  return def;
}

inline CalendarDefinition tokyo_always() {
  CalendarDefinition def{.name = "tokyo_247", .zone = "Asia/Tokyo"};
  test::add_weekly(def, test::kEveryDay, {period("00:00", "24:00")});
  def.holidays = {
      {.name = "New Year", .date = AnnualRange{December / 31, January / 3}},
      {.name = "Golden Week", .date = AnnualRange{May / 3, May / 5}},
  };
  return def;
}

inline CalendarDefinition utc_split() {
  CalendarDefinition def{.name = "utc_split", .zone = "UTC"};
  test::add_weekly(def, test::kMonToFri, {period("08:00", "12:00"), period("13:00", "18:00")});
  def.holidays = {
      {.name = "Half day", .date = FixedDate{December / 31}, .closed_from = TimeOfDay{10, 0}}};
  return def;
}

/// The transition instants of `zone` within the compared years, 1971-2035.
inline void add_transitions(const TimeZone& zone, std::vector<Instant>& out) {
  for (auto span = zone.offset_span(sys_days{1971y / 1 / 1}); span.end < sys_days{2036y / 1 / 1};
       span = zone.offset_span(span.end)) {
    out.push_back(span.end);
  }
}

/// `cases` random cases of add, subtract, elapsed and is_open, half of them
/// within days of one of `transitions`, plus elapsed_between on random walks.
inline void compare(const Calendar& fast, const reference::MinuteStepper& slow,
                    const std::vector<Instant>& transitions, unsigned seed, int cases) {
  cases = test::scaled(cases);
  std::mt19937_64 rng{seed};
  const Instant lo{sys_days{1971y / 1 / 1}}, hi{sys_days{2036y / 1 / 1}};
  std::uniform_int_distribution<std::int64_t> anywhere{0, (hi - lo).count()};
  std::uniform_int_distribution<std::int64_t> near{-3 * 86400, 3 * 86400};
  std::uniform_int_distribution<std::int64_t> minutes{0, 2400};
  std::uniform_int_distribution<int> coin{0, 9};

  auto random_instant = [&] {
    if (!transitions.empty() && coin(rng) < 5) {
      std::uniform_int_distribution<std::size_t> pick{0, transitions.size() - 1};
      return transitions[pick(rng)] + Seconds{near(rng)};
    }
    return lo + Seconds{anywhere(rng)};
  };
  auto random_duration = [&] {
    const int kind = coin(rng);
    if (kind == 0) return Seconds{0};
    Seconds d = minutes(rng) * 60s;
    if (kind == 1) d = minutes(rng) % 600 * 60s;
    if (kind == 2) d += Seconds{minutes(rng) % 60};  // not a whole minute
    return d;
  };

  for (int i = 0; i < cases; ++i) {
    const auto start = random_instant();
    const auto d = random_duration();
    CAPTURE(format_utc(start));
    CAPTURE(format_duration(d));
    REQUIRE(fast.is_open(start) == slow.is_open(start));
    const auto due = fast.add(start, d);
    REQUIRE(format_utc(due) == format_utc(slow.add(start, d)));
    REQUIRE(fast.elapsed(start, due) == d);
    const auto back = fast.subtract(start, d);
    REQUIRE(format_utc(back) == format_utc(slow.subtract(start, d)));
    const auto other = start + Seconds{near(rng)} * 2;
    REQUIRE(fast.elapsed(start, other) == slow.elapsed(start, other));
  }

  // elapsed_between(instants, out): out[i] == elapsed(instants[i], instants[i + 1]),
  // for a walk that goes back as well as forward.
  for (int i = 0; i < cases / 50; ++i) {
    std::vector<Instant> walk{random_instant()};
    for (int j = 0; j < 8; ++j) walk.push_back(walk.back() + Seconds{near(rng)});
    std::vector<Seconds> out(walk.size() - 1);
    fast.elapsed_between(walk, out);
    for (std::size_t j = 0; j + 1 < walk.size(); ++j) {
      CAPTURE(format_utc(walk[j]));
      CAPTURE(format_utc(walk[j + 1]));
      REQUIRE(out[j] == slow.elapsed(walk[j], walk[j + 1]));
    }
  }
}

}  // namespace slakit::test::differential
