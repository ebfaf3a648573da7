#include "test_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(test_decl_type, iterator_type, context_type)

const test_decl_type& test_decl() {
  return test_decl_rule;
}

}  // namespace slakit::parser
