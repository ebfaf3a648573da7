// sla NAME [for CONDITION] { calendar ... targets ... pause ... warn ... escalate ... }
// ola NAME [for CONDITION] { ... start on EVENTS  stop on EVENTS  target DURATION }
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct policy_decl_id;
using policy_decl_type = x3::rule<policy_decl_id>;
BOOST_SPIRIT_DECLARE(policy_decl_type)

inline constexpr policy_decl_type policy_decl_rule{"an sla or ola"};

}  // namespace slakit::parser
