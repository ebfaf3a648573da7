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

}  // namespace

std::string_view event_kind_name(EventKind kind) noexcept {
  for (const auto& [k, name] : kEventNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<EventKind> parse_event_kind(std::string_view name) noexcept {
  for (const auto& [k, n] : kEventNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace slakit
