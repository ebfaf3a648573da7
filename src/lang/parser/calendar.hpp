// calendar NAME { zone "..."  mon..fri 08:00-17:00  holiday ...  closed ...  open ... }
// calendar NAME = a | b | c [zone "..."]   (or a & b, or a - b)
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct calendar_decl_id;
using calendar_decl_type = x3::rule<calendar_decl_id>;
BOOST_SPIRIT_DECLARE(calendar_decl_type)

inline constexpr calendar_decl_type calendar_decl_rule{"a calendar"};

}  // namespace slakit::parser
