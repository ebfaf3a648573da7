// The time oracle: compiled calendars against the minute-stepping reference
// (tests/reference/minute_calendar.*) on random calendars in ten zones, at
// random instants, half of them within days of a DST transition.
//
//   slakit_time_oracle [--cases N] [--seed S]
//
// Each calendar is drawn from the seed: weekly hours with breaks, overnight
// shifts and periods over the hours where clocks change; whole and partial
// holidays; and dated overrides and partial holidays on the very dates of
// the zone's transitions, with hours that open, close or straddle the
// transition's wall-clock times. Every case compares is_open, add, subtract
// and elapsed, and checks that elapsed gives back what add added. ctest
// runs a sample with a fixed seed; docs/reliability.md has the long run.
// Prints the seed, the cases per zone and every mismatch (up to 20) with
// what reproduces it; exits 1 on any.
#include <slakit/calendar/calendar.hpp>
#include <slakit/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "reference/minute_calendar.hpp"

using namespace std::chrono;
using namespace slakit;

namespace {

// Zones with every kind of change: 30-minute DST (Lord Howe), negative DST
// in the tz source (Dublin), changes at midnight (Santiago, São Paulo until
// 2019), half- and quarter-hour offsets (Kolkata, Chatham), the common
// northern and southern rules, and none at all.
constexpr std::string_view kZones[] = {
    "Australia/Lord_Howe", "Europe/Dublin",    "America/Santiago", "Asia/Kolkata",
    "Pacific/Chatham",     "America/New_York", "Europe/Berlin",    "America/Sao_Paulo",
    "Australia/Sydney",    "Asia/Tokyo",
};
constexpr int kCalendarsPerZone = 4;

// The reference's limits: boundaries on whole minutes, instants before 2037.
const Instant kFirst{sys_days{1971y / 1 / 1}}, kLast{sys_days{2036y / 1 / 1}};

using Rng = std::mt19937_64;

int uniform(Rng& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>{lo, hi}(rng);
}

// A time of day on the quarter hour, from minutes since midnight (0..1440).
TimeOfDay quarter(int minutes) {
  minutes = std::clamp(minutes / 15 * 15, 0, 1440);
  return TimeOfDay{minutes / 60, minutes % 60};
}

// A period from `open` lasting `length` minutes (across midnight when it
// goes past 24:00); never empty.
TimeRange period(int open, int length) {
  open = std::clamp(open, 0, 1425) / 15 * 15;
  length = std::clamp(length / 15 * 15, 15, 1425);
  const int close = open + length;
  return {quarter(open), close == 1440 ? TimeOfDay{24, 0} : quarter(close % 1440)};
}

// The hours of one day: a shape drawn at random.
std::vector<TimeRange> random_day(Rng& rng) {
  switch (uniform(rng, 0, 7)) {
    case 0:
    case 1:  // office hours with a break
    {
      const int open = uniform(rng, 6 * 60, 10 * 60), lunch = uniform(rng, 11 * 60, 13 * 60);
      const int back = lunch + uniform(rng, 15, 90), close = uniform(rng, 15 * 60, 20 * 60);
      return {period(open, lunch - open), period(back, close - back)};
    }
    case 2:  // office hours
    {
      const int open = uniform(rng, 5 * 60, 11 * 60);
      return {period(open, uniform(rng, 4 * 60, 12 * 60))};
    }
    case 3:  // an overnight shift
      return {period(uniform(rng, 18 * 60, 23 * 60 + 45), uniform(rng, 2 * 60, 12 * 60))};
    case 4:  // over the small hours, where most clocks change
      return {period(uniform(rng, 0, 3 * 60), uniform(rng, 15, 4 * 60))};
    case 5:  // around the clock (next to another such day: one stretch)
      return {{TimeOfDay{0, 0}, TimeOfDay{24, 0}}};
    default:  // closed
      return {};
  }
}

// A short period about a wall-clock minute of the day (a transition's).
TimeRange near(Rng& rng, int minute) {
  return period(minute - uniform(rng, 0, 120), uniform(rng, 15, 240));
}

std::string describe(const CalendarDefinition& def) {
  std::string out = fmt::format("calendar '{}' in {}:", def.name, def.zone);
  for (const auto& p : def.weekly) {
    constexpr const char* kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    out += fmt::format(" {} {}-{};", kDays[p.day.c_encoding()], p.hours.open.to_string(),
                       p.hours.close.to_string());
  }
  for (const auto& h : def.holidays) {
    const auto* d = std::get_if<OneOffDate>(&h.date);
    out += fmt::format(" holiday {}{}{};", d != nullptr ? format_date(d->date) : h.name,
                       h.closed_from ? " from " + h.closed_from->to_string() : "",
                       h.closed_until ? " until " + h.closed_until->to_string() : "");
  }
  for (const auto& o : def.overrides) {
    out += fmt::format(" {}", format_date(o.date));
    for (const auto& r : o.hours)
      out += fmt::format(" {}-{}", r.open.to_string(), r.close.to_string());
    out += ";";
  }
  return out;
}

// The zone's transitions within the reference's years.
std::vector<Instant> transitions_of(const TimeZone& zone) {
  std::vector<Instant> out;
  for (auto span = zone.offset_span(kFirst); span.end < kLast; span = zone.offset_span(span.end)) {
    out.push_back(span.end);
  }
  return out;
}

CalendarDefinition random_calendar(Rng& rng, std::string_view zone_name, int index) {
  CalendarDefinition def{.name = fmt::format("oracle_{}", index), .zone = std::string{zone_name}};
  for (unsigned d = 0; d < 7; ++d) {
    for (const auto& r : random_day(rng)) def.weekly.push_back({weekday{d}, r});
  }
  if (def.weekly.empty()) def.weekly.push_back({Wednesday, period(9 * 60, 8 * 60)});
  // Holidays by rule, whole and partial.
  def.holidays.push_back({.name = "New Year", .date = FixedDate{January / 1}});
  def.holidays.push_back({.name = "Easter Monday", .date = EasterOffset{1}});
  def.holidays.push_back({.name = "Late start",
                          .date = NthWeekday{month{static_cast<unsigned>(uniform(rng, 1, 12))},
                                             weekday{static_cast<unsigned>(uniform(rng, 0, 6))}, 2},
                          .closed_until = quarter(uniform(rng, 0, 14 * 60))});
  def.holidays.push_back({.name = "Early close",
                          .date = FixedDate{December / 24},
                          .closed_from = quarter(uniform(rng, 10 * 60, 23 * 60))});

  // Dated hours on the dates of the zone's transitions, about their
  // wall-clock times: before the change and after it.
  const auto zone = TimeZone::locate(def.zone);
  const auto changes = transitions_of(zone);
  std::map<local_days, std::vector<TimeRange>> overrides;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (uniform(rng, 0, 3) != 0) continue;
    const auto before = zone.to_local(changes[i] - 1s) + 1s, after = zone.to_local(changes[i]);
    const auto date = floor<days>(after);
    const auto minute_of = [&](local_seconds t) {
      return static_cast<int>(duration_cast<minutes>(t - floor<days>(t)).count());
    };
    switch (uniform(rng, 0, 3)) {
      case 0:  // an override with hours about the change
        overrides[date] = {near(rng, minute_of(before)), near(rng, minute_of(after) + 180)};
        break;
      case 1:  // an override that closes the date
        overrides[date] = {};
        break;
      case 2:  // closed from the change on
        def.holidays.push_back({.name = "closed from the change",
                                .date = OneOffDate{year_month_day{date}},
                                .closed_from = quarter(minute_of(after))});
        break;
      default:  // closed until a while after it
        def.holidays.push_back({.name = "closed until after the change",
                                .date = OneOffDate{year_month_day{date}},
                                .closed_until = quarter(minute_of(after) + uniform(rng, 0, 120))});
        break;
    }
  }
  // Zones without changes get dated hours too, on random dates.
  for (int i = 0; changes.empty() && i < 40; ++i) {
    const local_days date{(floor<days>(kFirst) + days{uniform(rng, 0, 23'000)}).time_since_epoch()};
    overrides[date] = {near(rng, uniform(rng, 0, 1439))};
  }
  for (auto& [date, hours] : overrides) {
    def.overrides.push_back({year_month_day{date}, std::move(hours)});
  }
  return def;
}

struct Oracle {
  std::uint64_t seed = 20261129;
  long cases = 1'000'000;
  long compared = 0;
  int mismatches = 0;
  std::map<std::string, long> per_zone;

  void mismatch(const CalendarDefinition& def, std::string_view what) {
    if (++mismatches <= 20) {
      std::printf("MISMATCH (seed %llu) %s\n  %s\n", static_cast<unsigned long long>(seed),
                  std::string{what}.c_str(), describe(def).c_str());
    }
  }

  void run_calendar(const CalendarDefinition& def, Rng& rng, long count) {
    const Calendar fast{def};
    const reference::MinuteCalendar slow{def, fast};
    const auto changes = transitions_of(fast.zone());
    std::uniform_int_distribution<std::int64_t> anywhere{0, (kLast - kFirst).count() - 1};
    std::uniform_int_distribution<std::int64_t> days_about{-3 * 86400, 3 * 86400};
    auto instant = [&] {
      if (!changes.empty() && uniform(rng, 0, 1) == 0) {
        const auto at = changes[static_cast<std::size_t>(
                            uniform(rng, 0, static_cast<int>(changes.size()) - 1))] +
                        Seconds{days_about(rng)};
        return std::clamp(at, kFirst, kLast - days{30});
      }
      return kFirst + Seconds{anywhere(rng) % (kLast - kFirst - days{30}).count()};
    };
    auto duration = [&] {
      switch (uniform(rng, 0, 9)) {
        case 0:
          return Seconds{0};
        case 1:  // seconds, not whole minutes
          return Seconds{uniform(rng, 1, 7200)};
        case 2:  // whole hours, up to a day of business time
          return Seconds{uniform(rng, 1, 24) * 3600};
        default:
          return Seconds{uniform(rng, 1, 2400) * 60};
      }
    };
    for (long i = 0; i < count; ++i) {
      const auto start = instant();
      const auto d = duration();
      const auto where = [&](std::string_view op) {
        return fmt::format("{} at {} with {}", op, format_utc(start), format_duration(d));
      };
      try {
        if (fast.is_open(start) != slow.is_open(start)) mismatch(def, where("is_open"));
        const auto due = fast.add(start, d), due_ref = slow.add(start, d);
        if (due != due_ref) {
          mismatch(def, where("add") + fmt::format(": {} != reference {}", format_utc(due),
                                                   format_utc(due_ref)));
        }
        if (fast.elapsed(start, due) != d)
          mismatch(def, where("elapsed(start, add(start, d)) != d"));
        const auto back = fast.subtract(start, d), back_ref = slow.subtract(start, d);
        if (back != back_ref) {
          mismatch(def, where("subtract") + fmt::format(": {} != reference {}", format_utc(back),
                                                        format_utc(back_ref)));
        }
        const auto other = start + Seconds{days_about(rng)};
        if (fast.elapsed(start, other) != slow.elapsed(start, other)) {
          mismatch(def, where("elapsed") + " to " + format_utc(other));
        }
      } catch (const Error& e) {
        mismatch(def, where("threw") + ": " + e.what());
      }
      ++compared;
    }
    per_zone[def.zone] += count;
  }

  int run() {
    constexpr int kZoneCount = static_cast<int>(std::size(kZones));
    const int calendars = kZoneCount * kCalendarsPerZone;
    std::printf("time oracle: seed %llu, %ld cases over %d random calendars in %d zones\n",
                static_cast<unsigned long long>(seed), cases, calendars, kZoneCount);
    for (int c = 0; c < calendars; ++c) {
      Rng rng{seed * 1'000'003 + static_cast<std::uint64_t>(c)};
      const auto def = random_calendar(rng, kZones[c % kZoneCount], c);
      run_calendar(def, rng, cases / calendars + (c < cases % calendars ? 1 : 0));
    }
    for (const auto& [zone, n] : per_zone) std::printf("  %-20s %ld cases\n", zone.c_str(), n);
    std::printf("time oracle: %ld cases compared, %d mismatches\n", compared, mismatches);
    return mismatches == 0 ? 0 : 1;
  }
};

template <class T>
std::optional<T> number(std::string_view text) {
  T value{};
  const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (err != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  Oracle oracle;
  // Options come in pairs: `--cases N`.
  for (int i = 1; i < argc; i += 2) {
    const std::string_view arg = argv[i];
    const std::optional<std::string_view> value =
        i + 1 < argc ? std::optional{std::string_view{argv[i + 1]}} : std::nullopt;
    std::optional<long> n;
    std::optional<std::uint64_t> s;
    if (arg == "--cases" && value && (n = number<long>(*value)) && *n > 0) {
      oracle.cases = *n;
    } else if (arg == "--seed" && value && (s = number<std::uint64_t>(*value))) {
      oracle.seed = *s;
    } else {
      std::fprintf(stderr, "usage: slakit_time_oracle [--cases N] [--seed S]\n");
      return 2;
    }
  }
  try {
    return oracle.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "time oracle: %s\n", e.what());
    return 1;
  }
}
