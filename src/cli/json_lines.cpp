#include "json_lines.hpp"

#include <algorithm>
#include <cstring>
#include <exception>

namespace slakit::cli {

namespace {

constexpr std::size_t kPadding = 64;  // SIMDJSON_PADDING

// Room for `size` bytes and the padding, keeping the first `keep` bytes.
void reserve(JsonChunk& chunk, std::size_t size, std::size_t keep) {
  if (chunk.capacity >= size + kPadding) return;
  const auto capacity = std::max(size + kPadding, chunk.capacity * 2);
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);  // no zeroing: read into
  if (keep > 0) std::memcpy(bigger.get(), chunk.bytes.get(), keep);
  chunk.bytes = std::move(bigger);
  chunk.capacity = capacity;
}

// Returns the number of the last line (blank ones included): the lines
// before the chunk's and its own.
std::size_t split_lines(JsonChunk& chunk, std::size_t size, std::size_t first_line) {
  // Zeros after the lines: simdjson reads ahead, and a last line without a
  // line break ends there.
  char* text = chunk.bytes.get();
  std::memset(text + size, 0, kPadding);
  chunk.lines.clear();
  auto number = first_line;
  for (std::size_t at = 0; at < size;) {
    const auto* nl = static_cast<const char*>(std::memchr(text + at, '\n', size - at));
    const auto stop = nl != nullptr ? static_cast<std::size_t>(nl - text) : size;
    ++number;
    // A UTF-8 byte-order mark before the first line (Notepad, Excel's
    // exports) is no part of it (docs/cli.md).
    if (number == 1 && stop - at >= 3 && std::memcmp(text + at, "\xEF\xBB\xBF", 3) == 0) at += 3;
    auto length = stop - at;
    if (length > 0 && text[at + length - 1] == '\r') --length;
    const bool blank =
        std::all_of(text + at, text + at + length, [](char c) { return c == ' ' || c == '\t'; });
    if (!blank) chunk.lines.push_back({text + at, length, number});
    at = stop + 1;
  }
  return number;
}

}  // namespace

void load_chunk(JsonChunk& chunk, std::string_view text) {
  reserve(chunk, text.size(), 0);
  if (!text.empty()) std::memcpy(chunk.bytes.get(), text.data(), text.size());
  chunk.sequence = 0;
  split_lines(chunk, text.size(), 0);
}

void JsonLinesReader::skip_line() {
  char scratch[1 << 16];
  while (!eof_) {
    const auto got = std::fread(scratch, 1, sizeof scratch, file_);
    eof_ = got < sizeof scratch;
    const std::string_view piece{scratch, got};
    if (const auto nl = piece.find('\n'); nl != std::string_view::npos) {
      tail_.assign(scratch + nl + 1, scratch + got);
      return;
    }
  }
}

bool JsonLinesReader::next(JsonChunk& chunk, std::size_t bytes) {
  std::size_t size = 0;
  {
    const std::lock_guard lock{mutex_};
    // Memory that runs out mid-line loses the part read: the other threads
    // must not go on from the middle of a line (reporting garbage), so the
    // input ends here for them, and the command stops (ticket_stream.cpp).
    struct EndOnThrow {
      JsonLinesReader& reader;
      int exceptions = std::uncaught_exceptions();
      ~EndOnThrow() {
        if (std::uncaught_exceptions() <= exceptions) return;
        reader.eof_ = true;
        reader.tail_.clear();
      }
    } end_on_throw{*this};
    // The line the last read cut, then more, up to the last line break (a
    // line longer than a chunk makes the chunk longer).
    reserve(chunk, tail_.size() + bytes, 0);
    if (!tail_.empty()) std::memcpy(chunk.bytes.get(), tail_.data(), tail_.size());
    std::size_t end = tail_.size();
    tail_.clear();
    // The loop goes on only while what it holds has no line break: each
    // round searches only what it read (a line of megabytes read 256 KB at
    // a time must not be searched from its start every time).
    std::size_t searched = 0;
    for (;;) {
      if (!eof_) {
        reserve(chunk, end + bytes, end);
        const auto got = std::fread(chunk.bytes.get() + end, 1, bytes, file_);
        end += got;
        eof_ = got < bytes;
      }
      const std::string_view text{chunk.bytes.get(), end};
      // The chunk starts a line: one too long to hold is skipped and handed
      // out unread, alone.
      const auto first = text.find('\n', searched);
      searched = end;
      if (first == std::string_view::npos ? end > kLongestLine : first > kLongestLine) {
        if (first == std::string_view::npos) {
          skip_line();
        } else {
          tail_.assign(text.begin() + static_cast<std::ptrdiff_t>(first) + 1, text.end());
        }
        chunk.lines.assign(1, JsonLine{.number = ++line_});
        chunk.sequence = sequence_++;
        return true;
      }
      const auto last = first == std::string_view::npos ? first : text.rfind('\n');
      if (last != std::string_view::npos || eof_) {
        const auto cut = last != std::string_view::npos && !eof_ ? last + 1 : end;
        tail_.assign(text.begin() + static_cast<std::ptrdiff_t>(cut), text.end());
        size = cut;
        break;
      }
    }
    if (size == 0) return false;
    chunk.sequence = sequence_++;
    // Split here, where the lines are numbered: one pass over the chunk
    // (counting its lines here and splitting it after the lock was two).
    line_ = split_lines(chunk, size, line_);
  }
  return true;
}

}  // namespace slakit::cli
