// A rule file: declarations, with recovery after an error at the next line
// that starts, in column 1, with a declaration keyword.
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct file_id;
using file_type = x3::rule<file_id>;
BOOST_SPIRIT_DECLARE(file_type)

inline constexpr file_type file{"a rule file"};

}  // namespace slakit::parser
