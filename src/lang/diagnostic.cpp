#include "slakit/lang/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "utf8.hpp"

namespace slakit {
namespace {

std::string_view severity_name(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// The line as shown under a message: control characters become blanks and
// bytes that are not UTF-8 become U+FFFD, one character each, so the caret
// still lines up. Very long lines are cut.
std::string shown(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size() && i < 300; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      out += (c < 0x20 && c != '\t') || c == 0x7F ? ' ' : static_cast<char>(c);
      continue;
    }
    const auto len = detail::utf8_length(line, i);
    if (len != 0) {
      out.append(line.substr(i, len));
      i += len - 1;
    } else {
      out += "\xEF\xBF\xBD";
    }
  }
  return out;
}

// Characters (not bytes) in [from, to) of a line.
std::size_t width(std::string_view line, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (auto i = from; i < to && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string render_text(const Diagnostic& d, const SourceMap& sources) {
  const auto& file = sources.file(d.span.file);
  const auto pos = sources.position(d.span);
  std::string out = fmt::format("{}:{}:{}: {}[{}]: {}\n", file.path, pos.line, pos.column,
                                severity_name(d.severity), d.code, d.message);
  const auto line = sources.line_text(d.span.file, d.span.begin);
  const auto line_begin = file.line_starts[pos.line - 1];
  const auto caret_at = d.span.begin - line_begin;
  const auto span_end = std::min<std::size_t>(d.span.end - line_begin, line.size());
  const auto marks = span_end > caret_at ? width(line, caret_at, span_end) : 1;
  // Tabs stay tabs under the caret so that it lines up.
  std::string pad;
  for (std::size_t i = 0; i < caret_at && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    pad += line[i] == '\t' ? '\t' : ' ';
  }
  out += fmt::format("  {}\n  {}^{}\n", shown(line), pad, std::string(marks - 1, '~'));
  return out;
}

std::string render_json(const std::vector<Diagnostic>& diagnostics, const SourceMap& sources) {
  std::string out = "[";
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& d = diagnostics[i];
    const auto begin = sources.position(d.span.file, d.span.begin);
    const auto end = sources.position(d.span.file, d.span.end);
    out += fmt::format(
        "{}\n  {{\"file\": {}, \"line\": {}, \"column\": {}, \"end_line\": {}, \"end_column\": {}, "
        "\"severity\": \"{}\", \"code\": \"{}\", \"message\": {}}}",
        i == 0 ? "" : ",", json_string(sources.file(d.span.file).path), begin.line, begin.column,
        end.line, end.column, severity_name(d.severity), d.code, json_string(d.message));
  }
  return out + (diagnostics.empty() ? "]" : "\n]");
}

}  // namespace slakit
