#include "file_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(file_type, iterator_type, context_type)

const file_type& file_rule() {
  return file;
}

}  // namespace slakit::parser
