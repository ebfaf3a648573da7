// Helpers for SLA engine tests: rules with a plain office calendar, instants
// written as text, events in one line each, and finding a target cycle.
#pragma once

#include <doctest/doctest.h>

#include <slakit/sla/evaluation.hpp>
#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <string>
#include <vector>

namespace slakit::test {

/// Mon-Fri 09:00-17:00 UTC (2026-03-02 is a Monday), and the same hours in
/// New York and Berlin, for DST.
inline constexpr const char* kOfficeCalendars = R"(
calendar office {
  zone "UTC"
  mon..fri 09:00-17:00
  holiday "Holiday" 2026-03-11
}
calendar ny {
  zone "America/New_York"
  mon..fri 09:00-17:00
}
calendar berlin {
  zone "Europe/Berlin"
  mon..fri 09:00-17:00
}
)";

/// The rule text after the office calendars, compiled (or a failed check).
inline RuleSet rules(const std::string& text) {
  return compile_or_throw({{"t.sla", std::string{kOfficeCalendars} + text}});
}

/// "2026-03-02T09:00Z" (RFC 3339) as an instant.
inline Instant at(const char* text) {
  static const auto utc = TimeZone::locate("UTC");
  return parse_time(text, utc);
}

inline TicketEvent event(const char* when, EventKind kind) {
  return {.at = at(when), .kind = kind};
}
inline TicketEvent reply(const char* when, bool is_public = true) {
  return {.at = at(when), .kind = EventKind::agent_replied, .is_public = is_public};
}
inline TicketEvent customer(const char* when) {
  return {.at = at(when), .kind = EventKind::customer_replied};
}
inline TicketEvent status(const char* when, const char* to) {
  return {.at = at(when), .kind = EventKind::status_changed, .to = to};
}
inline TicketEvent change(const char* when, const char* field, FieldValue value) {
  return {.at = at(when), .kind = EventKind::field_changed, .field = field, .value = value};
}
inline TicketEvent assign(const char* when, const char* team, const char* agent = "") {
  return {.at = at(when), .kind = EventKind::assigned, .team = team, .agent = agent};
}

/// A ticket created at `created`, priority normal, status new.
inline Ticket ticket(const char* created, const char* priority = "normal") {
  Ticket t;
  t.id = "T-1";
  t.created = at(created);
  t.priority = priority;
  t.status = "new";
  return t;
}

/// The cycle of that policy, metric and number among the SLA targets and
/// the OLAs; fails the test when there is none. A copy, so that it may be
/// taken from a temporary evaluation.
inline TargetCycle cycle(const Evaluation& e, const std::string& policy, Metric metric,
                         int number = 1) {
  for (const auto* list : {&e.targets, &e.olas}) {
    for (const auto& c : *list) {
      if (c.policy == policy && c.metric == metric && c.cycle == number) return c;
    }
  }
  FAIL("no cycle " << number << " of " << policy << " " << metric_name(metric) << " in "
                   << to_json(e));
  return {};
}

/// The number of cycles of that policy and metric.
inline std::size_t cycle_count(const Evaluation& e, const std::string& policy, Metric metric) {
  std::size_t n = 0;
  for (const auto* list : {&e.targets, &e.olas}) {
    for (const auto& c : *list) n += c.policy == policy && c.metric == metric ? 1 : 0;
  }
  return n;
}

inline std::optional<Instant> maybe(const char* when) {
  return at(when);
}

}  // namespace slakit::test
