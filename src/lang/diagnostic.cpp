#include "slakit/lang/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "support/json_writer.hpp"
#include "support/utf8.hpp"

namespace slakit {
namespace {

std::string_view severity_name(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

// What a line looks like under a message: one entry per character (as
// detail::char_length splits it), so that the caret lines up with the text.
// Control characters show as blanks, tabs stay tabs, and bytes that are not
// UTF-8 show as U+FFFD.
struct ShownChar {
  std::string_view glyph;
  bool tab;
};

// The characters of `line` with indexes in [from, to): only the window
// shown, so that a line of 60 MB (E0007) costs no memory per character.
std::vector<ShownChar> characters(std::string_view line, std::size_t from, std::size_t to) {
  std::vector<ShownChar> out;
  for (std::size_t i = 0, n = 0; i < line.size() && n < to; ++n) {
    const auto len = detail::utf8_length(line, i);
    const auto c = static_cast<unsigned char>(line[i]);
    if (n < from) {
      // Before the window: counted, not shown.
    } else if (len == 0) {
      out.push_back({"\xEF\xBF\xBD", false});
    } else if (c == '\t') {
      out.push_back({"\t", true});
    } else if (c < 0x20 || c == 0x7F) {
      out.push_back({" ", false});
    } else {
      out.push_back({line.substr(i, len), false});
    }
    i += len == 0 ? 1 : len;
  }
  return out;
}

// The index of the character holding byte `offset` of `line` (the count of
// characters when the offset lies at or past the end).
std::size_t char_index(std::string_view line, std::size_t offset) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++n) {
    const auto next = i + detail::char_length(line, i);
    if (next > offset) return n;
    i = next;
  }
  return n;
}

// Lines longer than this many characters are shown as a window around the caret.
constexpr std::size_t kShownChars = 160;
constexpr std::size_t kContextBefore = 60;

}  // namespace

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string render_line(std::string_view position, Severity severity, std::string_view code,
                        std::string_view message, TextStyle style) {
  // ANSI escapes, empty without colour: GCC's.
  const std::string_view bold = style.color ? "\033[1m" : "";
  const std::string_view kind = !style.color                  ? ""
                                : severity == Severity::error ? "\033[1;31m"
                                                              : "\033[1;35m";
  const std::string_view reset = style.color ? "\033[m" : "";
  const auto bracketed = code.empty() ? std::string{} : fmt::format("[{}]", detail::one_line(code));
  return fmt::format("{}{}:{} {}{}{}:{} {}\n", bold, detail::one_line(position), reset, kind,
                     severity_name(severity), bracketed, reset, detail::one_line(message));
}

std::string render_text(const Diagnostic& d, const SourceMap& sources, TextStyle style) {
  if (d.span.file >= sources.size()) {
    return render_line("<unknown file>", d.severity, d.code, d.message, style);
  }
  const auto& file = sources.file(d.span.file);
  const auto pos = sources.position(d.span);
  std::string out = render_line(fmt::format("{}:{}:{}", file.path, pos.line, pos.column),
                                d.severity, d.code, d.message, style);

  // The caret goes under every character the span touches on its first
  // line, and under at least one.
  const auto line = sources.line_text(d.span.file, d.span.begin);
  const std::size_t line_begin = file.line_starts[pos.line - 1];
  const auto begin = std::min<std::size_t>(d.span.begin - line_begin, line.size());
  const auto end = std::clamp<std::size_t>(
      std::size_t{d.span.end} > line_begin ? d.span.end - line_begin : 0, begin, line.size());
  const auto count = char_index(line, line.size());
  const auto first = char_index(line, begin);
  const auto last = end > begin ? char_index(line, end - 1) + 1 : first + 1;

  const auto from =
      count > kShownChars && first > kContextBefore ? first - kContextBefore : std::size_t{0};
  const auto to = std::min(count, from + kShownChars);
  const auto chars = characters(line, from, to);
  std::string text = from > 0 ? "..." : "";
  std::string pad = from > 0 ? "   " : "";
  for (auto i = from; i < to; ++i) {
    text += chars[i - from].glyph;
    if (i < first) pad += chars[i - from].tab ? '\t' : ' ';
  }
  if (to < count) text += "...";
  const auto marks = std::max(first + 1, std::min(last, to)) - first;
  const std::string_view caret = style.color ? "\033[1;32m" : "";
  const std::string_view reset = style.color ? "\033[m" : "";
  out += fmt::format("  {}\n  {}{}^{}{}\n", text, pad, caret, std::string(marks - 1, '~'), reset);
  return out;
}

std::string render_json(const std::vector<Diagnostic>& diagnostics, const SourceMap& sources) {
  detail::JsonWriter w;
  w.begin_array();
  for (const auto& d : diagnostics) {
    const bool known = d.span.file < sources.size();
    const auto begin = known ? sources.position(d.span) : SourcePosition{};
    const auto end = known ? sources.end_position(d.span) : SourcePosition{};
    w.prefix("\n  ");
    w.begin_object();
    w.key("file"), w.value(known ? std::string_view{sources.file(d.span.file).path} : "");
    w.key("line"), w.value(std::int64_t{begin.line});
    w.key("column"), w.value(std::int64_t{begin.column});
    w.key("end_line"), w.value(std::int64_t{end.line});
    w.key("end_column"), w.value(std::int64_t{end.column});
    w.key("severity"), w.value(severity_name(d.severity));
    w.key("code"), w.value(d.code);
    w.key("message"), w.value(d.message);
    w.end_object();
  }
  if (!diagnostics.empty()) w.raw("\n");
  w.end_array();
  return w.take();
}

}  // namespace slakit
