// The JSON form of test results (docs/cli.md, `slakit test --format json`).
#include "slakit/testing/test_runner.hpp"
#include "support/json_writer.hpp"

namespace slakit {

namespace {

void position(detail::JsonWriter& w, const SourceMap& sources, SourceSpan span) {
  const auto p = sources.position(span);
  w.key("file"), w.value(sources.file(span.file).path);
  w.key("line"), w.value(static_cast<std::int64_t>(p.line));
  w.key("column"), w.value(static_cast<std::int64_t>(p.column));
}

void text_or_null(detail::JsonWriter& w, const char* key, const std::string& text) {
  w.key(key);
  text.empty() ? w.null() : w.value(text);
}

}  // namespace

std::string to_json(const std::vector<TestResult>& results, const SourceMap& sources) {
  detail::JsonWriter w;
  std::int64_t passed = 0;
  w.begin_object();
  w.key("tests");
  w.begin_array();
  for (const auto& r : results) {
    passed += r.passed ? 1 : 0;
    w.begin_object();
    w.key("name"), w.value(r.name);
    position(w, sources, r.span);
    w.key("passed"), w.value(r.passed);
    text_or_null(w, "error", r.error);
    w.key("expectations");
    w.begin_array();
    for (const auto& e : r.expectations) {
      w.begin_object();
      w.key("expectation"), w.value(e.expectation);
      position(w, sources, e.span);
      w.key("passed"), w.value(e.passed);
      w.key("expected"), w.value(e.expected);
      w.key("actual"), w.value(e.actual);
      text_or_null(w, "explanation", e.explanation);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("passed"), w.value(passed);
  w.key("failed"), w.value(static_cast<std::int64_t>(results.size()) - passed);
  w.end_object();
  return w.take();
}

}  // namespace slakit
