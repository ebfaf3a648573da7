#include "routing_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(route_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(route_group_decl_type, iterator_type, context_type)

const route_decl_type& route_decl() {
  return route_decl_rule;
}
const route_group_decl_type& route_group_decl() {
  return route_group_decl_rule;
}

}  // namespace slakit::parser
