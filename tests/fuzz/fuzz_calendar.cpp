// Fuzz target for calendar arithmetic: a calendar definition (weekly hours
// with overnight periods and breaks, holiday rules of every kind, dated
// overrides) in a zone from a fixed list, and instants across 1970-2100,
// many of them next to a DST transition or a period's edge, all decoded
// from the bytes. Only the documented errors may escape: InvalidArgument
// from the constructor, and RangeError where a result leaves the supported
// range (checked: never when the result provably lies inside it). Anything
// else escapes as a crash. The properties, from docs/semantics.md
// ("Operations") and include/slakit/calendar/calendar.hpp, for an instant t
// in range and d >= 0:
// - e = add(t, d) lies in the supported range, and elapsed(t, e) == d
//   whether or not t is open (time before the next opening counts
//   nothing). For d > 0, e is the first such instant: e - 1s is open and
//   elapsed(t, e - 1s) == d - 1s. add(t, 0s) ==
//   next_open(t). add(t, d) throws RangeError only when less than d of
//   business time is left before the end of the range (checked up to 30
//   days after t + d).
// - subtract(add(t, d), d) == t when d > 0 and t is open (is_open(t): in
//   [open, close), so never a closing edge). Otherwise, for d > 0, s =
//   subtract(e, d) is "the latest instant with elapsed(s, e) == d": s is
//   open and elapsed(s, e) == d. add(t, -d) == subtract(t, d).
// - add is monotonic in d and in t; elapsed is antisymmetric and additive,
//   and elapsed_between agrees with it.
// - is_open, next_open and next_close agree: an open t is its own next
//   opening, its next closing is closed and the second before it open, and
//   business time runs at one second a second up to it; a closed t is its
//   own next closing, and no business time passes up to its next opening.
// - open_intervals(a, b): sorted, non-empty, not touching, open inside and
//   closed just outside (unless clipped), summing to elapsed(a, b).
// - add_business_days(D, n) lands on a business day strictly after
//   (n > 0) or before (n < 0) D, or on D itself when D is one (n == 0);
//   going back n from it gives D when D is a business day; n steps are
//   n - 1 steps and one more (n >= 2).
// - holidays(y) are sorted dates of the year y.
//
// cmake -DSLAKIT_BUILD_FUZZERS=ON builds slakit_fuzz_calendar (libFuzzer);
// every build has slakit_fuzz_calendar_replay for tests/fuzz/corpus/calendar.
#include <slakit/calendar/calendar.hpp>
#include <slakit/error.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using namespace std::chrono;
using slakit::Calendar;
using slakit::Instant;
using slakit::Seconds;
using slakit::fuzz::FuzzInput;
using slakit::fuzz::require;

constexpr std::array<const char*, 9> kZones = {
    "Australia/Lord_Howe", "Europe/Dublin",    "America/Santiago", "Asia/Kolkata",
    "Pacific/Chatham",     "America/New_York", "Europe/Berlin",    "UTC",
    "Asia/Tokyo"};

// Quarter hours mostly (DST changes fall on them), any minute sometimes,
// 24:00 for a close.
slakit::TimeOfDay time_of_day(FuzzInput& in, bool may_be_24) {
  if (may_be_24 && in.one_in(8)) return slakit::TimeOfDay{24, 0};
  const int hour = in.small(0, 23);
  if (in.one_in(4)) return slakit::TimeOfDay{hour, in.small(0, 59), in.one_in(4) ? 30 : 0};
  return slakit::TimeOfDay{hour, 15 * in.small(0, 3)};
}

slakit::TimeRange time_range(FuzzInput& in) {
  return {time_of_day(in, false), time_of_day(in, true)};
}

year_month_day date(FuzzInput& in, int year) {
  // Day 29 to 31 sometimes: February 30 must be rejected, not crash.
  const auto day = in.one_in(8) ? in.small(29, 31) : in.small(1, 28);
  return year_month_day{std::chrono::year{year}, month{static_cast<unsigned>(in.small(1, 12))},
                        std::chrono::day{static_cast<unsigned>(day)}};
}

month_day month_day_of(FuzzInput& in) {
  const auto d = date(in, 2024);
  return d.month() / d.day();
}

slakit::HolidayDate holiday_date(FuzzInput& in, int year) {
  switch (in.small(0, 5)) {
    case 0:
      return slakit::FixedDate{month_day_of(in)};
    case 1: {
      const int n = in.one_in(16) ? in.small(-2, 7) : (in.one_in(4) ? -1 : in.small(1, 5));
      return slakit::NthWeekday{month{static_cast<unsigned>(in.small(1, 12))},
                                weekday{static_cast<unsigned>(in.small(0, 6))}, n};
    }
    case 2:
      return slakit::EasterOffset{in.small(-70, 70), in.flag() ? slakit::EasterKind::western
                                                               : slakit::EasterKind::orthodox};
    case 3:
      return slakit::OneOffDate{date(in, year + in.small(-1, 1))};
    case 4:
      return slakit::AnnualRange{month_day_of(in), month_day_of(in)};
    default: {
      const auto first = date(in, year + in.small(-1, 0));
      const auto last =
          in.one_in(8) ? date(in, year) : year_month_day{sys_days{first} + days{in.small(0, 40)}};
      return slakit::DateRange{first, last};
    }
  }
}

slakit::HolidayRule holiday(FuzzInput& in, int year) {
  slakit::HolidayRule h{.name = "h", .date = holiday_date(in, year)};
  h.observance = static_cast<slakit::Observance>(in.small(0, 3));
  if (in.one_in(4)) h.closed_from = time_of_day(in, false);
  if (in.one_in(4)) h.closed_until = time_of_day(in, true);
  if (in.one_in(8)) h.skip_years.push_back(year + in.small(-1, 1));
  if (in.one_in(8)) h.first_year = year + in.small(-2, 2);
  if (in.one_in(8)) h.last_year = year + in.small(-2, 2);
  return h;
}

slakit::CalendarDefinition definition(FuzzInput& in, int year) {
  slakit::CalendarDefinition def{.name = "fuzz", .zone = in.pick(kZones)};
  // Most often a few periods on some days (breaks, overnight shifts);
  // sometimes every day alike, which makes long touching stretches.
  const bool every_day = in.one_in(4);
  const int periods = in.small(0, 6);
  for (int i = 0; i < periods; ++i) {
    const auto range = time_range(in);
    if (every_day) {
      for (unsigned d = 0; d < 7; ++d) def.weekly.push_back({weekday{d}, range});
    } else {
      def.weekly.push_back({weekday{static_cast<unsigned>(in.small(0, 6))}, range});
    }
  }
  for (int i = in.small(0, 4); i > 0; --i) def.holidays.push_back(holiday(in, year));
  for (int i = in.small(0, 3); i > 0; --i) {
    slakit::DateOverride o{.date = date(in, year + in.small(-1, 1))};
    for (int k = in.small(0, 2); k > 0; --k) o.hours.push_back(time_range(in));
    def.overrides.push_back(std::move(o));
  }
  return def;
}

// An instant in the supported range: anywhere in a year, next to a change
// of the zone's offset, next to a period's local opening or closing, or
// next to an end of the range.
Instant instant(FuzzInput& in, const Calendar& cal, int year) {
  const Instant year_start = sys_days{std::chrono::year{year} / 1 / 1};
  const Instant t =
      std::min(year_start + Seconds{in.in(0, 366 * 86400 - 1)}, slakit::kSupportedEnd - 1s);
  const Seconds near{in.in(-7200, 7200)};
  Instant out = t;
  switch (in.small(0, 5)) {
    case 0:
    case 1:
      break;
    case 2: {
      const auto span = cal.zone().offset_span(t);
      out = (in.flag() ? span.end : span.begin) + near;
      break;
    }
    case 3: {
      const auto& weekly = cal.definition().weekly;
      if (weekly.empty()) break;
      const auto& p = in.pick(weekly).hours;
      const auto local =
          floor<days>(cal.zone().to_local(t)) + (in.flag() ? p.open : p.close).since_midnight();
      out = cal.zone().resolve(local).instant + Seconds{in.in(-2, 2)};
      break;
    }
    case 4:
      out = slakit::kSupportedBegin + Seconds{in.in(0, 40 * 86400)};
      break;
    default:
      out = slakit::kSupportedEnd - Seconds{in.in(1, 40 * 86400)};
      break;
  }
  return slakit::in_supported_range(out) ? out : t;
}

Seconds business_time(FuzzInput& in) {
  switch (in.small(0, 3)) {
    case 0:
      return Seconds{in.in(0, 2)};
    case 1:
      return Seconds{in.in(0, 4 * 3600)};
    case 2:
      return Seconds{in.in(0, 60 * 86400)};
    default:  // across a year's end: the next year's block
      return Seconds{in.in(0, 400LL * 86400)};
  }
}

// The result of `op`, or nullopt when it throws RangeError.
template <class Op>
auto unless_out_of_range(Op op) -> std::optional<decltype(op())> {
  try {
    return op();
  } catch (const slakit::RangeError&) {
    return std::nullopt;
  }
}

void check_open_close(const Calendar& cal, Instant t) {
  const auto next_open = cal.next_open(t);
  const auto next_close = cal.next_close(t);
  if (cal.is_open(t)) {
    require(next_open == t);
    if (next_close) {
      require(*next_close > t && !cal.is_open(*next_close) && cal.is_open(*next_close - 1s));
      require(cal.elapsed(t, *next_close) == *next_close - t);
    }
  } else {
    require(next_close == t);
    if (next_open) {
      require(*next_open > t && cal.is_open(*next_open) && !cal.is_open(*next_open - 1s));
      require(cal.elapsed(t, *next_open) == 0s);
    }
  }
}

void check_add(const Calendar& cal, Instant t, Seconds d) {
  // When the horizon holds d of business time, add must reach it there.
  const Instant horizon = std::min(t + d + days{30}, slakit::kSupportedEnd - 1s);
  const Seconds left = cal.elapsed(t, horizon);
  const auto e = unless_out_of_range([&] { return cal.add(t, d); });
  if (d == 0s) {
    require(e == cal.next_open(t));
  } else if (d <= left) {
    require(e.has_value() && *e <= horizon);
  }
  if (!e) return;
  require(slakit::in_supported_range(*e) && *e >= t && cal.elapsed(t, *e) == d);
  if (d > 0s) {
    require(cal.is_open(*e - 1s) && cal.elapsed(t, *e - 1s) == d - 1s);
    if (cal.is_open(t)) require(cal.subtract(*e, d) == t);
  }
}

void check_subtract(const Calendar& cal, Instant end, Seconds d) {
  const auto s = unless_out_of_range([&] { return cal.subtract(end, d); });
  // A negative duration subtracts (add(t, -0s) is add(t, 0s)).
  if (d > 0s) require(s == unless_out_of_range([&] { return cal.add(end, -d); }));
  if (!s) return;
  require(slakit::in_supported_range(*s) && *s <= end && cal.elapsed(*s, end) == d);
  if (d > 0s) require(cal.is_open(*s));
}

void check_monotonic(const Calendar& cal, Instant t1, Instant t2, Seconds d1, Seconds d2) {
  if (t2 < t1) std::swap(t1, t2);
  if (d2 < d1) std::swap(d1, d2);
  const auto a = unless_out_of_range([&] { return cal.add(t1, d1); });
  const auto b = unless_out_of_range([&] { return cal.add(t1, d2); });
  const auto c = unless_out_of_range([&] { return cal.add(t2, d1); });
  if (a && b) require(*a <= *b);
  if (b) require(a.has_value());  // a smaller duration cannot leave the range
  if (a && c) require(*a <= *c);
}

void check_elapsed(const Calendar& cal, Instant a, Instant b, Instant c) {
  const auto ab = cal.elapsed(a, b), bc = cal.elapsed(b, c), ac = cal.elapsed(a, c);
  require(cal.elapsed(b, a) == -ab && ab + bc == ac);
  require((a <= b) == (ab >= 0s) || ab == 0s);
  const std::array instants{a, b, c};
  std::array<Seconds, 2> between{};
  cal.elapsed_between(instants, between);
  require(between[0] == ab && between[1] == bc);
}

void check_intervals(const Calendar& cal, Instant a, Instant b) {
  if (b < a) std::swap(a, b);
  b = std::min(b, a + days{60});  // keeps the list short
  Seconds sum{0};
  std::optional<Instant> previous_end;
  for (const auto& i : cal.open_intervals(a, b)) {
    require(a <= i.begin && i.begin < i.end && i.end <= b);
    require(!previous_end || *previous_end < i.begin);
    require(cal.is_open(i.begin) && cal.is_open(i.end - 1s));
    if (i.begin > a) require(!cal.is_open(i.begin - 1s));
    if (i.end < b) require(!cal.is_open(i.end));
    sum += i.length();
    previous_end = i.end;
  }
  require(sum == cal.elapsed(a, b));
}

void check_business_days(const Calendar& cal, year_month_day d, int n) {
  const auto r = unless_out_of_range([&] { return cal.add_business_days(d, n); });
  if (!r) return;
  const bool d_is_business = cal.is_business_day(d);
  require(cal.is_business_day(*r));
  if (n > 0) require(sys_days{*r} > sys_days{d});
  if (n < 0) require(sys_days{*r} < sys_days{d});
  if (n == 0) require(d_is_business ? *r == d : sys_days{*r} > sys_days{d});
  if (d_is_business) require(cal.add_business_days(*r, -n) == d);
  if (n >= 2) require(cal.add_business_days(cal.add_business_days(d, n - 1), 1) == *r);
  if (n <= -2) require(cal.add_business_days(cal.add_business_days(d, n + 1), -1) == *r);
}

void check_holidays(const Calendar& cal, int year) {
  std::optional<sys_days> previous;
  for (const auto& h : cal.holidays(year)) {
    require(h.date.ok() && h.date.year() == std::chrono::year{year});
    require(!previous || *previous <= sys_days{h.date});
    previous = sys_days{h.date};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in{data, size};
  const int year = in.one_in(4) ? in.small(1970, 2100) : in.small(2020, 2040);
  std::optional<Calendar> cal;
  try {
    cal.emplace(definition(in, year));
  } catch (const slakit::InvalidArgument&) {
    return 0;  // documented: a definition the constructor rejects
  }
  const Instant t1 = instant(in, *cal, year), t2 = instant(in, *cal, year),
                t3 = instant(in, *cal, year);
  const Seconds d1 = business_time(in), d2 = business_time(in);
  check_open_close(*cal, t1);
  check_open_close(*cal, t2);
  check_add(*cal, t1, d1);
  check_add(*cal, t2, d2);
  check_subtract(*cal, t3, d1);
  check_monotonic(*cal, t1, t2, d1, d2);
  check_elapsed(*cal, t1, t2, t3);
  check_intervals(*cal, t1, t3);
  const year_month_day local_date{floor<days>(cal->zone().to_local(t1))};
  check_business_days(*cal, local_date, in.small(-40, 40));
  check_holidays(*cal, year);
  return 0;
}
