// JSON Lines read in chunks of whole lines, by several threads at once: each
// takes the next chunk (its lines numbered, followed by the padding simdjson
// needs) and works on it alone, so memory stays flat whatever the size of
// the file, and reading overlaps the work on earlier chunks.
#pragma once

#include <cstdio>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace slakit::cli {

/// Lines longer than this are skipped (and reported), so that one line
/// cannot make a reader hold more memory than this.
inline constexpr std::size_t kLongestLine = std::size_t{64} << 20;

/// How much input a chunk holds (whole lines: about that much). Small
/// enough that a chunk's output (about 2.5 times its input for `eval`)
/// stays in the cache until it is written, and is written to buffers the
/// thread already touched: with 4 MB chunks `eval` spent 8% more CPU
/// (faulting in and zeroing a 10 MB output buffer, and writing it cold).
inline constexpr std::size_t kChunkBytes = std::size_t{256} << 10;

/// One line; 64 readable bytes (zeros, or the next lines) follow it, as
/// simdjson needs. `data` is null for a line over kLongestLine, not read.
struct JsonLine {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t number = 0;  ///< 1-based line number in the file
};

/// Whole lines of the input, and where they come in it.
struct JsonChunk {
  std::unique_ptr<char[]> bytes;  ///< the lines, then 64 zero bytes
  std::size_t capacity = 0;       ///< bytes allocated (reused from chunk to chunk)
  std::vector<JsonLine> lines;    ///< into `bytes`; blank lines left out
  std::size_t sequence = 0;       ///< 0 for the first chunk, 1 for the next, ...
};

/// Fills `chunk` (its buffers reused) with the lines of `text`, already in
/// memory (a batch handed over by the Python bindings), numbered from 1;
/// no line is too long here, since the text is held whole anyway.
void load_chunk(JsonChunk& chunk, std::string_view text);

class JsonLinesReader {
 public:
  /// Reads from `file` (not owned).
  explicit JsonLinesReader(std::FILE* file) : file_(file) {}

  /// Fills `chunk` (its buffers reused) with the next whole lines, about
  /// `bytes` of them; false at the end of the input. Any thread may call it.
  /// A line over kLongestLine comes alone, as a JsonLine without data.
  bool next(JsonChunk& chunk, std::size_t bytes = kChunkBytes);
  /// True when reading failed (not at the end of the input).
  [[nodiscard]] bool failed() const { return std::ferror(file_) != 0; }

 private:
  std::mutex mutex_;
  std::FILE* file_;
  /// Reads past the rest of an over-long line (not kept).
  void skip_line();

  std::vector<char> tail_;  // a line the last read cut in half
  std::size_t line_ = 0, sequence_ = 0;
  bool eof_ = false;
};

}  // namespace slakit::cli
