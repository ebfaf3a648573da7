#include <doctest/doctest.h>

#include <slakit/error.hpp>
#include <slakit/time/time_of_day.hpp>

using slakit::TimeOfDay;
using namespace std::chrono;

TEST_CASE("a time of day parses HH:MM and HH:MM:SS, up to 24:00") {
  CHECK(TimeOfDay::parse("08:30").since_midnight() == 8h + 30min);
  CHECK(TimeOfDay::parse("00:00").since_midnight() == 0s);
  CHECK(TimeOfDay::parse("24:00").since_midnight() == 24h);
  CHECK(TimeOfDay::parse("23:59:59").since_midnight() == 23h + 59min + 59s);
  CHECK(TimeOfDay::parse("08:30").to_string() == "08:30");
  CHECK(TimeOfDay{7, 5, 9}.to_string() == "07:05:09");
  CHECK(TimeOfDay{9, 0} < TimeOfDay{9, 1});
}

TEST_CASE("an impossible time of day is rejected with the text in the message") {
  CHECK_THROWS_WITH_AS((void)TimeOfDay::parse("25:00"),
                       "invalid time of day '25:00': expected 00:00 to 24:00",
                       slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)TimeOfDay::parse("24:01"),
                       "invalid time of day '24:01': expected 00:00 to 24:00",
                       slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)TimeOfDay::parse("12:60"),
                       "invalid time of day '12:60': expected 00:00 to 24:00",
                       slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)TimeOfDay::parse("8:30"),
                       "invalid time of day '8:30': expected HH:MM or HH:MM:SS",
                       slakit::InvalidArgument);
  CHECK_THROWS_AS((void)TimeOfDay::parse(""), slakit::InvalidArgument);
  CHECK_THROWS_AS((void)TimeOfDay::parse("ab:cd"), slakit::InvalidArgument);
  CHECK_THROWS_AS((void)TimeOfDay::parse("12:30:"), slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)TimeOfDay::parse("-1:00"),
                       "invalid time of day '-1:00': expected HH:MM or HH:MM:SS",
                       slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((TimeOfDay{-1, 0}), "invalid time of day -1:00:00: expected 00:00 to 24:00",
                       slakit::InvalidArgument);
}
