// Lints for calendars and targets that the supported range (1970 to 2100)
// makes useless: dated lines it never reaches (W0236), calendars open at no
// instant of it (W0235), targets that never fall due within it (W0237).
#include <doctest/doctest.h>

#include "calendar/calendar_validation.hpp"
#include "lang/lang_test_support.hpp"

using namespace slakit;
using test::diagnostics_of;
using test::first_message;

namespace {

// A 24/7 UTC calendar with `lines` after its hours (line 3 on).
std::string around_the_clock(const std::string& lines) {
  return "calendar c {\n  zone \"UTC\"  mon..sun 00:00-24:00\n" + lines + "}\n";
}

}  // namespace

// docs/language.md, "Calendars": "A date is outside the range when it lies
// before 1969-12-31 or after 2101-01-01".
TEST_CASE("W0236 a dated line outside the supported range") {
  // The reproduction of review 6, F7, with every kind of dated line.
  CHECK(diagnostics_of(around_the_clock("  closed 2517-01-01\n"
                                        "  closed 1960-01-01\n"
                                        "  open 1960-01-02 09:00-10:00\n"
                                        "  closed 1960-01-01 .. 1960-12-31\n"
                                        "  holiday \"h\" 2200-05-01\n"
                                        "  holiday \"s\" jan 1 since 2200\n"
                                        "  holiday \"t\" jan 1 through 1900\n")) ==
        "3:3 W0236, 4:3 W0236, 5:3 W0236, 6:3 W0236, 7:3 W0236, 8:3 W0236, 9:3 W0236");
  CHECK(first_message(around_the_clock("  closed 2517-01-01\n")) ==
        "this line never takes effect: its dates lie outside the supported range (1970 to 2100)");
  // The dates beside the range reach into it in zones west and east of UTC,
  // and ranges that overlap it take effect in part.
  CHECK(diagnostics_of(around_the_clock("  closed 1969-12-31\n"
                                        "  open 2101-01-01 09:00-10:00\n"
                                        "  closed 1969-06-01 .. 1970-01-05\n"
                                        "  closed 2100-12-01 .. 2101-03-01\n"
                                        "  holiday \"s\" jan 1 since 2101\n"
                                        "  holiday \"t\" dec 31 through 1969\n"
                                        "  closed 2100-12-31\n")) ==
        // No W0236; but the one date of "s" in the range has an open line,
        // which replaces it (W0243, docs/language.md).
        "7:3 W0243");
  // An observed date may move by days: the margin is a week.
  CHECK(diagnostics_of(around_the_clock("  holiday \"o\" 1969-12-27 observed\n")) == "");
  CHECK(diagnostics_of(around_the_clock("  holiday \"o\" 1969-12-20 observed\n")) == "3:3 W0236");
  // A warning: the engine accepts and ignores such lines.
  CHECK(compile({{"t.sla", around_the_clock("  closed 2517-01-01\n")}}).ok());
}

// docs/language.md, "Calendars": "A calendar open at no instant of the
// supported range is reported (W0235) at its name"; the compiled calendar
// answers, so a calendar open only on February 29 is open.
TEST_CASE("W0235 a calendar open at no instant of the supported range") {
  // The reproduction of review 6, F7: a holiday that covers the year.
  CHECK(diagnostics_of(around_the_clock("  holiday \"all\" jan 1 .. dec 31\n")) == "1:10 W0235");
  CHECK(first_message(around_the_clock("  holiday \"all\" jan 1 .. dec 31\n")) ==
        "calendar 'c' is open at no instant of the supported range (1970 to 2100): its holidays "
        "and closed dates close every date of its hours");
  // Open on February 29 of leap years: not reported.
  CHECK(diagnostics_of(around_the_clock("  holiday \"a\" jan 1 .. feb 28\n"
                                        "  holiday \"b\" mar 1 .. dec 31\n")) == "");
  // The same closed from 2101 on only: open until then.
  CHECK(diagnostics_of(around_the_clock("  holiday \"all\" jan 1 .. dec 31 since 2101\n")) == "");
  // Hours only on dates outside the range: both lines and the calendar.
  const auto dated = "calendar d {\n  zone \"UTC\"\n  open 1960-01-02 09:00-10:00\n}\n";
  CHECK(diagnostics_of(dated) == "1:10 W0235, 3:3 W0236");
  CHECK(first_message(dated) ==
        "calendar 'd' is open at no instant of the supported range (1970 to 2100): its only hours "
        "are on open dates outside it");
  // A weekday set covered by rules: every Monday of every month closed.
  std::string mondays = "calendar m {\n  zone \"Europe/Berlin\"\n  mon 09:00-17:00\n";
  std::string all_but_one = mondays;
  for (const char* month :
       {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
    for (const char* nth : {"1st", "2nd", "3rd", "4th", "last"}) {
      const auto line =
          "  holiday \"" + std::string{nth} + " " + month + "\" " + nth + " mon of " + month + "\n";
      mondays += line;
      if (std::string{month} != "may" || std::string{nth} != "4th") all_but_one += line;
    }
  }
  CHECK(diagnostics_of(mondays + "}\n") == "1:10 W0235");
  // Without one of them, the 4th Monday of May (when May has five) stays open.
  CHECK(diagnostics_of(all_but_one + "}\n") == "");
  // A warning: such a calendar compiles, and throws a range error when used.
  CHECK(compile({{"t.sla", mondays + "}\n"}}).ok());
  // Calendars with hours are not reported, whatever their zone.
  CHECK(diagnostics_of("calendar w {\n  zone \"Pacific/Kiritimati\"\n  sat 23:00-24:00\n}\n") ==
        "");
}

namespace {

// Monday to Friday 09:00-17:00 UTC: 273,416 business hours and 34,177
// business days from 1970 to 2100 (1970-01-01 is a Thursday, 2100-12-31 a
// Friday).
std::string office(const std::string& policy) {
  return "calendar office {\n  zone \"UTC\"\n  mon..fri 09:00-17:00\n}\n" + policy;
}

}  // namespace

// docs/sla.md, "Lint": "a target whose due instant lies past 2100 even for a
// cycle that starts at 1970-01-01T00:00:00Z, the earliest instant the engine
// takes, or, for `before`, lies before 1970 even for a field at the last
// second of 2100".
TEST_CASE("W0237 a target that can never fall due within the supported range") {
  // Without a calendar: 131 years (47,847 days) and longer never fit.
  CHECK(diagnostics_of("sla s {\n  first_response 999999999h\n}\n") == "2:18 W0237");
  CHECK(first_message("sla s {\n  first_response 999999999h\n}\n") ==
        "first_response 999999999h can never fall due within the supported range (1970 to 2100): "
        "it is as long as the range or longer");
  CHECK(diagnostics_of("sla s {\n  resolution 1148328h\n}\n") == "2:14 W0237");
  CHECK(diagnostics_of("sla s {\n  resolution 1148327h\n}\n") == "");
  CHECK(diagnostics_of("sla s {\n  resolution 47847 business days\n}\n") == "2:14 W0237");
  CHECK(diagnostics_of("sla s {\n  resolution 47846 business days\n}\n") == "");
  // In a calendar, the engine's own bound: its business time in the range.
  CHECK(diagnostics_of(office("sla s {\n  calendar office\n  first_response 273417h\n}\n")) ==
        "7:18 W0237");
  CHECK(first_message(office("sla s {\n  calendar office\n  first_response 273417h\n}\n")) ==
        "first_response 273417h can never fall due within the supported range (1970 to 2100): "
        "calendar 'office' has less business time than that from 1970 to 2100");
  CHECK(diagnostics_of(office("sla s {\n  calendar office\n  first_response 273416h\n}\n")) == "");
  CHECK(diagnostics_of(office("sla s {\n  calendar office\n  resolution 34177bd\n}\n")) ==
        "7:14 W0237");
  CHECK(diagnostics_of(office("sla s {\n  calendar office\n  resolution 34176bd\n}\n")) == "");
  // Each value of a target, at its position; OLA targets too.
  CHECK(diagnostics_of(office(
            "ola o {\n  calendar office\n  start on assigned\n"
            "  target 1h when ticket.priority == urgent, otherwise 300000h\n}\n")) == "8:45 W0237");
  // `before`: the margin counted back from the last second of 2100.
  CHECK(diagnostics_of("sla s {\n  resolution before order.due - 1148328h\n}\n") == "2:14 W0237");
  CHECK(diagnostics_of("sla s {\n  resolution before order.due - 1148327h\n}\n") == "");
  for (const auto& [margin, expected] :
       std::vector<std::pair<std::string, std::string>>{{"273417h", "7:14 W0237"},
                                                        {"273416h", ""},
                                                        {"34177bd", "7:14 W0237"},
                                                        {"34176bd", ""}}) {
    CHECK(diagnostics_of(office("sla s {\n  calendar office\n  resolution before order.due - " +
                                margin + "\n}\n")) == expected);
  }
  // Business days count local dates from the first date of the range: a
  // calendar west of UTC, whose 1970-01-01T00:00:00Z is on 1969-12-31, holds
  // them too (review 8, F1: composed calendars, which the engine answers).
  const std::string new_york =
      "calendar ny {\n  zone \"America/New_York\"\n  mon..fri 08:00-20:00\n}\n"
      "calendar nyc = ny | ny\ncalendar tokyo {\n  zone \"Asia/Tokyo\"\n"
      "  mon..fri 09:00-17:00\n}\ncalendar both = nyc | tokyo\n";
  for (const auto* cal : {"ny", "nyc", "both"}) {
    CAPTURE(cal);
    CHECK(diagnostics_of(new_york + "sla s {\n  calendar " + cal +
                         "\n  resolution 3 business days\n}\n") == "");
    CHECK(diagnostics_of(new_york + "sla s {\n  calendar " + cal +
                         "\n  resolution before order.due - 3 business days\n}\n") == "");
  }
  CHECK(diagnostics_of(new_york + "sla s {\n  calendar nyc\n  resolution 40000bd\n}\n") ==
        "13:14 W0237");
  // A calendar the ticket chooses may be any: only the 24/7 bound.
  CHECK(diagnostics_of(office("sla s {\n  calendar from customer.region else office\n"
                              "  first_response 300000h\n}\n")) == "");
  CHECK(diagnostics_of(office("sla s {\n  calendar from customer.region else office\n"
                              "  first_response 1148328h\n}\n")) == "7:18 W0237");
  // A calendar never open is reported once, at the calendar.
  CHECK(diagnostics_of(around_the_clock("  holiday \"all\" jan 1 .. dec 31\n") +
                       "sla s {\n  calendar c\n  first_response 4h\n}\n") == "1:10 W0235");
  // Review 6, F7, whole: every line it warned of, and the rules still compile.
  const auto quiet =
      "calendar never {\n  zone \"UTC\"\n  mon..sun 00:00-24:00\n"
      "  holiday \"all\" jan 1 .. dec 31\n  closed 2517-01-01\n"
      "  closed 1960-01-01\n}\nsla s {\n  calendar never\n"
      "  first_response 999999999h\n}\n";
  CHECK(diagnostics_of(quiet) == "1:10 W0235, 5:3 W0236, 6:3 W0236, 10:18 W0237");
  CHECK(compile({{"t.sla", quiet}}).ok());
}

// The lint skips the engine when a calendar's definition shows enough open
// time (open_floor); the answer must stay the engine's: W0237 exactly when
// adding the value to 1970-01-01T00:00:00Z leaves the range.
TEST_CASE("W0237 agrees with the engine on either side of the definition's bound") {
  const std::vector<std::string> calendars = {
      "  zone \"UTC\"\n  mon..fri 09:00-17:00\n",
      // Overnight shifts that overlap the next date's hours.
      "  zone \"Europe/Berlin\"\n  mon..sun 22:00-06:00\n  tue..sat 00:00-05:00\n",
      "  zone \"America/New_York\"\n  sat 02:00-02:30\n  holiday \"x\" dec 25 observed\n",
      "  zone \"Asia/Tokyo\"\n  mon..fri 09:00-12:00, 13:00-17:00\n"
      "  holiday \"gw\" apr 29 .. may 5\n  open 2030-01-01 10:00-10:01\n",
  };
  for (const auto& hours : calendars) {
    const auto calendar = "calendar c {\n" + hours + "}\n";
    const auto rules = compile({{"t.sla", calendar}});
    REQUIRE(rules.ok());
    const auto* cal = rules.rules->calendar("c");
    const auto total = cal->elapsed(kSupportedBegin, kSupportedEnd - std::chrono::seconds{1});
    // The definition's bound never promises more than the calendar holds.
    const auto floor = detail::open_floor(cal->definition());
    CHECK(129 * floor.dates * floor.per_date <= total);
    for (const double share : {0.3, 0.6, 0.9, 0.97, 0.999, 1.0, 1.001}) {
      const auto value = std::chrono::duration_cast<std::chrono::hours>(total * share);
      CAPTURE(calendar);
      CAPTURE(value.count());
      bool fits = true;
      try {
        (void)cal->add(kSupportedBegin, value);
      } catch (const RangeError&) {
        fits = false;
      }
      const auto policy =
          "sla s {\n  calendar c\n  resolution " + std::to_string(value.count()) + "h\n}\n";
      CHECK(diagnostics_of(calendar + policy).empty() == fits);
    }
  }
}
