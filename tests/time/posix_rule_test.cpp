#include <date/tz.h>
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "time/posix_rule.hpp"

using namespace std::chrono;
using slakit::detail::parse_posix_rule;

TEST_CASE("POSIX TZ rules parse, with inverted signs and default times") {
  const auto ny = parse_posix_rule("EST5EDT,M3.2.0,M11.1.0");
  REQUIRE(ny);
  CHECK(ny->std_offset == -5h);
  CHECK(ny->dst_offset == -4h);
  CHECK(ny->to_dst.month == 3);
  CHECK(ny->to_dst.week == 2);
  CHECK(ny->to_dst.time == 2h);
  const auto berlin = parse_posix_rule("CET-1CEST,M3.5.0,M10.5.0/3");
  REQUIRE(berlin);
  CHECK(berlin->std_offset == 1h);
  CHECK(berlin->to_std.time == 3h);
  const auto lh = parse_posix_rule("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  REQUIRE(lh);
  CHECK(lh->std_offset == 10h + 30min);
  CHECK(lh->dst_offset == 11h);
  // Negative and past-midnight switch times (RFC 8536).
  const auto greenland = parse_posix_rule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  REQUIRE(greenland);
  CHECK(greenland->to_dst.time == -1h);
  const auto julian = parse_posix_rule("XXX3YYY,J60/25,300");
  REQUIRE(julian);
  CHECK(julian->to_dst.time == 25h);

  CHECK_FALSE(parse_posix_rule("JST-9"));  // no DST
  CHECK_FALSE(parse_posix_rule(""));
  CHECK_FALSE(parse_posix_rule("EST5EDT,M3.2.0"));
  CHECK_FALSE(parse_posix_rule("EST5EDT,M13.2.0,M11.1.0"));
  CHECK_FALSE(parse_posix_rule("EST5EDT,M3.6.0,M11.1.0"));
  CHECK_FALSE(parse_posix_rule("<+1030-10:30"));
  CHECK_FALSE(parse_posix_rule("EST5EDT,M3.2.0,M11.1.0,junk"));
}

TEST_CASE("the switches of a year are UTC instants in order") {
  const auto ny = *parse_posix_rule("EST5EDT,M3.2.0,M11.1.0");
  const auto s = ny.switches(2050);
  CHECK(s[0].at == sys_days{2050y / March / 13} + 7h);
  CHECK(s[0].offset_after == -4h);
  CHECK(s[1].at == sys_days{2050y / November / 6} + 6h);
  CHECK(s[1].offset_after == -5h);
  const auto lh = *parse_posix_rule("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  const auto t = lh.switches(2030);  // southern hemisphere: back to standard time first
  CHECK(t[0].offset_after == 10h + 30min);
  CHECK(t[1].offset_after == 11h);
}

TEST_CASE("tzif_footer finds the rule line of a version 2+ file") {
  using slakit::detail::tzif_footer;
  CHECK(tzif_footer(std::string_view{"TZif2....\nEST5EDT,M3.2.0,M11.1.0\n"}) ==
        "EST5EDT,M3.2.0,M11.1.0");
  CHECK(tzif_footer(std::string_view{"TZif\0....\nEST5\n", 15}).empty());  // version 1
  CHECK(tzif_footer("garbage").empty());
  CHECK(tzif_footer("").empty());
}

// The footer rule must reproduce what date/tz tabulates for the years both
// cover, in every zone of the system database whose footer has DST and whose
// table ends in 2037. (Gaza and Hebron tabulate Ramadan suspensions, which no
// POSIX rule can express, up to 2086; slakit uses their table until it ends.)
TEST_CASE("footer rules agree with the tz database for 2026-2037 in every zone") {
  int zones_checked = 0;
  for (const auto& zone : date::get_tzdb().zones) {
    std::ifstream in("/usr/share/zoneinfo/" + std::string{zone.name()}, std::ios::binary);
    if (!in) continue;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto rule = parse_posix_rule(slakit::detail::tzif_footer(bytes.str()));
    if (!rule) continue;
    const auto in_2100 = zone.get_info(date::sys_days{date::year{2100} / 1 / 1});
    if (in_2100.begin > date::sys_days{date::year{2038} / 1 / 1}) continue;
    CAPTURE(zone.name());
    ++zones_checked;
    for (int y = 2026; y <= 2037; ++y) {
      for (const auto& s : rule->switches(y)) {
        const auto after = zone.get_info(date::sys_seconds{s.at.time_since_epoch()});
        const auto before = zone.get_info(date::sys_seconds{s.at.time_since_epoch()} - 1s);
        CHECK(after.offset == s.offset_after);
        CHECK(before.offset != after.offset);
      }
    }
  }
  CHECK(zones_checked > 50);
}
