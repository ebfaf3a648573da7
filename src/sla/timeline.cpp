#include "timeline.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/ticket_status.hpp"
#include "slakit/error.hpp"
#include "support/utf8.hpp"

namespace slakit::detail {
namespace {

// Events are named by id, else by their place in the history as a JSON
// path names it (events[0]), as the ticket reader's errors do.
std::string event_name(const TicketEvent& e, std::size_t index) {
  return e.id.empty() ? fmt::format("events[{}]", index) : fmt::format("event {}", quoted(e.id));
}

// "events[2] (field_changed at 2026-03-02T10:00:00Z)": which event, whatever
// else is at the same instant.
std::string event_label(const TicketEvent& e, std::size_t index) {
  return fmt::format("{} ({} at {})", event_name(e, index), event_kind_name(e.kind),
                     format_utc(e.at));
}

// A value its field cannot take, set by a field_changed event: the error
// names the event, as the ticket's own value names the field alone.
template <class Convert>
auto from_event(const Ticket& ticket, const TicketEvent& e, std::size_t index, Convert&& convert) {
  try {
    return convert();
  } catch (const TicketError& error) {
    const auto prefix = fmt::format("ticket {}: ", quoted(ticket.id));
    std::string_view what = error.what();
    if (what.starts_with(prefix)) what.remove_prefix(prefix.size());
    throw TicketError(fmt::format("{}{}: {}", prefix, event_label(e, index), what));
  }
}

}  // namespace

std::size_t Timeline::step_at(Instant t) const {
  const auto end = starts_.begin() + static_cast<std::ptrdiff_t>(steps_);
  const auto it = std::upper_bound(starts_.begin(), end, t);
  return it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin() - 1);
}

bool Timeline::reads(const std::optional<Slot>& slot) const noexcept {
  return slot && *slot < width_;
}

void Timeline::set(Slot slot, const SlotValue& v) {
  if (slot >= width_) return;  // no condition reads it: checked, not kept
  const auto last = steps_ - 1;
  values_[last * width_ + slot] = v;
  changed_[last] |= std::uint64_t{1} << (slot % 64);
}

void Timeline::build(const FieldLayout& layout, const Ticket& ticket,
                     std::span<const TicketEvent> events, Instant now) {
  if (now < ticket.created) {
    throw TicketError(fmt::format("ticket {}: now ({}) is before its creation ({})",
                                  quoted(ticket.id), format_utc(now), format_utc(ticket.created)));
  }
  if (events.size() > kMaxEventsPerTicket) {
    throw TicketError(fmt::format("ticket {} has {} events: the engines take at most {} per ticket",
                                  quoted(ticket.id), events.size(), kMaxEventsPerTicket));
  }
  width_ = layout.width();
  now_ = now;
  const auto& engine = layout.engine_slots();
  status_slot_ = engine.status;
  team_slot_ = engine.team;
  assignee_slot_ = engine.assignee;
  reopened_slot_ = engine.reopened;

  // Duplicates by id, the first in input order kept; then by instant, ties in
  // input order. Events after `now` have not happened yet.
  events_begin_ = events.data();
  order_.clear();
  // (Clearing an empty set still clears its buckets.)
  if (!ids_.empty()) ids_.clear();
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    if (static_cast<unsigned>(e.kind) > static_cast<unsigned>(EventKind::closed)) {
      // A host's cast from its own codes: nothing to apply, and no silence.
      throw TicketError(fmt::format("ticket {}: {} has no kind slakit knows ({})",
                                    quoted(ticket.id), event_name(e, i), static_cast<int>(e.kind)));
    }
    if (e.at < ticket.created) {
      throw TicketError(fmt::format("ticket {}: {} is before the ticket's creation ({})",
                                    quoted(ticket.id), event_label(e, i),
                                    format_utc(ticket.created)));
    }
    // The first of one id in input order, whether or not it has happened yet.
    if (!e.id.empty() && !ids_.insert(e.id).second) continue;
    if (e.at > now) continue;
    order_.push_back(&e);
  }
  // Histories usually come in order: then there is nothing to sort.
  const auto by_instant = [](const TicketEvent* a, const TicketEvent* b) { return a->at < b->at; };
  if (!std::is_sorted(order_.begin(), order_.end(), by_instant)) {
    std::stable_sort(order_.begin(), order_.end(), by_instant);
  }

  const auto most = order_.size() + 1;
  if (starts_.size() < most) {
    starts_.resize(most);
    changed_.resize(most);
    solved_.resize(most);
    teams_.resize(most);
    assignees_.resize(most);
  }
  starts_[0] = ticket.created;
  steps_ = 1;
  // Steps of width_ values each, at most one per event and creation's. The
  // buffer keeps the longest ticket's length: a step costs one copy, with
  // no resize that would first clear what the copy then overwrites.
  if (values_.size() < width_ * (order_.size() + 1)) values_.resize(width_ * (order_.size() + 1));
  std::fill_n(values_.begin(), width_, SlotValue{});
  layout.load(ticket, std::span{values_.data(), width_}, texts_);
  changed_[0] = ~std::uint64_t{0};
  team_ = ticket.team;
  assignee_ = ticket.assignee;
  is_solved_ = initially_solved_ = solved_status(ticket.status);
  records_.clear();
  records_.emplace_back().at = ticket.created;

  for (const TicketEvent* e : order_) {
    if (e->at > starts_[steps_ - 1]) {
      const auto k = steps_ - 1;
      solved_[k] = is_solved_;
      teams_[k] = team_;
      assignees_[k] = assignee_;
      // The new step starts with the fields of the step before.
      const auto from = k * width_;
      std::copy_n(values_.data() + from, width_, values_.data() + from + width_);
      starts_[k + 1] = e->at;
      changed_[k + 1] = 0;
      steps_ = k + 2;
    }
    // Filled in place, not made on the stack and copied (a stall on every
    // event: docs/architecture.md, Decisions).
    EventRecord& record = records_.emplace_back();
    record.at = e->at;
    record.event = e;
    record.step = static_cast<std::uint32_t>(steps_ - 1);
    apply(layout, ticket, *e, record);
  }
  // Each step's extras are written when it closes; the last one closes here.
  solved_[steps_ - 1] = is_solved_;
  teams_[steps_ - 1] = team_;
  assignees_[steps_ - 1] = assignee_;
}

void Timeline::apply(const FieldLayout& layout, const Ticket& ticket, const TicketEvent& e,
                     EventRecord& record) {
  // The event's place in the history, for its errors.
  auto index = [&] { return static_cast<std::size_t>(&e - events_begin_); };
  // A value kept where a condition reads it, else checked where the other
  // engine's rules read it (FieldLayout::check_also), else not even made.
  auto keep = [&](const std::optional<Slot>& slot, auto&& value_of) {
    if (reads(slot)) {
      set(*slot, value_of());
    } else if (slot && layout.checked(*slot)) {
      static_cast<void>(value_of());
    }
  };
  // The ticket's status, and whether it solves or reopens the ticket.
  auto set_status = [&](std::string_view to, bool from_host) {
    keep(status_slot_,
         [&] { return layout.text_value(*status_slot_, to, ticket.id, from_host, texts_); });
    if (to == "closed") record.closes = true;
    if (solved_status(to) && !is_solved_) {
      record.solves = true;
      is_solved_ = true;
    } else if (!solved_status(to) && is_solved_) {
      record.reopens = true;
      is_solved_ = false;
      if (reads(reopened_slot_))
        set(*reopened_slot_, layout.convert(*reopened_slot_, true, ticket.id));
    }
  };
  switch (e.kind) {
    case EventKind::created:
    case EventKind::handed_back:
      break;
    case EventKind::customer_replied:
      record.customer_message = true;
      break;
    case EventKind::agent_replied:
      record.public_reply = e.is_public;
      break;
    case EventKind::status_changed:
      if (e.to.empty()) {
        throw TicketError(fmt::format("ticket {}: {}: names no status ('to')", quoted(ticket.id),
                                      event_label(e, index())));
      }
      set_status(e.to, true);
      break;
    case EventKind::solved:
      if (!is_solved_) set_status("solved", false);
      break;
    case EventKind::closed:
      set_status("closed", false);
      break;
    case EventKind::reopened:
      // A reopening only when solved; the fields change either way.
      set_status("open", false);
      if (reads(reopened_slot_))
        set(*reopened_slot_, layout.convert(*reopened_slot_, true, ticket.id));
      break;
    case EventKind::assigned:
      if (!e.team.empty()) {
        team_ = e.team;
        keep(team_slot_,
             [&] { return layout.text_value(*team_slot_, e.team, ticket.id, true, texts_); });
      }
      if (!e.agent.empty()) {
        assignee_ = e.agent;
        keep(assignee_slot_,
             [&] { return layout.text_value(*assignee_slot_, e.agent, ticket.id, true, texts_); });
      }
      break;
    case EventKind::field_changed: {
      // A field the rules do not declare is one no rule reads: its changes
      // are ignored, as a key of the ticket record the rules do not know is
      // (docs/sla.md). Exports carry every custom field of the helpdesk.
      if (e.field.empty()) {
        throw TicketError(fmt::format("ticket {}: {}: names no field", quoted(ticket.id),
                                      event_label(e, index())));
      }
      const auto slot = layout.slot(e.field);
      if (!slot) break;
      if (slot == status_slot_) {
        const auto* text = std::get_if<std::string>(&e.value);
        if (text == nullptr || text->empty()) {
          throw TicketError(fmt::format("ticket {}: {}: sets ticket.status to {}",
                                        quoted(ticket.id), event_label(e, index()),
                                        text == nullptr ? "something not a status" : "no value"));
        }
        set_status(*text, true);
        break;
      }
      if (slot == team_slot_ || slot == assignee_slot_) {
        // The engine's own fields: OLAs follow the team and handling time
        // the assignee whether or not a rule reads them.
        const auto value = from_event(ticket, e, index(),
                                      [&] { return layout.convert(*slot, e.value, ticket.id); });
        (slot == team_slot_ ? team_ : assignee_) = value.text;
        set(*slot, value);
        break;
      }
      // A field no rule reads is neither kept nor checked, as at creation.
      keep(slot, [&] {
        return from_event(ticket, e, index(),
                          [&] { return layout.convert(*slot, e.value, ticket.id); });
      });
      break;
    }
  }
}

}  // namespace slakit::detail
