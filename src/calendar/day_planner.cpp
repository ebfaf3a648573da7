#include "day_planner.hpp"

#include "holiday_dates.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

// A period's wall-clock bounds on `date`; one that closes at or before its
// opening time closes on the next date.
std::pair<LocalSeconds, LocalSeconds> local_bounds(LocalDays date, const TimeRange& r) {
  const LocalSeconds open = date + r.open.since_midnight();
  LocalSeconds close = date + r.close.since_midnight();
  if (close <= open) close += days{1};
  return {open, close};
}

constexpr Seconds kOpenEnded{days{2}};

}  // namespace

DayPlanner::DayPlanner(const CalendarDefinition& definition, TimeZone zone)
    : zone_(std::move(zone)), holidays_(&definition.holidays) {
  for (const auto& p : definition.weekly) weekly_[p.day.c_encoding()].push_back(p.hours);
  for (const auto& o : definition.overrides) overrides_[LocalDays{o.date}] = &o;
}

void DayPlanner::periods(LocalDays first, LocalDays last, std::vector<Interval>& out,
                         std::vector<LocalDays>* open_dates) const {
  const int y0 = static_cast<int>(year_month_day{first}.year());
  const int y1 = static_cast<int>(year_month_day{last}.year());
  std::map<LocalDays, std::vector<Closure>> closures;
  for (const auto& h : holidays_in_years(*holidays_, y0, y1)) {
    const Seconds from = h.closed_from ? h.closed_from->since_midnight() : Seconds{0};
    const Seconds until = h.closed_until ? h.closed_until->since_midnight() : kOpenEnded;
    closures[LocalDays{h.date}].push_back({from, until});
  }
  for (auto d = first; d <= last; d += days{1}) {
    auto it = closures.find(d);
    const auto before = out.size();
    periods_of(d, it == closures.end() ? nullptr : &it->second, out);
    if (open_dates != nullptr && out.size() > before) open_dates->push_back(d);
  }
}

void DayPlanner::periods_of(LocalDays date, const std::vector<Closure>* closures,
                            std::vector<Interval>& out) const {
  // A dated override states the whole day: it replaces the weekly periods and
  // any holiday of that date.
  // Extra hours add to the date's periods after its closures, uncut.
  const auto override_it = overrides_.find(date);
  const DateOverride* dated = override_it == overrides_.end() ? nullptr : override_it->second;
  const bool overridden = dated != nullptr && !dated->extra;
  const auto& ranges = overridden ? dated->hours : weekly_[weekday{date}.c_encoding()];

  std::vector<std::pair<LocalSeconds, LocalSeconds>> pieces;
  for (const auto& r : ranges) pieces.push_back(local_bounds(date, r));
  if (!overridden && closures != nullptr) {
    for (const auto& c : *closures) {
      // Cut [date+from, date+until) out of every piece; the holiday belongs to
      // the date, so it also closes the after-midnight part of its night shift.
      const LocalSeconds cut_from = date + c.from, cut_until = date + c.until;
      std::vector<std::pair<LocalSeconds, LocalSeconds>> kept;
      for (const auto& [open, close] : pieces) {
        if (open < cut_from) kept.emplace_back(open, std::min(close, cut_from));
        if (close > cut_until) kept.emplace_back(std::max(open, cut_until), close);
      }
      pieces = std::move(kept);
    }
  }
  if (dated != nullptr && dated->extra) {
    for (const auto& r : dated->hours) pieces.push_back(local_bounds(date, r));
  }
  for (const auto& [open, close] : pieces) {
    const Instant begin = zone_.resolve(open).instant;
    const Instant end = zone_.resolve(close).instant;
    // A period entirely inside a DST gap opens and closes at the jump: empty.
    if (begin < end) out.push_back({begin, end});
  }
}

}  // namespace slakit::detail
