#include "json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "slakit/time/instant.hpp"
#include "support/utf8.hpp"
#include "time/digits.hpp"

namespace slakit::detail {

namespace {

// Whether no byte of `s` needs an escape or a check: printable ASCII other
// than '"' and '\\'. Eight bytes at a time (the last word overlapping the
// one before); each test below sets a byte's high bit where it hits.
bool is_plain(std::string_view s) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const auto bad = [&](std::uint64_t x) {
    return zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\')) |
           zero_byte(x ^ (kOnes * 0x7F)) | ((x - kOnes * 0x20) & ~x & kHighs) | (x & kHighs);
  };
  const auto n = s.size();
  if (n < 8) {
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return false;
    }
    return true;
  }
  std::uint64_t hits = 0, word;
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    hits |= bad(word);
  }
  std::memcpy(&word, s.data() + n - 8, 8);
  return (hits | bad(word)) == 0;
}

}  // namespace

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
  // Straight into the buffer, two digits at a time from the last: most
  // numbers written are durations, and a copy through a temporary and a
  // byte loop for short ones cost as much as the digits.
  char* at = room(20);  // "-9223372036854775808"
  auto u = static_cast<std::uint64_t>(n);
  if (n < 0) {
    *at++ = '-';
    u = 0 - u;
  }
  // The number of digits: a guess from the bit length, off by at most one.
  static constexpr std::uint64_t kPowers[] = {1,
                                              10,
                                              100,
                                              1'000,
                                              10'000,
                                              100'000,
                                              1'000'000,
                                              10'000'000,
                                              100'000'000,
                                              1'000'000'000,
                                              10'000'000'000,
                                              100'000'000'000,
                                              1'000'000'000'000,
                                              10'000'000'000'000,
                                              100'000'000'000'000,
                                              1'000'000'000'000'000,
                                              10'000'000'000'000'000,
                                              100'000'000'000'000'000,
                                              1'000'000'000'000'000'000,
                                              10'000'000'000'000'000'000u};
  const auto guess = static_cast<int>((std::bit_width(u | 1) * 1233) >> 12);  // 1233/4096 ~ log10 2
  const int length = std::max(1, guess + (u >= kPowers[guess] ? 1 : 0));
  char* digit = at + length;
  end_ = digit;
  for (; u >= 100; u /= 100) {
    digit -= 2;
    write_two_digits(digit, static_cast<long long>(u % 100));
  }
  if (u >= 10) {
    write_two_digits(digit - 2, static_cast<long long>(u));
  } else {
    digit[-1] = static_cast<char>('0' + u);
  }
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
  // The instants of one line mostly share a few days: the date's text is
  // kept from the last instant written, and converted only when it changes.
  if (!date_known_ || day != date_day_) {
    const year_month_day date{day};
    const auto y = static_cast<int>(date.year());
    if (y < 0 || y > 9999) {
      value(std::string_view{format_utc(t)});
      return;
    }
    char text[19];
    write_date_time(text, y, static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                    0);
    std::memcpy(date_text_, text, sizeof date_text_);
    date_day_ = day;
    date_known_ = true;
  }
  separate();
  const auto s = (t - day).count();
  char* at = room(22);
  at[0] = '"';
  std::memcpy(at + 1, date_text_, sizeof date_text_);  // "YYYY-MM-DDT"
  write_two_digits(at + 12, s / 3600);
  at[14] = ':';
  write_two_digits(at + 15, s / 60 % 60);
  at[17] = ':';
  write_two_digits(at + 18, s % 60);
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
  if (is_plain(s)) {
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
