// A test block's ticket, history and `now`, built from its lines with the
// rule set's fields and calendars (docs/language.md, "Tests").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "slakit/model/ticket.hpp"
#include "slakit/slakit.hpp"

namespace slakit::detail {

struct TestTicket {
  Ticket ticket;
  std::vector<TicketEvent> events;
  std::optional<Instant> now;
};

/// The instant a test writes: RFC 3339 as is, wall-clock time in the named
/// calendar's zone or the quoted IANA zone (a gap maps to the jump, a
/// repeated time to its first pass), a date alone to its midnight UTC.
/// Throws InvalidArgument naming an unknown calendar or zone (which the
/// checker already reports).
[[nodiscard]] Instant test_instant(const RuleSet& rules, const TestInstant& i);

/// The instant as a report shows it: RFC 3339 in the zone it is written in
/// (a calendar's or a quoted one), then in UTC ("2026-03-30T11:00:00+02:00
/// (2026-03-30T09:00:00Z)"); UTC alone for RFC 3339; a date as a date. Two
/// instants show alike exactly when they are equal.
[[nodiscard]] std::string shown_instant(const RuleSet& rules, const TestInstant& i);

/// An instant the engine returned, shown as the expected one is: in the
/// zone the test wrote it in, then in UTC.
[[nodiscard]] std::string shown_actual(const RuleSet& rules, const TestInstant& like, Instant t);

/// Builds the ticket (ticket.id defaults to the test's name). Throws
/// InvalidArgument for a value the checker let through but the model cannot
/// hold.
[[nodiscard]] TestTicket build_test_ticket(const RuleSet& rules, const TestDecl& test);

}  // namespace slakit::detail
