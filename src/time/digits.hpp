// Reading fixed-width numbers out of dates and times.
#pragma once

#include <cstddef>
#include <string_view>

namespace slakit::detail {

/// Reads exactly `len` decimal digits of `text` at `at`: no sign, no blanks
/// (std::from_chars would take "-1" for a two-digit hour).
[[nodiscard]] inline bool read_digits(std::string_view text, std::size_t at, std::size_t len,
                                      int& out) {
  if (at + len > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace slakit::detail
