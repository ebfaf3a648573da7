#include "policy_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(policy_decl_type, iterator_type, context_type)

const policy_decl_type& policy_decl() {
  return policy_decl_rule;
}

}  // namespace slakit::parser
