#include "field_values.hpp"

#include <fmt/format.h>
#include <slakit/error.hpp>
#include <slakit/time/civil.hpp>

#include <cmath>

#include "amount.hpp"

namespace slakit::cli {

Scalar scalar(simdjson::dom::element v, const Where& where) {
  switch (v.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      return std::monostate{};
    case simdjson::dom::element_type::STRING:
      return std::string{get<std::string_view>(v, where, "a string")};
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      return get<double>(v, where, "a number");
    case simdjson::dom::element_type::BOOL:
      return get<bool>(v, where, "true or false");
    default:
      throw ReadError{where, "expected a string, number, bool or null, got " + shown(v)};
  }
}

std::chrono::year_month_day date(std::string_view s, const Where& where) {
  try {
    return parse_date(s);
  } catch (const InvalidArgument& e) {
    throw ReadError{where, e.what()};
  }
}

std::string shown(const Scalar& s) {
  if (const auto* str = std::get_if<std::string>(&s)) return shown_text(*str);
  if (const auto* d = std::get_if<double>(&s)) return fmt::format("{}", *d);
  return std::get<bool>(s) ? "true" : "false";
}

FieldValue field_value(const Scalar& s, const FieldInfo& f, const Where& where,
                       InstantReading& instant) {
  if (std::holds_alternative<std::monostate>(s)) return std::monostate{};
  const auto* str = std::get_if<std::string>(&s);
  auto wrong = [&](std::string_view expected) -> ReadError {
    return ReadError{where, fmt::format("expected {} (a {} field), got {}", expected,
                                        field_type_name(f.type), shown(s))};
  };
  switch (f.type) {
    case FieldType::text:
    case FieldType::one_of:
      if (str == nullptr) throw wrong("a string");
      return *str;
    case FieldType::number:
      if (const auto* d = std::get_if<double>(&s)) return *d;
      throw wrong("a number");
    case FieldType::boolean:
      if (const auto* b = std::get_if<bool>(&s)) return *b;
      throw wrong("true or false");
    case FieldType::time:
      if (str == nullptr) throw wrong("a time (RFC 3339) or a date");
      if (names_a_day(*str)) return date(*str, where);
      return instant(*str, where);
    case FieldType::date:
      if (str == nullptr) throw wrong("a date (YYYY-MM-DD)");
      return date(*str, where);
    case FieldType::duration:
      if (const auto* d = std::get_if<double>(&s)) {
        // Whole seconds within a lifetime or so: a double past that would
        // not convert to an integer at all.
        if (!(std::abs(*d) <= 1e12) || std::trunc(*d) != *d) throw wrong("whole seconds");
        return Seconds{static_cast<long long>(*d)};
      }
      if (str != nullptr) {
        try {
          const auto a = parse_amount(*str);
          if (!a.days) return a.time;
        } catch (const InvalidArgument&) {
        }
      }
      throw wrong("seconds, or a duration like 1h30m");
  }
  return std::monostate{};
}

}  // namespace slakit::cli
