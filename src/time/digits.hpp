// Reading fixed-width numbers out of dates and times.
#pragma once

#include <cstddef>
#include <cstring>
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

/// Writes `v` (0 to 99) as two digits at `at`: from a table, two at a time,
/// since every instant written goes through here.
inline void write_two_digits(char* at, long long v) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  std::memcpy(at, kPairs + 2 * v, 2);
}

/// Writes "YYYY-MM-DDTHH:MM:SS" (19 bytes) at `at`: a year 0 to 9999, the
/// second of the day 0 to 86399.
inline void write_date_time(char* at, int year, unsigned month, unsigned day,
                            long long second_of_day) {
  write_two_digits(at, year / 100);
  write_two_digits(at + 2, year % 100);
  at[4] = '-';
  write_two_digits(at + 5, month);
  at[7] = '-';
  write_two_digits(at + 8, day);
  at[10] = 'T';
  write_two_digits(at + 11, second_of_day / 3600);
  at[13] = ':';
  write_two_digits(at + 14, second_of_day / 60 % 60);
  at[16] = ':';
  write_two_digits(at + 17, second_of_day % 60);
}

}  // namespace slakit::detail
