#pragma once

#include "actions.hpp"
#include "calendar.hpp"
#include "calendar_actions.hpp"
#include "tokens.hpp"

namespace slakit::parser {
const calendar_decl_type calendar_decl_rule = "a calendar";
const x3::rule<struct time_ranges_id> time_ranges = "opening hours 'HH:MM-HH:MM'";
const x3::rule<struct day_id> day = "a weekday (mon, tue, wed, thu, fri, sat, sun)";
const x3::rule<struct month_id> month = "a month (jan to dec)";
const x3::rule<struct holiday_when_id> holiday_when =
    "a holiday date (jan 1, 4th thu of nov, easter - 2, 2026-12-24)";
const x3::rule<struct year_id> year_number = "a year";

template <int N>
const auto set_weekday = act([](ParseState& s) { s.weekday_value = N; });
template <int N>
const auto set_month = act([](ParseState& s) { s.month_value = N; });

const auto day_def = kw("sun")[set_weekday<0>] | kw("mon")[set_weekday<1>] |
                     kw("tue")[set_weekday<2>] | kw("wed")[set_weekday<3>] |
                     kw("thu")[set_weekday<4>] | kw("fri")[set_weekday<5>] |
                     kw("sat")[set_weekday<6>];

const auto month_def = kw("jan")[set_month<1>] | kw("feb")[set_month<2>] | kw("mar")[set_month<3>] |
                       kw("apr")[set_month<4>] | kw("may")[set_month<5>] | kw("jun")[set_month<6>] |
                       kw("jul")[set_month<7>] | kw("aug")[set_month<8>] | kw("sep")[set_month<9>] |
                       kw("oct")[set_month<10>] | kw("nov")[set_month<11>] |
                       kw("dec")[set_month<12>];

const auto year_number_def = integer;

const auto time_range = time_of_day[act(range_open)] > '-' > time_of_day[act(range_close)];
const auto time_ranges_def = time_range % ',';

// "zone from customer.zone else "Europe/Berlin"": the zone a ticket names.
const auto zone_from = kw("from") > field_path[act(zone_field)] > kw("else") > string_lit;
const auto zone_stmt =
    x3::raw[kw("zone")[act(zone_begin)] > (zone_from | string_lit)][act_span(zone_line)];

const auto day_range = day[act(day_first)] >> -(".." > day[act(day_last)]);
const auto weekly_stmt = x3::raw[(day_range % ',') > time_ranges][act_span(weekly_line)];

const auto easter_date =
    ((kw("orthodox") >
      kw("easter"))[act([](ParseState& s) { holiday_easter(s, EasterKind::orthodox); })] |
     kw("easter")[act([](ParseState& s) { holiday_easter(s, EasterKind::western); })]) >>
    -(('+' > integer)[act([](ParseState& s) { holiday_easter_offset(s, 1); })] |
      ('-' > integer)[act([](ParseState& s) { holiday_easter_offset(s, -1); })]);

template <int N>
const auto nth = (day > kw("of") > month)[act([](ParseState& s) { holiday_nth(s, N); })];
const auto nth_date = (kw("1st") > nth<1>) | (kw("2nd") > nth<2>) | (kw("3rd") > nth<3>) |
                      (kw("4th") > nth<4>) | (kw("5th") > nth<5>) | (kw("last") > nth<-1>);

const auto dated = date_lit[act(holiday_date)] >>
                   -(".." > x3::raw[date_lit][act_span(holiday_date_range_end)]);

const auto month_day = x3::raw[month > integer][act_span(holiday_month_day)] >>
                       -(".." > x3::raw[month > integer][act_span(holiday_month_day_range_end)]);

const auto holiday_when_def = easter_date | nth_date | dated | month_day;

const auto observance =
    kw("observed")[act([](ParseState& s) { holiday_observed(s, Observance::nearest_weekday); })] >>
    -(kw("nearest") |
      kw("sunday")[act([](ParseState& s) { holiday_observed(s, Observance::sunday_to_monday); })] |
      kw("substitute")[act([](ParseState& s) {
        holiday_observed(s, Observance::next_free_weekday);
      })]);

const auto holiday_modifier = observance | (kw("from") > time_of_day[act(holiday_from)]) |
                              (kw("until") > time_of_day[act(holiday_until)]) |
                              (kw("except") > (year_number[act(holiday_skip_year)] % ',')) |
                              (kw("since") > year_number[act(holiday_first_year)]) |
                              (kw("through") > year_number[act(holiday_last_year)]);

const auto holiday_stmt =
    x3::raw[kw("holiday")[act(begin_holiday)] > string_lit[act(holiday_name)] > holiday_when >
            *holiday_modifier]
           [act_span([](ParseState& s, SourceSpan sp) { parser::holiday_line(s, sp, false); })];

// A dated break: "closed 2026-12-23 12:00-13:00" is "from 12:00 until 13:00".
const auto dated_break = time_of_day[act(holiday_from)] > '-' > time_of_day[act(holiday_until)];

const auto closed_stmt =
    x3::raw[kw("closed")[act(begin_holiday)] > dated > -dated_break > *holiday_modifier]
           [act_span([](ParseState& s, SourceSpan sp) { parser::holiday_line(s, sp, true); })];

const auto open_stmt = x3::raw[kw("open") > date_lit[act(open_date)] > time_ranges >>
                               -kw("extra")[act(open_extra)]][act_span(open_line)];

const auto calendar_line = zone_stmt | holiday_stmt | closed_stmt | open_stmt | weekly_stmt;

const auto calendar_end = x3::rule<struct calendar_end_id>{
    "a calendar line (zone, a weekday, holiday, closed, open) or '}'"} = x3::lit('}');

// A composed calendar: one kind of operator per declaration, so that no
// precedence needs learning; an inner composition gets a name of its own.
const x3::rule<struct composition_id> composition =
    "an operator: '|' (open when any is), '&' (when all are) or '-' (minus)";
template <CalendarOp Op>
const auto set_op = act([](ParseState& s) { s.calendar.op = Op; });
const auto part = name[act(calendar_part)];
const auto composition_def = +(x3::lit('|')[set_op<CalendarOp::union_of>] > part) |
                             +(x3::lit('&')[set_op<CalendarOp::intersection>] > part) |
                             (x3::lit('-')[set_op<CalendarOp::difference>] > part);
const auto composition_end =
    x3::rule<struct composition_end_id>{
        "the end of the calendar (one kind of operator per calendar: name the inner one)"} =
        !(x3::lit('|') | '&' | '-');

const x3::rule<struct calendar_body_id> calendar_body =
    "'{' (a calendar's hours) or '=' (a composed calendar)";
const auto calendar_body_def = ('{' > *calendar_line > calendar_end) |
                               ('=' > part > composition > -zone_stmt > composition_end);

const auto calendar_decl_rule_def =
    x3::raw[kw("calendar")[act(begin_declaration)] > name[act(calendar_name)] > calendar_body]
           [act_span(commit_calendar)];

BOOST_SPIRIT_DEFINE(calendar_decl_rule, time_ranges, day, month, holiday_when, year_number,
                    composition, calendar_body)

}  // namespace slakit::parser
