#pragma once

#include "actions.hpp"
#include "calendar.hpp"
#include "calendar_actions.hpp"
#include "tokens.hpp"

namespace slakit::parser {
constexpr x3::rule<struct time_ranges_id> time_ranges = "opening hours 'HH:MM-HH:MM'";
constexpr x3::rule<struct day_id> day = "a weekday (mon, tue, wed, thu, fri, sat, sun)";
constexpr x3::rule<struct month_id> month = "a month (jan to dec)";
constexpr x3::rule<struct holiday_when_id> holiday_when =
    "a holiday date (jan 1, 4th thu of nov, easter - 2, 2026-12-24)";
constexpr x3::rule<struct year_id> year_number = "a year";

template <int N>
constexpr auto set_weekday = act([](ParseState& s) { s.weekday_value = N; });
template <int N>
constexpr auto set_month = act([](ParseState& s) { s.month_value = N; });

constexpr auto day_def = kw<"sun">()[set_weekday<0>] | kw<"mon">()[set_weekday<1>] |
                         kw<"tue">()[set_weekday<2>] | kw<"wed">()[set_weekday<3>] |
                         kw<"thu">()[set_weekday<4>] | kw<"fri">()[set_weekday<5>] |
                         kw<"sat">()[set_weekday<6>];

constexpr auto month_def =
    kw<"jan">()[set_month<1>] | kw<"feb">()[set_month<2>] | kw<"mar">()[set_month<3>] |
    kw<"apr">()[set_month<4>] | kw<"may">()[set_month<5>] | kw<"jun">()[set_month<6>] |
    kw<"jul">()[set_month<7>] | kw<"aug">()[set_month<8>] | kw<"sep">()[set_month<9>] |
    kw<"oct">()[set_month<10>] | kw<"nov">()[set_month<11>] | kw<"dec">()[set_month<12>];

constexpr auto year_number_def = integer;

constexpr auto time_range = x3::raw[time_of_day[act(range_open)] > '-' >
                                    time_of_day[act(range_close)]][act_span(range_span)];
constexpr auto time_ranges_def = time_range % ',';

// "zone from customer.zone else "Europe/Berlin"": the zone a ticket names.
constexpr auto zone_from = kw<"from">() > field_path[act(zone_field)] > kw<"else">() > string_lit;
constexpr auto zone_stmt =
    x3::raw[kw<"zone">()[act(zone_begin)] > (zone_from | string_lit)][act_span(zone_line)];

constexpr auto day_range = day[act(day_first)] >> -(".." > day[act(day_last)]);
constexpr auto weekly_stmt = x3::raw[(day_range % ',') > time_ranges][act_span(weekly_line)];

// "easter - 2", "4th thu of nov + 1": days after or before the date.
constexpr auto day_offset = ('+' > integer)[act([](ParseState& s) { holiday_day_offset(s, 1); })] |
                            ('-' > integer)[act([](ParseState& s) { holiday_day_offset(s, -1); })];

constexpr auto easter_date =
    ((kw<"orthodox">() >
      kw<"easter">())[act([](ParseState& s) { holiday_easter(s, EasterKind::orthodox); })] |
     kw<"easter">()[act([](ParseState& s) { holiday_easter(s, EasterKind::western); })]) >>
    -day_offset;

template <int N>
constexpr auto nth = (day > kw<"of">() > month)[act([](ParseState& s) { holiday_nth(s, N); })];
constexpr auto nth_date =
    ((kw<"1st">() > nth<1>) | (kw<"2nd">() > nth<2>) | (kw<"3rd">() > nth<3>) |
     (kw<"4th">() > nth<4>) | (kw<"5th">() > nth<5>) | (kw<"last">() > nth<-1>)) >>
    -day_offset;

constexpr auto dated = date_lit[act(holiday_date)] >>
                       -(".." > x3::raw[date_lit][act_span(holiday_date_range_end)]);

constexpr auto month_day = x3::raw[month > integer][act_span(holiday_month_day)] >>
                           -(".." >
                             x3::raw[month > integer][act_span(holiday_month_day_range_end)]);

constexpr auto holiday_when_def = easter_date | nth_date | dated | month_day;

// An offset after a date that takes none ("dec 24 + 1"), or a second one:
// read, so that the error can say what to write instead. The lookahead
// keeps a line without one from ending after the blanks that follow it: raw[]
// skips them before it tries its subject, and keeps them skipped when it fails.
constexpr auto stray_offset =
    &(x3::lit('+') | '-') >>
    x3::raw[('+' > integer) | ('-' > integer[act([](ParseState& s) { s.int_value *= -1; })])]
           [act_span(holiday_stray_offset)];

constexpr auto observance = kw<"observed">()[act([](ParseState& s) {
                              holiday_observed(s, Observance::nearest_weekday);
                            })] >>
                            -(kw<"nearest">() |
                              (kw<"sunday">()[act([](ParseState& s) {
                                 holiday_observed(s, Observance::sunday_to_monday);
                               })] >>
                               -kw<"substitute">()[act([](ParseState& s) {
                                 holiday_observed(s, Observance::sunday_to_next_free);
                               })]) |
                              kw<"substitute">()[act([](ParseState& s) {
                                holiday_observed(s, Observance::next_free_weekday);
                              })]);

constexpr auto holiday_modifier = observance | (kw<"from">() > time_of_day[act(holiday_from)]) |
                                  (kw<"until">() > time_of_day[act(holiday_until)]) |
                                  (kw<"except">() > (year_number[act(holiday_skip_year)] % ',')) |
                                  (kw<"since">() > year_number[act(holiday_first_year)]) |
                                  (kw<"through">() > year_number[act(holiday_last_year)]);

constexpr auto holiday_stmt =
    x3::raw[kw<"holiday">()[act(begin_holiday)] > string_lit[act(holiday_name)] > holiday_when >>
            -stray_offset >> *holiday_modifier]
           [act_span([](ParseState& s, SourceSpan sp) { parser::holiday_line(s, sp, false); })];

// A dated break: "closed 2026-12-23 12:00-13:00" is "from 12:00 until 13:00".
// Named, so that "closed 2026-12-31 12:00" (a missing 'from') says both.
constexpr auto break_end =
    x3::rule<struct break_end_id>{
        "'-' and the time the break ends (12:00-13:00), or 'from' "
        "before the time to close the rest of the date"} =
        x3::lit('-') > time_of_day[act(holiday_until)];
constexpr auto dated_break = time_of_day[act(holiday_from)] > break_end;

constexpr auto closed_stmt =
    x3::raw[kw<"closed">()[act(begin_holiday)] > dated >> -stray_offset > -dated_break >
            *holiday_modifier]
           [act_span([](ParseState& s, SourceSpan sp) { parser::holiday_line(s, sp, true); })];

constexpr auto open_stmt =
    x3::raw[kw<"open">()[act(begin_open)] > date_lit[act(open_date)] > time_ranges >>
            -kw<"extra">()[act(open_extra)]][act_span(open_line)];

constexpr auto calendar_line = zone_stmt | holiday_stmt | closed_stmt | open_stmt | weekly_stmt;

constexpr auto calendar_end = x3::rule<struct calendar_end_id>{
    "a calendar line (zone, a weekday, holiday, closed, open) or '}'"} = x3::lit('}');

// A composed calendar: one kind of operator per declaration, so that no
// precedence needs learning; an inner composition gets a name of its own.
constexpr x3::rule<struct composition_id> composition =
    "an operator: '|' (open when any is), '&' (when all are) or '-' (minus)";
template <CalendarOp Op>
constexpr auto set_op = act([](ParseState& s) { s.calendar.op = Op; });
constexpr auto part = name[act(calendar_part)];
constexpr auto composition_def = +(x3::lit('|')[set_op<CalendarOp::union_of>] > part) |
                                 +(x3::lit('&')[set_op<CalendarOp::intersection>] > part) |
                                 (x3::lit('-')[set_op<CalendarOp::difference>] > part);
constexpr auto composition_end =
    x3::rule<struct composition_end_id>{
        "the end of the calendar (one kind of operator per calendar: name the inner one)"} =
        !(x3::lit('|') | '&' | '-');

constexpr x3::rule<struct calendar_body_id> calendar_body =
    "'{' (a calendar's hours) or '=' (a composed calendar)";
constexpr auto calendar_body_def = ('{' > *calendar_line > calendar_end) |
                                   ('=' > part > composition > -zone_stmt > composition_end);

constexpr auto calendar_decl_rule_def =
    x3::raw[kw<"calendar">()[act(begin_declaration)] > name[act(calendar_name)] > calendar_body]
           [act_span(commit_calendar)];

BOOST_SPIRIT_DEFINE(calendar_decl_rule, time_ranges, day, month, holiday_when, year_number,
                    composition, calendar_body)

}  // namespace slakit::parser
