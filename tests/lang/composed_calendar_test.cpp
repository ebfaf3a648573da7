// Composed calendars, extra hours and dated breaks in the language
// (docs/language.md, "Calendars"): parsing, the checker's diagnostics at
// their positions, formatting, and the compiled calendars.
#include <doctest/doctest.h>

#include <slakit/lang/format.hpp>
#include <slakit/lang/parse.hpp>

#include "lang/lang_test_support.hpp"

using namespace std::chrono;
using namespace slakit;
using test::diagnostics_of;
using test::first_message;

namespace {

// Three regional desks, 09:00-17:00 on weekdays, then `rest`.
std::string desks(const std::string& rest) {
  return "calendar emea { zone \"Europe/Berlin\"  mon..fri 09:00-17:00 }\n"
         "calendar amer { zone \"America/New_York\"  mon..fri 09:00-17:00 }\n"
         "calendar apac { zone \"Asia/Tokyo\"  mon..fri 09:00-17:00 }\n" +
         rest;
}

RuleFile parse(const std::string& text, std::vector<Diagnostic>& diagnostics) {
  static SourceMap sources;  // outlives the returned spans within a test
  const auto id = sources.add("t.sla", text);
  return parse_rules(sources, id, diagnostics);
}

const CalendarDecl& calendar_at(const RuleFile& file, std::size_t i) {
  return std::get<CalendarDecl>(file.declarations.at(i));
}

}  // namespace

TEST_CASE("composed calendars, extra hours and dated breaks parse into the tree") {
  std::vector<Diagnostic> d;
  const auto file = parse(desks("calendar desk = emea | amer | apac zone \"Europe/London\"\n"
                                "calendar both = emea & amer\n"
                                "calendar usable = desk - both\n"
                                "calendar x { zone \"UTC\"  mon 09:00-17:00\n"
                                "  open 2026-12-19 18:00-20:00 extra\n"
                                "  open 2026-12-20 10:00-12:00\n"
                                "  closed 2026-12-23 12:00-13:00 }\n"),
                          d);
  REQUIRE(d.empty());
  const auto& desk = calendar_at(file, 3);
  CHECK(desk.op == CalendarOp::union_of);
  REQUIRE(desk.parts.size() == 3);
  CHECK(desk.parts[2].text == "apac");
  REQUIRE(desk.lines.size() == 1);
  CHECK(std::get<ZoneLine>(desk.lines[0]).zone == "Europe/London");
  CHECK(calendar_at(file, 4).op == CalendarOp::intersection);
  CHECK(calendar_at(file, 5).op == CalendarOp::difference);
  CHECK(calendar_at(file, 5).parts.size() == 2);
  const auto& x = calendar_at(file, 6);
  CHECK(std::get<OpenLine>(x.lines[2]).day.extra);
  CHECK_FALSE(std::get<OpenLine>(x.lines[3]).day.extra);
  const auto& brk = std::get<HolidayLine>(x.lines[4]);
  CHECK(brk.closed_form);
  CHECK(brk.rule.closed_from == TimeOfDay{12, 0});
  CHECK(brk.rule.closed_until == TimeOfDay{13, 0});
}

// docs/language.md: "One kind of operator per composed calendar".
TEST_CASE("a composed calendar takes one kind of operator, and at least one") {
  CHECK(diagnostics_of(desks("calendar m = emea | amer & apac\n")) == "4:26 E0001");
  CHECK(first_message(desks("calendar m = emea | amer & apac\n")) ==
        "expected the end of the calendar (one kind of operator per calendar: name the inner "
        "one), saw '&'");
  CHECK(diagnostics_of(desks("calendar m = emea - amer - apac\n")) == "4:26 E0001");
  CHECK(diagnostics_of(desks("calendar m = emea\n")) == "4:18 E0001");
  CHECK(first_message(desks("calendar m = emea\n")) ==
        "expected an operator: '|' (open when any is), '&' (when all are) or '-' (minus), saw "
        "end of file");
  CHECK(diagnostics_of(desks("calendar m emea | amer\n")) == "4:12 E0001");
}

TEST_CASE("E0202 a composed calendar's unknown part, E0205 its unknown zone") {
  CHECK(diagnostics_of(desks("calendar m = emea | amre\n")) == "4:21 E0202");
  CHECK(first_message(desks("calendar m = emea | amre\n")) ==
        "unknown calendar 'amre'; did you mean 'amer'?");
  CHECK(diagnostics_of(desks("calendar m = emea | amer zone \"Europe/Londn\"\n")) == "4:26 E0205");
}

// docs/semantics.md: "a calendar may not be a part of itself, directly or
// through others (the language rejects it, E0229)"; reported once per cycle,
// at the reference that closes it.
TEST_CASE("E0229 a calendar that is a part of itself") {
  CHECK(diagnostics_of(desks("calendar m = m | emea\n")) == "4:14 E0229");
  CHECK(first_message(desks("calendar m = m | emea\n")) ==
        "calendar 'm' is a part of itself: m -> m");
  const auto cycle = desks(
      "calendar a = b | emea\n"
      "calendar b = amer & c\n"
      "calendar c = a - apac\n"
      "sla s { calendar a  resolution 1h }\n");
  CHECK(diagnostics_of(cycle) == "6:14 E0229");
  CHECK(first_message(cycle) == "calendar 'a' is a part of itself: a -> b -> c -> a");
  // A calendar that uses a cycle without being in it is not reported again.
  CHECK(diagnostics_of(desks("calendar a = a | emea\ncalendar d = a & amer\n")) == "4:14 E0229");
}

// docs/language.md, W0230: open at no instant of the years 2025 to 2028.
TEST_CASE("W0230 a composed calendar that is never open") {
  const auto night = "calendar night { zone \"UTC\"  mon..fri 22:00-23:00 }\n";
  CHECK(diagnostics_of(desks(night + std::string{"calendar n = night & emea\n"})) == "5:10 W0230");
  CHECK(first_message(desks(night + std::string{"calendar n = night & emea\n"})) ==
        "calendar 'n' is never open in 2025 to 2028: its parts are never open at once");
  CHECK(diagnostics_of(desks("calendar g = emea - emea\n")) == "4:10 W0230");
  CHECK(diagnostics_of(desks(night + std::string{"calendar n = night & emea\n"
                                                 "calendar u = n | n\n"})) ==
        "5:10 W0230, 6:10 W0230");
  // Berlin and Tokyo overlap 09:00-10:00 Berlin time in summer only: no warning.
  CHECK(diagnostics_of(desks("calendar both = emea & apac\n")).empty());
  // A warning, not an error: the rules compile.
  CHECK(compile({{"t.sla", desks("calendar g = emea - emea\n")}}).ok());
}

TEST_CASE("E0218 a second opening for a date, whole or extra") {
  CHECK(diagnostics_of("calendar c { zone \"UTC\"  mon 09:00-17:00\n"
                       "  open 2026-12-19 18:00-20:00 extra\n"
                       "  open 2026-12-19 10:00-12:00 }\n") == "3:3 E0218");
}

TEST_CASE("composed calendars format canonically, and formatting them again changes nothing") {
  const auto result =
      format_rules("t.sla", desks("calendar desk=emea|amer  |apac   zone "
                                  "\"Europe/London\"  # the desk\n"
                                  "calendar both = emea&amer\ncalendar u=desk-both\n"
                                  "calendar x { zone \"UTC\"  mon 09:00-17:00\n"
                                  "  open 2026-12-19 18:00-20:00   extra\n"
                                  "  closed 2026-12-23 from 12:00 until 13:00\n"
                                  "  closed 2026-12-24 12:00-13:00 except 2027 }\n"));
  REQUIRE(result.ok());
  const std::string tail =
      "calendar desk = emea | amer | apac zone \"Europe/London\"  # the desk\n\n"
      "calendar both = emea & amer\n\n"
      "calendar u = desk - both\n\n"
      "calendar x {\n"
      "  zone \"UTC\"\n"
      "  mon 09:00-17:00\n"
      "  open 2026-12-19 18:00-20:00 extra\n"
      "  closed 2026-12-23 12:00-13:00\n"
      "  closed 2026-12-24 12:00-13:00 except 2027\n"
      "}\n";
  REQUIRE(result.text.size() > tail.size());
  CHECK(result.text.substr(result.text.size() - tail.size()) == tail);
  CHECK(format_rules("t.sla", result.text).text == result.text);
}

TEST_CASE("a composed calendar compiles to the C++ composition and serves policies") {
  const auto rules =
      compile_or_throw({{"t.sla", desks("calendar desk = emea | amer | apac\n"
                                        "calendar usable = desk - amer zone \"UTC\"\n"
                                        "sla s { calendar usable  resolution 4h }\n")}});
  const auto* desk = rules.calendar("desk");
  REQUIRE(desk != nullptr);
  REQUIRE(desk->composition() != nullptr);
  CHECK(desk->composition()->op == CalendarOp::union_of);
  CHECK(desk->composition()->parts.size() == 3);
  CHECK(desk->zone().name() == "Europe/Berlin");  // the first part's
  const auto* usable = rules.calendar("usable");
  REQUIRE(usable != nullptr);
  CHECK(usable->zone().name() == "UTC");
  // Friday 2026-03-13 20:00Z: New York is open but subtracted; Tokyo opens
  // the desk on Monday at 00:00Z, Berlin continues from 08:00Z.
  const Instant friday = sys_days{2026y / 3 / 13} + 20h;
  CHECK(desk->add(friday, 2h) == sys_days{2026y / 3 / 16} + 1h);
  CHECK(usable->add(friday, 9h) == sys_days{2026y / 3 / 16} + 9h);
}

TEST_CASE("zone from a ticket field and calendar from a ticket field: parse, check, format") {
  const std::string text =
      "field customer.calendar : text\n\n"
      "calendar local {\n  zone from customer.zone else \"Europe/Berlin\"\n  mon 09:00-17:00\n}\n\n"
      "sla s {\n  calendar from customer.calendar else local\n  resolution 1h\n}\n";
  CHECK(diagnostics_of(text).empty());
  const auto once = format_rules("t.sla", text);
  REQUIRE(once.ok());
  CHECK(once.text == text);
  std::vector<Diagnostic> d;
  const auto file = parse(text, d);
  const auto& zone = std::get<ZoneLine>(calendar_at(file, 1).lines[0]);
  REQUIRE(zone.field);
  CHECK(zone.field->text == "customer.zone");
  CHECK(zone.zone == "Europe/Berlin");
  const auto& policy = std::get<PolicyDecl>(file.declarations.at(2));
  CHECK(policy.calendar_field->text == "customer.calendar");
  CHECK(policy.calendar->text == "local");
  // A calendar named `from` is still a calendar.
  CHECK(diagnostics_of("calendar from { zone \"UTC\"  mon 09:00-17:00 }\n"
                       "sla s { calendar from  resolution 1h }\n")
            .empty());
}

TEST_CASE("E0203, E0204 and E0202 on the fields and names that choose calendars") {
  CHECK(diagnostics_of("calendar c { zone from customer.zon else \"UTC\"  mon 09:00-17:00 }\n") ==
        "1:24 E0203");
  CHECK(diagnostics_of("calendar c { zone from customer.tier else \"UTC\"  mon 09:00-17:00 }\n") ==
        "1:24 E0204");
  CHECK(first_message("calendar c { zone from customer.tier else \"UTC\"  mon 09:00-17:00 }\n") ==
        "a zone comes from a text field, but customer.tier is one of standard, silver, gold, "
        "platinum");
  CHECK(diagnostics_of("calendar c { zone from customer.zone else \"Mars\"  mon 09:00-17:00 }\n") ==
        "1:14 E0205");
  CHECK(diagnostics_of(desks("sla s { calendar from ticket.queue else emae  resolution 1h }\n")) ==
        "4:41 E0202");
  CHECK(diagnostics_of(desks(
            "sla s { calendar from ticket.priority else emea  resolution 1h }\n")) == "4:23 E0204");
}

// docs/language.md, E0231: "a ticket gives one zone".
TEST_CASE("E0231 a composed calendar whose zone would come from a ticket in two ways") {
  const std::string two_fields =
      "field customer.office_zone : text\n"
      "calendar a { zone from customer.zone else \"UTC\"  mon 09:00-17:00 }\n"
      "calendar b { zone from customer.office_zone else \"UTC\"  mon 09:00-17:00 }\n"
      "calendar c { zone \"UTC\"  mon 10:00-12:00 }\n"
      "calendar ab = a | b\n"
      "calendar ac = a & c\n";
  CHECK(diagnostics_of(two_fields) == "5:10 E0231");
  CHECK(first_message(two_fields) ==
        "calendar 'ab' has parts whose zones come from different fields (customer.office_zone, "
        "customer.zone): a ticket gives one zone");
  CHECK(diagnostics_of(desks("calendar m = emea | amer zone from customer.zone else \"UTC\"\n")) ==
        "4:36 E0231");
}
