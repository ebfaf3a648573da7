#include "slakit/lang/source.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace slakit {

std::uint32_t SourceMap::add(std::string path, std::string text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error(path + ": file too large (4 GiB or more)");
  }
  SourceFile f{std::move(path), std::move(text), {0}};
  for (std::uint32_t i = 0; i < f.text.size(); ++i) {
    if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
  }
  files_.push_back(std::move(f));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

SourcePosition SourceMap::position(std::uint32_t file_id, std::uint32_t offset) const {
  const auto& f = file(file_id);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
  const auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - f.line_starts.begin());
  const auto start = f.line_starts[line - 1];
  // Columns count characters: every byte that does not continue a UTF-8 sequence.
  std::uint32_t column = 1;
  for (auto i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
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
  const auto& f = file(span.file);
  return std::string_view{f.text}.substr(span.begin, span.end - span.begin);
}

}  // namespace slakit
