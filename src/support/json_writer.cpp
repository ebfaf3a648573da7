#include "json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "slakit/time/instant.hpp"
#include "support/utf8.hpp"

namespace slakit::detail {

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0 && depth_ <= kDeepest) {
    if (!first_[depth_ - 1]) out_ += comma_;
    first_[depth_ - 1] = false;
  }
  if (!prefix_.empty()) {
    out_ += prefix_;
    prefix_ = {};
  }
}

void JsonWriter::open(char c) {
  separate();
  out_ += c;
  if (depth_ < kDeepest) first_[depth_] = true;
  ++depth_;
}

void JsonWriter::close(char c) {
  --depth_;
  out_ += c;
}

void JsonWriter::key(std::string_view name) {
  separate();
  out_ += '"';
  out_ += name;
  out_ += '"';
  out_ += colon_;
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  separate();
  string(s);
}

void JsonWriter::value(std::int64_t n) {
  separate();
  const fmt::format_int digits{n};
  out_.append(digits.data(), digits.size());
}

void JsonWriter::value(double n) {
  separate();
  if (std::isfinite(n)) {
    fmt::format_to(std::back_inserter(out_), "{}", n);
  } else {
    out_ += "null";  // JSON has no infinities
  }
}

void JsonWriter::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
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
  char text[] = "\"0000-00-00T00:00:00Z\"";
  auto put = [&](int at, long long v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) text[at + i] = static_cast<char>('0' + v % 10);
  };
  put(1, y, 4);
  put(6, static_cast<unsigned>(date.month()), 2);
  put(9, static_cast<unsigned>(date.day()), 2);
  put(12, s / 3600, 2);
  put(15, s / 60 % 60, 2);
  put(18, s % 60, 2);
  out_.append(text, sizeof text - 1);
}

void JsonWriter::null() {
  separate();
  out_ += "null";
}

void JsonWriter::string(std::string_view s) {
  out_ += '"';
  // Most text needs no escape: copy it whole.
  const bool plain = std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
  });
  if (plain) {
    out_.append(s);
    out_ += '"';
    return;
  }
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto len = utf8_length(s, i);
    if (len == 0) {
      out_ += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (len > 1) {
      out_.append(s.substr(i, len));
      i += len;
      continue;
    }
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
        } else {
          out_ += static_cast<char>(c);
        }
    }
    ++i;
  }
  out_ += '"';
}

}  // namespace slakit::detail
