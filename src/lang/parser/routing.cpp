#include "routing_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(route_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(route_group_decl_type, iterator_type, context_type)

}  // namespace slakit::parser
