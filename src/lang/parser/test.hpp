// test "NAME" { PATH = VALUE  at INSTANT EVENT ...  now INSTANT  expect ... }
#pragma once

#include "config.hpp"

namespace slakit::parser {

struct test_decl_id;
using test_decl_type = x3::rule<test_decl_id>;
BOOST_SPIRIT_DECLARE(test_decl_type)

inline constexpr test_decl_type test_decl_rule{"a test"};

}  // namespace slakit::parser
