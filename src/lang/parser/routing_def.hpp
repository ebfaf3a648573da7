#pragma once

#include "actions.hpp"
#include "expr.hpp"
#include "name_list.hpp"
#include "routing.hpp"
#include "tokens.hpp"

namespace slakit::parser {

// "skills [a, b]" or "skills [a] for 10m": the names go to one list or the
// other once the whole action is read.
constexpr auto relaxed_after = kw<"for">()[act([](ParseState& s) { s.relaxed = true; })] > duration;
constexpr auto skills_action = x3::rule<struct skills_action_id>{"skills [..]"} =
    x3::raw[kw<"skills">() > name_list > -relaxed_after][act_span(route_skills)];

constexpr auto route_action =
    x3::rule<struct route_action_id>{"a route action (queue, priority, team, skills, tags, sla)"} =
        (kw<"queue">() > name[act(route_queue)]) | (kw<"priority">() > name[act(route_priority)]) |
        (kw<"team">() > name[act(route_team)]) | skills_action |
        (kw<"tags">() > name_list[act(route_tags)]) | (kw<"sla">() > name[act(route_sla)]);

constexpr auto route_score_part = x3::rule<struct route_score_id>{"score N"} =
    x3::raw[kw<"score">() > integer][act_span(route_score)];

constexpr auto route_decl_rule_def =
    x3::raw[kw<"route">()[act(begin_route)] >
            name[act([](ParseState& s) { s.route.name = s.name_value; })] > -route_score_part >
            -(kw<"when">() >
              condition_rule[act([](ParseState& s) { s.route.when = pop_expr(s); })]) > "->" >
            (route_action % ',')][act_span(commit_route)];

template <HitPolicy P>
constexpr auto hit_policy_is = act([](ParseState& s) { s.group.policy = P; });

constexpr auto hit_policy =
    x3::rule<struct hit_policy_id>{"a hit policy (first, collect or scored)"} =
        kw<"first">()[hit_policy_is<HitPolicy::first>] |
        kw<"collect">()[hit_policy_is<HitPolicy::collect>] |
        kw<"scored">()[hit_policy_is<HitPolicy::scored>];

constexpr auto group_end = x3::rule<struct group_end_id>{"a route or '}'"} = x3::lit('}');

constexpr auto route_group_decl_rule_def =
    x3::raw[kw<"routes">()[act(begin_group)] >
            name[act([](ParseState& s) { s.group.name = s.name_value; })] > hit_policy > '{' >
            *route_decl_rule > group_end][act_span(commit_group)];

BOOST_SPIRIT_DEFINE(route_decl_rule, route_group_decl_rule)

}  // namespace slakit::parser
