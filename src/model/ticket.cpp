#include "slakit/model/ticket.hpp"

#include <array>
#include <utility>

namespace slakit {
namespace {

constexpr std::array<std::pair<EventKind, std::string_view>, 10> kEventNames{{
    {EventKind::created, "created"},
    {EventKind::customer_replied, "customer_replied"},
    {EventKind::agent_replied, "agent_replied"},
    {EventKind::status_changed, "status_changed"},
    {EventKind::field_changed, "field_changed"},
    {EventKind::assigned, "assigned"},
    {EventKind::handed_back, "handed_back"},
    {EventKind::solved, "solved"},
    {EventKind::reopened, "reopened"},
    {EventKind::closed, "closed"},
}};

// Where a name stands in kBySlot: a hash of its length and first letter that
// gives each of the names above a slot of its own (checked below).
constexpr std::size_t slot(std::string_view name) {
  return (3 * name.size() + static_cast<unsigned char>(name[0])) % 32;
}

// kEventNames' index of the name in each slot, or -1.
constexpr auto kBySlot = [] {
  std::array<signed char, 32> by_slot{};
  by_slot.fill(-1);
  for (std::size_t i = 0; i < kEventNames.size(); ++i) {
    auto& at = by_slot[slot(kEventNames[i].second)];
    if (at != -1) throw "two event kinds in one slot: change slot()";
    at = static_cast<signed char>(i);
  }
  return by_slot;
}();

}  // namespace

std::string_view event_kind_name(EventKind kind) noexcept {
  for (const auto& [k, name] : kEventNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<EventKind> parse_event_kind(std::string_view name) noexcept {
  if (name.empty()) return std::nullopt;
  // One table load and one comparison: the loop over the names took a
  // branch that depends on which kind it is, mispredicted from one event
  // to the next (every event of every ticket read comes here).
  const auto i = kBySlot[slot(name)];
  if (i < 0 || kEventNames[static_cast<std::size_t>(i)].second != name) return std::nullopt;
  return kEventNames[static_cast<std::size_t>(i)].first;
}

}  // namespace slakit
