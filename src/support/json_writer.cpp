#include "json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "slakit/time/instant.hpp"
#include "support/utf8.hpp"
#include "time/digits.hpp"

namespace slakit::detail {

void JsonWriter::grow(std::size_t n) {
  const auto size = used();
  // Writable up to what is needed and a line more: std::string grows its
  // capacity geometrically by itself, and making more of it writable would
  // zero it for nothing (out_ may be a whole chunk of output).
  out_.resize(size + n + kHeadroom);
  end_ = out_.data() + size;
  limit_ = out_.data() + out_.size();
}

void JsonWriter::put_prefix() {
  put(prefix_);
  prefix_ = {};
}

void JsonWriter::value(std::string_view s) {
  separate();
  string(s);
}

void JsonWriter::value(std::int64_t n) {
  separate();
  end_ = json_text::write_integer(room(json_text::kIntegerBound), n);
}

void JsonWriter::value(double n) {
  separate();
  if (std::isfinite(n)) {
    char text[32];
    const auto written = fmt::format_to_n(text, sizeof text, "{}", n);
    put({text, std::min(written.size, sizeof text)});
  } else {
    put("null");  // JSON has no infinities
  }
}

void JsonWriter::value(bool b) {
  separate();
  put(b ? "true" : "false");
}

void JsonWriter::instant(std::chrono::sys_seconds t) {
  separate();
  char* const end = json_text::write_instant(room(json_text::kInstantBound), t,
                                             json_text::thread_instant_dates());
  if (end != nullptr) {
    end_ = end;
  } else {
    string(format_utc(t));  // a year of more than four digits
  }
}

void JsonWriter::null() {
  separate();
  put("null");
}

void JsonWriter::string(std::string_view s) {
  // Most text needs no escape: copy it whole.
  if (json_text::is_plain(s)) {
    char* at = room(s.size() + 2);
    *at++ = '"';
    at = json_text::copy(at, s);
    *at++ = '"';
    end_ = at;
    return;
  }
  put('"');
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto len = utf8_length(s, i);
    if (len == 0) {
      put("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    if (len > 1) {
      put(s.substr(i, len));
      i += len;
      continue;
    }
    switch (c) {
      case '"':
        put("\\\"");
        break;
      case '\\':
        put("\\\\");
        break;
      case '\n':
        put("\\n");
        break;
      case '\t':
        put("\\t");
        break;
      case '\r':
        put("\\r");
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          put(fmt::format("\\u{:04x}", c));
        } else {
          put(static_cast<char>(c));
        }
    }
    ++i;
  }
  put('"');
}

void JsonDirect::not_compact() {
  throw std::logic_error("JsonDirect needs a compact JsonWriter");
}

JsonDirect::Place JsonDirect::grow(JsonWriter& w, char* at, std::size_t n) {
  w.end_ = at;
  return {w.room(n), w.limit_};
}

JsonDirect::Place JsonDirect::escaped(JsonWriter& w, char* at, std::string_view s) {
  w.end_ = at;
  w.string(s);
  return {w.end_, w.limit_};
}

JsonDirect::Place JsonDirect::far_instant(JsonWriter& w, char* at, std::chrono::sys_seconds t) {
  w.end_ = at;
  w.string(format_utc(t));
  return {w.end_, w.limit_};
}

}  // namespace slakit::detail
