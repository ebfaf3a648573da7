// The values of a ticket record's JSON as the ticket reader takes them: a
// scalar before its field's type is known, then as the value of a declared
// field (a string for a text, whole seconds or "1h30m" for a duration, ...),
// with errors that say where they stand and what was expected.
#pragma once

#include <simdjson.h>
#include <slakit/model/field_value.hpp>
#include <slakit/model/fields.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

#include "json_values.hpp"

namespace slakit::cli {

/// One JSON scalar, before its field's type is known.
using Scalar = std::variant<std::monostate, std::string, double, bool>;

/// Throws ReadError for an array or an object.
Scalar scalar(simdjson::dom::element v, const Where& where);

/// YYYY-MM-DD. Throws ReadError.
std::chrono::year_month_day date(std::string_view s, const Where& where);

/// A time field may hold a day (an order due on a day): YYYY-MM-DD is ten
/// characters, and every RFC 3339 time is longer.
inline bool names_a_day(std::string_view s) {
  return s.size() == 10;
}

/// A JSON scalar as an error message shows it.
std::string shown(const Scalar& s);

/// A JSON scalar as the value of a field of type `f`. Throws ReadError
/// naming the field's type and the value when it does not fit.
FieldValue field_value(const Scalar& s, const FieldInfo& f, const Where& where,
                       InstantReading& instant);

}  // namespace slakit::cli
