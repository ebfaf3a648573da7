// A ticket's history as the SLA engine walks it: events sorted, duplicates
// dropped, everything after `now` ignored; the ticket's fields at every
// instant at which they may change (a "step"), and what each event means for
// the clocks (a public reply, a solve, a reopening).
//
// Step k holds from starts[k] until starts[k + 1] (the last one for ever):
// step 0 starts at creation; each later step at an instant where events
// happened, with the fields after all of them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "program/field_slots.hpp"
#include "slakit/model/ticket.hpp"

namespace slakit::detail {

/// One event of the history, or the ticket's creation (event == nullptr).
struct EventRecord {
  Instant at{};
  const TicketEvent* event = nullptr;
  std::uint32_t step = 0;  ///< the step that starts at `at`
  bool public_reply = false;
  bool customer_message = false;
  bool solves = false;   ///< the ticket was not solved before and is after
  bool reopens = false;  ///< the ticket was solved before and is not after
  bool closes = false;   ///< a closed event, or a status change to closed
  [[nodiscard]] EventKind kind() const noexcept {
    return event != nullptr ? event->kind : EventKind::created;
  }
};

class Timeline {
 public:
  /// Builds the timeline, reusing this object's buffers. Throws TicketError
  /// for an event before creation or a value that does
  /// not fit its field, and when now is before creation.
  void build(const FieldLayout& layout, const Ticket& ticket, std::span<const TicketEvent> events,
             Instant now);

  [[nodiscard]] std::size_t steps() const noexcept { return steps_; }
  [[nodiscard]] Instant start(std::size_t k) const { return starts_[k]; }
  [[nodiscard]] std::span<const Instant> starts() const noexcept {
    return {starts_.data(), steps_};
  }
  [[nodiscard]] std::span<const SlotValue> state(std::size_t k) const {
    return {values_.data() + k * width_, width_};
  }
  /// The slots (as bits, slot % 64) that a step's events set; step 0: all.
  [[nodiscard]] std::uint64_t changed(std::size_t k) const { return changed_[k]; }
  [[nodiscard]] std::string_view team(std::size_t k) const { return teams_[k]; }
  [[nodiscard]] std::string_view assignee(std::size_t k) const { return assignees_[k]; }
  [[nodiscard]] bool solved(std::size_t k) const { return solved_[k] != 0; }
  /// The step holding instant t (t at or after creation).
  [[nodiscard]] std::size_t step_at(Instant t) const;

  /// Creation first, then every event in order.
  [[nodiscard]] const std::vector<EventRecord>& events() const noexcept { return records_; }
  [[nodiscard]] Instant created() const noexcept { return starts_.front(); }
  /// The ticket record's own status is solved or closed (before any event).
  [[nodiscard]] bool initially_solved() const noexcept { return initially_solved_; }
  [[nodiscard]] Instant now() const noexcept { return now_; }

 private:
  void apply(const FieldLayout& layout, const Ticket& ticket, const TicketEvent& e,
             EventRecord& record);
  void set(Slot slot, const SlotValue& v);
  /// Whether some condition reads the engine's slot: values of a field no
  /// rule reads are neither kept nor checked (docs/sla.md).
  [[nodiscard]] bool reads(const std::optional<Slot>& slot) const noexcept;

  std::size_t width_ = 0;
  Instant now_{};
  // Per step: the first steps_ entries of each of these. They keep the
  // longest ticket's length, so that a step is written without a check for
  // room (push_back) or a clear of what is written next (resize).
  std::size_t steps_ = 0;
  std::vector<Instant> starts_;
  std::vector<SlotValue> values_;
  std::vector<std::uint64_t> changed_;
  std::vector<std::uint8_t> solved_;
  std::vector<std::string_view> teams_, assignees_;
  std::vector<EventRecord> records_;
  std::vector<const TicketEvent*> order_;      // scratch: sorted events
  const TicketEvent* events_begin_ = nullptr;  // the history built from (errors name places)
  std::unordered_set<std::string_view> ids_;   // scratch: event ids seen
  TextMemo texts_;                             // the texts of the tickets before, as slot values
  // The current step's extra state while building.
  std::string_view team_, assignee_;
  bool is_solved_ = false, initially_solved_ = false;
  // Slots the engine itself writes (status, team, assignee, reopened).
  std::optional<Slot> status_slot_, team_slot_, assignee_slot_, reopened_slot_;
};

}  // namespace slakit::detail
