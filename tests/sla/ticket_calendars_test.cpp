// Calendars chosen by the ticket (docs/sla.md, "Calendars from the ticket"):
// a calendar read in the zone that `customer.zone` names, a composed
// calendar that follows it through a part, and a policy whose calendar a
// ticket field names; unknown values are errors naming the ticket, the
// field and the value.
#include <slakit/error.hpp>

#include "sla/sla_test_support.hpp"

using namespace slakit;
using namespace slakit::test;
using namespace std::chrono;

namespace {

const char* kRules = R"(
calendar local_office {
  zone from customer.zone else "Europe/Berlin"
  mon..fri 09:00-17:00
}
calendar support {
  zone "UTC"
  mon..fri 06:00-20:00
}
calendar premium = local_office & support
field customer.calendar : text
sla premium_sla for customer.tier == platinum {
  calendar premium
  first_response 4h
}
sla local_sla for customer.tier == gold {
  calendar local_office
  first_response 4h
}
sla chosen_sla {
  calendar from customer.calendar else office
  first_response 6h
}
)";

// The first response due of a ticket created Monday 2026-03-02 at `created`.
Instant due(const char* tier, const char* zone, const char* calendar, const char* created) {
  auto t = ticket(created);
  t.id = "T-1";
  t.customer.tier = tier;
  t.customer.zone = zone;
  if (calendar[0] != '\0') t.customer.fields["calendar"] = std::string{calendar};
  const auto e = evaluate(rules(kRules), t, {}, t.created + 1h);
  REQUIRE(e.targets.size() == 1);
  return e.targets[0].due.value();
}

}  // namespace

// docs/sla.md: "the hours are read in the zone the field names in the
// ticket, or in the calendar's own zone when it is empty".
TEST_CASE("a calendar read in the zone a ticket names, its own zone when the field is empty") {
  // 14:00Z is 09:00 in New York, 15:00 in Berlin, 23:00 in Tokyo.
  CHECK(due("gold", "America/New_York", "", "2026-03-02T14:00Z") == at("2026-03-02T18:00Z"));
  CHECK(due("gold", "", "", "2026-03-02T14:00Z") == at("2026-03-03T10:00Z"));
  CHECK(due("gold", "Asia/Tokyo", "", "2026-03-02T14:00Z") == at("2026-03-03T04:00Z"));
}

// "A composed calendar follows the ticket's zone through the parts that read
// theirs from a field; its other parts stay in their zones."
TEST_CASE("a composed calendar re-reads only the parts that follow the ticket's zone") {
  // New York 14:00Z-22:00Z with support 06:00Z-20:00Z: 14:00Z-20:00Z.
  CHECK(due("platinum", "America/New_York", "", "2026-03-02T14:00Z") == at("2026-03-02T18:00Z"));
  // Tokyo 00:00Z-08:00Z with support: 06:00Z-08:00Z, two hours a day.
  CHECK(due("platinum", "Asia/Tokyo", "", "2026-03-02T14:00Z") == at("2026-03-04T08:00Z"));
}

TEST_CASE("a policy's calendar named by a ticket field, with its fallback") {
  CHECK(due("", "", "", "2026-03-02T12:00Z") == at("2026-03-03T10:00Z"));    // office, UTC
  CHECK(due("", "", "ny", "2026-03-02T12:00Z") == at("2026-03-02T20:00Z"));  // 14:00Z-22:00Z
  CHECK(due("", "Asia/Tokyo", "local_office", "2026-03-02T12:00Z") ==        // and its zone
        at("2026-03-03T06:00Z"));
}

TEST_CASE("an unknown zone or calendar in a ticket names the ticket, the field and the value") {
  // Like a value that does not fit its field: an error whether or not the
  // policies whose calendars read it apply (the first such calendar is named).
  CHECK_THROWS_WITH_AS(
      (void)due("gold", "Mars/Olympus", "", "2026-03-02T14:00Z"),
      "ticket 'T-1': customer.zone 'Mars/Olympus' is not a time zone (calendar 'premium')",
      TicketError);
  CHECK_THROWS_WITH_AS(
      (void)due("gold", "Europe/Berln", "", "2026-03-02T14:00Z"),
      "ticket 'T-1': customer.zone 'Europe/Berln' is not a time zone (calendar 'premium'); did "
      "you mean 'Europe/Berlin'?",
      TicketError);
  // Review 21 F2: the suggestion is the message's own, not text the name holds.
  CHECK_THROWS_WITH_AS(
      (void)due("gold", "Mars; did you mean Venus", "", "2026-03-02T14:00Z"),
      "ticket 'T-1': customer.zone 'Mars; did you mean Venus' is not a time zone (calendar "
      "'premium')",
      TicketError);
  CHECK_THROWS_WITH_AS(
      (void)due("", "", "mars_office", "2026-03-02T14:00Z"),
      "ticket 'T-1': customer.calendar 'mars_office' names no calendar of the rule set",
      TicketError);
}

// "... whether the ticket record holds it or a later `field_changed` event
// sets it (though that value moves no clock): then the message ends with the
// instant it was set". A valid later value moves no clock and is no error.
TEST_CASE("a zone or calendar set later by an event must name one too") {
  const auto r = rules(kRules);
  auto t = ticket("2026-03-02T14:00Z");
  t.id = "T-2";
  t.customer.tier = "gold";
  t.customer.zone = "America/New_York";
  t.customer.fields["calendar"] = std::string{"ny"};
  const auto at_10 = at("2026-03-02T15:00Z");
  const std::vector bad_zone{
      change("2026-03-02T15:00Z", "customer.zone", std::string{"Mars/Olympus"})};
  CHECK_THROWS_WITH_AS(
      (void)evaluate(r, t, bad_zone, at_10),
      "ticket 'T-2': customer.zone 'Mars/Olympus' is not a time zone (calendar 'premium') "
      "(set at 2026-03-02T15:00:00Z)",
      TicketError);
  const std::vector bad_calendar{
      change("2026-03-02T15:00Z", "customer.calendar", std::string{"nope"})};
  CHECK_THROWS_WITH_AS((void)evaluate(r, t, bad_calendar, at_10),
                       "ticket 'T-2': customer.calendar 'nope' names no calendar of the rule set "
                       "(set at 2026-03-02T15:00:00Z)",
                       TicketError);
  const std::vector good{change("2026-03-02T15:00Z", "customer.zone", std::string{"Asia/Tokyo"})};
  const auto e = evaluate(r, t, good, at_10);
  // Still New York's 09:00 start: 4h later is 13:00 there, 18:00Z.
  CHECK(cycle(e, "local_sla", Metric::first_response).due == maybe("2026-03-02T18:00Z"));
}
