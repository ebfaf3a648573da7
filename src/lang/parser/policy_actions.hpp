// Semantic actions of the policy grammar.
#pragma once

#include "parse_state.hpp"

namespace slakit::parser {

void begin_policy(ParseState& s, PolicyDecl::Kind kind);
void policy_name(ParseState& s);
void policy_applies(ParseState& s);
void policy_calendar(ParseState& s);
void policy_calendar_field(ParseState& s);
void begin_target(ParseState& s, Metric metric);
void target_case(ParseState& s, SourceSpan span, bool has_condition);
void before_field(ParseState& s);
void before_margin(ParseState& s);
void target_before(ParseState& s, SourceSpan span);
void target_line(ParseState& s, SourceSpan span);
void policy_pause(ParseState& s);
void begin_events(ParseState& s);
void event_name(ParseState& s, SourceSpan span);
void event_team(ParseState& s);
void policy_events(ParseState& s, bool start);
void threshold(ParseState& s, SourceSpan span, bool escalate);
void threshold_target(ParseState& s, const char* kind);

}  // namespace slakit::parser
