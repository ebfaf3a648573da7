#include "test_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "support/utf8.hpp"

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

// JUnit tells a case that failed its expectations (a failure) from one
// that could not run (an error): here, a case whose ticket the engine
// rejected.
bool failed(const TestResult& r) {
  return !r.passed && r.error.empty();
}
bool errored(const TestResult& r) {
  return !r.passed && !r.error.empty();
}

template <class Results, class Predicate>
std::size_t count(const Results& results, Predicate predicate) {
  return static_cast<std::size_t>(std::count_if(results.begin(), results.end(), predicate));
}

double seconds(std::chrono::nanoseconds d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

std::string position_text(const SourceMap& sources, SourceSpan span) {
  const auto p = sources.position(span);
  return fmt::format("{}:{}:{}", detail::one_line(sources.file(span.file).path), p.line, p.column);
}

std::string failure_text(const TestResult& r, const SourceMap& sources) {
  // One line each, whatever the names and values hold (a ticket's id is its
  // case's name, which may hold a line break).
  using detail::one_line;
  std::string out;
  if (!r.error.empty()) out += fmt::format("  error: {}\n", one_line(r.error));
  for (const auto& e : r.expectations) {
    if (e.passed) continue;
    out += fmt::format("  {}: {}\n", position_text(sources, e.span), one_line(e.expectation));
    out += fmt::format("    expected: {}\n    actual:   {}\n", one_line(e.expected),
                       one_line(e.actual));
    if (!e.explanation.empty()) out += "    explanation:\n" + indented(e.explanation, "      ");
  }
  return out;
}

std::string text_report(const std::vector<TestResult>& results, const SourceMap& sources) {
  std::string out;
  for (const auto& r : results) {
    if (r.passed) {
      out += fmt::format("PASS  {}\n", detail::one_line(r.name));
    } else {
      out +=
          fmt::format("FAIL  {} ({})\n", detail::one_line(r.name), position_text(sources, r.span));
      out += failure_text(r, sources);
    }
  }
  const auto not_passed = count(results, [](const auto& r) { return !r.passed; });
  out += fmt::format("{} passed, {} failed\n", results.size() - not_passed, not_passed);
  return out;
}

std::string xml_escaped(std::string_view text, XmlPlace place) {
  // Parsers normalise a raw carriage return to a line feed everywhere, and a
  // raw tab or line feed in an attribute value to a space: character
  // references survive both, so the name a CI shows is the case's name.
  // Other C0 controls and U+FFFE/U+FFFF cannot stand in XML 1.0 at all, not
  // even as references: they read as the text report writes them.
  const auto valid = detail::valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    const auto byte = static_cast<unsigned char>(c);
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&apos;";
    } else if (c == '\r' || ((c == '\n' || c == '\t') && place == XmlPlace::attribute)) {
      out += fmt::format("&#{};", byte);
    } else if (byte < 0x20 && c != '\n' && c != '\t') {
      out += detail::one_line(std::string_view{&valid[i], 1});
    } else if (byte == 0xEF && valid.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < valid.size() &&
               (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) {
      out += valid[i + 2] == '\xBE' ? "\\uFFFE" : "\\uFFFF";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string junit_report(const std::vector<TestResult>& results, const SourceMap& sources) {
  // Suites by file, in the order each file's first case ran.
  std::vector<std::uint32_t> files;
  std::map<std::uint32_t, std::vector<const TestResult*>> by_file;
  std::chrono::nanoseconds total{};
  for (const auto& r : results) {
    if (by_file.count(r.span.file) == 0) files.push_back(r.span.file);
    by_file[r.span.file].push_back(&r);
    total += r.elapsed;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuites name=\"slakit test\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
      "time=\"{:.6f}\">\n",
      results.size(), count(results, failed), count(results, errored), seconds(total));
  for (const auto file : files) {
    const auto& cases = by_file[file];
    const auto path = xml_escaped(sources.file(file).path, XmlPlace::attribute);
    const auto classname =
        xml_escaped(junit_classname(sources.file(file).path), XmlPlace::attribute);
    std::chrono::nanoseconds time{};
    for (const auto* r : cases) time += r->elapsed;
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" "
        "time=\"{:.6f}\">\n",
        path, cases.size(), count(cases, [](const auto* r) { return failed(*r); }),
        count(cases, [](const auto* r) { return errored(*r); }), seconds(time));
    for (const auto* r : cases) {
      out += fmt::format(
          "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\" time=\"{:.6f}\"",
          xml_escaped(r->name, XmlPlace::attribute), classname, path,
          sources.position(r->span).line, seconds(r->elapsed));
      if (r->passed) {
        out += "/>\n";
        continue;
      }
      // The message: where and what first went wrong, as `file:line:col: ...`.
      std::string message;
      if (errored(*r)) {
        message = fmt::format("{}: {}", position_text(sources, r->span), r->error);
      }
      for (const auto& e : r->expectations) {
        if (!e.passed && message.empty()) {
          message = fmt::format("{}: {}: expected {}, got {}", position_text(sources, e.span),
                                e.expectation, e.expected, e.actual);
        }
      }
      const auto* element = errored(*r) ? "error" : "failure";
      out += fmt::format(">\n      <{} message=\"{}\" type=\"{}\">{}</{}>\n", element,
                         xml_escaped(message, XmlPlace::attribute),
                         errored(*r) ? "rejected" : "expectation",
                         xml_escaped(failure_text(*r, sources), XmlPlace::text), element);
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

std::string junit_compile_failure(const std::vector<std::string>& files,
                                  const std::vector<Diagnostic>& diagnostics,
                                  const SourceMap& sources, std::chrono::nanoseconds elapsed) {
  // The message is the first error's line; the case points at its file and
  // line, as a failed expectation's case points at its test block.
  std::string message, file, text;
  std::uint32_t line = 0;
  std::size_t errors = 0;
  for (const auto& d : diagnostics) {
    const auto rendered = render_text(d, sources);
    text += rendered;
    if (d.severity != Severity::error || errors++ > 0) continue;
    message = rendered.substr(0, rendered.find('\n'));
    if (d.span.file < sources.size()) {
      file = sources.file(d.span.file).path;
      line = sources.position(d.span).line;
    }
  }
  if (errors > 1)
    message += fmt::format(" (and {} more error{})", errors - 1, errors > 2 ? "s" : "");
  const auto suite = files.empty() ? std::string{} : files.front();
  const auto attribute = [](std::string_view v) { return xml_escaped(v, XmlPlace::attribute); };
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuites name=\"slakit test\" tests=\"1\" failures=\"0\" errors=\"1\" "
      "time=\"{:.6f}\">\n",
      seconds(elapsed));
  out += fmt::format(
      "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" "
      "time=\"{:.6f}\">\n",
      attribute(suite), seconds(elapsed));
  out += fmt::format(
      "    <testcase name=\"compile\" classname=\"{}\" file=\"{}\" line=\"{}\" "
      "time=\"{:.6f}\">\n",
      attribute(junit_classname(suite)), attribute(file), line, seconds(elapsed));
  out += fmt::format("      <error message=\"{}\" type=\"compile\">{}</error>\n",
                     attribute(message), xml_escaped(text, XmlPlace::text));
  out += "    </testcase>\n  </testsuite>\n</testsuites>\n";
  return out;
}

std::string junit_classname(std::string_view path) {
  std::string_view rest = path;
  if (rest.size() > 4 && rest.substr(rest.size() - 4) == ".sla") rest.remove_suffix(4);
  std::string out;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const auto part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (part.empty() || part == "." || part == "..") continue;
    if (!out.empty()) out += '.';
    for (const char c : part) out += c == '.' ? '_' : c;
  }
  return out;
}

}  // namespace slakit::cli
