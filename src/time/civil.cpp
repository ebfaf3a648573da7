#include "slakit/time/civil.hpp"

#include <fmt/format.h>

#include <array>

#include "digits.hpp"
#include "slakit/error.hpp"
#include "support/utf8.hpp"

namespace slakit {

using namespace std::chrono;

year_month_day parse_date(std::string_view text) {
  auto field = [&](std::size_t at, std::size_t len, int& out) {
    return detail::read_digits(text, at, len, out);
  };
  int y = 0, m = 0, d = 0;
  const bool shape_ok = text.size() == 10 && text[4] == '-' && text[7] == '-' && field(0, 4, y) &&
                        field(5, 2, m) && field(8, 2, d);
  if (!shape_ok) {
    throw InvalidArgument(
        fmt::format("invalid date {}: expected YYYY-MM-DD", detail::quoted(text)));
  }
  const year_month_day date{year{y}, month{static_cast<unsigned>(m)},
                            day{static_cast<unsigned>(d)}};
  if (!date.ok())
    throw InvalidArgument(fmt::format("invalid date {}: no such day", detail::quoted(text)));
  return date;
}

std::string format_date(year_month_day date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string format_local(LocalSeconds t) {
  const auto day = floor<days>(t);
  const hh_mm_ss clock{t - day};
  return fmt::format("{}T{:02}:{:02}:{:02}", format_date(year_month_day{day}),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

std::string_view weekday_name(weekday day) {
  static constexpr std::array<std::string_view, 7> kNames{"sun", "mon", "tue", "wed",
                                                          "thu", "fri", "sat"};
  return kNames[day.c_encoding() % 7];
}

std::string_view month_name(month m) {
  static constexpr std::array<std::string_view, 12> kNames{
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  return kNames[(static_cast<unsigned>(m) + 11) % 12];
}

}  // namespace slakit
