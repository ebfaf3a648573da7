#include "expr_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(condition_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(literal_type, iterator_type, context_type)

const condition_type& condition() {
  return condition_rule;
}
const literal_type& literal_value() {
  return literal;
}

}  // namespace slakit::parser
