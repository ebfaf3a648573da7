// Where each field of a ticket lives in the model: a built-in field is a
// member of Ticket, Customer, Contract or Order (a "source"); a declared one
// is a custom field of one of them. Shared by the field layout and the
// reading of tickets.
#pragma once

#include <iterator>
#include <string_view>

#include "slakit/model/fields.hpp"
#include "slakit/model/ticket.hpp"

namespace slakit::detail {

// Built-in fields, read straight from the model's members.
enum Source : int {
  customer_id,
  customer_name,
  customer_tier,
  customer_region,
  customer_language,
  customer_country,
  customer_zone,
  contract_id,
  contract_customer,
  contract_type,
  contract_sla,
  contract_start,
  contract_end,
  order_id,
  order_customer,
  order_status,
  order_value,
  order_due,
  ticket_id,
  ticket_subject,
  ticket_category,
  ticket_team,
  ticket_queue,
  ticket_assignee,
  ticket_channel,
  ticket_priority,
  ticket_status,
  ticket_created,
  ticket_reopened,
  kBuiltinCount,
  // Custom fields: kCustom + object index (customer, contract, order, ticket).
  kCustom = 100,
};

// In the order of Source above.
constexpr std::string_view kSourcePaths[kBuiltinCount] = {
    "customer.id",       "customer.name",    "customer.tier",  "customer.region",
    "customer.language", "customer.country", "customer.zone",  "contract.id",
    "contract.customer", "contract.type",    "contract.sla",   "contract.start",
    "contract.end",      "order.id",         "order.customer", "order.status",
    "order.value",       "order.due",        "ticket.id",      "ticket.subject",
    "ticket.category",   "ticket.team",      "ticket.queue",   "ticket.assignee",
    "ticket.channel",    "ticket.priority",  "ticket.status",  "ticket.created",
    "ticket.reopened"};

inline int source_of(std::string_view path) {
  for (int i = 0; i < kBuiltinCount; ++i) {
    if (kSourcePaths[i] == path) return i;
  }
  const auto object = path.substr(0, path.find('.'));
  for (int i = 0; i < static_cast<int>(std::size(kFieldObjects)); ++i) {
    if (kFieldObjects[i] == object) return kCustom + i;
  }
  return -1;
}

// The member a text source reads, or nullptr for a source of another type.
inline const std::string* text_member(const Ticket& t, int source) {
  switch (source) {
    case customer_id:
      return &t.customer.id;
    case customer_name:
      return &t.customer.name;
    case customer_tier:
      return &t.customer.tier;
    case customer_region:
      return &t.customer.region;
    case customer_language:
      return &t.customer.language;
    case customer_country:
      return &t.customer.country;
    case customer_zone:
      return &t.customer.zone;
    case contract_id:
      return &t.contract.id;
    case contract_customer:
      return &t.contract.customer;
    case contract_type:
      return &t.contract.type;
    case contract_sla:
      return &t.contract.sla;
    case order_id:
      return &t.order.id;
    case order_customer:
      return &t.order.customer;
    case order_status:
      return &t.order.status;
    case ticket_id:
      return &t.id;
    case ticket_subject:
      return &t.subject;
    case ticket_category:
      return &t.category;
    case ticket_team:
      return &t.team;
    case ticket_queue:
      return &t.queue;
    case ticket_assignee:
      return &t.assignee;
    case ticket_channel:
      return &t.channel;
    case ticket_priority:
      return &t.priority;
    case ticket_status:
      return &t.status;
    default:
      return nullptr;
  }
}

inline const CustomFields& custom_fields(const Ticket& t, int object) {
  switch (object) {
    case 0:
      return t.customer.fields;
    case 1:
      return t.contract.fields;
    case 2:
      return t.order.fields;
    default:
      return t.fields;
  }
}

}  // namespace slakit::detail
