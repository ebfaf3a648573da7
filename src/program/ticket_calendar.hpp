// A calendar of a rule set as each ticket sees it: read in the zone that a
// ticket field names (`zone from customer.zone else "Europe/Berlin"`), or
// composed of parts that are; and the calendar a policy takes from a ticket
// field (`calendar from customer.calendar else emea_support`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/zone_variants.hpp"
#include "field_slots.hpp"
#include "slakit/calendar/calendar.hpp"

namespace slakit::detail {

class TicketCalendar {
 public:
  /// `calendar` in its own zone; `zone_field` empty when no ticket moves it.
  TicketCalendar(const Calendar& calendar, std::string zone_field)
      : calendar_(&calendar), zone_field_(std::move(zone_field)) {}
  /// A composed calendar: it follows the zone field of its parts that follow
  /// one (the checker made sure they agree, E0231), re-reading those parts.
  TicketCalendar(const Calendar& calendar, std::vector<const TicketCalendar*> parts);
  TicketCalendar(const TicketCalendar&) = delete;
  TicketCalendar& operator=(const TicketCalendar&) = delete;

  [[nodiscard]] const Calendar& calendar() const noexcept { return *calendar_; }
  /// The field whose value names the zone; empty when the zone is fixed.
  [[nodiscard]] const std::string& zone_field() const noexcept { return zone_field_; }
  /// The calendar for a ticket whose zone field holds `zone` (empty: the
  /// calendar's own). Built on first use per zone, then shared without a
  /// lock. Throws InvalidArgument for an unknown zone.
  [[nodiscard]] const Calendar& in_zone(std::string_view zone) const;

 private:
  const Calendar* calendar_;
  std::string zone_field_;
  std::vector<const TicketCalendar*> parts_;  // composed only, in the composition's order
  ZoneVariants variants_;                     // composed only
};

using TicketCalendars = std::map<std::string, TicketCalendar, std::less<>>;

/// Where a policy's calendar comes from, per ticket.
struct CalendarChoice {
  const TicketCalendar* fixed = nullptr;  ///< the calendar, or the fallback of `field`
  std::optional<Slot> field;              ///< `calendar from FIELD else NAME`
  std::string field_name;
  std::optional<Slot> zone_slot;  ///< the zone field of `fixed`, when it has one
  const TicketCalendars* all = nullptr;

  /// True when the calendar depends on the ticket.
  [[nodiscard]] bool per_ticket() const noexcept { return field || zone_slot; }
  /// The calendar for a ticket whose fields at creation are `state`. Throws
  /// TicketError naming the ticket, the field and the value for a calendar
  /// name or a zone that does not exist.
  [[nodiscard]] const Calendar* resolve(const FieldLayout& layout, std::span<const SlotValue> state,
                                        std::string_view ticket_id) const;
  /// Throws as resolve() does when a field it reads changed between the
  /// states `before` and `after` (a `field_changed` event at `at`) to a
  /// value that names no calendar or zone: the clocks keep the calendar of
  /// the ticket's creation, but a later value must fit its field all the
  /// same. The message ends with the instant of the change.
  void check_change(const FieldLayout& layout, std::span<const SlotValue> before,
                    std::span<const SlotValue> after, std::string_view ticket_id, Instant at) const;
};

}  // namespace slakit::detail
