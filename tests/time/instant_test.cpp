#include <doctest/doctest.h>

#include <slakit/time/instant.hpp>

using namespace std::chrono;

TEST_CASE("instants print as RFC 3339 in UTC, durations compactly") {
  CHECK(slakit::format_utc(sys_days{2026y / 3 / 29} + 1h + 30min) == "2026-03-29T01:30:00Z");
  CHECK(slakit::format_utc(slakit::kSupportedEnd) == "2101-01-01T00:00:00Z");
  CHECK(slakit::format_utc(slakit::Instant::max()).find("s after 1970") != std::string::npos);
  // Every second of 9999 formats, as the JSON writer formats it (review 17, F2).
  CHECK(slakit::format_utc(sys_days{9999y / 12 / 31} + 23h + 59min + 59s) ==
        "9999-12-31T23:59:59Z");
  CHECK(slakit::format_utc(sys_days{10000y / 1 / 1}).find("s after 1970") != std::string::npos);
  CHECK(slakit::format_duration(0s) == "0s");
  CHECK(slakit::format_duration(90min) == "1h30m");
  CHECK(slakit::format_duration(45s) == "45s");
  CHECK(slakit::format_duration(-2h) == "-2h");
  CHECK(slakit::format_duration(26h + 1s) == "26h1s");
}

TEST_CASE("the supported range is 1970-01-01 to 2101-01-01, end exclusive") {
  CHECK(slakit::in_supported_range(slakit::kSupportedBegin));
  CHECK_FALSE(slakit::in_supported_range(slakit::kSupportedBegin - 1s));
  CHECK(slakit::in_supported_range(slakit::kSupportedEnd - 1s));
  CHECK_FALSE(slakit::in_supported_range(slakit::kSupportedEnd));
  const slakit::Interval shift{sys_days{2026y / 3 / 2} + 9h, sys_days{2026y / 3 / 2} + 17h};
  CHECK(shift.contains(shift.begin));
  CHECK_FALSE(shift.contains(shift.end));
  CHECK(shift.length() == 8h);
}
