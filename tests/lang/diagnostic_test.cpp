// Positions and rendering: 1-based lines and columns in characters, carets
// that line up, JSON that stays valid whatever the input.
#include <doctest/doctest.h>

#include <slakit/lang/diagnostic.hpp>

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
            r.ok() ? static_cast<int>(r.rules->routes().size()) : 0;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(routes == std::vector<int>(8, 1));
}
