#include "ticket_calendar.hpp"

#include <fmt/format.h>

#include "slakit/error.hpp"
#include "slakit/time/instant.hpp"
#include "support/utf8.hpp"

namespace slakit::detail {

TicketCalendar::TicketCalendar(const Calendar& calendar, std::vector<const TicketCalendar*> parts)
    : calendar_(&calendar), parts_(std::move(parts)) {
  for (const auto* p : parts_) {
    if (!p->zone_field().empty()) zone_field_ = p->zone_field();
  }
}

const Calendar& TicketCalendar::in_zone(std::string_view zone) const {
  if (zone.empty() || zone_field_.empty()) return *calendar_;
  if (parts_.empty()) return calendar_->in_zone(zone);
  // Only the parts that follow the ticket's zone move; the others stay.
  return variants_.get(zone, [&] {
    std::vector<Calendar> parts;
    for (const auto* p : parts_) parts.push_back(p->in_zone(zone));
    const auto& c = *calendar_;
    return Calendar::compose(c.name(), c.composition()->op, std::move(parts), c.zone().name());
  });
}

const Calendar* CalendarChoice::resolve(const FieldLayout& layout, std::span<const SlotValue> state,
                                        std::string_view ticket_id) const {
  const TicketCalendar* chosen = fixed;
  std::optional<Slot> zone = zone_slot;
  if (field) {
    const auto& value = state[*field];
    if (value.present && !value.text.empty()) {
      const auto it = all->find(value.text);
      if (it == all->end()) {
        throw TicketError(fmt::format("ticket {}: {} {} names no calendar of the rule set",
                                      quoted(ticket_id), field_name, quoted(value.text)));
      }
      chosen = &it->second;
      zone = chosen->zone_field().empty() ? std::nullopt : layout.slot(chosen->zone_field());
    }
  }
  if (!zone) return &chosen->calendar();
  const auto& value = state[*zone];
  if (!value.present || value.text.empty()) return &chosen->calendar();
  try {
    return &chosen->in_zone(value.text);
  } catch (const InvalidArgument& e) {
    // The zone's own error carries its suggestion (TimeZone::locate: "...
    // 'NAME'; did you mean 'X'?"), after the name, which may hold anything.
    const std::string_view why = e.what();
    const auto as_named = quoted(value.text);
    const auto name_at = why.rfind(as_named);
    auto near = name_at == std::string_view::npos ? std::string_view{}
                                                  : why.substr(name_at + as_named.size());
    if (!near.starts_with("; did you mean")) near = {};
    throw TicketError(fmt::format("ticket {}: {} {} is not a time zone (calendar '{}'){}",
                                  quoted(ticket_id), chosen->zone_field(), quoted(value.text),
                                  chosen->calendar().name(), near));
  }
}

void CalendarChoice::check_change(const FieldLayout& layout, std::span<const SlotValue> before,
                                  std::span<const SlotValue> after, std::string_view ticket_id,
                                  Instant at) const {
  auto changed = [&](std::optional<Slot> slot) {
    return slot && (before[*slot].present != after[*slot].present ||
                    before[*slot].text != after[*slot].text);
  };
  bool moved = changed(field) || changed(zone_slot);
  if (!moved && field && after[*field].present) {
    // The zone field of the calendar that the calendar field names (that
    // name was checked when it was set).
    const auto it = all->find(after[*field].text);
    moved = it != all->end() && !it->second.zone_field().empty() &&
            changed(layout.slot(it->second.zone_field()));
  }
  if (!moved) return;
  try {
    static_cast<void>(resolve(layout, after, ticket_id));
  } catch (const TicketError& e) {
    throw TicketError(fmt::format("{} (set at {})", e.what(), format_utc(at)));
  }
}

}  // namespace slakit::detail
