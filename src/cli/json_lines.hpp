// JSON Lines read in large chunks: whole lines handed out in batches, each
// with its number and the padding simdjson needs after it, so that memory
// stays flat whatever the size of the file.
#pragma once

#include <cstdio>
#include <string_view>
#include <vector>

namespace slakit::cli {

struct JsonLine {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t capacity = 0;  ///< readable bytes from data on (at least size + 64)
  std::size_t number = 0;    ///< 1-based line number in the file
};

class JsonLinesReader {
 public:
  /// Reads from `file` (not owned).
  explicit JsonLinesReader(std::FILE* file);

  /// The next lines (blank lines skipped), about `bytes` of them; false at
  /// the end of the input. The lines stay valid until the next call.
  bool next(std::vector<JsonLine>& lines, std::size_t bytes = 4u << 20);
  /// True when reading failed (not at the end of the input).
  [[nodiscard]] bool failed() const { return std::ferror(file_) != 0; }

 private:
  std::FILE* file_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;  // unread bytes: buffer_[begin_, end_)
  std::size_t line_ = 0;
  bool eof_ = false;
};

}  // namespace slakit::cli
