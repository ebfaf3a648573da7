#include "test_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace slakit::cli {

namespace {

std::string indented(const std::string& text, const std::string& indent) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    out += indent + text.substr(at, end - at) + "\n";
    at = end + 1;
  }
  return out;
}

std::size_t failures(const std::vector<TestResult>& results) {
  return static_cast<std::size_t>(
      std::count_if(results.begin(), results.end(), [](const auto& r) { return !r.passed; }));
}

}  // namespace

std::string position_text(const SourceMap& sources, SourceSpan span) {
  const auto p = sources.position(span);
  return fmt::format("{}:{}:{}", sources.file(span.file).path, p.line, p.column);
}

std::string failure_text(const TestResult& r, const SourceMap& sources) {
  std::string out;
  if (!r.error.empty()) out += fmt::format("  error: {}\n", r.error);
  for (const auto& e : r.expectations) {
    if (e.passed) continue;
    out += fmt::format("  {}: {}\n", position_text(sources, e.span), e.expectation);
    out += fmt::format("    expected: {}\n    actual:   {}\n", e.expected, e.actual);
    if (!e.explanation.empty()) out += "    explanation:\n" + indented(e.explanation, "      ");
  }
  return out;
}

std::string text_report(const std::vector<TestResult>& results, const SourceMap& sources) {
  std::string out;
  for (const auto& r : results) {
    if (r.passed) {
      out += fmt::format("PASS  {}\n", r.name);
    } else {
      out += fmt::format("FAIL  {} ({})\n", r.name, position_text(sources, r.span));
      out += failure_text(r, sources);
    }
  }
  const auto failed = failures(results);
  out += fmt::format("{} passed, {} failed\n", results.size() - failed, failed);
  return out;
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string junit_report(const std::vector<TestResult>& results, const SourceMap& sources) {
  // Suites by file, in the order each file's first case ran.
  std::vector<std::uint32_t> files;
  std::map<std::uint32_t, std::vector<const TestResult*>> by_file;
  for (const auto& r : results) {
    if (by_file.count(r.span.file) == 0) files.push_back(r.span.file);
    by_file[r.span.file].push_back(&r);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      fmt::format("<testsuites name=\"slakit test\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                  results.size(), failures(results));
  for (const auto file : files) {
    const auto& cases = by_file[file];
    const auto path = xml_escaped(sources.file(file).path);
    const auto failed =
        std::count_if(cases.begin(), cases.end(), [](const TestResult* r) { return !r->passed; });
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", path,
        cases.size(), failed);
    for (const auto* r : cases) {
      out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
                         xml_escaped(r->name), path, path, sources.position(r->span).line);
      if (r->passed) {
        out += "/>\n";
        continue;
      }
      std::string message = r->error;
      for (const auto& e : r->expectations) {
        if (!e.passed && message.empty()) {
          message = fmt::format("{}: {}: expected {}, got {}", position_text(sources, e.span),
                                e.expectation, e.expected, e.actual);
        }
      }
      out += fmt::format(">\n      <failure message=\"{}\" type=\"expectation\">{}</failure>\n",
                         xml_escaped(message), xml_escaped(failure_text(*r, sources)));
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace slakit::cli
