// Syntax: what parses, and where each syntax error is reported.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <slakit/lang/format.hpp>
#include <slakit/lang/parse.hpp>
#include <slakit/routing/route.hpp>
#include <slakit/testing/test_runner.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lang/lang_test_support.hpp"

using namespace slakit;
using test::diagnostics_of;
using test::first_message;

namespace {

RuleFile parse(const std::string& text, std::vector<Diagnostic>& diagnostics) {
  static SourceMap sources;  // outlives the returned spans within a test
  const auto id = sources.add("t.sla", text);
  return parse_rules(sources, id, diagnostics);
}

}  // namespace

TEST_CASE("every construct of the language parses into the tree") {
  std::vector<Diagnostic> d;
  const auto file = parse(R"(include "common.sla"
calendar berlin {
  zone "Europe/Berlin"
  mon..fri 08:00-12:00, 12:30-17:00
  sat, sun 10:00-14:00
  holiday "New Year" jan 1 observed
  holiday "Boxing Day" dec 26 observed substitute except 2020 since 1990 through 2090
  holiday "Good Friday" easter - 2
  holiday "Orthodox Easter Monday" orthodox easter + 1
  holiday "Thanksgiving" 4th thu of nov
  holiday "Memorial Day" last mon of may
  holiday "Christmas break" dec 24 .. jan 1
  holiday "Move" 2026-03-02 .. 2026-03-04
  closed 2026-12-31 from 12:00
  closed 2026-12-30 until 10:00
  open 2026-12-20 10:00-14:00
}
field customer.region : one of emea, amer, apac
sla gold for contract.sla == "gold" and not (ticket.priority in [low]) {
  calendar berlin
  first_response 1h when ticket.priority == urgent, 2h when ticket.priority == high, otherwise 4h
  resolution 3 business days
  pause while ticket.status in [pending_customer, on_hold]
  warn at 75%
  escalate at 100% to team leads
}
ola handoff { start on assigned to team l2  stop on solved, handed_back  target 4h }
route vip when customer.tier == platinum or order.value >= 1000.5 -> queue vip, priority urgent, team t, skills [a, b]
)",
                          d);
  CHECK(d.empty());
  REQUIRE(file.declarations.size() == 6);
  const auto& cal = std::get<CalendarDecl>(file.declarations[1]);
  CHECK(cal.name.text == "berlin");
  CHECK(cal.lines.size() == 14);
  const auto& boxing = std::get<HolidayLine>(cal.lines[4]).rule;
  CHECK(boxing.observance == Observance::next_free_weekday);
  CHECK(boxing.skip_years == std::vector<int>{2020});
  CHECK(boxing.first_year == 1990);
  CHECK(boxing.last_year == 2090);
  CHECK(std::get<EasterOffset>(std::get<HolidayLine>(cal.lines[5]).rule.date).days == -2);
  CHECK(std::get<EasterOffset>(std::get<HolidayLine>(cal.lines[6]).rule.date).kind ==
        EasterKind::orthodox);
  CHECK(std::get<NthWeekday>(std::get<HolidayLine>(cal.lines[8]).rule.date).n == -1);
  CHECK(std::holds_alternative<AnnualRange>(std::get<HolidayLine>(cal.lines[9]).rule.date));
  CHECK(std::holds_alternative<DateRange>(std::get<HolidayLine>(cal.lines[10]).rule.date));
  CHECK(std::get<HolidayLine>(cal.lines[11]).closed_form);
  const auto& sla = std::get<PolicyDecl>(file.declarations[3]);
  CHECK(sla.targets.size() == 2);
  CHECK(sla.targets[0].cases.size() == 3);
  CHECK(sla.targets[1].cases[0].value.business_days == 3);
  CHECK(sla.applies->kind == Expr::Kind::logical_and);
  CHECK(sla.thresholds[1].target_kind == "team");
  const auto& ola = std::get<PolicyDecl>(file.declarations[4]);
  CHECK(ola.start_on[0].team->text == "l2");
  CHECK(ola.stop_on.size() == 2);
  const auto& route = std::get<RouteDecl>(file.declarations[5]);
  CHECK(route.when->kind == Expr::Kind::logical_or);
  CHECK(route.skills.size() == 2);
  CHECK(route.when->operands[1].operands[1].literal.number == 1000.5);
}

TEST_CASE("syntax errors: code, line and column, one per broken declaration") {
  CHECK(diagnostics_of("calendar c {\n  zone \"UTC\"\n  mon 09:00-\n}\n") == "3:13 E0001");
  CHECK(first_message("calendar c {\n  zone \"UTC\"\n  mon 09:00-\n}\n") ==
        "expected a time of day (HH:MM), saw the end of the line");
  CHECK(diagnostics_of("route r -> queue") == "1:17 E0001");
  CHECK(first_message("route r -> queue") == "expected a name, saw end of file");
  CHECK(diagnostics_of("hello world\nroute r -> queue q\n") == "1:1 E0002");
  CHECK(first_message("hello world\n") ==
        "expected a declaration (calendar, field, sla, ola, route, routes, test or include), saw "
        "'hello'");
  // A declaration missing its last name does not swallow the next one.
  CHECK(diagnostics_of("route r -> queue q, priority\nroute s -> queue x\n") == "2:1 E0001");
}

// docs/language.md, "Diagnostics": "A calendar line that stops short, where
// the next line starts another calendar line (zone, a weekday, holiday,
// closed, open), a declaration or the calendar's }, is reported at the end of
// its own line, saying what was missing there" (review 8, F11: a missing
// 'from' was "expected '-', saw 'holiday'" on the next line). "A line may
// still go on over a line break ...; then the error stays at the word that
// does not fit."
TEST_CASE("a calendar line that stops short is reported at the end of its own line") {
  const std::string cal = "calendar c {\n  zone \"UTC\"\n  mon..fri 08:00-18:00\n";
  // The review's file: the caret right after 12:00, saying what goes there.
  const auto missing_from = cal + "  closed 2026-12-31 12:00\n  holiday \"x\" jan 1\n}\n";
  CHECK(diagnostics_of(missing_from) == "4:26 E0001");
  CHECK(first_message(missing_from) ==
        "expected '-' and the time the break ends (12:00-13:00), or 'from' before the time to "
        "close the rest of the date, saw the end of the line");
  // A comment after the line: the end of its last token still.
  CHECK(diagnostics_of(cal + "  closed 2026-12-31 12:00  # half day\n}\n") == "4:26 E0001");
  // Every line of a calendar whose tail can stop short: zone, a weekday's
  // hours, a holiday's date, range and modifiers, an open date.
  CHECK(diagnostics_of("calendar c {\n  zone\n  mon 08:00-09:00\n}\n") == "2:7 E0001");
  CHECK(diagnostics_of(cal + "  tue..\n  holiday \"x\" jan 1\n}\n") == "4:8 E0001");
  CHECK(diagnostics_of(cal + "  sat\n  sun 10:00-12:00\n}\n") == "4:6 E0001");
  CHECK(diagnostics_of(cal + "  holiday \"x\" dec\n  closed 2026-12-24\n}\n") == "4:18 E0001");
  CHECK(first_message(cal + "  holiday \"x\" dec\n  closed 2026-12-24\n}\n") ==
        "expected a whole number, saw the end of the line");
  CHECK(diagnostics_of(cal + "  holiday \"x\" dec 24 ..\n}\n") == "4:24 E0001");
  CHECK(diagnostics_of(cal + "  holiday \"x\" dec 24 from\n  open 2026-12-27 10:00-12:00\n}\n") ==
        "4:26 E0001");
  CHECK(diagnostics_of(cal + "  holiday \"x\" dec 24 except\n}\n") == "4:28 E0001");
  CHECK(diagnostics_of(cal + "  open 2026-12-27\n  zone \"UTC\"\n}\n") == "4:18 E0001");
  CHECK(diagnostics_of(cal + "  open 2026-12-27 10:00-\n}\nroute r -> queue q\n") == "4:25 E0001");
  // The next line is no new line of the calendar: the error stays at the
  // word that does not fit, as a line may go on over a line break.
  CHECK(diagnostics_of(cal + "  holiday \"x\"\n    jann 1\n}\n") == "5:5 E0001");
  CHECK(diagnostics_of(cal + "  mon..fri 08:00-12:00,\n    13:00-1800\n}\n") == "5:11 E0001");
  CHECK(diagnostics_of(cal + "  holiday \"x\" dec 24\n  from 12:00\n}\n") == "");
  // Outside a calendar line, the next line's word is the error.
  CHECK(diagnostics_of(cal + "  holiday \"x\" dec 24\n  banana\n}\n") == "5:3 E0001");
}

// docs/language.md, "Lexical rules": a word of the language where a value
// stands is an error that says to quote it (review 8, F7: a category called
// `test` was only "expected ']'" at the comma before it). In a list, only
// where the word is the whole item: `[high, otherwise 4h` lacks a ']'
// (review 9, F1), and quoting would not help.
TEST_CASE("a keyword where a value stands: the error says to quote it") {
  CHECK(diagnostics_of("route r when ticket.category in [spam, test] -> queue q\n") ==
        "1:38 E0001");
  CHECK(first_message("route r when ticket.category in [spam, test] -> queue q\n") ==
        "expected ']', saw ',' ('test' after it is a word of the language: write \"test\" for "
        "the text)");
  CHECK(first_message("route r when ticket.category in [spam, test, x] -> queue q\n") ==
        "expected ']', saw ',' ('test' after it is a word of the language: write \"test\" for "
        "the text)");
  CHECK(first_message("route r when ticket.category == test -> queue q\n") ==
        "expected a field, a value or '(', saw 'test' ('test' is a word of the language: write "
        "\"test\" for the text)");
  CHECK(diagnostics_of(
            "route r when ticket.category in [spam, \"test\"] -> queue q\nroute s -> queue q\n") ==
        "");
  // A ']' missing: the error stays at the comma, with no hint.
  CHECK(diagnostics_of("sla s {\n  first_response 1h when ticket.priority in [urgent, high, "
                       "otherwise 4h\n}\n") == "2:58 E0001");
  CHECK(first_message("sla s {\n  first_response 1h when ticket.priority in [urgent, high, "
                      "otherwise 4h\n}\n") == "expected ']', saw ','");
  CHECK(first_message("route r -> queue q, skills [billing,\n\n# x\nroute o -> queue t\n") ==
        "expected ']', saw ','");
  // A name cannot be quoted: no hint there.
  CHECK(first_message("sla test {\n}\n") == "expected a name, saw 'test'");
}

// The words the quote-it hint names (is_keyword in parse_state.cpp) are
// exactly those the grammar refuses as a bare value: each gets the hint,
// and the values among the reserved words (none, true, false) do not.
TEST_CASE("every word the hint names is refused as a bare value") {
  for (const char* word : {"and", "or", "not", "in", "when", "otherwise", "include", "calendar",
                           "field", "sla", "ola", "routes", "route", "test"}) {
    CAPTURE(word);
    const auto text = fmt::format("route r when ticket.category in [a, {}] -> queue q\n", word);
    CHECK(diagnostics_of(text) != "");
    CHECK(first_message(text).find("is a word of the language") != std::string::npos);
  }
  for (const char* value : {"none", "true", "false", "urgent", "tests"}) {
    CAPTURE(value);
    CHECK(first_message(fmt::format("route r when ticket.category in [a, {}] -> queue q\n", value))
              .find("is a word of the language") == std::string::npos);
  }
}

// docs/language.md, "Diagnostics": "a misspelt keyword gets the closest of
// the words expected there" (review 8, F12).
TEST_CASE("a misspelt keyword: did you mean the closest word expected there") {
  const std::string cal = "calendar c {\n  zone \"UTC\"\n  mon..fri 09:00-17:00\n";
  CHECK(first_message(cal + "  holliday \"x\" jan 1\n}\n") ==
        "expected a calendar line (zone, a weekday, holiday, closed, open) or '}', saw "
        "'holliday'; did you mean 'holiday'?");
  CHECK(
      first_message(cal + "  thur 08:00-10:00\n}\n").ends_with("saw 'thur'; did you mean 'thu'?"));
  CHECK(first_message(cal + "  holiday \"x\" jann 1\n}\n").ends_with("; did you mean 'jan'?"));
  // docs/language.md, "Calendars": "A range of days takes two dots:
  // `mon-fri` is an error that says to write `mon..fri`." (Review 18 F10.)
  CHECK(first_message(cal + "  sat-sun 10:00-12:00\n}\n") ==
        "expected opening hours 'HH:MM-HH:MM', saw '-sun' (a range of days takes two dots: "
        "sat..sun)");
  CHECK(first_message("sla s { first_respone 4h }\n")
            .ends_with("saw 'first_respone'; did you mean 'first_response'?"));
  CHECK(first_message("sla s { pause whil ticket.status == x }\n") ==
        "expected 'while', saw 'whil'; did you mean 'while'?");
  // Only the choices offered, not the words that join them (review 9, F2).
  CHECK(first_message(cal + "  holiday \"x\" 4th thu of no\n}\n") ==
        "expected a month (jan to dec), saw 'no'; did you mean 'nov'?");
  CHECK(first_message("on\n").find("did you mean") == std::string::npos);
  // Nothing close: no guess.
  CHECK(first_message(cal + "  banana\n}\n") ==
        "expected a calendar line (zone, a weekday, holiday, closed, open) or '}', saw 'banana'");
}

TEST_CASE("parsing recovers at the next declaration and reports every error in order") {
  const auto text =
      "calendar a {\n  zone \"UTC\"\n  mon 9:00-17:00\n}\n"
      "route ok when ticket.reopened -> queue q\n"
      "sla s for ticket.priority == {\n  resolution 1h\n}\n"
      "route r when -> queue q\n"
      "route fine -> queue z\n";
  CHECK(diagnostics_of(text) == "3:7 E0001, 6:30 E0001, 9:14 E0001");
  const auto result = compile({{"t.sla", text}});
  CHECK_FALSE(result.ok());
}

TEST_CASE("bad values are reported where they stand") {
  using test::kCalendar;
  CHECK(diagnostics_of("calendar c {\n  zone \"UTC\"\n  mon 25:00-26:00\n}\n") ==
        "3:7 E0101, 3:13 E0101");
  CHECK(first_message("calendar c {\n  zone \"UTC\"\n  mon 25:00-26:00\n}\n") ==
        "invalid time of day '25:00': expected 00:00 to 24:00");
  CHECK(
      diagnostics_of("calendar c {\n  zone \"UTC\"\n  mon 09:00-17:00\n  closed 2026-02-30\n}\n") ==
      "4:10 E0102");
  CHECK(diagnostics_of(
            "calendar c {\n  zone \"UTC\"\n  mon 09:00-17:00\n  holiday \"x\" feb 30\n}\n") ==
        "4:15 E0102");
  CHECK(diagnostics_of(std::string{kCalendar} + "sla s { resolution 99999999999h }\n") ==
        "5:20 E0103");
  CHECK(diagnostics_of(std::string{kCalendar} + "sla s { resolution 1bd2h }\n") == "5:20 E0104");
  CHECK(diagnostics_of("calendar c {\n  zone \"UTC\"\n  mon 09:00-17:00\n  closed 2026-03-04 .. "
                       "2026-03-02\n}\n") == "4:24 E0105");
}

TEST_CASE("unterminated strings, invalid UTF-8 and deep nesting are clear errors") {
  // The string's line ends where its quote is missing (docs/language.md,
  // "Diagnostics": a calendar line that stops short).
  CHECK(diagnostics_of("calendar c {\n  zone \"UTC\n}\n") == "2:12 E0001");
  CHECK(first_message("calendar c {\n  zone \"UTC\n}\n") ==
        "expected a closing '\"' on the same line, saw the end of the line");
  CHECK(diagnostics_of("calendar c { zone \"UTC") == "1:23 E0001");
  CHECK(diagnostics_of("route r -> queue q # caf\xC3\xA9\nroute s -> queue \xFF\n") ==
        "2:18 E0003");
  CHECK(first_message("x\xC0\x80") == "invalid UTF-8: byte 0xC0 does not start a character");
  std::string deep = "route r when ";
  for (int i = 0; i < 10000; ++i) deep += '(';
  deep += "ticket.reopened";
  for (int i = 0; i < 10000; ++i) deep += ')';
  deep += " -> queue q\n";
  CHECK(diagnostics_of(deep) == "1:78 E0004");
  // language.md: "A file past a limit ... is refused whole: that one error
  // is its only report" (the route after it, with a bad name, is not seen).
  CHECK(diagnostics_of(deep + "route calendar -> queue x\n") == "1:78 E0004");
  std::string nots = "route r when ";
  for (int i = 0; i < 10000; ++i) nots += "not ";
  CHECK(diagnostics_of(nots + "ticket.reopened -> queue q\n") == "1:270 E0004");
  // A condition may span lines, and so may its nesting (found by review:
  // 15,000 levels one per line overflowed the stack).
  std::string lines = "route r when\n";
  for (int i = 0; i < 15000; ++i) lines += (i % 2 != 0 ? "(\n" : "not\n");
  CHECK(diagnostics_of(lines + "ticket.reopened -> queue q\n") == "66:1 E0004");
  // Each declaration starts from level 0 again.
  std::string many;
  for (int i = 0; i < 40; ++i) many += "route r" + std::to_string(i) + " when ((ticket.reopened\n";
  CHECK(diagnostics_of(many).find("E0004") == std::string::npos);
  // 64 levels are fine.
  std::string ok = "route r when ";
  for (int i = 0; i < 64; ++i) ok += '(';
  ok += "ticket.reopened";
  for (int i = 0; i < 64; ++i) ok += ')';
  CHECK(diagnostics_of(ok + " -> queue q\nroute rest -> queue r\n") == "");
}

// language.md: "Strings: `"..."` on one line; `\"`, `\\`, `\n`, `\t`
// escape. Any other backslash is a syntax error (E0001) at the backslash,
// naming the escape: write `\\` for a backslash (`"C:\\data"`)." (Review 3,
// F5: "\q" silently became "q", and "C:\data" "C:data".)
TEST_CASE("an unknown escape in a string is an error at its backslash, naming it") {
  const std::string path =
      "calendar c {\n  zone \"UTC\"\n  mon 09:00-17:00\n  holiday \"C:\\data\" jan 1\n}\n";
  CHECK(diagnostics_of(path) == "4:14 E0001");
  CHECK(first_message(path) ==
        "unknown escape '\\d' in a string: the escapes are \\\", \\\\, \\n and \\t (write \\\\ for "
        "a backslash)");
  // Every unknown escape of the file is reported, each at its own backslash;
  // the four known ones are not.
  CHECK(diagnostics_of("route r when ticket.subject == \"a\\\"b\\\\c\\nd\\te\\q\" -> queue q\n"
                       "route s when ticket.subject in [\"x\", \"\\u00e9\"] -> queue q\n") ==
        "1:46 E0001, 2:39 E0001");
  // The escaped character is named whole, even when it takes several bytes.
  CHECK(first_message("route r when ticket.subject == \"\\\xC3\xA9\" -> queue q\n") ==
        "unknown escape '\\\xC3\xA9' in a string: the escapes are \\\", \\\\, \\n and \\t (write "
        "\\\\ for a backslash)");
  CHECK(diagnostics_of("test \"a\\\\b \\\"c\\\"\" {\n}\n") == "");
  // A backslash never continues a string onto the next line.
  CHECK(diagnostics_of("calendar c {\n  zone \"UTC\\\n\"\n}\n") == "2:12 E0001");
}

TEST_CASE("a file with many errors stops after 100 of them") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "route r" + std::to_string(i) + " ->\n";
  CHECK(test::diagnostic_count(text) == 101);
  const auto d = diagnostics_of(text);
  CHECK(d.substr(d.size() - 11) == "101:1 E0005");
}

// docs/reliability.md, "Limits": errors reported per file, "100
// (`kMaxErrorsPerFile`), the parser's and the checker's together": "E0005
// at the 101st, and the rest of the file is not checked". Review 18 F4: a file of 3,000 routes each
// naming an unknown value reported all 3,000 checker errors.
TEST_CASE("a file with many checker errors stops after 100 of them too") {
  std::string text = "calendar c {\n  zone \"UTC\"\n  mon 09:00-17:00\n}\n";
  for (int i = 0; i < 3000; ++i) {
    text += "route r" + std::to_string(i) + " when ticket.priority == urgentt -> queue q\n";
  }
  const auto result = slakit::compile(
      {{"many.sla", text}, {"other.sla", "route x when ticket.priority == hihg -> queue q\n"}});
  std::size_t errors_in_many = 0;
  std::size_t errors_in_other = 0;
  const slakit::Diagnostic* last_in_many = nullptr;
  for (const auto& d : result.diagnostics) {
    if (d.span.file == 0) last_in_many = &d;
    if (d.severity == slakit::Severity::error)
      ++(d.span.file == 0 ? errors_in_many : errors_in_other);
  }
  CHECK(errors_in_many == 101);  // 100, then E0005
  CHECK(errors_in_other == 1);   // each file its own count
  REQUIRE(last_in_many != nullptr);
  CHECK(last_in_many->code == "E0005");
  CHECK(result.sources->position(last_in_many->span).line == 105);  // the 101st route's line
}

// docs/language.md, "Lexical rules": "Numbers as JSON writes them (tickets
// are JSON): an optional `-`, digits, an optional fraction, an optional
// exponent: `12`, `12.5`, `-5`, `-4.5`, `1e3`, `2.5E-3`", in conditions, in
// lists and in tests. (Review 23, F7: `ticket.n > -5` was E0001.)
TEST_CASE("a number literal may be negative and have an exponent") {
  const std::string field = "field ticket.n : number\n";
  for (const char* n : {"-5", "1e3", "-2.5E-3", "1E+3", "0e0", "-0"}) {
    CAPTURE(n);
    CHECK(
        diagnostics_of(field + "route a when ticket.n > " + n + " -> queue a\nroute b -> queue b\n")
            .empty());
    CHECK(diagnostics_of(field + "route a when ticket.n in [1, " + n +
                         "] -> queue a\nroute b -> queue b\n")
              .empty());
  }
  // Not JSON numbers, still errors: a '+' or '.' first, an exponent without digits.
  CHECK(first_message(field + "route a when ticket.n > +5 -> queue a\n") ==
        "expected a field, a value or '(', saw '+'");
  CHECK(first_message(field + "route a when ticket.n > 1e -> queue a\n") ==
        "expected a field, a value or '(', saw '1e'");
  CHECK(first_message(field + "route a when ticket.n > - 5 -> queue a\n") ==
        "expected a field, a value or '(', saw '-'");
  // Beyond a double: E0103, as for a long run of digits.
  CHECK(diagnostics_of(field + "route a when ticket.n > 1e400 -> queue a\n") == "2:25 E0103");
  CHECK(diagnostics_of(field + "route a when ticket.n > 1e99999999999999999999 -> queue a\n") ==
        "2:25 E0103");
  CHECK(first_message(field + "route a when ticket.n > -1e400 -> queue a\n") ==
        "number '-1e400' is out of range");
  CHECK(first_message(field + "route a when ticket.n > 1" + std::string(400, '0') +
                      "e-1 -> queue a\n") ==
        "number '1" + std::string(400, '0') + "e-1' is out of range");
  // "one too small for a double (`1e-400`) is 0, as JSON reads it in a
  // ticket" (review 24 F6: E0103, while the ticket's 1e-400 was 0).
  for (const std::string small :
       {"1e-400", "-1e-400", "0.000001e-399", "1000e-500", "1e-99999999999999999999"}) {
    CAPTURE(small);
    const auto rules = compile_or_throw(
        {{"t.sla", "field ticket.n : number\nroute zero when ticket.n == " + small +
                       " -> queue zero\nroute rest -> queue rest\n"}});
    Ticket t;
    t.id = "T-1";
    t.created = std::chrono::sys_seconds{std::chrono::seconds{1'780'000'000}};
    t.fields["n"] = 0.0;
    CHECK(route(rules, t).rule == std::optional<std::string>{"zero"});
  }
}

// docs/routing.md, "Numbers compare exactly", with negative literals: the
// decision table's classes below, at and above -5 (review 23, F7).
TEST_CASE("a route on a negative threshold routes tickets on either side of it") {
  const auto rules = compile_or_throw({{"t.sla",
                                        "field ticket.n : number\n"
                                        "route above when ticket.n > -5 -> queue above\n"
                                        "route rest -> queue rest\n"}});
  Ticket t;
  t.id = "T-1";
  t.created = std::chrono::sys_seconds{std::chrono::seconds{1'780'000'000}};
  for (const auto& [value, expected] : std::vector<std::pair<double, const char*>>{
           {-6.0, "rest"}, {-5.0, "rest"}, {-4.5, "above"}, {0.0, "above"}}) {
    t.fields["n"] = value;
    const double n = value;  // (clang 14 captures no structured binding)
    CAPTURE(n);
    CHECK(route(rules, t).rule == std::optional<std::string>{expected});
  }
  // The checker's value classes: no number is both above -5 and below -6;
  // and a ticket between -6 and -5 falls through, the example says so.
  CHECK(diagnostics_of("field ticket.n : number\n"
                       "route a when ticket.n > -5 and ticket.n < -6 -> queue a\n"
                       "route b -> queue b\n") == "2:14 W0227");
  CHECK(first_message("field ticket.n : number\n"
                      "route a when ticket.n == none or ticket.n > -5 -> queue a\n"
                      "route b when ticket.n <= -6 -> queue b\n") ==
        "outside groups, no route matches some tickets, such as one with ticket.n = -5.5: add a "
        "route without `when` to catch them");
  // In a test block, and written back as written by the formatter.
  const std::string text =
      "field ticket.n : number\n"
      "\n"
      "route above when ticket.n > -5\n"
      "  -> queue above\n"
      "route refund when ticket.n in [-1E3, -2.5e-1]\n"
      "  -> queue refund\n"
      "route rest -> queue rest\n"
      "\n"
      "test \"refund\" {\n"
      "  ticket.created = 2026-03-02T09:00:00Z\n"
      "  ticket.n = -1000\n"
      "  expect queue refund\n"
      "}\n"
      "\n"
      "test \"below\" {\n"
      "  ticket.created = 2026-03-02T09:00:00Z\n"
      "  ticket.n = -6\n"
      "  expect queue rest\n"
      "}\n";
  const auto formatted = format_rules("t.sla", text);
  REQUIRE(formatted.ok());
  CHECK(formatted.text == text);
  const auto results = run_tests(compile_or_throw({{"t.sla", text}}));
  REQUIRE(results.size() == 2);
  CHECK(results[0].passed);
  CHECK(results[1].passed);
}

// docs/language.md, "Grammar summary": `[ "not" ] "in" "[" value { ","
// value } "]"`; "A list of values holds at least one: `in []` and `not in
// []` are syntax errors at the `]`" (review 23, F8: `in []` was only W0227
// and `not in []` a silent catch-all).
TEST_CASE("an empty list of values is an error at its closing bracket") {
  CHECK(diagnostics_of("route a when ticket.category in [] -> queue a\n") == "1:34 E0001");
  CHECK(first_message("route a when ticket.category in [] -> queue a\n") ==
        "expected a value, saw ']' (a list takes at least one value)");
  CHECK(
      diagnostics_of("route a when ticket.category not in [ ] -> queue a\nroute b -> queue b\n") ==
      "1:39 E0001");
  CHECK(diagnostics_of("sla s for ticket.category in [\n] {\n  resolution 1h\n}\n") == "2:1 E0001");
  // A list with a value stays as it was.
  CHECK(diagnostics_of("route a when ticket.category not in [x] -> queue a\nroute b -> queue b\n")
            .empty());
}
