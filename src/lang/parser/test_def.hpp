#pragma once

#include "actions.hpp"
#include "expr.hpp"
#include "name_list.hpp"
#include "test.hpp"
#include "test_actions.hpp"
#include "tokens.hpp"

namespace slakit::parser {
constexpr x3::rule<struct instant_id> instant =
    "an instant (2026-03-27T15:00:00Z, 2026-03-27 16:00 in CALENDAR, or 2026-03-27 16:00 in "
    "\"ZONE\")";
constexpr x3::rule<struct test_value_id> test_value = "a value";
constexpr x3::rule<struct test_duration_id> test_duration = "a duration (4h, 1h30m, 0s, 3bd)";

constexpr auto two_digits = digit >> digit;
// "2026-03-27T15:00:00Z", "2026-03-27T16:00+01:00": the offset is required,
// so that a test means one instant wherever it runs.
constexpr auto rfc3339_text =
    x3::lexeme[two_digits >> two_digits >> '-' >> two_digits >> '-' >> two_digits >> 'T' >>
               two_digits >> ':' >> two_digits >> -(':' >> two_digits) >>
               (x3::lit('Z') | ((x3::lit('+') | '-') >> two_digits >> ':' >> two_digits)) >>
               word_end];

constexpr auto instant_def =
    x3::raw[with_text(rfc3339_text, setter(set_rfc3339)) |
            (date_lit[act(begin_local)] >>
             -(time_of_day > kw<"in">() >
               named("a calendar's name or a time zone in double quotes",
                     x3::raw[string_lit][act_span(local_zone)] | name[act(local_time)])))]
           [act_span(instant_span)];

constexpr auto test_value_def =
    x3::raw[instant][act_span(value_from_instant)] | literal[act(value_from_literal)];
constexpr auto test_duration_def = duration;

// PATH = VALUE
constexpr auto field_line_rule =
    x3::raw[field_path[act(field_line_path)] > '=' > test_value][act_span(field_line)];

// at INSTANT EVENT [to team T] [to STATUS] [agent A] [private]
// at INSTANT field_changed PATH = VALUE
constexpr auto event_part =
    (kw<"to">() > ((kw<"team">() > name[act(event_to_team)]) | name[act(event_to)])) |
    (kw<"agent">() > name[act(event_agent)]) | kw<"private">()[act(event_private)];
constexpr auto field_change =
    x3::raw[field_path[act(event_change_path)] > '=' > test_value][act_span(event_change_value)];
constexpr auto event_body = x3::raw[kw<"field_changed">()][act_span(event_kind)] > field_change;
constexpr auto event_line_rule =
    x3::raw[kw<"at">()[act(begin_event)] > instant >
            (event_body | (x3::raw[name][act_span(event_kind)] >> *event_part))]
           [act_span(event_line)];

constexpr auto now_line_rule = x3::raw[kw<"now">() > instant][act_span(now_line)];

template <Expectation::Kind K>
constexpr auto kind_is = act([](ParseState& s) { expect_kind(s, K); });
template <Expectation::Check C>
constexpr auto check_is = act([](ParseState& s) { expect_check(s, C); });

constexpr auto name_or_none = kw<"none">() | name[act(expect_name)];
constexpr auto named_expectation =
    (kw<"queue">()[kind_is<Expectation::Kind::queue>] > name_or_none) |
    (kw<"team">()[kind_is<Expectation::Kind::team>] > name_or_none) |
    (kw<"priority">()[kind_is<Expectation::Kind::priority>] > name_or_none) |
    (kw<"route">()[kind_is<Expectation::Kind::route>] > name_or_none) |
    (kw<"sla">()[kind_is<Expectation::Kind::sla>] > name_or_none);
constexpr auto list_expectation =
    ((kw<"skills">()[kind_is<Expectation::Kind::skills>] |
      kw<"tags">()[kind_is<Expectation::Kind::tags>] |
      kw<"olas">()[kind_is<Expectation::Kind::olas>]) > name_list)[act(expect_names)];
constexpr auto deadline_expectation = kw<"deadline">()[kind_is<Expectation::Kind::deadline>] >
                                      name[act(expect_name)] >
                                      kw<"from">() > instant[act(expect_from)] > kw<"add">() >
                                      x3::raw[test_duration][act_span(expect_duration)] >
                                      '=' > instant[act(expect_at)];

template <const char* State>
constexpr auto state_is = act([](ParseState& s) { expect_state(s, State); });
inline constexpr char kRunning[] = "running", kPaused[] = "paused", kMet[] = "met",
                      kBreached[] = "breached", kCancelled[] = "cancelled";

constexpr auto target_check =
    x3::rule<struct target_check_id>{
        "running, paused, met, breached, cancelled, none, due, remaining, overdue, warning, "
        "escalation or breach"} =
        kw<"running">()[state_is<kRunning>] | kw<"paused">()[state_is<kPaused>] |
        kw<"met">()[state_is<kMet>] | kw<"breached">()[state_is<kBreached>] |
        kw<"cancelled">()[state_is<kCancelled>] |
        kw<"none">()[check_is<Expectation::Check::no_cycle>] |
        (kw<"due">() > (kw<"none">()[check_is<Expectation::Check::no_due>] |
                        instant[check_is<Expectation::Check::due>][act(expect_at)])) |
        (kw<"remaining">()[check_is<Expectation::Check::remaining>] >
         x3::raw[test_duration][act_span(expect_duration)]) |
        (kw<"overdue">()[check_is<Expectation::Check::overdue>] >
         x3::raw[test_duration][act_span(expect_duration)]) |
        // `warning at none`: no warn line is reached (at is left empty).
        ((kw<"warning">()[check_is<Expectation::Check::warning>] |
          kw<"escalation">()[check_is<Expectation::Check::escalation>]) > kw<"at">() >
         (kw<"none">() | instant[act(expect_at)])) |
        (kw<"breach">()[check_is<Expectation::Check::breach>] > kw<"at">() >
         instant[act(expect_at)]);

constexpr auto cycle_part = x3::raw[kw<"cycle">() > integer][act_span(expect_cycle)];
constexpr auto target_expectation = field_path[act(expect_target)] > -cycle_part > target_check;

constexpr auto expectation =
    x3::rule<struct expectation_id>{
        "an expectation (queue, team, priority, route, sla, skills, tags, olas, deadline, or "
        "POLICY.METRIC)"} =
        target_expectation | named_expectation | list_expectation | deadline_expectation;

constexpr auto expect_line_rule =
    x3::raw[kw<"expect">()[act(begin_expectation)] > expectation][act_span(expectation_line)];

constexpr auto test_end =
    x3::rule<struct test_end_id>{"a test line (PATH = VALUE, at, now, expect) or '}'"} =
        x3::lit('}');

constexpr auto test_line = expect_line_rule | event_line_rule | now_line_rule | field_line_rule;

constexpr auto test_decl_rule_def =
    x3::raw[kw<"test">()[act(begin_test)] > x3::raw[string_lit][act_span(test_name)] > '{' >
            *test_line > test_end][act_span(commit_test)];

BOOST_SPIRIT_DEFINE(test_decl_rule, instant, test_value, test_duration)

}  // namespace slakit::parser
