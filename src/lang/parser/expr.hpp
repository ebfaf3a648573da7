// Conditions: `ticket.priority == urgent and not (customer.tier in [gold])`.
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct condition_id;
using condition_type = x3::rule<condition_id>;
BOOST_SPIRIT_DECLARE(condition_type)

/// Leaves one Expr on top of ParseState::exprs.
inline constexpr condition_type condition_rule{"a condition"};

struct literal_id;
using literal_type = x3::rule<literal_id>;
BOOST_SPIRIT_DECLARE(literal_type)

/// One value as conditions write it ("urgent", "gold", 12.5, 4h, none):
/// leaves an Expr of kind literal on top of ParseState::exprs.
inline constexpr literal_type literal{"a value"};

}  // namespace slakit::parser
