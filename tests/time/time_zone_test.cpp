#include <date/tz.h>
#include <doctest/doctest.h>

#include <slakit/error.hpp>
#include <slakit/time/time_zone.hpp>

using namespace std::chrono;
using slakit::LocalKind;
using slakit::TimeZone;

namespace {

slakit::Instant utc(year_month_day d, seconds s) {
  return sys_days{d} + s;
}
slakit::LocalSeconds wall(year_month_day d, seconds s) {
  return local_days{d} + s;
}

}  // namespace

TEST_CASE("an unknown zone is rejected with its name") {
  // docs/language.md, E0205: "a zone name close to one of the tz
  // database's (`Europe/Berln`, `europe/berlin`) gets it suggested".
  CHECK_THROWS_WITH_AS((void)TimeZone::locate("Europe/Berln"),
                       "unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?",
                       slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)TimeZone::locate("america/new_york"),
                       "unknown time zone 'america/new_york'; did you mean 'America/New_York'?",
                       slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)TimeZone::locate("Mars/Olympus"), "unknown time zone 'Mars/Olympus'",
                       slakit::InvalidArgument);
  CHECK_THROWS_AS((void)TimeZone::locate(""), slakit::InvalidArgument);
  CHECK(TimeZone::locate("Europe/Berlin").name() == "Europe/Berlin");
  CHECK(TimeZone::locate("Europe/Berlin") == TimeZone::locate("Europe/Berlin"));
}

// docs/semantics.md: "a time inside a DST gap maps to the instant the clock
// jumps, a time inside a repeated hour maps to its first pass".
TEST_CASE("wall-clock times resolve to the first instant that shows them or later") {
  SUBCASE("America/New_York") {
    const auto ny = TimeZone::locate("America/New_York");
    auto r = ny.resolve(wall(2026y / March / 8, 2h + 30min));
    CHECK(r.kind == LocalKind::skipped);
    CHECK(r.instant == utc(2026y / March / 8, 7h));
    r = ny.resolve(wall(2026y / November / 1, 1h + 30min));
    CHECK(r.kind == LocalKind::repeated);
    CHECK(r.instant == utc(2026y / November / 1, 5h + 30min));
    r = ny.resolve(wall(2026y / November / 1, 0h + 30min));
    CHECK(r.kind == LocalKind::unique);
    CHECK(r.instant == utc(2026y / November / 1, 4h + 30min));
    r = ny.resolve(wall(2026y / March / 8, 3h));
    CHECK(r.kind == LocalKind::unique);
    CHECK(r.instant == utc(2026y / March / 8, 7h));
  }
  SUBCASE("Europe/Berlin") {
    const auto berlin = TimeZone::locate("Europe/Berlin");
    auto r = berlin.resolve(wall(2026y / March / 29, 2h));
    CHECK(r.kind == LocalKind::skipped);
    CHECK(r.instant == utc(2026y / March / 29, 1h));
    r = berlin.resolve(wall(2026y / October / 25, 2h + 15min));
    CHECK(r.kind == LocalKind::repeated);
    CHECK(r.instant == utc(2026y / October / 25, 0h + 15min));
  }
  SUBCASE("Australia/Lord_Howe shifts by 30 minutes") {
    const auto lh = TimeZone::locate("Australia/Lord_Howe");
    auto r = lh.resolve(wall(2026y / October / 4, 2h + 15min));
    CHECK(r.kind == LocalKind::skipped);
    CHECK(r.instant == utc(2026y / October / 3, 15h + 30min));
    r = lh.resolve(wall(2026y / April / 5, 1h + 45min));
    CHECK(r.kind == LocalKind::repeated);
    CHECK(r.instant == utc(2026y / April / 4, 14h + 45min));
  }
  SUBCASE("UTC has neither gaps nor overlaps") {
    const auto z = TimeZone::locate("UTC");
    const auto r = z.resolve(wall(2026y / March / 8, 2h + 30min));
    CHECK(r.kind == LocalKind::unique);
    CHECK(r.instant == utc(2026y / March / 8, 2h + 30min));
  }
}

TEST_CASE("DST continues after 2037 by the zone's POSIX rule") {
  const auto ny = TimeZone::locate("America/New_York");
  CHECK(ny.offset(utc(2050y / July / 1, 12h)) == -4h);
  CHECK(ny.offset(utc(2050y / January / 1, 12h)) == -5h);
  CHECK(ny.offset(utc(2100y / July / 1, 12h)) == -4h);
  // Second Sunday of March 2050 is March 13.
  const auto r = ny.resolve(wall(2050y / March / 13, 2h + 30min));
  CHECK(r.kind == LocalKind::skipped);
  CHECK(r.instant == utc(2050y / March / 13, 7h));
  const auto berlin = TimeZone::locate("Europe/Berlin");
  CHECK(berlin.offset(utc(2090y / July / 1, 0h)) == 2h);
  CHECK(berlin.offset(utc(2090y / December / 1, 0h)) == 1h);
  const auto lh = TimeZone::locate("Australia/Lord_Howe");
  CHECK(lh.offset(utc(2060y / January / 15, 0h)) == 11h);
  CHECK(lh.offset(utc(2060y / July / 15, 0h)) == 10h + 30min);
  const auto tokyo = TimeZone::locate("Asia/Tokyo");
  CHECK(tokyo.offset(utc(2070y / July / 1, 0h)) == 9h);
}

TEST_CASE("format prints RFC 3339 with the zone's offset") {
  const auto berlin = TimeZone::locate("Europe/Berlin");
  CHECK(berlin.format(utc(2026y / March / 29, 1h + 30min)) == "2026-03-29T03:30:00+02:00");
  CHECK(berlin.format(utc(2026y / March / 29, 0h + 30min)) == "2026-03-29T01:30:00+01:00");
  const auto ny = TimeZone::locate("America/New_York");
  CHECK(ny.format(utc(2026y / January / 5, 14h)) == "2026-01-05T09:00:00-05:00");
  const auto lh = TimeZone::locate("Australia/Lord_Howe");
  CHECK(lh.format(utc(2026y / July / 1, 0h)) == "2026-07-01T10:30:00+10:30");
}

// A walk over every transition, probing t-1, t and t+1 (after date's
// validate.cpp): offsets agree with date/tz wherever it tabulates them, and a
// wall-clock reading resolves back to the instant, or to the first pass of a
// repeated reading.
TEST_CASE("every transition 1970-2100 resolves consistently") {
  for (const char* name : {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
                           "Europe/London", "America/Sao_Paulo", "Asia/Tokyo", "UTC"}) {
    CAPTURE(name);
    const auto zone = TimeZone::locate(name);
    const auto* reference = date::locate_zone(name);
    int transitions = 0;
    for (auto span = zone.offset_span(slakit::kSupportedBegin); span.end < slakit::kSupportedEnd;
         span = zone.offset_span(span.end)) {
      ++transitions;
      if (span.end < sys_days{2037y / January / 1}) {
        // The zone's own table of spans: the same boundaries as date/tz's.
        const auto info = reference->get_info(date::sys_seconds{span.end.time_since_epoch()} - 1s);
        CHECK(span.end == slakit::Instant{info.end.time_since_epoch()});
        CHECK(span.offset == info.offset);
      }
      for (const auto t : {span.end - 1s, span.end, span.end + 1s}) {
        if (t < sys_days{2037y / January / 1}) {
          CHECK(zone.offset(t) ==
                reference->get_info(date::sys_seconds{t.time_since_epoch()}).offset);
        }
        const auto r = zone.resolve(zone.to_local(t));
        if (r.instant != t) {
          CHECK(r.kind == LocalKind::repeated);
          CHECK(r.instant < t);
          CHECK(zone.to_local(r.instant) == zone.to_local(t));
        }
      }
    }
    if (std::string{name} == "America/New_York") CHECK(transitions > 2 * 120);
    // Before the range, where the table stops, offsets still come from date/tz.
    for (const auto t :
         {slakit::kSupportedBegin - days{400}, slakit::kSupportedBegin - days{2} - 1s,
          slakit::kSupportedBegin - days{2}}) {
      CHECK(zone.offset(t) == reference->get_info(date::sys_seconds{t.time_since_epoch()}).offset);
    }
  }
}
