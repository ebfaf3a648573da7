// slakit/lang/source.hpp: rule-file text and positions in it.
//
// A SourceMap owns the text of every file of a rule set; nodes and
// diagnostics point into it with 12-byte SourceSpans (byte offsets). Lines and
// columns are computed only when a position is shown: both are 1-based, and
// columns count Unicode code points (characters), not bytes.
//
//   slakit::SourceMap sources;
//   auto id = sources.add("rules.sla", "calendar x {\n  zone \"UTC\"\n}\n");
//   sources.position({id, 15, 19});  // {line 2, column 3}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace slakit {

/// The UTF-8 byte-order mark some editors write at the start of a file;
/// SourceMap::add drops it (docs/language.md, "Lexical rules").
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// [begin, end) byte offsets into the file `file` of a SourceMap.
struct SourceSpan {
  std::uint32_t file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

/// 1-based; 0 means unknown.
struct SourcePosition {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

struct SourceFile {
  std::string path;
  std::string text;
  std::vector<std::uint32_t> line_starts;  ///< byte offset of each line
};

class SourceMap {
 public:
  /// Adds a file and returns its id; a byte-order mark at the start of
  /// `text` is dropped. Throws InvalidArgument for a file of 4 GiB or more
  /// (offsets are 32-bit).
  std::uint32_t add(std::string path, std::string text);

  /// The functions that take a file id throw std::out_of_range for an id
  /// this map did not give out (a programming error, not bad input).
  [[nodiscard]] const SourceFile& file(std::uint32_t id) const { return files_.at(id); }
  [[nodiscard]] std::size_t size() const noexcept { return files_.size(); }

  /// Line and column (in characters) of the character holding a byte offset.
  /// An offset past the end of the text is the position just after it. A
  /// byte that is not part of well-formed UTF-8 counts as one character.
  [[nodiscard]] SourcePosition position(std::uint32_t file, std::uint32_t offset) const;
  [[nodiscard]] SourcePosition position(SourceSpan span) const {
    return position(span.file, span.begin);
  }
  /// The position just after a span: of the first character that starts at
  /// or after span.end (never before the span's own position).
  [[nodiscard]] SourcePosition end_position(SourceSpan span) const;
  /// The text of the line holding `offset`, without its line break.
  [[nodiscard]] std::string_view line_text(std::uint32_t file, std::uint32_t offset) const;
  [[nodiscard]] std::string_view text(SourceSpan span) const;

 private:
  std::vector<SourceFile> files_;
};

}  // namespace slakit
