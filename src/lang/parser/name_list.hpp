// "[a, b]": names in brackets, collected in ParseState::names (skills, tags,
// and the lists a test expects).
#pragma once

#include "actions.hpp"
#include "tokens.hpp"

namespace slakit::parser {

constexpr auto listed = name[act([](ParseState& s) { s.names.push_back(s.name_value); })];
constexpr auto name_list = x3::lit('[') > -(listed % ',') > ']';

}  // namespace slakit::parser
