#include "json_values.hpp"

#include <slakit/error.hpp>
#include <slakit/time/parse_time.hpp>
#include <slakit/time/time_zone.hpp>

#include <charconv>
#include <cstdio>

#include "support/json_writer.hpp"
#include "support/utf8.hpp"

namespace slakit::cli {

std::string shown_text(std::string_view s) {
  // As the parser shows a token (src/lang/parser/parse_state.cpp): 40
  // characters at most, whole UTF-8 ones, then "...".
  constexpr std::size_t kLongest = 40;
  std::size_t end = 0;
  for (std::size_t n = 0; end < s.size() && n < kLongest; ++n) end += detail::char_length(s, end);
  // Escaped as JSON writes it (review 24 F5: a quote or a line break inside
  // made the message ambiguous, or two lines).
  detail::JsonWriter w{true};
  w.value(end < s.size() ? fmt::format("{}...", s.substr(0, end)) : std::string{s});
  return w.take();
}

std::string shown(simdjson::dom::element v) {
  using Type = simdjson::dom::element_type;
  switch (v.type()) {
    case Type::ARRAY:
      return "an array";
    case Type::OBJECT:
      return "an object";
    case Type::INT64:
      return fmt::format("{}", int64_t(v));
    case Type::UINT64:
      return fmt::format("{}", uint64_t(v));
    case Type::DOUBLE:
      return fmt::format("{}", double(v));
    case Type::STRING:
      return shown_text(std::string_view(v));
    case Type::BOOL:
      return bool(v) ? "true" : "false";
    case Type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

void throw_expected(simdjson::error_code err, simdjson::dom::element got, const Where& where,
                    std::string_view expected) {
  // A value of another JSON type needs no more words than what was
  // expected and what it is.
  throw ReadError{where, err == simdjson::INCORRECT_TYPE
                             ? fmt::format("expected {}, got {}", expected, shown(got))
                             : fmt::format("expected {} ({}), got {}", expected,
                                           simdjson::error_message(err), shown(got))};
}

void assign_id(std::string& to, simdjson::dom::element v, const Where& where) {
  char digits[24];
  std::to_chars_result written{};
  switch (v.type()) {
    case simdjson::dom::element_type::INT64:
      written = std::to_chars(digits, digits + sizeof digits, get<std::int64_t>(v, where, "an id"));
      break;
    case simdjson::dom::element_type::UINT64:
      written =
          std::to_chars(digits, digits + sizeof digits, get<std::uint64_t>(v, where, "an id"));
      break;
    case simdjson::dom::element_type::NULL_VALUE:
      to.clear();
      return;
    default:
      to.assign(get<std::string_view>(v, where, "a string or an integer"));
      return;
  }
  to.assign(digits, written.ptr);
}

namespace {

const TimeZone& utc_zone() {
  static const auto utc = TimeZone::locate("UTC");
  return utc;
}

[[noreturn]] void throw_invalid_time(std::string_view s, const Where& where) {
  throw ReadError{where, fmt::format("invalid time {}: expected RFC 3339 with an offset, like "
                                     "2026-03-06T15:00:00Z",
                                     detail::quoted(s))};
}

}  // namespace

Instant utc_instant(std::string_view s, const Where& where) {
  try {
    return parse_time(s, utc_zone());
  } catch (const InvalidArgument&) {
    throw_invalid_time(s, where);
  }
}

Instant instant(std::string_view s, const Where& where, Fractions fractions) {
  const auto& utc = utc_zone();
  // Instants written by machines end in Z: then nothing is searched.
  const auto has_offset = [](std::string_view text) {
    const auto t = text.find('T');
    return t != std::string_view::npos && text.find_first_of("+-", t) != std::string_view::npos;
  };
  const bool offset = !s.empty() && (s.back() == 'Z' || s.back() == 'z' || has_offset(s));
  try {
    if (!offset) throw InvalidArgument("");
    if (fractions == Fractions::reject && has_fraction(s)) {
      throw ReadError{where, fmt::format("{} has a fraction of a second (--fractions reject): "
                                         "slakit counts whole seconds",
                                         detail::quoted(s))};
    }
    return parse_time(s, utc);
  } catch (const InvalidArgument&) {
    throw_invalid_time(s, where);
  }
}

void note_truncated(std::string_view where, std::size_t count, std::string_view what) {
  if (count == 0) return;
  // Documented (docs/semantics.md), and still said: nobody should find out
  // from a deadline one second off.
  std::fputs(fmt::format("{}: note: {} {}{} had a fraction of a second, truncated to the second "
                         "(slakit counts whole seconds; --fractions reject makes that an error)\n",
                         where, count, what, count == 1 ? "" : "s")
                 .c_str(),
             stderr);
}

}  // namespace slakit::cli
