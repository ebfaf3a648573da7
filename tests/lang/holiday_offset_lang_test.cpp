// Holiday lines in the rule language: day offsets on weekdays of a month
// ("4th thu of nov + 1"), offsets a date takes not (E0213), annual ranges
// that look reversed (W0238), and the example calendars that use them.
#include <doctest/doctest.h>

#include <slakit/lang/format.hpp>

#include <fstream>
#include <sstream>

#include "lang/lang_test_support.hpp"
#include "support/weekday_reference.hpp"

using namespace std::chrono;
using namespace slakit;
using test::diagnostics_of;
using test::first_message;

namespace {

std::string calendar_with(const std::string& lines) {
  return "calendar c {\n  zone \"America/New_York\"\n  mon..fri 09:00-17:00\n" + lines + "}\n";
}

std::vector<year_month_day> holiday_dates(const std::string& lines, int y) {
  const auto rules = compile_or_throw({{"t.sla", calendar_with(lines)}});
  std::vector<year_month_day> out;
  for (const auto& h : rules.calendar("c")->holidays(y)) out.push_back(h.date);
  return out;
}

using Ymds = std::vector<year_month_day>;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

// docs/language.md, "Calendars": "A day offset moves a weekday of a month, as
// it moves Easter": `4th thu of nov + 1` is the day after Thanksgiving,
// `last mon of may - 3` the Friday before Memorial Day.
TEST_CASE("a weekday of a month takes a day offset, as Easter does") {
  CHECK(holiday_dates("  holiday \"Black Friday\" 4th thu of nov + 1\n", 2024) ==
        Ymds{2024y / 11 / 29});
  CHECK(holiday_dates("  holiday \"Before Memorial Day\" last mon of may - 3\n", 2026) ==
        Ymds{2026y / 5 / 22});
  CHECK(holiday_dates("  holiday \"a\" last mon of may-3\n", 2026) == Ymds{2026y / 5 / 22});
  CHECK(holiday_dates("  holiday \"Easter Monday\" orthodox easter + 1\n", 2026) ==
        Ymds{2026y / 4 / 13});
  // The reproduction of review 8, F2, compiles clean.
  CHECK(diagnostics_of(calendar_with("  holiday \"Black Friday\" 4th thu of nov + 1\n")) == "");
}

// docs/language.md: "The offset comes first: `observed` shifts the date it
// gives, `from` and `until` close part of that date, and `since`, `through`
// and `except` count the year of the weekday it starts from."
TEST_CASE("the offset comes first, then observed, from and the years") {
  const std::string across = "  holiday \"w\" last wed of dec + 2 through 2025\n";
  CHECK(holiday_dates(across, 2026) == Ymds{2026y / 1 / 2});
  CHECK(holiday_dates(across, 2027).empty());
  const std::string before = "  holiday \"m\" 1st mon of jan - 7 since 2027\n";
  CHECK(holiday_dates(before, 2026) == Ymds{2026y / 12 / 28});
  CHECK(holiday_dates(before, 2025).empty());
  // Thanksgiving 2026 + 2 is Saturday Nov 28, observed on Friday Nov 27.
  CHECK(holiday_dates("  holiday \"s\" 4th thu of nov + 2 observed from 12:00\n", 2026) ==
        Ymds{2026y / 11 / 27, 2026y / 11 / 28});
}

// docs/language.md: "A fixed or one-off date takes no offset (`dec 24 + 1` is
// `dec 25`, and E0213 says so), nor does a range"; at most 366 days.
TEST_CASE("E0213 an offset a date does not take, or of more than a year") {
  CHECK(diagnostics_of(calendar_with("  holiday \"a\" dec 24 + 1\n")) == "4:22 E0213");
  CHECK(first_message(calendar_with("  holiday \"a\" dec 24 + 1\n")) ==
        "a day offset follows only a weekday of a month or Easter, and only once ('4th thu of "
        "nov + 1', 'easter - 2'); write the date it means: 'dec 25'");
  CHECK(first_message(calendar_with("  holiday \"b\" 2026-12-24 - 1\n")) ==
        "a day offset follows only a weekday of a month or Easter, and only once ('4th thu of "
        "nov + 1', 'easter - 2'); write the date it means: '2026-12-23'");
  // Across February 29 the date differs by year: no suggestion.
  CHECK(first_message(calendar_with("  holiday \"c\" mar 1 - 1\n")) ==
        "a day offset follows only a weekday of a month or Easter, and only once ('4th thu of "
        "nov + 1', 'easter - 2')");
  CHECK(diagnostics_of(calendar_with("  holiday \"d\" easter + 1 + 2\n")) == "4:26 E0213");
  CHECK(diagnostics_of(calendar_with("  holiday \"e\" dec 24 .. dec 26 + 1\n")) == "4:32 E0213");
  CHECK(diagnostics_of(calendar_with("  holiday \"f\" 1st mon of jan - 367\n")) == "4:3 E0213");
  CHECK(first_message(calendar_with("  holiday \"f\" 1st mon of jan - 367\n")) ==
        "holiday 'f': day offset -367 days is more than a year");
  CHECK(first_message(calendar_with("  closed 2026-12-24 + 1 from 12:00\n")) ==
        "a day offset follows only a weekday of a month or Easter, and only once ('4th thu of "
        "nov + 1', 'easter - 2'); write the date it means: '2026-12-25'");
  // The rest of the file is still read and checked.
  CHECK(diagnostics_of(calendar_with("  holiday \"a\" dec 24 + 1\n  holiday \"g\" feb 30\n")) ==
        "4:22 E0213, 5:15 E0102");
}

TEST_CASE("the formatter prints a day offset back, and again the same") {
  const auto once = format_rules("t.sla", calendar_with("  holiday \"a\" last mon of may-3\n"
                                                        "  holiday \"b\" 4th thu of nov  +  1\n"
                                                        "  holiday \"c\" 1st mon of jan - 0\n"));
  REQUIRE(once.ok());
  CHECK(once.text == calendar_with("  holiday \"a\" last mon of may - 3\n"
                                   "  holiday \"b\" 4th thu of nov + 1\n"
                                   "  holiday \"c\" 1st mon of jan\n"));
  const auto twice = format_rules("t.sla", once.text);
  REQUIRE(twice.ok());
  CHECK(twice.text == once.text);
}

// A holiday line ends at its last word: the trailing comment of the next
// line stays on that line (the optional offset after a date once let the
// line run on to the next, and the formatter moved the comment up).
TEST_CASE("a trailing comment after a holiday line stays on its own line") {
  const auto text = calendar_with(
      "  holiday \"a\" dec 24 .. dec 26\n"
      "  closed 2026-12-31 from 12:00  # half day\n"
      "  holiday \"b\" 4th thu of nov\n"
      "  holiday \"c\" jan 1  # new year\n");
  const auto once = format_rules("t.sla", text);
  REQUIRE(once.ok());
  CHECK(once.text == text);
}

// docs/language.md: "One that crosses it and spans more than ten months
// looks reversed, and the checker warns (W0238)"; "Ten months are 300
// dates: a range of 301 dates or more, counted in a leap year, is
// reported. A range written in order is not reported, however long."
TEST_CASE("W0238 an annual range that crosses New Year and spans more than ten months") {
  // The reproduction of review 8, F8.
  const auto reversed = calendar_with("  holiday \"Weihnachten\" dec 26 .. dec 24\n");
  CHECK(diagnostics_of(reversed) == "4:3 W0238");
  CHECK(first_message(reversed) ==
        "'dec 26 .. dec 24' is read as crossing New Year: it closes more than ten months, "
        "from dec 26 to dec 24 of the next year (365 dates in a leap year); for the dates "
        "between, write 'dec 24 .. dec 26'; to keep the long range, split it at New Year ('dec "
        "26 .. dec 31' and 'jan 1 .. dec 24')");
  CHECK(diagnostics_of(calendar_with("  holiday \"a\" mar 7 .. jan 1\n")) == "4:3 W0238");
  CHECK(first_message(calendar_with("  holiday \"a\" dec 31 .. dec 1\n")) ==
        "'dec 31 .. dec 1' is read as crossing New Year: it closes more than ten months, "
        "from dec 31 to dec 1 of the next year (337 dates in a leap year); for the dates "
        "between, write 'dec 1 .. dec 31'; to keep the long range, split it at New Year ('dec "
        "31' and 'jan 1 .. dec 1')");
  // 300 dates, a seasonal closure (review 9, F3), a short range across New
  // Year, ranges in order, the split: no warning.
  for (const char* quiet : {"mar 8 .. jan 1", "oct 1 .. apr 30", "dec 24 .. jan 2",
                            "jan 1 .. nov 30", "dec 26 .. dec 31", "jan 1 .. dec 24"}) {
    CAPTURE(quiet);
    CHECK(diagnostics_of(calendar_with(std::string{"  holiday \"a\" "} + quiet + "\n")) == "");
  }
  // A warning: the rules compile and mean what they say.
  CHECK(compile({{"t.sla", reversed}}).ok());
}

// docs/language.md, "Calendars": a holiday rule is outside when it begins
// after 2101 or ends before 1969, "a year later and earlier when its day
// offset may move its date into another year".
TEST_CASE("W0236 with a day offset that reaches into the supported range") {
  // Not W0236; but its one date in the range, 2101-01-01, is a Saturday,
  // when the calendar is closed anyway (W0243, docs/language.md).
  CHECK(diagnostics_of(calendar_with("  holiday \"a\" 1st mon of jan - 366 since 2102\n")) ==
        "4:3 W0243");
  CHECK(diagnostics_of(calendar_with("  holiday \"a\" 1st mon of jan - 366 since 2103\n")) ==
        "4:3 W0236");
  CHECK(diagnostics_of(calendar_with("  holiday \"a\" last mon of dec + 366 through 1968\n")) ==
        "");
  CHECK(diagnostics_of(calendar_with("  holiday \"a\" 1st mon of jan since 2102\n")) ==
        "4:3 W0236");
}

// The example amer_support (examples/rules/calendars.sla) closes the day
// after Thanksgiving in every year, which "4th fri of nov" did not in years
// when November begins on a Friday (review 8, F2).
TEST_CASE("the example amer_support closes the day after Thanksgiving, 1970 to 2100") {
  const auto path = std::string{SLAKIT_SOURCE_DIR} + "/examples/rules/calendars.sla";
  const auto rules = compile_or_throw({{path, read(path)}});
  const auto& amer = *rules.calendar("amer_support");
  for (int y = 1970; y <= 2100; ++y) {
    CAPTURE(y);
    const year_month_day day_after{year{y} / 11 / test::day_after_thanksgiving(y)};
    const auto hs = amer.holidays(y);
    const auto it = std::find_if(
        hs.begin(), hs.end(), [](const Holiday& h) { return h.name == "Day after Thanksgiving"; });
    REQUIRE(it != hs.end());
    CHECK(it->date == day_after);
    CHECK_FALSE(amer.is_business_day(day_after));
  }
  // 2024: November begins on a Friday; the 4th Friday (Nov 22) is open.
  CHECK(amer.is_business_day(2024y / 11 / 22));
  CHECK_FALSE(amer.is_business_day(2024y / 11 / 29));
  CHECK_FALSE(amer.is_business_day(2026y / 11 / 27));
}
