// Positions and rendering: 1-based lines and columns in characters, carets
// that line up, JSON that stays valid whatever the input.
#include <doctest/doctest.h>

#include <slakit/lang/diagnostic.hpp>

#include <algorithm>
#include <random>
#include <thread>

#include "lang/lang_test_support.hpp"

using namespace slakit;

TEST_CASE("columns count characters, not bytes") {
  SourceMap sources;
  // "é" is two bytes, "€" three: the 'x' after them is character 9 of line 2.
  const auto id = sources.add("t.sla", "first line\n# é€ \"x\n");
  const auto offset = static_cast<std::uint32_t>(std::string{"first line\n# é€ \""}.size());
  CHECK(sources.position(id, offset) == SourcePosition{2, 7});
  CHECK(sources.position(id, 0) == SourcePosition{1, 1});
  CHECK(sources.line_text(id, offset) == "# é€ \"x");
  CHECK(test::diagnostics_of("# café\nroute r when ticket.priority == hgh -> queue q\n") ==
        "2:33 E0214");
  CHECK(test::diagnostics_of("route r when ticket.subject == \"é\" and ticket.priority == hgh "
                             "-> queue q\n") == "1:59 E0214");
}

TEST_CASE("render_text: location, code, message, the line and a caret under the span") {
  SourceMap sources;
  const auto id = sources.add("rules.sla", "calendar c {\n\tmon 25:00-17:00\n}\n");
  const Diagnostic d{Severity::error, "E0101", "invalid time of day '25:00'", {id, 18, 23}};
  CHECK(render_text(d, sources) ==
        "rules.sla:2:6: error[E0101]: invalid time of day '25:00'\n"
        "  \tmon 25:00-17:00\n"
        "  \t    ^~~~~\n");
  const Diagnostic w{Severity::warning, "W0211", "never matches", {id, 0, 8}};
  CHECK(render_text(w, sources).rfind("rules.sla:1:1: warning[W0211]: never matches\n", 0) == 0);
}

// diagnostic.hpp: "With `color`, ANSI colours as GCC uses them: the position
// bold, "error" bold red, "warning" bold magenta, the caret bold green; the
// text is otherwise the same."
TEST_CASE("render_text with colour: GCC's colours around the same text") {
  SourceMap sources;
  const auto id = sources.add("rules.sla", "calendar c {\n\tmon 25:00-17:00\n}\n");
  const Diagnostic d{Severity::error, "E0101", "invalid time of day '25:00'", {id, 18, 23}};
  CHECK(render_text(d, sources, {.color = true}) ==
        "\033[1mrules.sla:2:6:\033[m \033[1;31merror[E0101]:\033[m invalid time of day '25:00'\n"
        "  \tmon 25:00-17:00\n"
        "  \t    \033[1;32m^~~~~\033[m\n");
  const Diagnostic w{Severity::warning, "W0211", "never matches", {id, 0, 8}};
  CHECK(render_text(w, sources, {.color = true})
            .rfind("\033[1mrules.sla:1:1:\033[m \033[1;35mwarning[W0211]:\033[m never matches\n",
                   0) == 0);
  // Without colour, not one escape.
  CHECK(render_text(d, sources, {.color = false}).find('\033') == std::string::npos);
}

// diagnostic.hpp: render_line is "the first line of render_text alone ...:
// "POSITION: SEVERITY[CODE]: MESSAGE\n", without "[CODE]" when `code` is
// empty, in the same colours. Control characters of each part are
// escaped". The CLI's bad rows use it (docs/cli.md, "Colour": "A bad row,
// ticket or agent line is reported in the colours of a rule file's
// diagnostic").
TEST_CASE("render_line: render_text's first line, for a position with no source line") {
  SourceMap sources;
  const auto id = sources.add("rules.sla", "calendar c {\n\tmon 25:00-17:00\n}\n");
  const Diagnostic d{Severity::error, "E0101", "invalid time of day '25:00'", {id, 18, 23}};
  for (const bool color : {false, true}) {
    const auto text = render_text(d, sources, {.color = color});
    CHECK(render_line("rules.sla:2:6", d.severity, d.code, d.message, {.color = color}) ==
          text.substr(0, text.find('\n') + 1));
  }
  CHECK(render_line("t.jsonl:7", Severity::error, "", "ticket 'A-7': created: bad") ==
        "t.jsonl:7: error: ticket 'A-7': created: bad\n");
  CHECK(render_line("t.jsonl:7", Severity::error, "", "x", {.color = true}) ==
        "\033[1mt.jsonl:7:\033[m \033[1;31merror:\033[m x\n");
  CHECK(render_line("t.jsonl:7", Severity::warning, "", "x", {.color = true}) ==
        "\033[1mt.jsonl:7:\033[m \033[1;35mwarning:\033[m x\n");
  // Data cannot break the line or colour the terminal.
  CHECK(render_line("a\nb:1", Severity::error, "", "id 'x\n\033[31m'") ==
        "a\\nb:1: error: id 'x\\n\\x1B[31m'\n");
}

TEST_CASE("render_text shows undecodable bytes as U+FFFD, so the caret still lines up") {
  SourceMap sources;
  const auto id = sources.add("t.sla",
                              "ab\xFF"
                              "cd\n");
  const Diagnostic d{Severity::error, "E0003", "invalid UTF-8", {id, 2, 3}};
  CHECK(render_text(d, sources) ==
        "t.sla:1:3: error[E0003]: invalid UTF-8\n  ab\xEF\xBF\xBD"
        "cd\n    ^\n");
}

TEST_CASE("render_json escapes quotes, backslashes and control characters") {
  SourceMap sources;
  const auto id = sources.add("dir\\\"x\".sla", "route r\n");
  const std::vector<Diagnostic> ds{
      {Severity::error, "E0001", "expected '\"', saw '\t'", {id, 6, 7}}};
  CHECK(render_json(ds, sources) ==
        "[\n  {\"file\": \"dir\\\\\\\"x\\\".sla\", \"line\": 1, \"column\": 7, \"end_line\": 1, "
        "\"end_column\": 8, \"severity\": \"error\", \"code\": \"E0001\", \"message\": "
        "\"expected '\\\"', saw '\\t'\"}\n]");
  CHECK(render_json({}, sources) == "[]");
}

TEST_CASE("compiling on many threads at once gives the same rules") {
  const std::string text =
      std::string{test::kCalendar} + "sla s { calendar c  resolution 2h }\nroute r -> queue q\n";
  std::vector<std::thread> threads;
  std::vector<int> routes(8, -1);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) {
        const auto r = compile({{"t.sla", text}});
        routes[static_cast<std::size_t>(i)] =
            r.ok() ? static_cast<int>(r.rules->route_groups().front().routes.size()) : 0;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(routes == std::vector<int>(8, 1));
}

// docs/language.md: "Positions in diagnostics: lines and columns are 1-based
// and columns count characters (Unicode code points), not bytes." A byte
// that is not UTF-8 is one character, shown as U+FFFD.
TEST_CASE("a stray byte inside a condition renders with the caret under it (issue 7)") {
  const std::string text =
      "route large_refund when ticket.category \xA8= refund and ticket.order_value >= 10000\n";
  const auto result = compile({{"t.sla", text}});
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(render_text(result.diagnostics[0], *result.sources) ==
        "t.sla:1:41: error[E0003]: invalid UTF-8: byte 0xA8 does not start a character\n"
        "  route large_refund when ticket.category \xEF\xBF\xBD= refund and ticket.order_value "
        ">= 10000\n"
        "                                          ^\n");
  CHECK(render_json(result.diagnostics, *result.sources)
            .find("\"line\": 1, \"column\": 41, \"end_line\": 1, \"end_column\": 42") !=
        std::string::npos);
}

TEST_CASE("every span of any bytes renders: one caret line, valid UTF-8, columns that agree") {
  std::mt19937 rng{7};
  std::uniform_int_distribution<int> byte{0, 255};
  const std::string pieces[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\t", "\r\n",
                                "\n",       "\xA8",         "\xE2\x82",         "a"};
  std::uniform_int_distribution<std::size_t> piece{0, std::size(pieces)};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int n = 0; n < 24; ++n) {
      const auto k = piece(rng);
      text += k < std::size(pieces) ? pieces[k] : std::string(1, static_cast<char>(byte(rng)));
    }
    SourceMap sources;
    const auto id = sources.add("t.sla", text);
    const auto size = static_cast<std::uint32_t>(text.size());
    std::vector<Diagnostic> all;
    for (std::uint32_t b = 0; b <= size; ++b) {
      for (std::uint32_t e = 0; e <= size + 1; e += 3) {
        all.push_back({Severity::error, "E0001", "m", {id, b, e}});
        const auto begin = sources.position(id, b);
        const auto end = sources.end_position({id, b, e});
        CHECK((end.line > begin.line || (end.line == begin.line && end.column >= begin.column)));
      }
    }
    CAPTURE(text);
    CHECK(test::renders_cleanly(all, sources));
  }
}

TEST_CASE("a position inside a character is that character's, and an end inside one rounds up") {
  SourceMap sources;
  const auto id = sources.add("t.sla",
                              "a\xE2\x82\xAC"
                              "b");  // a € b
  CHECK(sources.position(id, 2) == SourcePosition{1, 2});
  CHECK(sources.position(id, 4) == SourcePosition{1, 3});
  CHECK(sources.end_position({id, 1, 2}) == SourcePosition{1, 3});
  CHECK(sources.end_position({id, 1, 4}) == SourcePosition{1, 3});
  CHECK(sources.end_position({id, 4, 1}) == SourcePosition{1, 3});  // an end before the begin
}

TEST_CASE("a long line shows a window around the caret, marked with '...'") {
  SourceMap sources;
  const auto id = sources.add("t.sla", std::string(1000, 'x') + "!" + std::string(1000, 'y'));
  const Diagnostic d{Severity::error, "E0001", "m", {id, 1000, 1001}};
  const auto text = render_text(d, sources);
  CHECK(text.rfind("t.sla:1:1001: error[E0001]: m\n  ...", 0) == 0);
  const auto shown =
      text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n') - 1);
  const auto caret = text.substr(text.rfind('\n', text.size() - 2) + 1);
  CHECK(shown.size() < 200);
  CHECK(shown[caret.find('^')] == '!');
  CHECK(shown.substr(shown.size() - 3) == "...");
}

TEST_CASE("a diagnostic naming a file the map does not hold still renders") {
  SourceMap sources;
  const Diagnostic d{Severity::error, "E0001", "lost", {5, 0, 1}};
  CHECK(render_text(d, sources) == "<unknown file>: error[E0001]: lost\n");
  CHECK(render_json({d}, sources).find("\"file\": \"\", \"line\": 0") != std::string::npos);
}

TEST_CASE("render_json turns bytes that are not UTF-8 into U+FFFD, in paths and messages") {
  SourceMap sources;
  const auto id = sources.add("bad\xFF.sla", "x");
  const auto json = render_json({{Severity::error, "E0003", "saw \xA8", {id, 0, 1}}}, sources);
  CHECK(json.find("\"bad\xEF\xBF\xBD.sla\"") != std::string::npos);
  CHECK(json.find("\"saw \xEF\xBF\xBD\"") != std::string::npos);
}

// Found by the fuzzer: an include path written with "\n" (and NUL bytes)
// put a line break into the message, so one diagnostic took two header
// lines. The header is one line whatever a message quotes.
TEST_CASE("a message that quotes control characters renders on one line") {
  const auto result = compile({{"t.sla", "include \"a\\nb\\u0000c\"\ninclude \"x\\ty\"\n"}});
  REQUIRE(!result.diagnostics.empty());
  const auto text = render_text(result.diagnostics[0], *result.sources);
  CHECK(text.rfind("t.sla:1:1: error[E0212]: cannot include 'a\\nb", 0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);
  CHECK(test::renders_cleanly(result.diagnostics, *result.sources));
  SourceMap sources;
  const auto id = sources.add("t.sla", "x");
  const Diagnostic nul{Severity::error, "E0001", std::string{"a\0b\x7F", 4}, {id, 0, 1}};
  CHECK(render_text(nul, sources).rfind("t.sla:1:1: error[E0001]: a\\x00b\\x7F\n", 0) == 0);
}
