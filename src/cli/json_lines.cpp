#include "json_lines.hpp"

#include <algorithm>
#include <cstring>

namespace slakit::cli {

namespace {
constexpr std::size_t kPadding = 64;  // SIMDJSON_PADDING
}

bool JsonLinesReader::next(JsonChunk& chunk, std::size_t bytes) {
  auto& buffer = chunk.bytes;
  std::size_t first_line = 0;
  std::size_t size = 0;
  {
    const std::lock_guard lock{mutex_};
    // The line the last read cut, then more, up to the last line break (a
    // line longer than a chunk makes the chunk longer).
    buffer.assign(tail_.begin(), tail_.end());
    tail_.clear();
    std::size_t end = buffer.size();
    for (;;) {
      if (!eof_) {
        buffer.resize(end + bytes);
        const auto got = std::fread(buffer.data() + end, 1, bytes, file_);
        end += got;
        eof_ = got < bytes;
      }
      const auto* text = buffer.data();
      const auto* last = static_cast<const char*>(memrchr(text, '\n', end));
      if (last != nullptr || eof_) {
        const auto cut = last != nullptr && !eof_ ? static_cast<std::size_t>(last - text) + 1 : end;
        tail_.assign(buffer.begin() + static_cast<std::ptrdiff_t>(cut),
                     buffer.begin() + static_cast<std::ptrdiff_t>(end));
        size = cut;
        break;
      }
    }
    if (size == 0) return false;
    chunk.sequence = sequence_++;
    first_line = line_;
    line_ += static_cast<std::size_t>(std::count(buffer.data(), buffer.data() + size, '\n'));
    if (buffer[size - 1] != '\n') ++line_;  // a last line without a line break
  }
  // Zeros after the lines: simdjson reads ahead, and a last line without a
  // line break ends there.
  buffer.resize(size + kPadding);
  std::fill_n(buffer.data() + size, kPadding, '\0');
  chunk.lines.clear();
  const auto* text = buffer.data();
  auto number = first_line;
  for (std::size_t at = 0; at < size;) {
    const auto* nl = static_cast<const char*>(std::memchr(text + at, '\n', size - at));
    const auto stop = nl != nullptr ? static_cast<std::size_t>(nl - text) : size;
    ++number;
    auto length = stop - at;
    if (length > 0 && text[at + length - 1] == '\r') --length;
    if (std::string_view{text + at, length}.find_first_not_of(" \t") != std::string_view::npos) {
      chunk.lines.push_back({text + at, length, buffer.size() - at, number});
    }
    at = stop + 1;
  }
  return true;
}

}  // namespace slakit::cli
