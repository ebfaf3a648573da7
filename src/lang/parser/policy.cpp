#include "policy_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(policy_decl_type, iterator_type, context_type)

}  // namespace slakit::parser
