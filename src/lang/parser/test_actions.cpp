#include "test_actions.hpp"

#include <fmt/format.h>

#include "actions.hpp"
#include "slakit/error.hpp"
#include "slakit/time/parse_time.hpp"

namespace slakit::parser {

void begin_test(ParseState& s) {
  begin_declaration(s);
}

void test_name(ParseState& s, SourceSpan span) {
  s.test.name = {s.string_value, span};
}

void commit_test(ParseState& s, SourceSpan span) {
  s.test.span = span;
  s.file.declarations.emplace_back(std::move(s.test));
  s.test = {};
}

void set_rfc3339(ParseState& s, const char* first, const char* last) {
  s.instant = {};
  s.instant.rfc3339.assign(first, last);
  try {
    // The grammar admits only texts with an offset, so the zone is never read.
    static const TimeZone utc = TimeZone::locate("UTC");
    s.instant.utc = parse_time(s.instant.rfc3339, utc, Fractions::reject);
  } catch (const Error& e) {
    s.error("E0101", fmt::format("invalid instant '{}': {}", s.instant.rfc3339, e.what()),
            s.span(first, last));
  }
}

void begin_local(ParseState& s) {
  s.instant = {};
  s.instant.date = s.date_value;
}

void local_time(ParseState& s) {
  s.instant.time = s.time_value;
  s.instant.calendar = s.name_value;
}

void local_zone(ParseState& s, SourceSpan span) {
  s.instant.time = s.time_value;
  s.instant.zone = Name{s.string_value, span};
}

void instant_span(ParseState& s, SourceSpan span) {
  s.instant.span = span;
}

void value_from_instant(ParseState& s, SourceSpan span) {
  s.value = {};
  s.value.instant = s.instant;
  s.value.span = span;
}

void value_from_literal(ParseState& s) {
  s.value = {};
  auto e = pop_expr(s);
  s.value.literal = std::move(e.literal);
  s.value.span = e.span;
}

void field_line_path(ParseState& s) {
  s.test_field = {};
  s.test_field.path = s.name_value;
}

void field_line(ParseState& s, SourceSpan span) {
  s.test_field.value = std::move(s.value);
  s.test_field.span = span;
  s.test.lines.emplace_back(std::move(s.test_field));
  s.test_field = {};
}

void begin_event(ParseState& s) {
  s.test_event = {};
}

void event_kind(ParseState& s, SourceSpan span) {
  s.test_event.at = s.instant;
  s.test_event.event = {std::string{s.text_begin() + span.begin, span.end - span.begin}, span};
}

void event_to(ParseState& s) {
  s.test_event.to = s.name_value;
}
void event_to_team(ParseState& s) {
  s.test_event.team = s.name_value;
}
void event_agent(ParseState& s) {
  s.test_event.agent = s.name_value;
}
void event_private(ParseState& s) {
  s.test_event.is_private = true;
}

void event_change_path(ParseState& s) {
  s.test_event.change = TestField{s.name_value, {}, {}};
}

void event_change_value(ParseState& s, SourceSpan span) {
  s.test_event.change->value = std::move(s.value);
  s.test_event.change->span = span;
}

void event_line(ParseState& s, SourceSpan span) {
  s.test_event.span = span;
  s.test.lines.emplace_back(std::move(s.test_event));
  s.test_event = {};
}

void now_line(ParseState& s, SourceSpan span) {
  s.test.lines.emplace_back(TestNow{s.instant, span});
}

void begin_expectation(ParseState& s) {
  s.expectation = {};
  s.names.clear();
}

void expect_kind(ParseState& s, Expectation::Kind kind) {
  s.expectation.kind = kind;
}

void expect_name(ParseState& s) {
  s.expectation.name = s.name_value;
}

void expect_names(ParseState& s) {
  s.expectation.names = std::move(s.names);
  s.names.clear();
}

void expect_target(ParseState& s) {
  s.expectation.kind = Expectation::Kind::target;
  s.expectation.target = s.name_value;
}

void expect_cycle(ParseState& s, SourceSpan span) {
  s.expectation.cycle = s.int_value;
  s.expectation.cycle_span = span;
}

void expect_check(ParseState& s, Expectation::Check check) {
  s.expectation.check = check;
}

void expect_state(ParseState& s, const char* state) {
  s.expectation.check = Expectation::Check::state;
  s.expectation.state = state;
}

void expect_at(ParseState& s) {
  s.expectation.at = s.instant;
}

void expect_from(ParseState& s) {
  s.expectation.from = s.instant;
}

void expect_duration(ParseState& s, SourceSpan span) {
  s.expectation.duration = s.duration_value;
  s.expectation.duration_span = span;
}

void expectation_line(ParseState& s, SourceSpan span) {
  s.expectation.span = span;
  s.test.lines.emplace_back(std::move(s.expectation));
  s.expectation = {};
}

}  // namespace slakit::parser
