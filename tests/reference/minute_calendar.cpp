#include "reference/minute_calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <stdexcept>

namespace slakit::reference {

using namespace std::chrono;

MinuteCalendar::MinuteCalendar(const CalendarDefinition& definition, const Calendar& holidays_from)
    : definition_(definition),
      holidays_from_(holidays_from),
      zone_(date::locate_zone(definition.zone)) {}

Instant MinuteCalendar::earliest(local_seconds t) const {
  const auto sys = zone_->to_sys(date::local_seconds{t.time_since_epoch()}, date::choose::earliest);
  return Instant{sys.time_since_epoch()};
}

std::vector<Interval> MinuteCalendar::periods_of(local_days date) const {
  const year_month_day ymd{date};
  std::vector<TimeRange> ranges, extra;
  bool overridden = false;
  for (const auto& o : definition_.overrides) {
    if (o.date == ymd && o.extra) extra = o.hours;
    if (o.date == ymd && !o.extra) {
      ranges = o.hours;
      overridden = true;
    }
  }
  if (!overridden) {
    for (const auto& p : definition_.weekly) {
      if (p.day == weekday{date}) ranges.push_back(p.hours);
    }
  }
  const int y = static_cast<int>(ymd.year());
  if (!holidays_.count(y)) holidays_[y] = holidays_from_.holidays(y);
  std::vector<Interval> out;
  for (const auto& r : ranges) {
    const auto open_local = date + r.open.since_midnight();
    auto close_local = date + r.close.since_midnight();
    if (close_local <= open_local) close_local += days{1};
    // The period, less each closure of its date.
    std::vector<Interval> pieces{{earliest(open_local), earliest(close_local)}};
    for (const auto& h : holidays_[y]) {
      if (overridden || h.date != ymd) continue;
      const auto cut_from = earliest(date + (h.closed_from ? h.closed_from->since_midnight() : 0s));
      const auto cut_until =
          h.closed_until ? earliest(date + h.closed_until->since_midnight()) : Instant::max();
      std::vector<Interval> kept;
      for (const auto& [a, b] : pieces) {
        if (a < cut_from) kept.push_back({a, std::min(b, cut_from)});
        if (b > cut_until) kept.push_back({std::max(a, cut_until), b});
      }
      pieces = std::move(kept);
    }
    for (const auto& p : pieces) {
      if (p.begin < p.end) out.push_back(p);
    }
  }
  // Extra hours: added after the closures, never cut by them.
  for (const auto& r : extra) {
    auto close_local = date + r.close.since_midnight();
    if (close_local <= date + r.open.since_midnight()) close_local += days{1};
    const Interval p{earliest(date + r.open.since_midnight()), earliest(close_local)};
    if (p.begin < p.end) out.push_back(p);
  }
  return out;
}

const std::vector<std::uint8_t>& MinuteCalendar::day_mask(std::int64_t utc_day) const {
  if (auto it = masks_.find(utc_day); it != masks_.end()) return it->second;
  std::vector<std::uint8_t> mask(1440, 0);
  const Instant day_begin{days{utc_day}};
  auto mark = [&](Instant from, Instant to) {
    for (Instant t = std::max(from, day_begin); t < std::min(to, day_begin + days{1}); t += 60s) {
      mask[static_cast<std::size_t>((t - day_begin).count() / 60)] = 1;
    }
  };
  // Local dates whose periods can reach this UTC day.
  for (int back = -2; back <= 2; ++back) {
    for (const auto& p : periods_of(local_days{days{utc_day + back}})) mark(p.begin, p.end);
  }
  return masks_.emplace(utc_day, std::move(mask)).first->second;
}

bool MinuteCalendar::minute_open(std::int64_t minute) const {
  const auto day = minute >= 0 ? minute / 1440 : (minute - 1439) / 1440;
  return day_mask(day)[static_cast<std::size_t>(minute - day * 1440)] != 0;
}

namespace {

std::int64_t floor_minute(Instant t) {
  const auto s = t.time_since_epoch().count();
  return s >= 0 ? s / 60 : (s - 59) / 60;
}
Instant minute_start(std::int64_t m) {
  return Instant{Seconds{m * 60}};
}
constexpr Instant kLimit{sys_days{2037y / 1 / 1}};

}  // namespace

bool MinuteStepper::is_open(Instant t) const {
  return minute_open(floor_minute(t));
}

Instant MinuteStepper::add(Instant t, Seconds business) const {
  Seconds left = business;
  if (left == 0s) {
    while (!is_open(t)) {
      if (t >= kLimit) throw std::runtime_error("reference: beyond 2037");
      t = minute_start(floor_minute(t) + 1);
    }
    return t;
  }
  for (;;) {
    if (t >= kLimit) throw std::runtime_error("reference: beyond 2037");
    const auto next = minute_start(floor_minute(t) + 1);
    if (is_open(t)) {
      if (left <= next - t) return t + left;
      left -= next - t;
    }
    t = next;
  }
}

Instant MinuteStepper::subtract(Instant t, Seconds business) const {
  // The minute just before t: business time there ends at t.
  auto before = [](Instant x) { return floor_minute(x - 1s); };
  Seconds left = business;
  if (left == 0s) {
    while (!minute_open(before(t))) t = minute_start(before(t));
    return t;
  }
  for (;;) {
    const auto prev = minute_start(before(t));
    if (minute_open(before(t))) {
      if (left <= t - prev) return t - left;
      left -= t - prev;
    }
    t = prev;
  }
}

Seconds MinuteStepper::elapsed(Instant a, Instant b) const {
  if (b < a) return -elapsed(b, a);
  Seconds sum{0};
  for (Instant t = a; t < b;) {
    const auto next = std::min(b, minute_start(floor_minute(t) + 1));
    if (is_open(t)) sum += next - t;
    t = next;
  }
  return sum;
}

bool ComposedMinuteCalendar::minute_open(std::int64_t minute) const {
  switch (op_) {
    case CalendarOp::union_of:
      return std::any_of(parts_.begin(), parts_.end(),
                         [&](const MinuteStepper* p) { return p->minute_open(minute); });
    case CalendarOp::intersection:
      return std::all_of(parts_.begin(), parts_.end(),
                         [&](const MinuteStepper* p) { return p->minute_open(minute); });
    case CalendarOp::difference:
      break;
  }
  return parts_.at(0)->minute_open(minute) && !parts_.at(1)->minute_open(minute);
}

}  // namespace slakit::reference
