#include "file_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(file_type, iterator_type, context_type)

}  // namespace slakit::parser
