#include "expr_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(condition_type, iterator_type, context_type)

const condition_type& condition() {
  return condition_rule;
}

}  // namespace slakit::parser
