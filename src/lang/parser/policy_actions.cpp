#include "policy_actions.hpp"

#include "actions.hpp"

namespace slakit::parser {

void begin_policy(ParseState& s, PolicyDecl::Kind kind) {
  begin_declaration(s);
  s.policy.kind = kind;
}

void policy_name(ParseState& s) {
  s.policy.name = s.name_value;
}
void policy_applies(ParseState& s) {
  s.policy.applies = pop_expr(s);
}
void policy_calendar_field(ParseState& s) {
  s.policy.calendar_field = s.name_value;
}

void policy_calendar(ParseState& s) {
  if (s.policy.calendar) {
    s.error("E0201", "a second calendar line: a policy counts in one calendar", s.name_value.span);
  }
  s.policy.calendar = s.name_value;
}

void begin_target(ParseState& s, Metric metric) {
  s.target = {};
  s.target.metric = metric;
}

void target_case(ParseState& s, SourceSpan span, bool has_condition) {
  TargetCase c{s.duration_value, std::nullopt, span};
  if (has_condition) c.when = pop_expr(s);
  s.target.cases.push_back(std::move(c));
}

void before_field(ParseState& s) {
  s.target.before = DueBefore{s.name_value.text, {}, {}};
}

void before_margin(ParseState& s) {
  s.target.before->margin = s.duration_value;
}

void target_before(ParseState& s, SourceSpan span) {
  s.target.before->span = span;
}

void target_line(ParseState& s, SourceSpan span) {
  s.target.span = span;
  s.policy.targets.push_back(std::move(s.target));
  s.target = {};
}

void policy_pause(ParseState& s) {
  auto condition = pop_expr(s);
  if (s.policy.pause_while) {
    s.error("E0201", "a second 'pause while': join the conditions with 'or'", condition.span);
  }
  s.policy.pause_while = std::move(condition);
}

void begin_events(ParseState& s) {
  s.events.clear();
}

void event_name(ParseState& s, SourceSpan span) {
  s.events.push_back({s.name_value, std::nullopt, span});
}

void event_team(ParseState& s) {
  s.events.back().team = s.name_value;
  s.events.back().span.end = s.name_value.span.end;
}

void policy_events(ParseState& s, bool start) {
  auto& into = start ? s.policy.start_on : s.policy.stop_on;
  for (auto& e : s.events) into.push_back(std::move(e));
  s.events.clear();
}

void threshold(ParseState& s, SourceSpan span, bool escalate) {
  ThresholdLine t;
  t.escalate = escalate;
  t.form = s.threshold_form;
  if (t.form == ThresholdForm::percent) {
    t.percent = s.int_value;
  } else {
    t.offset = s.duration_value;
    t.offset_in_business_days = s.duration_in_business_days;
    t.offset_span = s.duration_span;
  }
  t.span = span;
  if (escalate) {
    t.target_kind = std::move(s.string_value);
    t.target = s.name_value;
  }
  s.policy.thresholds.push_back(std::move(t));
}

void threshold_target(ParseState& s, const char* kind) {
  s.string_value = kind;
}

}  // namespace slakit::parser
