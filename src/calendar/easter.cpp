#include "easter.hpp"

namespace slakit::detail {
namespace {

using namespace std::chrono;

local_days western(int y) {
  // The anonymous Gregorian computus (Meeus, Astronomical Algorithms, ch. 8).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int n = h + l - 7 * m + 114;
  return local_days{year{y} / month{static_cast<unsigned>(n / 31)} /
                    day{static_cast<unsigned>(n % 31 + 1)}};
}

local_days orthodox(int y) {
  // Meeus's Julian computus gives a Julian-calendar date in March to May; the
  // two calendars then differ by y/100 - y/400 - 2 days.
  const int a = y % 4, b = y % 7, c = y % 19;
  const int d = (19 * c + 15) % 30;
  const int e = (2 * a + 4 * b - d + 34) % 7;
  const int n = d + e + 114;
  const local_days julian_fields{year{y} / month{static_cast<unsigned>(n / 31)} /
                                 day{static_cast<unsigned>(n % 31 + 1)}};
  return julian_fields + days{y / 100 - y / 400 - 2};
}

}  // namespace

local_days easter_sunday(int year, EasterKind kind) {
  return kind == EasterKind::western ? western(year) : orthodox(year);
}

}  // namespace slakit::detail
