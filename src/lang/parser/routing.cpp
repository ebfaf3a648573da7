#include "routing_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(route_decl_type, iterator_type, context_type)

const route_decl_type& route_decl() {
  return route_decl_rule;
}

}  // namespace slakit::parser
