#include "slakit/time/time_of_day.hpp"

#include <fmt/format.h>

#include "digits.hpp"
#include "slakit/error.hpp"
#include "support/utf8.hpp"

namespace slakit {
namespace {

bool read_two_digits(std::string_view text, std::size_t at, int& out) {
  return detail::read_digits(text, at, 2, out);
}

}  // namespace

TimeOfDay::TimeOfDay(int hours, int minutes, int seconds) {
  const bool fields_ok = hours >= 0 && minutes >= 0 && minutes < 60 && seconds >= 0 && seconds < 60;
  const long total = hours * 3600L + minutes * 60L + seconds;
  if (!fields_ok || total > 24 * 3600L) {
    throw InvalidArgument(fmt::format(
        "invalid time of day {:02}:{:02}:{:02}: expected 00:00 to 24:00", hours, minutes, seconds));
  }
  since_midnight_ = std::chrono::seconds{total};
}

TimeOfDay TimeOfDay::parse(std::string_view text) {
  int h = 0, m = 0, s = 0;
  const bool shape_ok = (text.size() == 5 || (text.size() == 8 && text[5] == ':')) &&
                        text[2] == ':' && read_two_digits(text, 0, h) &&
                        read_two_digits(text, 3, m) &&
                        (text.size() == 5 || read_two_digits(text, 6, s));
  if (!shape_ok) {
    throw InvalidArgument(
        fmt::format("invalid time of day {}: expected HH:MM or HH:MM:SS", detail::quoted(text)));
  }
  if (m >= 60 || s >= 60 || h * 3600 + m * 60 + s > 24 * 3600) {
    throw InvalidArgument(
        fmt::format("invalid time of day {}: expected 00:00 to 24:00", detail::quoted(text)));
  }
  return TimeOfDay{h, m, s};
}

std::string TimeOfDay::to_string() const {
  const auto total = since_midnight_.count();
  const auto h = total / 3600, m = total / 60 % 60, s = total % 60;
  if (s != 0) return fmt::format("{:02}:{:02}:{:02}", h, m, s);
  return fmt::format("{:02}:{:02}", h, m);
}

}  // namespace slakit
