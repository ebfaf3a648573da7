#include "calendar_validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "holiday_dates.hpp"
#include "slakit/error.hpp"

namespace slakit::detail {

using namespace std::chrono;

std::string calendar_label(const CalendarDefinition& def) {
  return def.name.empty() ? std::string{"calendar"} : fmt::format("calendar '{}'", def.name);
}

namespace {

void validate_range(const CalendarDefinition& def, const TimeRange& r, const std::string& where) {
  if (const auto problem = period_problem(r)) {
    throw InvalidArgument(fmt::format("{}: period {} {}-{} {}", calendar_label(def), where,
                                      r.open.to_string(), r.close.to_string(), *problem));
  }
}

}  // namespace

std::optional<std::string> period_problem(const TimeRange& r) {
  if (r.open.since_midnight() >= hours{24}) return "opens at 24:00; open at 00:00 instead";
  if (r.open == r.close) return "closes when it opens";
  return std::nullopt;
}

bool date_outside_range(year_month_day d, days margin) {
  // A local date reaches 14 hours either side of its UTC day, so the day
  // before 1970 and the day after 2100 are partly inside the range.
  constexpr sys_days first{1969y / December / 31};
  constexpr sys_days last{2101y / January / 1};
  return sys_days{d} < first - margin || sys_days{d} > last + margin;
}

bool holiday_outside_range(const HolidayRule& rule) {
  // A whole year beyond the range's neighbouring dates: since 2102, through 1968.
  // An offset that moves a date into the next or the year before moves the
  // bound a year: "1st mon of jan - 366 since 2102" closes 2101-01-01.
  const int slack = may_leave_its_year(rule.date) ? 1 : 0;
  if (rule.first_year && *rule.first_year > 2101 + slack) return true;
  if (rule.last_year && *rule.last_year < 1969 - slack) return true;
  // An observed shift moves a date by at most a few days.
  const days margin{rule.observance == Observance::none ? 0 : 7};
  if (const auto* one = std::get_if<OneOffDate>(&rule.date)) {
    return date_outside_range(one->date, margin);
  }
  if (const auto* range = std::get_if<DateRange>(&rule.date)) {
    return date_outside_range(range->first, margin) && date_outside_range(range->last, margin) &&
           (sys_days{range->first} > sys_days{2101y / January / 1}) ==
               (sys_days{range->last} > sys_days{2101y / January / 1});
  }
  return false;
}

OpenFloor open_floor(const CalendarDefinition& def) {
  // Each weekday with hours falls on 52 dates a year or more; each holiday
  // rule closes at most its dates (three for a single date: the date, its
  // observed shift, next year's date observed on December 31); a partial
  // closure counts as whole; a DST change can swallow or shorten a period
  // on two dates.
  std::set<unsigned> weekdays;
  Seconds shortest{hours{24}};
  bool overnight = false;
  for (const auto& p : def.weekly) {
    weekdays.insert(p.day.c_encoding());
    auto length = p.hours.close.since_midnight() - p.hours.open.since_midnight();
    overnight = overnight || length <= Seconds{0};
    if (length <= Seconds{0}) length += hours{24};
    shortest = std::min(shortest, length);
  }
  // A period past midnight may overlap the next date's: of two neighbouring
  // dates only one surely adds its own time, so count half of it for each.
  if (overnight) shortest /= 2;
  long closed = 2;
  for (const auto& h : def.holidays) {
    if (const auto* r = std::get_if<DateRange>(&h.date)) {
      closed += (sys_days{r->last} - sys_days{r->first}).count() + 1;
    } else if (const auto* a = std::get_if<AnnualRange>(&h.date)) {
      // Its longest: over a February 29 (2004 is a leap year).
      const bool wraps = a->last < a->first;
      const sys_days first{(wraps ? 2003y : 2004y) / a->first};
      closed += (sys_days{2004y / a->last} - first).count() + 1;
    } else if (may_leave_its_year(h.date)) {
      // Its dates of the year before and of this one may both fall in this
      // year ("last wed of dec + 2"), each with its shift and a neighbour's.
      closed += 6;
    } else {
      closed += 3;
    }
  }
  // A date with its own hours may open for less than the shortest period.
  closed += static_cast<long>(def.overrides.size());
  const long open = 52 * static_cast<long>(weekdays.size()) - closed;
  // An hour lost to DST on a date is on one of the two dates set aside.
  return open > 0 ? OpenFloor{static_cast<int>(open), shortest} : OpenFloor{};
}

bool has_working_time(const CalendarDefinition& def) {
  return !def.weekly.empty() || std::any_of(def.overrides.begin(), def.overrides.end(),
                                            [](const DateOverride& o) { return !o.hours.empty(); });
}

TimeZone validate_calendar(const CalendarDefinition& def) {
  for (const auto& p : def.weekly) {
    if (!p.day.ok()) {
      throw InvalidArgument(
          fmt::format("{}: invalid weekday {}", calendar_label(def), p.day.c_encoding()));
    }
    validate_range(def, p.hours, std::string{weekday_name(p.day)});
  }
  std::set<local_days> seen;
  for (const auto& o : def.overrides) {
    if (!o.date.ok()) {
      throw InvalidArgument(fmt::format("{}: override for invalid date {}", calendar_label(def),
                                        format_date(o.date)));
    }
    if (!seen.insert(local_days{o.date}).second) {
      throw InvalidArgument(
          fmt::format("{}: two overrides for {}", calendar_label(def), format_date(o.date)));
    }
    for (const auto& r : o.hours) validate_range(def, r, format_date(o.date));
  }
  for (const auto& h : def.holidays) {
    try {
      detail::validate_holiday_rule(h);
    } catch (const InvalidArgument& e) {
      throw InvalidArgument(fmt::format("{}: {}", calendar_label(def), e.what()));
    }
  }
  if (!has_working_time(def)) {
    throw InvalidArgument(
        fmt::format("{} has no working time: it has no weekly periods and no "
                    "override with opening hours",
                    calendar_label(def)));
  }
  try {
    return TimeZone::locate(def.zone);
  } catch (const InvalidArgument& e) {
    throw InvalidArgument(fmt::format("{}: {}", calendar_label(def), e.what()));
  }
}

}  // namespace slakit::detail
