#include "slakit/model/fields.hpp"

#include <algorithm>

namespace slakit {

const std::vector<FieldInfo>& builtin_fields() {
  using T = FieldType;
  static const std::vector<FieldInfo> fields{
      {"customer.id", T::text},
      {"customer.name", T::text},
      {"customer.tier", T::one_of, {"standard", "silver", "gold", "platinum"}},
      {"customer.region", T::text},
      {"customer.language", T::text},
      {"customer.country", T::text},
      {"customer.zone", T::text},
      {"contract.id", T::text},
      {"contract.customer", T::text},
      {"contract.type", T::text},
      {"contract.sla", T::text},
      {"contract.start", T::date},
      {"contract.end", T::date},
      {"order.id", T::text},
      {"order.customer", T::text},
      {"order.status", T::text},
      {"order.value", T::number},
      {"order.due", T::time},
      {"ticket.id", T::text},
      {"ticket.subject", T::text},
      {"ticket.category", T::text},
      {"ticket.team", T::text},
      {"ticket.queue", T::text},
      {"ticket.assignee", T::text},
      {"ticket.channel", T::one_of, {"email", "phone", "chat", "web", "api"}},
      {"ticket.priority", T::one_of, {"low", "normal", "high", "urgent"}},
      {"ticket.status",
       T::one_of,
       {"new", "open", "pending_customer", "on_hold", "solved", "closed"}},
      {"ticket.created", T::time},
      {"ticket.reopened", T::boolean},
  };
  return fields;
}

const FieldInfo* find_builtin_field(std::string_view path) {
  const auto& all = builtin_fields();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const FieldInfo& f) { return f.path == path; });
  return it == all.end() ? nullptr : &*it;
}

std::string_view field_type_name(FieldType type) {
  switch (type) {
    case FieldType::text:
      return "text";
    case FieldType::number:
      return "number";
    case FieldType::boolean:
      return "bool";
    case FieldType::duration:
      return "duration";
    case FieldType::time:
      return "time";
    case FieldType::date:
      return "date";
    case FieldType::one_of:
      return "one of";
  }
  return "?";
}

}  // namespace slakit
