#include "slakit/lang/source.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "slakit/error.hpp"
#include "support/utf8.hpp"

namespace slakit {

std::uint32_t SourceMap::add(std::string path, std::string text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw InvalidArgument(path + ": file too large (4 GiB or more)");
  }
  // A UTF-8 byte-order mark (Windows editors write one) is not part of the
  // rules: it is dropped, and columns on line 1 count from after it.
  if (text.starts_with(kByteOrderMark)) text.erase(0, kByteOrderMark.size());
  SourceFile f{std::move(path), std::move(text), {0}};
  for (std::uint32_t i = 0; i < f.text.size(); ++i) {
    if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
  }
  files_.push_back(std::move(f));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

namespace {

// Line and column of `offset`: of the character holding it (round_up false),
// or of the first character starting at or after it (round_up true).
SourcePosition locate(const SourceFile& f, std::uint32_t offset, bool round_up) {
  const std::string_view text{f.text};
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - f.line_starts.begin());
  std::uint32_t column = 1;
  for (std::size_t i = f.line_starts[line - 1]; i < offset;) {
    const auto next = i + detail::char_length(text, i);
    if (next > offset && !round_up) break;
    ++column;
    i = next;
  }
  return {line, column};
}

}  // namespace

SourcePosition SourceMap::position(std::uint32_t file_id, std::uint32_t offset) const {
  return locate(file(file_id), offset, false);
}

SourcePosition SourceMap::end_position(SourceSpan span) const {
  return locate(file(span.file), std::max(span.begin, span.end), true);
}

std::string_view SourceMap::line_text(std::uint32_t file_id, std::uint32_t offset) const {
  const auto& f = file(file_id);
  const std::string_view text{f.text};
  const auto line = position(file_id, offset).line;
  const auto from = f.line_starts[line - 1];
  auto end = text.find('\n', from);
  if (end == std::string_view::npos) end = text.size();
  auto shown = text.substr(from, end - from);
  if (!shown.empty() && shown.back() == '\r') shown.remove_suffix(1);
  return shown;
}

std::string_view SourceMap::text(SourceSpan span) const {
  const std::string_view all{file(span.file).text};
  const auto begin = std::min<std::size_t>(span.begin, all.size());
  const auto end = std::clamp<std::size_t>(span.end, begin, all.size());
  return all.substr(begin, end - begin);
}

}  // namespace slakit
