// Helpers for the routing tests: compile rule text, read an instant.
#pragma once

#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <string>

namespace slakit::test {

inline RuleSet routes(const std::string& text) {
  return compile_or_throw({{"r.sla", text}});
}

/// An instant written in RFC 3339, UTC when it has no offset.
inline Instant at(const char* text) {
  static const auto utc = TimeZone::locate("UTC");
  return parse_time(text, utc);
}

}  // namespace slakit::test
