// Names of the syntax tree's enumerations, as the language writes them.
#include "slakit/lang/ast.hpp"

namespace slakit {

std::string_view metric_name(Metric m) noexcept {
  switch (m) {
    case Metric::first_response:
      return "first_response";
    case Metric::next_response:
      return "next_response";
    case Metric::resolution:
      return "resolution";
    case Metric::periodic_update:
      return "periodic_update";
    case Metric::target:
      return "target";
  }
  return "target";
}

std::string_view hit_policy_name(HitPolicy p) noexcept {
  switch (p) {
    case HitPolicy::first:
      return "first";
    case HitPolicy::collect:
      return "collect";
    case HitPolicy::scored:
      return "scored";
  }
  return "first";
}

}  // namespace slakit
