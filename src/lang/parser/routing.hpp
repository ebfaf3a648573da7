// route NAME [score N] [when CONDITION] -> queue Q, priority P, team T,
//   skills [a, b], skills [c] for 10m, tags [x], sla NAME
// routes NAME first|collect|scored { route ... }
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct route_decl_id;
using route_decl_type = x3::rule<route_decl_id>;
BOOST_SPIRIT_DECLARE(route_decl_type)

struct route_group_decl_id;
using route_group_decl_type = x3::rule<route_group_decl_id>;
BOOST_SPIRIT_DECLARE(route_group_decl_type)

inline constexpr route_decl_type route_decl_rule{"a route"};
inline constexpr route_group_decl_type route_group_decl_rule{"a group of routes"};

}  // namespace slakit::parser
