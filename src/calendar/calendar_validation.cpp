#include "calendar_validation.hpp"

#include <fmt/format.h>

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
  if (r.open.since_midnight() >= hours{24}) {
    throw InvalidArgument(fmt::format("{}: period {} {}-{} opens at 24:00; open at 00:00 instead",
                                      calendar_label(def), where, r.open.to_string(),
                                      r.close.to_string()));
  }
  if (r.open == r.close) {
    throw InvalidArgument(fmt::format("{}: period {} {}-{} closes when it opens",
                                      calendar_label(def), where, r.open.to_string(),
                                      r.close.to_string()));
  }
}

}  // namespace

TimeZone validate_calendar(const CalendarDefinition& def) {
  bool any_hours = false;
  for (const auto& p : def.weekly) {
    if (!p.day.ok()) {
      throw InvalidArgument(
          fmt::format("{}: invalid weekday {}", calendar_label(def), p.day.c_encoding()));
    }
    validate_range(def, p.hours, std::string{weekday_name(p.day)});
    any_hours = true;
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
    any_hours = any_hours || !o.hours.empty();
  }
  for (const auto& h : def.holidays) {
    try {
      detail::validate_holiday_rule(h);
    } catch (const InvalidArgument& e) {
      throw InvalidArgument(fmt::format("{}: {}", calendar_label(def), e.what()));
    }
  }
  if (!any_hours) {
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
