// Semantic actions of the test grammar.
#pragma once

#include "parse_state.hpp"

namespace slakit::parser {

void begin_test(ParseState& s);
void test_name(ParseState& s, SourceSpan span);
void commit_test(ParseState& s, SourceSpan span);

// Instants: RFC 3339, or a date with an optional "HH:MM in CALENDAR" or
// "HH:MM in "ZONE"".
void set_rfc3339(ParseState& s, const char* first, const char* last);
void begin_local(ParseState& s);
void local_time(ParseState& s);
void local_zone(ParseState& s, SourceSpan span);
void instant_span(ParseState& s, SourceSpan span);

// Values: an instant or a literal.
void value_from_instant(ParseState& s, SourceSpan span);
void value_from_literal(ParseState& s);

void field_line_path(ParseState& s);
void field_line(ParseState& s, SourceSpan span);

void begin_event(ParseState& s);
void event_kind(ParseState& s, SourceSpan span);
void event_to(ParseState& s);
void event_to_team(ParseState& s);
void event_agent(ParseState& s);
void event_private(ParseState& s);
void event_change_path(ParseState& s);
void event_change_value(ParseState& s, SourceSpan span);
void event_line(ParseState& s, SourceSpan span);

void now_line(ParseState& s, SourceSpan span);

void begin_expectation(ParseState& s);
void expect_kind(ParseState& s, Expectation::Kind kind);
void expect_name(ParseState& s);
void expect_names(ParseState& s);
void expect_target(ParseState& s);
void expect_cycle(ParseState& s, SourceSpan span);
void expect_check(ParseState& s, Expectation::Check check);
void expect_state(ParseState& s, const char* state);
void expect_at(ParseState& s);
void expect_from(ParseState& s);
void expect_duration(ParseState& s, SourceSpan span);
void expectation_line(ParseState& s, SourceSpan span);

}  // namespace slakit::parser
