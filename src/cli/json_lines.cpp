#include "json_lines.hpp"

#include <algorithm>
#include <cstring>

namespace slakit::cli {

namespace {
constexpr std::size_t kPadding = 64;  // SIMDJSON_PADDING
}

JsonLinesReader::JsonLinesReader(std::FILE* file) : file_(file) {}

bool JsonLinesReader::next(std::vector<JsonLine>& lines, std::size_t bytes) {
  lines.clear();
  // Keep the unread tail (a line cut in half) at the front, then fill up.
  std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  std::size_t at = 0;  // scanned up to here
  for (;;) {
    if (buffer_.size() < end_ + bytes + kPadding) buffer_.resize(end_ + bytes + kPadding);
    if (!eof_) {
      const auto got = std::fread(buffer_.data() + end_, 1, bytes, file_);
      end_ += got;
      eof_ = got < bytes;
    }
    // Zeros after the data: simdjson reads ahead, and a last line without a
    // line break must end there.
    std::fill_n(buffer_.data() + end_, kPadding, '\0');
    const auto* text = buffer_.data();
    while (at < end_) {
      const auto* nl = static_cast<const char*>(std::memchr(text + at, '\n', end_ - at));
      if (nl == nullptr && !eof_) break;  // the rest comes with the next read
      const auto stop = nl != nullptr ? static_cast<std::size_t>(nl - text) : end_;
      ++line_;
      auto size = stop - at;
      if (size > 0 && text[at + size - 1] == '\r') --size;
      const std::string_view line{text + at, size};
      if (line.find_first_not_of(" \t") != std::string_view::npos) {
        lines.push_back({text + at, size, buffer_.size() - at, line_});
      }
      at = nl != nullptr ? stop + 1 : end_;
    }
    begin_ = at;
    // A line longer than a chunk: read more before handing anything out.
    if (!lines.empty() || eof_) return !lines.empty();
    bytes *= 2;
  }
}

}  // namespace slakit::cli
