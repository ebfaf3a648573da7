// Compiling a checked rule set's calendars: plain ones from their
// definitions, then composed ones after their parts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lang/check/checker.hpp"
#include "program/ticket_calendar.hpp"
#include "slakit/calendar/calendar.hpp"

namespace slakit::detail {

/// The years in which W0230 looks for open time: four whole UTC years hold
/// both DST changes of every zone, every weekday many times and a leap day.
inline constexpr int kOpenCheckFirstYear = 2025;
inline constexpr int kOpenCheckLastYear = 2028;

/// Compiles every calendar of `checked` into `calendars`, and their views
/// for tickets (whose zone fields they follow) into `for_tickets`; warns
/// about a plain calendar open at no instant of the supported range (W0235)
/// and a composed one open at no instant of the check years (W0230).
void compile_calendars(const CheckedRules& checked,
                       std::map<std::string, Calendar, std::less<>>& calendars,
                       TicketCalendars& for_tickets, std::vector<Diagnostic>& diagnostics);

}  // namespace slakit::detail
