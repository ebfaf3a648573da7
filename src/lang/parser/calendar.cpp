#include "calendar_def.hpp"

namespace slakit::parser {

BOOST_SPIRIT_INSTANTIATE(calendar_decl_type, iterator_type, context_type)

const calendar_decl_type& calendar_decl() {
  return calendar_decl_rule;
}

}  // namespace slakit::parser
