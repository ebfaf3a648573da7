#pragma once

#include "actions.hpp"
#include "expr.hpp"
#include "policy.hpp"
#include "policy_actions.hpp"
#include "tokens.hpp"

namespace slakit::parser {
constexpr x3::rule<struct business_duration_id> business_duration =
    "a duration (4h, 1h30m, 45m, 3bd, 3 business days)";
constexpr x3::rule<struct event_id> event = "an event (created, assigned, solved, ...)";
constexpr x3::rule<struct percentage_id> percentage = "a percentage (75%)";

constexpr auto business_duration_def = duration;
constexpr auto percentage_def = percent;

template <Metric M>
constexpr auto metric = act([](ParseState& s) { begin_target(s, M); });

constexpr auto metric_keyword = kw<"first_response">()[metric<Metric::first_response>] |
                                kw<"next_response">()[metric<Metric::next_response>] |
                                kw<"resolution">()[metric<Metric::resolution>] |
                                kw<"periodic_update">()[metric<Metric::periodic_update>] |
                                kw<"target">()[metric<Metric::target>];

constexpr auto case_stmt =
    x3::raw[kw<"otherwise">() > business_duration]
           [act_span([](ParseState& s, SourceSpan sp) { parser::target_case(s, sp, false); })] |
    x3::raw[(business_duration >> kw<"when">()) > condition_rule]
           [act_span([](ParseState& s, SourceSpan sp) { parser::target_case(s, sp, true); })] |
    x3::raw[business_duration]
           [act_span([](ParseState& s, SourceSpan sp) { parser::target_case(s, sp, false); })];

constexpr auto before_form = x3::raw[kw<"before">() > field_path[act(before_field)] >
                                     -(&x3::lit('-') > '-' > business_duration[act(before_margin)])]
                                    [act_span(target_before)];

// A defined rule, not an inline one: an inline rule puts itself into the
// context, and condition_rule is instantiated for the plain context only.
constexpr x3::rule<struct target_value_id> target_value = "a duration, or 'before' a date field";
constexpr auto target_value_def = before_form | (case_stmt % ',');

constexpr auto reopen_rule =
    x3::raw[kw<"on">() > kw<"reopen">() >
            (kw<"continue">()[act(
                 [](ParseState& s) { s.target.reopen = Reopen::continue_counting; })] |
             kw<"restart">()[act([](ParseState& s) { s.target.reopen = Reopen::restart; })])]
           [act_span([](ParseState& s, SourceSpan sp) { s.target.reopen_span = sp; })];

// An optional tail is tried behind a look-ahead: a failed keyword has already
// skipped the blanks and comments before it, and raw[] would take the comment
// behind the line into the line's span.
constexpr auto target_stmt =
    x3::raw[metric_keyword > target_value > -(&kw<"on">() > reopen_rule)][act_span(target_line)];

// "calendar from customer.calendar else emea_support": the calendar a ticket
// names. `from` followed by a field path, so that a calendar named `from`
// still reads as one.
constexpr auto calendar_stmt = kw<"calendar">() >
                               (((kw<"from">() >> field_path[act(policy_calendar_field)]) >
                                 kw<"else">() > name[act(policy_calendar)]) |
                                name[act(policy_calendar)]);
constexpr auto pause_stmt = kw<"pause">() > kw<"while">() > condition_rule[act(policy_pause)];

constexpr auto event_def = x3::raw[name][act_span(event_name)] >>
                           -(kw<"to">() > kw<"team">() > name[act(event_team)]);
constexpr auto events = x3::eps[act(begin_events)] >> (event % ',');
constexpr auto start_stmt = kw<"start">() >
                            kw<"on">() > events[act([](ParseState& s) { policy_events(s, true); })];
constexpr auto stop_stmt = kw<"stop">() >
                           kw<"on">() > events[act([](ParseState& s) { policy_events(s, false); })];

// When a threshold fires: "at 75%", "1h before due" or "2h after due".
// (A named rule, so that a line that is neither says what both would be.)
template <ThresholdForm F>
constexpr auto threshold_form = act([](ParseState& s) { s.threshold_form = F; });
constexpr auto due_side = x3::rule<struct due_side_id>{"'before' or 'after'"} =
    kw<"before">()[threshold_form<ThresholdForm::before_due>] |
    kw<"after">()[threshold_form<ThresholdForm::after_due>];
constexpr auto threshold_when =
    x3::rule<struct threshold_when_id>{
        "'at' and a percentage (at 75%), or a duration before or after the due (1h before due)"} =
        (kw<"at">()[threshold_form<ThresholdForm::percent>] > percentage) |
        (business_duration > due_side > kw<"due">());

constexpr auto warn_stmt =
    x3::raw[kw<"warn">() > threshold_when]
           [act_span([](ParseState& s, SourceSpan sp) { threshold(s, sp, false); })];
constexpr auto escalation_target =
    x3::rule<struct escalation_target_id>{"'team', 'queue' or 'agent'"} =
        kw<"team">()[act([](ParseState& s) { threshold_target(s, "team"); })] |
        kw<"queue">()[act([](ParseState& s) { threshold_target(s, "queue"); })] |
        kw<"agent">()[act([](ParseState& s) { threshold_target(s, "agent"); })];
constexpr auto escalate_stmt =
    x3::raw[kw<"escalate">() > threshold_when > kw<"to">() > escalation_target > name]
           [act_span([](ParseState& s, SourceSpan sp) { threshold(s, sp, true); })];

constexpr auto policy_line =
    calendar_stmt | pause_stmt | start_stmt | stop_stmt | warn_stmt | escalate_stmt | target_stmt;

constexpr auto policy_end = x3::rule<struct policy_end_id>{
    "a policy line (calendar, first_response, next_response, resolution, periodic_update, "
    "target, pause, start, stop, warn, escalate) or '}'"} = x3::lit('}');

constexpr auto policy_decl_rule_def =
    x3::raw[(kw<"sla">()[act([](ParseState& s) { begin_policy(s, PolicyDecl::Kind::sla); })] |
             kw<"ola">()[act([](ParseState& s) { begin_policy(s, PolicyDecl::Kind::ola); })]) >
            name[act(policy_name)] > -(kw<"for">() > condition_rule[act(policy_applies)]) > '{' >
            *policy_line > policy_end][act_span(commit_policy)];

BOOST_SPIRIT_DEFINE(policy_decl_rule, business_duration, event, percentage, target_value)

}  // namespace slakit::parser
