#include "slakit/time/parse_time.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>

#include "digits.hpp"
#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"
#include "slakit/time/time_of_day.hpp"

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

// "2026-03-06T15:00:00Z" and "2026-03-06T15:00:00+01:00", the forms
// machines write, from 1900 to 2155, read straight into an instant: each
// digit checked once, the day found in kYearStarts. Anything else, an
// impossible date or time included, goes the general way, which gives the
// same instant or the error that names the text.
std::optional<Instant> canonical(std::string_view t) {
  if (t.size() != 20 && t.size() != 25) [[unlikely]] {
    return std::nullopt;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const unsigned century = two_at(p), year_of = two_at(p + 2), mo = two_at(p + 5),
                 d = two_at(p + 8), h = two_at(p + 11), mi = two_at(p + 14), s = two_at(p + 17);
  if (century > 99 || year_of > 99 || p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' ||
      p[16] != ':' || h > 23 || mi > 59 || s > 59 || mo - 1 > 11 || d - 1 > 30) [[unlikely]] {
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

Instant parse_time(std::string_view text, const TimeZone& zone, Fractions fractions) {
  if (const auto fast = canonical(text)) [[likely]] {
    return *fast;
  }
  auto fail = [&](std::string_view why) {
    throw InvalidArgument(fmt::format("invalid time '{}': {}", text, why));
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

}  // namespace slakit
