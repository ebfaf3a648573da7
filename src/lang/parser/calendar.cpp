#include "calendar_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(calendar_decl_type, iterator_type, context_type)

}  // namespace slakit::parser
