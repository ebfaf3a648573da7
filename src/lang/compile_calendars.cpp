#include "lang/compile_calendars.hpp"

#include <fmt/format.h>

#include "calendar/calendar_validation.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

Calendar compose(const ComposedCalendar& c,
                 const std::map<std::string, Calendar, std::less<>>& built) {
  std::vector<Calendar> parts;
  for (const auto& p : c.parts) parts.push_back(built.at(p));
  return Calendar::compose(c.name, c.op, std::move(parts), c.zone);
}

}  // namespace

void compile_calendars(const CheckedRules& checked,
                       std::map<std::string, Calendar, std::less<>>& calendars,
                       TicketCalendars& for_tickets, std::vector<Diagnostic>& diagnostics) {
  for (std::size_t i = 0; i < checked.calendars.size(); ++i) {
    const auto& def = checked.calendars[i];
    const auto& cal = calendars.emplace(def.name, Calendar{def}).first->second;
    const auto field = checked.zone_fields.find(def.name);
    for_tickets.try_emplace(def.name, cal,
                            field == checked.zone_fields.end() ? std::string{} : field->second);
    // The engine's own answer, over the whole range, unless the definition
    // shows some open dates every year: the search builds a block a year
    // (up to 131 of them, ~1.5 ms) and keeps it.
    if (open_floor(def).dates == 0 && !cal.next_open(kSupportedBegin)) {
      diagnostics.push_back(
          {Severity::warning, "W0235",
           fmt::format("calendar '{}' is open at no instant of the supported range (1970 to "
                       "2100): {}",
                       def.name,
                       def.weekly.empty() ? "its only hours are on open dates outside it"
                                          : "its holidays and closed dates close every date of "
                                            "its hours"),
           checked.calendar_names[i]});
    }
  }
  // In dependency order (Kahn): the checker rejected cycles and unknown parts.
  std::map<std::string, std::vector<const ComposedCalendar*>, std::less<>> waiting;  // by part
  std::vector<std::size_t> missing(checked.compositions.size());
  std::vector<const ComposedCalendar*> ready;
  for (std::size_t i = 0; i < checked.compositions.size(); ++i) {
    const auto& c = checked.compositions[i];
    for (const auto& p : c.parts) {
      if (calendars.count(p) != 0) continue;
      ++missing[i];
      waiting[p].push_back(&c);
    }
    if (missing[i] == 0) ready.push_back(&c);
  }
  while (!ready.empty()) {
    const auto* c = ready.back();
    ready.pop_back();
    const auto& cal = calendars.emplace(c->name, compose(*c, calendars)).first->second;
    std::vector<const TicketCalendar*> parts;
    for (const auto& p : c->parts) parts.push_back(&for_tickets.at(p));
    for_tickets.try_emplace(c->name, cal, std::move(parts));
    const auto it = waiting.find(c->name);
    if (it == waiting.end()) continue;
    for (const auto* next : it->second) {
      const auto i = static_cast<std::size_t>(next - checked.compositions.data());
      if (--missing[i] == 0) ready.push_back(next);
    }
  }
  // A composition that never opens is almost certainly a mistake.
  const Instant from{sys_days{year{kOpenCheckFirstYear} / January / 1}};
  const Instant to{sys_days{year{kOpenCheckLastYear + 1} / January / 1}};
  for (const auto& c : checked.compositions) {
    const auto& cal = calendars.at(c.name);
    if (cal.next_open(from).value_or(to) < to) continue;
    diagnostics.push_back(
        {Severity::warning, "W0230",
         fmt::format("calendar '{}' is never open in {} to {}: {}", c.name, kOpenCheckFirstYear,
                     kOpenCheckLastYear,
                     c.op == CalendarOp::difference     ? "its second part is open whenever its "
                                                          "first is"
                     : c.op == CalendarOp::intersection ? "its parts are never open at once"
                                                        : "none of its parts is"),
         c.span});
  }
}

}  // namespace slakit::detail
