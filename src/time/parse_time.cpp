#include "slakit/time/parse_time.hpp"

#include <fmt/format.h>

#include <optional>

#include "digits.hpp"
#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"
#include "slakit/time/time_of_day.hpp"

namespace slakit {

using namespace std::chrono;

namespace {

bool two_digits(std::string_view s, std::size_t at, int& out) {
  return detail::read_digits(s, at, 2, out);
}

}  // namespace

namespace {

// "2026-03-06T15:00:00Z", the form machines write: read straight into an
// instant. Anything else (or an impossible date) goes the general way.
std::optional<Instant> utc_seconds(std::string_view t) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
      t[16] != ':' || t[19] != 'Z' || !detail::read_digits(t, 0, 4, y) || !two_digits(t, 5, mo) ||
      !two_digits(t, 8, d) || !two_digits(t, 11, h) || !two_digits(t, 14, mi) ||
      !two_digits(t, 17, s) || h > 23 || mi > 59 || s > 59) {
    return std::nullopt;
  }
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date} + hours{h} + minutes{mi} + seconds{s};
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
  if (const auto fast = utc_seconds(text)) return *fast;
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
