// Conditions: `ticket.priority == urgent and not (customer.tier in [gold])`.
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct condition_id;
using condition_type = x3::rule<condition_id>;
BOOST_SPIRIT_DECLARE(condition_type)

/// Leaves one Expr on top of ParseState::exprs.
const condition_type& condition();

}  // namespace slakit::parser
