#pragma once

#include "actions.hpp"
#include "expr.hpp"
#include "routing.hpp"
#include "tokens.hpp"

namespace slakit::parser {
const route_decl_type route_decl_rule = "a route";

const auto skill = name[act([](ParseState& s) { s.route.skills.push_back(s.name_value); })];

const auto route_action =
    x3::rule<struct route_action_id>{"a route action (queue, priority, team, skills)"} =
        (kw("queue") > name[act(route_queue)]) | (kw("priority") > name[act(route_priority)]) |
        (kw("team") > name[act(route_team)]) | (kw("skills") > '[' > -(skill % ',') > ']');

const auto route_decl_rule_def =
    x3::raw[kw("route")[act(begin_declaration)] >
            name[act([](ParseState& s) { s.route.name = s.name_value; })] >
            -(kw("when") > condition()[act([](ParseState& s) { s.route.when = pop_expr(s); })]) >
            "->" > (route_action % ',')][act_span(commit_route)];

BOOST_SPIRIT_DEFINE(route_decl_rule)

}  // namespace slakit::parser
