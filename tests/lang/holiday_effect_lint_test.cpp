// W0243: holiday and `closed` lines that change nothing (review 8, F9).
#include <doctest/doctest.h>

#include "lang_test_support.hpp"

using slakit::test::diagnostics_of;
using slakit::test::first_message;

namespace {

// A Berlin calendar open Monday to Friday 08:00-18:00, then `lines`.
std::string office(const std::string& lines) {
  return "calendar c {\n  zone \"Europe/Berlin\"\n  mon..fri 08:00-18:00\n" + lines + "}\n";
}

}  // namespace

// docs/language.md, "Calendars": "A holiday or `closed` line that changes
// nothing is reported (W0243) at the line": "it falls on no date
// (`feb 29 since 2023 through 2023`; `except` every year it is bounded to)".
TEST_CASE("W0243 a holiday that falls on no date") {
  const auto leap = office("  holiday \"leap only\" feb 29 since 2023 through 2023\n");
  CHECK(diagnostics_of(leap) == "4:3 W0243");
  CHECK(first_message(leap) ==
        "this line never takes effect: it falls on no date from 1970 to 2100");
  CHECK(diagnostics_of(office("  holiday \"x\" jan 2 since 2030 through 2031 except 2030, "
                              "2031\n")) == "4:3 W0243");
  // 2024 has a February 29 (a Thursday).
  CHECK(diagnostics_of(office("  holiday \"leap\" feb 29 since 2023 through 2024\n")) == "");
  CHECK(diagnostics_of(office("  holiday \"x\" jan 2 since 2030 through 2031 except 2030\n")) ==
        "");
}

// docs/language.md, "Calendars": "every date it falls on has an `open` line
// (not `extra`) ...: so `open 2026-12-27 10:00-14:00` wins over `closed
// 2026-12-27`, whichever comes first, and the `closed` line is reported".
TEST_CASE("W0243 a closed date whose hours an open line states") {
  const auto both = office("  open 2026-12-28 10:00-14:00\n  closed 2026-12-28\n");
  CHECK(diagnostics_of(both) == "5:3 W0243");
  CHECK(first_message(both) ==
        "this line never takes effect: 'open 2026-12-28' at t.sla:4:3 states the hours of that "
        "date, which replace any holiday of the date (docs/semantics.md, \"Holidays and dated "
        "overrides\")");
  CHECK(diagnostics_of(office(
            "  closed 2026-12-28 12:00-13:00\n  open 2026-12-28 10:00-14:00\n")) == "4:3 W0243");
  // Extra hours add to the date: the closure still cuts its weekly hours.
  CHECK(diagnostics_of(office("  open 2026-12-28 19:00-20:00 extra\n  closed 2026-12-28\n")) == "");
  // A range with other dates (Tuesday 29th) still closes them.
  CHECK(diagnostics_of(office("  open 2026-12-28 10:00-14:00\n  closed 2026-12-28 .. "
                              "2026-12-29\n")) == "");
}

// docs/language.md, "Calendars": "or the calendar has no weekly hours in the
// part of the date it closes, on any date it falls on ... The periods of a
// date are those that open on it, an overnight shift whole".
TEST_CASE("W0243 a holiday in hours the calendar does not have") {
  const auto evening = office("  holiday \"Heiligabend\" dec 24 from 18:00\n");
  CHECK(diagnostics_of(evening) == "4:3 W0243");
  CHECK(first_message(evening) ==
        "this line closes nothing: the calendar has no opening hours from 18:00 on any date it "
        "falls on");
  CHECK(diagnostics_of(office("  holiday \"early\" dec 24 until 08:00\n")) == "4:3 W0243");
  const auto saturday = office("  holiday \"saturday\" 2026-06-13\n");
  CHECK(diagnostics_of(saturday) == "4:3 W0243");
  CHECK(first_message(saturday) ==
        "this line closes nothing: the calendar has no opening hours on any date it falls on "
        "(sat)");
  CHECK(diagnostics_of(office("  holiday \"easter saturday\" easter - 1\n")) == "4:3 W0243");
  // Hours inside the window: no warning.
  CHECK(diagnostics_of(office("  holiday \"Heiligabend\" dec 24 from 17:00\n")) == "");
  CHECK(diagnostics_of(office("  holiday \"monday\" 2026-06-15\n")) == "");
  CHECK(diagnostics_of(office("  holiday \"good friday\" easter - 2\n")) == "");
  // An overnight shift belongs to the date it opens on, whole: from 23:00
  // cuts the one that opens at 20:00; until 08:00 cuts none (the shift into
  // the morning is the day before's).
  const std::string night = "calendar n {\n  zone \"UTC\"\n  mon..sun 20:00-02:00\n";
  CHECK(diagnostics_of(night + "  holiday \"x\" dec 24 from 23:00\n}\n") == "");
  CHECK(diagnostics_of(night + "  holiday \"x\" dec 24 from 01:00\n}\n") == "");
  CHECK(diagnostics_of(night + "  holiday \"x\" dec 24 until 08:00\n}\n") == "4:3 W0243");
  // An observed line is judged only on whether it falls at all.
  CHECK(diagnostics_of(office("  holiday \"x\" dec 24 from 18:00 observed\n")) == "");
  // A line outside the supported range is W0236's, once.
  CHECK(diagnostics_of(office("  closed 1950-06-13\n")) == "4:3 W0236");
}

// docs/language.md, "Calendars": "in a night desk open `sun..thu
// 22:00-06:00`, `jan 1 until 06:00` closes nothing, since the hours after
// midnight belong to the shift of the date before, and the message says
// so". (Review 12, F7: it said only that there were no hours until 06:00.)
TEST_CASE("W0243 an early closure of a night desk names the shift of the date before") {
  const auto night =
      "calendar n {\n  zone \"UTC\"\n  sun..thu 22:00-06:00\n"
      "  holiday \"New Year morning\" jan 1 until 06:00\n}\n";
  CHECK(diagnostics_of(night) == "4:3 W0243");
  CHECK(first_message(night) ==
        "this line closes nothing: the calendar has no opening hours until 06:00 on any date it "
        "falls on; the hours after midnight belong to the shift of the date before (a period "
        "belongs to the date it opens on): close that date's shift instead");
  // The shift of the date before, closed from its opening: no warning.
  CHECK(diagnostics_of("calendar n {\n  zone \"UTC\"\n  sun..thu 22:00-06:00\n"
                       "  holiday \"New Year's Eve night\" dec 31 from 22:00\n}\n") == "");
}
