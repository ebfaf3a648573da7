// slakit/model/field_value.hpp: the value of one field, and custom fields.
//
// Built-in fields are members of the model's structs (Ticket::priority);
// fields a rule set declares (`field ticket.order_value : number`) live in
// each object's `fields`, keyed by the name after the object:
//
//   ticket.fields["order_value"] = 12000.0;
//   customer.fields["segment"] = std::string{"enterprise"};
//
// A value must fit its declared type (text and `one of` take a string,
// number a double, bool a bool, time an Instant or a date, date a date,
// duration Seconds); evaluation reports one that does not, naming the ticket
// and the field.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <variant>

#include "slakit/time/instant.hpp"

namespace slakit {

/// No value (`none`), text or a `one of` value, number, bool, instant, date,
/// or duration.
using FieldValue = std::variant<std::monostate, std::string, double, bool, Instant,
                                std::chrono::year_month_day, Seconds>;

/// Custom fields of one object, by name: "order_value" (or the whole path,
/// "ticket.order_value"; the name wins when both are there).
using CustomFields = std::map<std::string, FieldValue, std::less<>>;

}  // namespace slakit
