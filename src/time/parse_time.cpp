#include "slakit/time/parse_time.hpp"

#include <fmt/format.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>

#include "digits.hpp"
#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"
#include "slakit/time/time_of_day.hpp"
#include "support/utf8.hpp"

namespace slakit {

using namespace std::chrono;

namespace {

// The general way's two digits, bounds-checked, for texts of any shape.
bool two_digits(std::string_view s, std::size_t at, int& out) {
  return detail::read_digits(s, at, 2, out);
}

// The canonical form's two digits at `p`, whose bounds its length checked,
// as a number, or 100 when either is not a digit (every caller bounds the
// number below that).
unsigned two_at(const unsigned char* p) {
  const unsigned hi = p[0] - unsigned{'0'}, lo = p[1] - unsigned{'0'};
  return hi > 9 || lo > 9 ? 100 : hi * 10 + lo;
}

// The days from 1970-01-01 to the first day of each year from kFirstYear on
// (257 of them: the last one ends the year before): a table rather than
// days_from_civil's chain of multiplications on every instant read.
constexpr unsigned kFirstYear = 1900;
constexpr auto kYearStarts = [] {
  std::array<int, 257> starts{};
  int days = -25567;  // 1900-01-01
  for (unsigned i = 0; i < starts.size(); ++i) {
    starts[i] = days;
    const auto y = kFirstYear + i;
    days += y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 366 : 365;
  }
  return starts;
}();
static_assert(kYearStarts[0] == sys_days{year{1900} / 1 / 1}.time_since_epoch().count());
static_assert(kYearStarts[256] == sys_days{year{2156} / 1 / 1}.time_since_epoch().count());

// Eight bytes at `p` (four: `Word` = std::uint32_t) as a little-endian
// word, whatever the machine's order: one load.
template <class Word = std::uint64_t>
std::uint64_t word_at(const unsigned char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) {
    w = sizeof w == 8 ? __builtin_bswap64(w) : __builtin_bswap32(w);
  }
  return w;
}
constexpr std::uint64_t word_of(const char (&text)[9]) {
  std::uint64_t w = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    w |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
  }
  return w;
}

// A word of text XORed with its template ('0' where a digit stands, the
// separator elsewhere): whether each byte is 0 to 9 (a digit) and those of
// `separators` are 0 (the separator itself). XOR maps '0'..'9' and only
// them to 0..9; a byte with its top bit set is no digit either.
constexpr bool digits_and_separators(std::uint64_t x, std::uint64_t separators) {
  constexpr std::uint64_t kHigh = 0x8080808080808080, kOver9 = 0x7676767676767676;
  return ((x | (x + kOver9)) & kHigh) == 0 && (x & separators) == 0;
}

// The two-digit numbers of such a word: byte i is 10 * digit i + digit i + 1
// (no byte carries: 10 * 9 + 9 < 256).
constexpr std::uint64_t pairs(std::uint64_t x) {
  return x * 10 + (x >> 8);
}
constexpr unsigned byte(std::uint64_t w, unsigned i) {
  return static_cast<unsigned>((w >> (8 * i)) & 0xff);
}

// "2026-03-06T15:00:00Z" and "2026-03-06T15:00:00+01:00", the forms
// machines write, from 1900 to 2155, read straight into an instant: the
// digits and separators of its first 19 bytes checked and read as three
// words (every instant of every ticket read comes here; a byte at a time
// was 170 instructions), the day found in kYearStarts. Anything else, an
// impossible date or time included, goes the general way, which gives the
// same instant or the error that names the text.
std::optional<Instant> canonical(std::string_view t) {
  if (t.size() != 20 && t.size() != 25) [[unlikely]] {
    return std::nullopt;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  // "YYYY-MM-", "DDTHH:MM" and ":SS" (its fourth byte, 'Z' or the
  // offset's sign, masked out).
  constexpr std::uint64_t kSeparators0 = 0xff0000ff00000000, kSeparators1 = 0x0000ff0000ff0000;
  const std::uint64_t w0 = word_at(p) ^ word_of("0000-00-");
  const std::uint64_t w1 = word_at(p + 8) ^ word_of("00T00:00");
  const std::uint64_t w2 = (word_at<std::uint32_t>(p + 16) & 0xffffff) ^ word_of(":00\0\0\0\0\0");
  if (!digits_and_separators(w0, kSeparators0) || !digits_and_separators(w1, kSeparators1) ||
      !digits_and_separators(w2, 0xff)) [[unlikely]] {
    return std::nullopt;
  }
  const std::uint64_t n0 = pairs(w0), n1 = pairs(w1), n2 = pairs(w2);
  const unsigned century = byte(n0, 0), year_of = byte(n0, 2), mo = byte(n0, 5), d = byte(n1, 0),
                 h = byte(n1, 3), mi = byte(n1, 6), s = byte(n2, 1);
  if (h > 23 || mi > 59 || s > 59 || mo - 1 > 11 || d - 1 > 30) [[unlikely]] {
    return std::nullopt;
  }
  const unsigned y = century * 100 + year_of;
  if (y - kFirstYear >= kYearStarts.size() - 1) [[unlikely]] {
    return std::nullopt;
  }
  const int first_day = kYearStarts[y - kFirstYear];
  const bool leap = kYearStarts[y - kFirstYear + 1] - first_day == 366;
  static constexpr unsigned char kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  static constexpr unsigned short kBefore[] = {0,   31,  59,  90,  120, 151,
                                               181, 212, 243, 273, 304, 334};
  if (d > kDays[mo - 1] + unsigned{mo == 2 && leap}) [[unlikely]] {
    return std::nullopt;
  }
  long long offset = 0;  // seconds east of UTC
  if (t.size() == 20) [[likely]] {
    if (p[19] != 'Z') [[unlikely]] {
      return std::nullopt;
    }
  } else {
    const unsigned oh = two_at(p + 20), om = two_at(p + 23);
    if ((p[19] != '+' && p[19] != '-') || p[22] != ':' || oh > 23 || om > 59) [[unlikely]] {
      return std::nullopt;
    }
    offset = (p[19] == '-' ? -1 : 1) * static_cast<long long>(oh * 3600 + om * 60);
  }
  const long long days =
      first_day + kBefore[mo - 1] + (mo > 2 && leap ? 1 : 0) + static_cast<int>(d) - 1;
  return Instant{Seconds{days * 86400 + h * 3600 + mi * 60 + s - offset}};
}

}  // namespace

// Fractions of a second (docs/cli.md, "Times"): only digits after the
// point that are not all 0 lose something. ".000" is a whole second (not
// truncated, not rejected); "00.Z" has no fraction but is malformed.
namespace {

bool nonzero_fraction(std::string_view digits) noexcept {
  return digits.find_first_not_of('0') != std::string_view::npos;
}

}  // namespace

bool has_fraction(std::string_view text) noexcept {
  // The seconds' two digits end at 19; a fraction can only follow them.
  if (text.size() <= 20 || text[19] != '.') return false;
  std::size_t end = 20;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  return nonzero_fraction(text.substr(20, end - 20));
}

namespace {

// Any other text parse_time takes, or the error that names it: out of line,
// so that the canonical forms' way needs none of its registers saved.
[[gnu::noinline]] Instant parse_general(std::string_view text, const TimeZone& zone,
                                        Fractions fractions) {
  auto fail = [&](std::string_view why) {
    throw InvalidArgument(fmt::format("invalid time {}: {}", detail::quoted(text), why));
  };
  if (text.size() < 16 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
    fail("expected YYYY-MM-DDTHH:MM[:SS] with Z, an offset like +01:00, or none");
  }
  year_month_day date;
  try {
    date = parse_date(text.substr(0, 10));
  } catch (const InvalidArgument&) {
    fail("no such date");
  }
  int h = 0, m = 0, s = 0;
  std::size_t i = 11;
  if (!two_digits(text, i, h) || text[i + 2] != ':' || !two_digits(text, i + 3, m)) {
    fail("expected HH:MM after the date");
  }
  i += 5;
  if (i < text.size() && text[i] == ':') {
    if (!two_digits(text, i + 1, s)) fail("expected seconds as SS");
    i += 3;
    if (i < text.size() && text[i] == '.') {
      const auto digits = ++i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      if (i == digits) fail("expected digits after the decimal point");
      if (fractions == Fractions::reject && nonzero_fraction(text.substr(digits, i - digits))) {
        fail("a fraction of a second (slakit counts whole seconds)");
      }
    }
  }
  if (h > 23 || m > 59 || s > 60) fail("no such time of day");
  const local_seconds wall = local_days{date} + hours{h} + minutes{m} + seconds{std::min(s, 59)};
  const auto rest = text.substr(i);
  if (rest.empty()) return zone.resolve(wall).instant;
  if (rest == "Z" || rest == "z") return Instant{wall.time_since_epoch()};
  int oh = 0, om = 0;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || !two_digits(rest, 1, oh) ||
      rest[3] != ':' || !two_digits(rest, 4, om) || oh > 23 || om > 59) {
    fail("expected Z or an offset like +01:00 at the end");
  }
  const seconds offset = (rest[0] == '-' ? -1 : 1) * (hours{oh} + minutes{om});
  return Instant{wall.time_since_epoch() - offset};
}

}  // namespace

Instant parse_time(std::string_view text, const TimeZone& zone, Fractions fractions) {
  if (const auto fast = canonical(text)) [[likely]] {
    return *fast;
  }
  return parse_general(text, zone, fractions);
}

}  // namespace slakit
