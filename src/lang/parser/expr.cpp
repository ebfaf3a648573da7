#include "expr_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(condition_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(literal_type, iterator_type, context_type)

}  // namespace slakit::parser
