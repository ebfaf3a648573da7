// slakit/model/fields.hpp: the fields rules can test, and their types.
//
// Rules name fields by path: `ticket.priority`, `customer.tier`. Built-in
// fields cover the domain model (customer, contract, order, ticket); a rule
// set declares more with `field ticket.order_value : number`.
//
//   const slakit::FieldInfo* f = slakit::find_builtin_field("ticket.priority");
//   f->type;     // FieldType::one_of
//   f->members;  // {"low", "normal", "high", "urgent"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slakit {

/// The type of a field; `one_of` lists its values.
enum class FieldType { text, number, boolean, duration, time, date, one_of };

struct FieldInfo {
  std::string path;
  FieldType type = FieldType::text;
  std::vector<std::string> members{};  ///< one_of only
};

/// The objects a field path may start with.
inline constexpr std::string_view kFieldObjects[] = {"customer", "contract", "order", "ticket"};

[[nodiscard]] const std::vector<FieldInfo>& builtin_fields();
[[nodiscard]] const FieldInfo* find_builtin_field(std::string_view path);
[[nodiscard]] std::string_view field_type_name(FieldType type);

}  // namespace slakit
