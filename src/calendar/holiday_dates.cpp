#include "holiday_dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "easter.hpp"
#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"

namespace slakit::detail {
namespace {

using namespace std::chrono;

bool is_weekend(local_days d) {
  const weekday wd{d};
  return wd == Saturday || wd == Sunday;
}

bool occurs_in(const HolidayRule& rule, int y) {
  if (rule.first_year && y < *rule.first_year) return false;
  if (rule.last_year && y > *rule.last_year) return false;
  return std::find(rule.skip_years.begin(), rule.skip_years.end(), y) == rule.skip_years.end();
}

void add_span(std::vector<local_days>& out, local_days first, local_days last) {
  for (auto d = first; d <= last; d += days{1}) out.push_back(d);
}

// The dates a rule closes in year y, before any observed shift.
std::vector<local_days> actual_dates(const HolidayDate& date, int y) {
  std::vector<local_days> out;
  const year yr{y};
  struct Visitor {
    std::vector<local_days>& out;
    year yr;
    int y;
    void operator()(const FixedDate& r) const {
      const year_month_day ymd{yr / r.date};
      if (ymd.ok()) out.push_back(local_days{ymd});  // Feb 29 only in leap years
    }
    void operator()(const NthWeekday& r) const {
      if (r.n == -1) {
        out.push_back(local_days{yr / r.month / r.weekday[last]} + days{r.days});
        return;
      }
      const year_month_weekday ymw{yr / r.month / r.weekday[static_cast<unsigned>(r.n)]};
      if (ymw.ok()) out.push_back(local_days{ymw} + days{r.days});
    }
    void operator()(const EasterOffset& r) const {
      out.push_back(easter_sunday(y, r.kind) + days{r.days});
    }
    void operator()(const OneOffDate& r) const {
      if (r.date.year() == yr) out.push_back(local_days{r.date});
    }
    void operator()(const AnnualRange& r) const {
      const year_month_day first{yr / r.first};
      year_month_day last_day{yr / r.last};
      if (r.last < r.first) last_day = year_month_day{(yr + years{1}) / r.last};
      // Feb 29 ends a range on Feb 28 in common years.
      if (!last_day.ok()) last_day = year_month_day{last_day.year() / last_day.month() / last};
      if (first.ok()) add_span(out, local_days{first}, local_days{last_day});
    }
    void operator()(const DateRange& r) const {
      if (r.first.year() == yr) add_span(out, local_days{r.first}, local_days{r.last});
    }
  };
  std::visit(Visitor{out, yr, y}, date);
  return out;
}

}  // namespace

int day_offset(const HolidayDate& date) {
  if (const auto* r = std::get_if<NthWeekday>(&date)) return r->days;
  if (const auto* r = std::get_if<EasterOffset>(&date)) return r->days;
  return 0;
}

bool may_leave_its_year(const HolidayDate& date) {
  // A weekday of a month may fall on January 1 or December 31; Easter falls
  // between March 22 and May 8 (Orthodox, in Gregorian dates), so 60 days
  // either way stay in its year.
  if (const auto* r = std::get_if<NthWeekday>(&date)) return r->days != 0;
  if (const auto* r = std::get_if<EasterOffset>(&date)) return std::abs(r->days) > 60;
  return false;
}

namespace {

std::string rule_label(const HolidayRule& rule) {
  return rule.name.empty() ? std::string{"holiday"} : fmt::format("holiday '{}'", rule.name);
}

std::string month_day_text(month_day md) {
  return fmt::format("{:02}-{:02}", static_cast<unsigned>(md.month()),
                     static_cast<unsigned>(md.day()));
}

}  // namespace

void validate_holiday_rule(const HolidayRule& rule) {
  const auto label = rule_label(rule);
  auto fail = [&](const std::string& what) {
    throw InvalidArgument(fmt::format("{}: {}", label, what));
  };
  auto check_md = [&](month_day md) {
    if (!md.ok()) fail(fmt::format("invalid date {}: no such day", month_day_text(md)));
  };
  auto check_ymd = [&](year_month_day d) {
    if (!d.ok()) {
      fail(fmt::format("invalid date {}: no such day", format_date(d)));
    }
  };
  bool single_date = true;
  if (auto* r = std::get_if<FixedDate>(&rule.date)) check_md(r->date);
  auto check_offset = [&](const char* what, int offset) {
    if (offset < -kMaxDayOffset || offset > kMaxDayOffset) {
      fail(fmt::format("{} offset {} days is more than a year", what, offset));
    }
  };
  if (auto* r = std::get_if<NthWeekday>(&rule.date)) {
    if (!r->month.ok() || !r->weekday.ok()) fail("invalid month or weekday");
    if (r->n != -1 && (r->n < 1 || r->n > 5)) {
      fail(fmt::format("invalid weekday index {}: expected 1 to 5, or last", r->n));
    }
    check_offset("day", r->days);
  }
  if (auto* r = std::get_if<EasterOffset>(&rule.date)) check_offset("Easter", r->days);
  if (auto* r = std::get_if<OneOffDate>(&rule.date)) check_ymd(r->date);
  if (auto* r = std::get_if<AnnualRange>(&rule.date)) {
    check_md(r->first);
    check_md(r->last);
    single_date = false;
  }
  if (auto* r = std::get_if<DateRange>(&rule.date)) {
    check_ymd(r->first);
    check_ymd(r->last);
    if (local_days{r->last} < local_days{r->first}) {
      fail(fmt::format("date range ends ({}) before it begins ({})", format_date(r->last),
                       format_date(r->first)));
    }
    if (local_days{r->last} - local_days{r->first} > days{366}) {
      fail("date range is longer than a year");
    }
    single_date = false;
  }
  if (!single_date && rule.observance != Observance::none) {
    fail("an observed shift needs a single date, not a range");
  }
  if (rule.closed_from && rule.closed_until && *rule.closed_until <= *rule.closed_from) {
    fail(fmt::format("closed from {} until {}: the closure ends before it begins",
                     rule.closed_from->to_string(), rule.closed_until->to_string()));
  }
  if (rule.first_year && rule.last_year && *rule.last_year < *rule.first_year) {
    fail(fmt::format("last year {} is before first year {}", *rule.last_year, *rule.first_year));
  }
}

std::vector<Holiday> holidays_in_years(const std::vector<HolidayRule>& rules, int first_year,
                                       int last_year) {
  struct Occurrence {
    local_days date;
    const HolidayRule* rule;
  };
  std::vector<Occurrence> actual;
  for (const auto& rule : rules) {
    // A rule's dates of neighbouring years may shift into these: New Year's
    // Day observed on December 31, "last wed of dec + 2" from 2025-12-31 on
    // 2026-01-02. A long offset reaches two years on ("last wed of dec +
    // 366" from Wednesday 2025-12-31 is 2027-01-01), and with an observed
    // shift a little less does.
    const int reach = std::abs(day_offset(rule.date)) > 300 ? 2 : 1;
    for (int y = first_year - reach; y <= last_year + reach; ++y) {
      if (!occurs_in(rule, y)) continue;
      for (auto d : actual_dates(rule.date, y)) actual.push_back({d, &rule});
    }
  }
  std::stable_sort(actual.begin(), actual.end(),
                   [](const Occurrence& a, const Occurrence& b) { return a.date < b.date; });

  std::set<local_days> taken;
  for (const auto& o : actual) taken.insert(o.date);

  std::vector<Holiday> out;
  auto emit = [&](local_days d, const HolidayRule& rule, bool observed) {
    out.push_back({year_month_day{d}, rule.name, observed, rule.closed_from, rule.closed_until});
  };
  for (const auto& o : actual) {
    emit(o.date, *o.rule, false);
    if (!is_weekend(o.date)) continue;
    const bool saturday = weekday{o.date} == Saturday;
    switch (o.rule->observance) {
      case Observance::none:
        break;
      case Observance::nearest_weekday:
        emit(o.date + days{saturday ? -1 : 1}, *o.rule, true);
        break;
      case Observance::sunday_to_monday:
        if (!saturday) emit(o.date + days{1}, *o.rule, true);
        break;
      case Observance::next_free_weekday: {
        // In date order, so Christmas takes Monday before Boxing Day looks.
        auto d = o.date + days{1};
        while (is_weekend(d) || taken.count(d) != 0) d += days{1};
        taken.insert(d);
        emit(d, *o.rule, true);
        break;
      }
      case Observance::sunday_to_next_free: {
        if (saturday) break;
        // Past the holidays that follow it, weekend or not: only a date that
        // is a holiday already is skipped.
        auto d = o.date + days{1};
        while (taken.count(d) != 0) d += days{1};
        taken.insert(d);
        emit(d, *o.rule, true);
        break;
      }
    }
  }
  const local_days lo{year{first_year} / January / 1};
  const local_days hi{year{last_year} / December / 31};
  std::erase_if(out, [&](const Holiday& h) {
    const local_days d{h.date};
    return d < lo || d > hi;
  });
  std::stable_sort(out.begin(), out.end(), [](const Holiday& a, const Holiday& b) {
    return local_days{a.date} < local_days{b.date};
  });
  return out;
}

}  // namespace slakit::detail
