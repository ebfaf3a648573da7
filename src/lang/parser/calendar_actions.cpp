#include "calendar_actions.hpp"

#include <fmt/format.h>

#include "slakit/time/civil.hpp"

namespace slakit::parser {

using namespace std::chrono;

namespace {

// `month day`, checked where it is written: "feb 30" never occurs.
std::optional<month_day> checked_month_day(ParseState& s, SourceSpan span) {
  const month_day md{month{static_cast<unsigned>(s.month_value)},
                     day{static_cast<unsigned>(s.int_value)}};
  if (md.ok()) return md;
  s.error("E0102",
          fmt::format("invalid date '{} {}': no such day",
                      month_name(month{static_cast<unsigned>(s.month_value)}), s.int_value),
          span);
  return std::nullopt;
}

}  // namespace

void calendar_name(ParseState& s) {
  s.calendar.name = s.name_value;
}

void calendar_part(ParseState& s) {
  s.calendar.parts.push_back(s.name_value);
}

void zone_begin(ParseState& s) {
  s.in_calendar_line = true;
  s.zone_field.reset();
}

void zone_field(ParseState& s) {
  s.zone_field = s.name_value;
}

void zone_line(ParseState& s, SourceSpan span) {
  s.calendar.lines.emplace_back(ZoneLine{s.string_value, std::move(s.zone_field), span});
  s.zone_field.reset();
  s.in_calendar_line = false;
}

void day_first(ParseState& s) {
  s.in_calendar_line = true;
  const weekday d{static_cast<unsigned>(s.weekday_value)};
  s.days.push_back({d, d});
}

void day_last(ParseState& s) {
  s.days.back().last = weekday{static_cast<unsigned>(s.weekday_value)};
}

void range_open(ParseState& s) {
  s.ranges.push_back({s.time_value, {}});
}

void range_close(ParseState& s) {
  s.ranges.back().close = s.time_value;
}

void range_span(ParseState& s, SourceSpan span) {
  s.range_spans.push_back(span);
}

void weekly_line(ParseState& s, SourceSpan span) {
  s.calendar.lines.emplace_back(
      WeeklyLine{std::move(s.days), std::move(s.ranges), span, std::move(s.range_spans)});
  s.range_spans.clear();
  s.days.clear();
  s.ranges.clear();
  s.in_calendar_line = false;
}

void begin_holiday(ParseState& s) {
  s.in_calendar_line = true;
  s.holiday = {};
}

void holiday_name(ParseState& s) {
  s.holiday.name = s.string_value;
}

void holiday_easter(ParseState& s, EasterKind kind) {
  s.holiday.date = EasterOffset{0, kind};
}

void holiday_day_offset(ParseState& s, int sign) {
  if (auto* easter = std::get_if<EasterOffset>(&s.holiday.date)) easter->days = sign * s.int_value;
  if (auto* nth = std::get_if<NthWeekday>(&s.holiday.date)) nth->days = sign * s.int_value;
}

void holiday_stray_offset(ParseState& s, SourceSpan span) {
  // "dec 24 + 1" is "dec 25": name the date, when it is the same every year.
  const days offset{s.int_value};
  std::string instead;
  const auto* fixed = std::get_if<FixedDate>(&s.holiday.date);
  const auto* one = std::get_if<OneOffDate>(&s.holiday.date);
  if (fixed != nullptr && fixed->date.ok() && fixed->date != February / 29) {
    // Not across February 29 or New Year, where the date differs by year.
    const year_month_day common{local_days{2025y / fixed->date} + offset};
    const year_month_day leap{local_days{2024y / fixed->date} + offset};
    if (common.month() == leap.month() && common.day() == leap.day() && common.year() == 2025y) {
      instead = fmt::format("; write the date it means: '{} {}'", month_name(common.month()),
                            static_cast<unsigned>(common.day()));
    }
  } else if (one != nullptr && one->date.ok()) {
    instead = fmt::format("; write the date it means: '{}'",
                          format_date(year_month_day{local_days{one->date} + offset}));
  }
  s.error("E0213",
          fmt::format("a day offset follows only a weekday of a month or Easter, and only once "
                      "('4th thu of nov + 1', 'easter - 2'){}",
                      instead),
          span);
}

void holiday_nth(ParseState& s, int n) {
  s.holiday.date = NthWeekday{month{static_cast<unsigned>(s.month_value)},
                              weekday{static_cast<unsigned>(s.weekday_value)}, n};
}

void holiday_date(ParseState& s) {
  s.holiday.date = OneOffDate{s.date_value};
  s.first_date = s.date_value;
}

void holiday_date_range_end(ParseState& s, SourceSpan span) {
  if (local_days{s.date_value} < local_days{s.first_date}) {
    s.error("E0105",
            fmt::format("date range ends ({}) before it begins ({})", format_date(s.date_value),
                        format_date(s.first_date)),
            span);
  }
  s.holiday.date = DateRange{s.first_date, s.date_value};
}

void holiday_month_day(ParseState& s, SourceSpan span) {
  if (auto md = checked_month_day(s, span)) s.holiday.date = FixedDate{*md};
}

void holiday_month_day_range_end(ParseState& s, SourceSpan span) {
  const auto* first = std::get_if<FixedDate>(&s.holiday.date);
  auto last = checked_month_day(s, span);
  if (first != nullptr && last) s.holiday.date = AnnualRange{first->date, *last};
}

void holiday_observed(ParseState& s, Observance o) {
  s.holiday.observance = o;
}
void holiday_from(ParseState& s) {
  s.holiday.closed_from = s.time_value;
}
void holiday_until(ParseState& s) {
  s.holiday.closed_until = s.time_value;
}
void holiday_skip_year(ParseState& s) {
  s.holiday.skip_years.push_back(s.int_value);
}
void holiday_first_year(ParseState& s) {
  s.holiday.first_year = s.int_value;
}
void holiday_last_year(ParseState& s) {
  s.holiday.last_year = s.int_value;
}

void holiday_line(ParseState& s, SourceSpan span, bool closed_form) {
  s.calendar.lines.emplace_back(HolidayLine{std::move(s.holiday), closed_form, span});
  s.holiday = {};
  s.in_calendar_line = false;
}

void begin_open(ParseState& s) {
  s.in_calendar_line = true;
}

void open_date(ParseState& s) {
  s.ranges.clear();
  s.range_spans.clear();
  s.first_date = s.date_value;
  s.open_extra = false;
}

void open_extra(ParseState& s) {
  s.open_extra = true;
}

void open_line(ParseState& s, SourceSpan span) {
  s.calendar.lines.emplace_back(
      OpenLine{DateOverride{s.first_date, std::move(s.ranges), s.open_extra}, span});
  s.ranges.clear();
  s.range_spans.clear();
  s.in_calendar_line = false;
}

}  // namespace slakit::parser
