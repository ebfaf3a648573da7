// slakit/model/ticket.hpp: a ticket, its customer, contract and order, and
// the events of its history.
//
// Plain values a host fills from its own database; nothing here refers to the
// rule language. Empty strings are "no value" (`none` in conditions). The
// ticket's fields are as they were at creation: events change them
// (docs/sla.md, "The ticket and its fields").
//
//   slakit::Ticket t;
//   t.id = "T-1";
//   t.created = sys_days{2026y / 3 / 6} + 15h;
//   t.priority = "urgent";
//   t.contract.sla = "gold";
//   std::vector<slakit::TicketEvent> events{
//       {.at = t.created + 20min, .kind = slakit::EventKind::agent_replied},
//       {.at = t.created + 1h, .kind = slakit::EventKind::status_changed, .to =
//       "pending_customer"},
//   };
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "slakit/model/field_value.hpp"
#include "slakit/time/instant.hpp"

namespace slakit {

/// `customer.*` fields.
struct Customer {
  std::string id, name, tier, region, language, country;
  std::string zone;  ///< an IANA time zone name, when known
  CustomFields fields{};
};

/// `contract.*` fields. `sla` names the promise ("gold"); policies test it.
struct Contract {
  std::string id, customer, type, sla;
  std::optional<std::chrono::year_month_day> valid_from{}, valid_to{};  ///< contract.start / .end
  CustomFields fields{};
};

/// `order.*` fields. An order may be due at an instant or on a day.
struct Order {
  std::string id, customer, status;
  std::optional<double> value{};
  std::variant<std::monostate, Instant, std::chrono::year_month_day> due{};
  CustomFields fields{};
};

/// `ticket.*` fields, and the objects the ticket belongs to.
struct Ticket {
  std::string id;
  /// Required by the SLA engine: left at its default (the epoch), evaluate()
  /// throws TicketError rather than start every clock in 1970.
  Instant created{};
  std::string subject, channel, category, priority, status, team, queue, assignee;
  bool reopened = false;
  Customer customer{};
  Contract contract{};
  Order order{};
  CustomFields fields{};
};

enum class EventKind {
  created,
  customer_replied,
  agent_replied,
  status_changed,
  field_changed,
  assigned,
  handed_back,
  solved,
  reopened,
  closed,
};

/// One thing that happened to a ticket. Only the payload of its kind is read:
/// `is_public` (agent_replied), `to` (status_changed), `field` and `value`
/// (field_changed: a path such as "ticket.priority" or "contract.sla"),
/// `team` and `agent` (assigned; either may be empty).
struct TicketEvent {
  Instant at{};
  EventKind kind = EventKind::created;
  std::string id{};  ///< optional; two events with the same id are one
  bool is_public = true;
  std::string to{};
  std::string field{};
  FieldValue value{};
  std::string team{}, agent{};
};

/// The engines take at most this many events per ticket; more is a
/// TicketError naming the ticket (docs/reliability.md, "Limits").
inline constexpr std::size_t kMaxEventsPerTicket = 100'000;
/// evaluate() and route() keep their working buffers per thread between
/// calls, except those of a history longer than this, which are freed when
/// the call returns.
inline constexpr std::size_t kLongestHistoryKept = 4'096;

/// "customer_replied" for EventKind::customer_replied, and so on.
[[nodiscard]] std::string_view event_kind_name(EventKind kind) noexcept;
/// The kind of that name, or nullopt.
[[nodiscard]] std::optional<EventKind> parse_event_kind(std::string_view name) noexcept;

}  // namespace slakit
