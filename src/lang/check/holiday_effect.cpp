#include "holiday_effect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "calendar/holiday_dates.hpp"
#include "slakit/time/civil.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

// The years of the supported range, and the two whose dates are partly in it
// in zones west and east of UTC (1969-12-31, 2101-01-01), as for W0236.
constexpr int kFirstYear = 1969, kLastYear = 2101;

// The part of its date a holiday closes, in seconds after that midnight:
// "closed from 12:00 keeps only what lies before 12:00 on that date's
// periods" (docs/semantics.md), the part of an overnight shift after
// midnight included, so a window with no `until` has no end.
struct Window {
  seconds begin{0};
  seconds end = seconds::max();
};

Window window_of(const HolidayRule& rule) {
  Window w;
  if (rule.closed_from) w.begin = rule.closed_from->since_midnight();
  if (rule.closed_until) w.end = rule.closed_until->since_midnight();
  return w;
}

std::string window_text(const HolidayRule& rule) {
  std::string out;
  if (rule.closed_from) out += " from " + rule.closed_from->to_string();
  if (rule.closed_until) out += " until " + rule.closed_until->to_string();
  return out;
}

}  // namespace

HolidayEffect::HolidayEffect(const CalendarDefinition& def) {
  for (const auto& p : def.weekly) {
    const auto open = p.hours.open.since_midnight();
    auto close = p.hours.close.since_midnight();
    if (close <= open) close += hours{24};
    periods_.push_back({p.day.c_encoding(), open, close});
  }
  for (const auto& o : def.overrides) {
    if (!o.extra) replaced_.push_back(o.date);
  }
  std::sort(replaced_.begin(), replaced_.end());
}

std::optional<std::string> HolidayEffect::why_without_effect(
    const HolidayRule& rule, const std::function<std::string(year_month_day)>& open_line) const {
  // "A period belongs to the local date it opens on": per weekday, whether
  // a period that opens on it reaches the window.
  const auto window = window_of(rule);
  std::array<bool, 7> reached{};
  for (const auto& p : periods_) {
    if (p.open < window.end && window.begin < p.close) reached[p.day] = true;
  }
  // Year by year, so that the usual line, which takes effect in its first
  // year, costs one year's dates.
  std::vector<year_month_day> replaced;
  std::array<bool, 7> falls_on{};
  bool falls = false;
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    for (const auto& h : holidays_in_years({rule}, y, y)) {
      falls = true;
      // Where the observed date of a rule lands depends on the other holidays.
      if (rule.observance != Observance::none) return std::nullopt;
      if (std::binary_search(replaced_.begin(), replaced_.end(), h.date)) {
        replaced.push_back(h.date);
        continue;
      }
      const auto day = weekday{sys_days{h.date}}.c_encoding();
      if (reached[day]) return std::nullopt;
      falls_on[day] = true;
    }
  }
  if (!falls) {
    return std::string{"this line never takes effect: it falls on no date from 1970 to 2100"};
  }
  if (std::count(falls_on.begin(), falls_on.end(), true) == 0) {
    return fmt::format(
        "this line never takes effect: {} states the hours of {}, which replace any holiday "
        "of the date (docs/semantics.md, \"Holidays and dated overrides\")",
        replaced.size() == 1 ? open_line(replaced.front()) : "an `open` line",
        replaced.size() == 1 ? "that date" : "every date it falls on");
  }
  // "(sat)": the weekdays it falls on, when not all of them.
  std::string days;
  for (unsigned d = 1; d <= 7; ++d) {  // Monday first
    if (falls_on[d % 7]) days += (days.empty() ? "" : ", ") + std::string{weekday_name(weekday{d})};
  }
  days = std::count(falls_on.begin(), falls_on.end(), true) < 7 ? " (" + days + ")" : "";
  // A night shift's hours after midnight belong to the date before it
  // (the date it opens on), which is where an early closure must go.
  const bool overnight = std::any_of(periods_.begin(), periods_.end(),
                                     [](const Period& p) { return p.close > hours{24}; });
  return fmt::format(
      "this line closes nothing: the calendar has no opening hours{} on any date it falls "
      "on{}{}{}",
      window_text(rule), days,
      replaced.empty() ? "" : ", but for those whose hours an `open` line states",
      overnight && rule.closed_until
          ? "; the hours after midnight belong to the shift of the date before (a period "
            "belongs to the date it opens on): close that date's shift instead"
          : "");
}

}  // namespace slakit::detail
