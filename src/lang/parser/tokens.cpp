#include "tokens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string>

#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"
#include "support/utf8.hpp"

namespace slakit::parser {

void set_name(ParseState& s, const char* first, const char* last) {
  s.name_value = {std::string{first, last}, s.span(first, last)};
}

void set_string(ParseState& s, const char* first, const char* last) {
  // Drop the quotes; \" and \\ stand for themselves, \n for a line break and
  // \t for a tab. Any other escape is an error at its backslash: dropping
  // the backslash would turn "C:\data" into "C:data" without a word.
  std::string out;
  for (const char* p = first + 1; p + 1 < last; ++p) {
    if (*p != '\\' || p + 2 >= last) {
      out += *p;
      continue;
    }
    ++p;
    if (*p == 'n' || *p == 't') {
      out += *p == 'n' ? '\n' : '\t';
    } else if (*p == '"' || *p == '\\') {
      out += *p;
    } else {
      // The whole character after the backslash, however many bytes it takes.
      const std::string_view rest{p, static_cast<std::size_t>(last - 1 - p)};
      const auto length = std::max<std::size_t>(1, detail::utf8_length(rest, 0));
      s.error("E0001",
              fmt::format("unknown escape '\\{}' in a string: the escapes are \\\", \\\\, \\n and "
                          "\\t (write \\\\ for a backslash)",
                          detail::one_line(rest.substr(0, length))),
              s.span(p - 1, p + length));
      out += rest.substr(0, length);
      p += length - 1;
    }
  }
  s.string_value = std::move(out);
}

void set_time(ParseState& s, const char* first, const char* last) {
  try {
    s.time_value =
        TimeOfDay::parse(std::string_view{first, static_cast<std::size_t>(last - first)});
  } catch (const InvalidArgument&) {
    s.error(
        "E0101",
        fmt::format("invalid time of day '{}': expected 00:00 to 24:00", std::string{first, last}),
        s.span(first, last));
  }
}

void set_date(ParseState& s, const char* first, const char* last) {
  try {
    s.date_value = parse_date(std::string_view{first, static_cast<std::size_t>(last - first)});
  } catch (const InvalidArgument&) {
    s.error("E0102", fmt::format("invalid date '{}': no such day", std::string{first, last}),
            s.span(first, last));
  }
}

namespace {

// Reads the digits at p; false on overflow past a billion.
bool read_number(const char*& p, const char* last, long& out) {
  out = 0;
  while (p < last && *p >= '0' && *p <= '9') {
    out = out * 10 + (*p++ - '0');
    if (out > 1'000'000'000) return false;
  }
  return true;
}

void too_large(ParseState& s, const char* first, const char* last) {
  s.error("E0103", fmt::format("number '{}' is too large", std::string{first, last}),
          s.span(first, last));
}

}  // namespace

void set_duration(ParseState& s, const char* first, const char* last) {
  // The units are bd, h, m and s: only `bd` has a 'b'.
  s.duration_in_business_days = std::find(first, last, 'b') != last;
  s.duration_span = s.span(first, last);
  BusinessDuration d;
  bool days = false, time = false;
  for (const char* p = first; p < last;) {
    long n = 0;
    if (!read_number(p, last, n)) return too_large(s, first, last);
    if (p + 1 < last && p[0] == 'b' && p[1] == 'd') {
      // Each part is at most 10^9; their sum must stay an int too.
      if (d.business_days + n > 1'000'000'000) return too_large(s, first, last);
      d.business_days += static_cast<int>(n);
      days = true;
      p += 2;
      continue;
    }
    const long unit = *p == 'h' ? 3600 : (*p == 'm' ? 60 : 1);
    d.time += std::chrono::seconds{n * unit};
    if (d.time.count() > 1'000'000'000'000'000) return too_large(s, first, last);
    time = true;
    ++p;
  }
  if (days && time) {
    s.error("E0104",
            fmt::format("duration '{}' mixes business days with hours: write one or the other",
                        std::string{first, last}),
            s.span(first, last));
  }
  s.duration_value = d;
}

void set_business_days(ParseState& s, const char* first, const char* last) {
  s.duration_in_business_days = true;
  s.duration_span = s.span(first, last);
  const char* p = first;
  long n = 0;
  if (!read_number(p, last, n)) return too_large(s, first, last);
  s.duration_value = {std::chrono::seconds{0}, static_cast<int>(n)};
}

void set_integer(ParseState& s, const char* first, const char* last) {
  const char* p = first;
  long n = 0;
  if (!read_number(p, last, n)) return too_large(s, first, last);
  s.int_value = static_cast<int>(n);
}

}  // namespace slakit::parser
