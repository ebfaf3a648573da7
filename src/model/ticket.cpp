#include "slakit/model/ticket.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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

template <class Word>
Word word_at(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Whether a name of kEventNames (6 to 16 bytes) is `text`: two loads a
// side, overlapping, rather than a call to memcmp.
bool same(std::string_view name, std::string_view text) {
  static_assert(std::ranges::all_of(
      kEventNames, [](const auto& e) { return e.second.size() >= 4 && e.second.size() <= 16; }));
  if (name.size() != text.size()) return false;
  const auto n = name.size();
  const auto* a = name.data();
  const auto* b = text.data();
  if (n >= 8) {
    return word_at<std::uint64_t>(a) == word_at<std::uint64_t>(b) &&
           word_at<std::uint64_t>(a + n - 8) == word_at<std::uint64_t>(b + n - 8);
  }
  return word_at<std::uint32_t>(a) == word_at<std::uint32_t>(b) &&
         word_at<std::uint32_t>(a + n - 4) == word_at<std::uint32_t>(b + n - 4);
}

// Each kind of kEventNames as parse_event_kind returns it.
constexpr auto kParsed = [] {
  std::array<std::optional<EventKind>, kEventNames.size()> parsed{};
  for (std::size_t i = 0; i < kEventNames.size(); ++i) parsed[i] = kEventNames[i].first;
  return parsed;
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
  if (i < 0 || !same(kEventNames[static_cast<std::size_t>(i)].second, name)) return std::nullopt;
  // Copied whole from a table, not made here (a stall: docs/architecture.md,
  // Decisions).
  return kParsed[static_cast<std::size_t>(i)];
}

}  // namespace slakit
