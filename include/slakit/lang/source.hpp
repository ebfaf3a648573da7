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
  /// Adds a file and returns its id. Files of 4 GiB or more are rejected
  /// (offsets are 32-bit): the caller reports that as an I/O error.
  std::uint32_t add(std::string path, std::string text);

  [[nodiscard]] const SourceFile& file(std::uint32_t id) const { return files_.at(id); }
  [[nodiscard]] std::size_t size() const noexcept { return files_.size(); }

  /// Line and column (in characters) of a byte offset.
  [[nodiscard]] SourcePosition position(std::uint32_t file, std::uint32_t offset) const;
  [[nodiscard]] SourcePosition position(SourceSpan span) const {
    return position(span.file, span.begin);
  }
  /// The text of the line holding `offset`, without its line break.
  [[nodiscard]] std::string_view line_text(std::uint32_t file, std::uint32_t offset) const;
  [[nodiscard]] std::string_view text(SourceSpan span) const;

 private:
  std::vector<SourceFile> files_;
};

}  // namespace slakit
