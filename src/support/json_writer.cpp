#include "json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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
  const fmt::format_int digits{n};
  put({digits.data(), digits.size()});
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
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day date{day};
  const auto y = static_cast<int>(date.year());
  if (y < 0 || y > 9999) {
    value(std::string_view{format_utc(t)});
    return;
  }
  separate();
  const auto s = (t - day).count();
  char* at = room(22);
  at[0] = '"';
  write_date_time(at + 1, y, static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  s);
  at[20] = 'Z';
  at[21] = '"';
  end_ = at + 22;
}

void JsonWriter::null() {
  separate();
  put("null");
}

void JsonWriter::string(std::string_view s) {
  // Most text needs no escape: copy it whole.
  const bool plain = std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
  });
  if (plain) {
    char* at = room(s.size() + 2);
    *at++ = '"';
    at = copy(at, s);
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

}  // namespace slakit::detail
