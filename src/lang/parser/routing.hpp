// route NAME [when CONDITION] -> queue Q, priority P, team T, skills [a, b]
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct route_decl_id;
using route_decl_type = x3::rule<route_decl_id>;
BOOST_SPIRIT_DECLARE(route_decl_type)

const route_decl_type& route_decl();

}  // namespace slakit::parser
