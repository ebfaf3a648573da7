// Semantic actions of the calendar grammar.
#pragma once

#include "parse_state.hpp"

namespace slakit::parser {

void calendar_name(ParseState& s);
void calendar_part(ParseState& s);
void zone_begin(ParseState& s);
void zone_field(ParseState& s);
void zone_line(ParseState& s, SourceSpan span);
void day_first(ParseState& s);
void day_last(ParseState& s);
void range_open(ParseState& s);
void range_close(ParseState& s);
void range_span(ParseState& s, SourceSpan span);
void weekly_line(ParseState& s, SourceSpan span);

void begin_holiday(ParseState& s);
void holiday_name(ParseState& s);
void holiday_easter(ParseState& s, EasterKind kind);
void holiday_day_offset(ParseState& s, int sign);
void holiday_stray_offset(ParseState& s, SourceSpan span);
void holiday_nth(ParseState& s, int n);
void holiday_date(ParseState& s);
void holiday_date_range_end(ParseState& s, SourceSpan span);
void holiday_month_day(ParseState& s, SourceSpan span);
void holiday_month_day_range_end(ParseState& s, SourceSpan span);
void holiday_observed(ParseState& s, Observance o);
void holiday_from(ParseState& s);
void holiday_until(ParseState& s);
void holiday_skip_year(ParseState& s);
void holiday_first_year(ParseState& s);
void holiday_last_year(ParseState& s);
void holiday_line(ParseState& s, SourceSpan span, bool closed_form);

void begin_open(ParseState& s);
void open_date(ParseState& s);
void open_extra(ParseState& s);
void open_line(ParseState& s, SourceSpan span);

}  // namespace slakit::parser
