// FieldLayout::load and prefetch: a ticket's values read from its record.
#include <type_traits>
#include <variant>

#include "field_slots.hpp"
#include "ticket_sources.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

// Where in the ticket record a source's value lies.
const void* member_address(const Ticket& t, int source) {
  if (const auto* text = text_member(t, source)) return text;
  switch (source) {
    case contract_start:
      return &t.contract.valid_from;
    case contract_end:
      return &t.contract.valid_to;
    case order_value:
      return &t.order.value;
    case order_due:
      return &t.order.due;
    case ticket_created:
      return &t.created;
    case ticket_reopened:
      return &t.reopened;
    default:
      return &custom_fields(t, source - kCustom);
  }
}

}  // namespace

void FieldLayout::prefetch(const Ticket& t) const {
#if defined(__GNUC__)
  for (const Slot s : used_) __builtin_prefetch(member_address(t, source_[s]));
#else
  static_cast<void>(t);
#endif
}

void FieldLayout::load(const Ticket& t, std::span<SlotValue> out) const {
  load_into(t, out, nullptr);
}

void FieldLayout::load(const Ticket& t, std::span<SlotValue> out, TextMemo& memo) const {
  load_into(t, out, &memo);
}

void FieldLayout::load_into(const Ticket& t, std::span<SlotValue> out, TextMemo* memo) const {
  // Every slot below width() is one a condition reads, so each is set
  // below; if that ever stopped holding, a stale value must not survive.
  if (used_.size() != width_) std::fill(out.begin(), out.end(), SlotValue{});
  for (const Slot s : used_) load_slot(t, s, out[s], memo);
  // Read by the other engine's rules: checked, then dropped.
  SlotValue scratch;
  for (const Slot s : checked_) load_slot(t, s, scratch, memo);
}

void FieldLayout::load_slot(const Ticket& t, Slot s, SlotValue& out, TextMemo* memo) const {
  if (const auto* text = text_member(t, source_[s])) {
    if (memo == nullptr || !from_memo(out, s, *text, true, *memo)) {
      set_text(out, s, *text, t.id, true, memo);
    }
    return;
  }
  auto date = [&](const std::optional<year_month_day>& d) {
    out = d ? convert(s, *d, t.id) : SlotValue{};
  };
  switch (source_[s]) {
    case contract_start:
      date(t.contract.valid_from);
      break;
    case contract_end:
      date(t.contract.valid_to);
      break;
    case order_value:
      out = t.order.value ? convert(s, *t.order.value, t.id) : SlotValue{};
      break;
    case order_due:
      out = std::visit(
          [&](const auto& due) -> SlotValue {
            using D = std::decay_t<decltype(due)>;
            if constexpr (std::is_same_v<D, std::monostate>) {
              return {};
            } else {
              return convert(s, FieldValue{due}, t.id);
            }
          },
          t.order.due);
      break;
    case ticket_created:
      out = convert(s, t.created, t.id);
      break;
    case ticket_reopened:
      out = convert(s, t.reopened, t.id);
      break;
    default: {
      const auto& fields = custom_fields(t, source_[s] - kCustom);
      const auto& path = fields_[s].path;
      // The declared name ("order_value"), or its whole path
      // ("ticket.order_value"), as events and the JSON reader spell it.
      auto it = fields.find(std::string_view{path}.substr(path.find('.') + 1));
      if (it == fields.end()) it = fields.find(path);
      out = it == fields.end() ? SlotValue{} : convert(s, it->second, t.id);
    }
  }
}

}  // namespace slakit::detail
