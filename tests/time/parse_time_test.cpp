#include <doctest/doctest.h>

#include <slakit/error.hpp>
#include <slakit/time/parse_time.hpp>

#include <fmt/chrono.h>

#include <optional>
#include <string>

using namespace std::chrono;
using slakit::parse_time;

TEST_CASE("RFC 3339 with an offset or Z is that instant, whatever the zone") {
  const auto berlin = slakit::TimeZone::locate("Europe/Berlin");
  CHECK(parse_time("2026-03-29T01:30:00+01:00", berlin) == sys_days{2026y / 3 / 29} + 30min);
  CHECK(parse_time("2026-03-29T01:30:00Z", berlin) == sys_days{2026y / 3 / 29} + 90min);
  CHECK(parse_time("2026-03-29T01:30Z", berlin) == sys_days{2026y / 3 / 29} + 90min);
  CHECK(parse_time("2026-03-29t01:30:00.250-05:30", berlin) == sys_days{2026y / 3 / 29} + 7h);
  CHECK(parse_time("2026-03-29 01:30:00z", berlin) == sys_days{2026y / 3 / 29} + 90min);
}

// docs/semantics.md: a wall-clock time maps to the first instant whose clock
// shows it or later.
TEST_CASE("a time without offset is wall-clock time in the zone") {
  const auto berlin = slakit::TimeZone::locate("Europe/Berlin");
  CHECK(parse_time("2026-03-29T01:30", berlin) == sys_days{2026y / 3 / 29} + 30min);
  CHECK(parse_time("2026-03-29T02:30", berlin) == sys_days{2026y / 3 / 29} + 1h);  // the gap
  CHECK(parse_time("2026-10-25T02:30:00", berlin) == sys_days{2026y / 10 / 25} + 30min);
}

TEST_CASE("malformed times are rejected with the text in the message") {
  const auto utc = slakit::TimeZone::locate("UTC");
  CHECK_THROWS_WITH_AS((void)parse_time("yesterday", utc),
                       "invalid time 'yesterday': expected YYYY-MM-DDTHH:MM[:SS] with Z, an "
                       "offset like +01:00, or none",
                       slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)parse_time("2026-02-30T10:00", utc),
                       "invalid time '2026-02-30T10:00': no such date", slakit::InvalidArgument);
  CHECK_THROWS_AS((void)parse_time("2026-03-29T25:00", utc), slakit::InvalidArgument);
  CHECK_THROWS_AS((void)parse_time("2026-03-29T10:00+1", utc), slakit::InvalidArgument);
  CHECK_THROWS_AS((void)parse_time("2026-03-29T10:00:0", utc), slakit::InvalidArgument);
  CHECK_THROWS_AS((void)parse_time("2026-03-29T10-00", utc), slakit::InvalidArgument);
  // A sign is not a digit: "-1" is no hour.
  CHECK_THROWS_AS((void)parse_time("2026-03-29T-1:00Z", utc), slakit::InvalidArgument);
  CHECK_THROWS_AS((void)parse_time("2026-03-29T10:00+-1:00", utc), slakit::InvalidArgument);
}

TEST_CASE("the common UTC form reads the same as every other spelling of its instant") {
  const auto berlin = slakit::TimeZone::locate("Europe/Berlin");
  for (const char* text :
       {"2026-03-06T15:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z"}) {
    std::string offset{text};
    offset.replace(offset.size() - 1, 1, "+00:00");
    CAPTURE(text);
    CHECK(parse_time(text, berlin) == parse_time(offset, berlin));
  }
  CHECK_THROWS_AS((void)parse_time("2026-02-30T00:00:00Z", berlin), slakit::InvalidArgument);
  CHECK_THROWS_AS((void)parse_time("2026-03-06T24:00:00Z", berlin), slakit::InvalidArgument);
  CHECK(parse_time("2026-03-06T15:00:60Z", berlin) == parse_time("2026-03-06T15:00:59Z", berlin));
}

// The forms machines write ("...T13:47:09Z", "...T13:47:09+05:30") are read
// by a fast path: it must agree with the general reader (the same text with
// a lowercase 't', which only the general reader takes) on every day from
// 1900 to 2159 (its table of years ends in 2155), at offsets east and west,
// and on every one-byte change of such a text, accepted or not.
TEST_CASE("the canonical forms agree with the general reader, byte for byte") {
  const auto utc = slakit::TimeZone::locate("UTC");
  auto read = [&](const std::string& text) -> std::optional<slakit::Instant> {
    try {
      return parse_time(text, utc);
    } catch (const slakit::InvalidArgument&) {
      return std::nullopt;
    }
  };
  auto general = [](std::string text) {
    if (text.size() > 10 && text[10] == 'T') text[10] = 't';
    return text;
  };
  for (auto day = sys_days{1900y / 1 / 1}; day < sys_days{2160y / 1 / 1}; day += days{1}) {
    const auto text = fmt::format("{:%Y-%m-%d}T13:47:09Z", day);
    REQUIRE(read(text) == day + 13h + 47min + 9s);
    REQUIRE(read(fmt::format("{:%Y-%m-%d}T13:47:09+05:30", day)) == day + 8h + 17min + 9s);
    REQUIRE(read(fmt::format("{:%Y-%m-%d}T13:47:09-08:00", day)) == day + 21h + 47min + 9s);
  }
  std::size_t mutants = 0;
  for (const std::string base :
       {"2024-02-29T23:59:59Z", "2026-12-31T09:05:00Z", "2024-02-29T23:59:59+05:30",
        "2026-12-31T00:05:00-08:00", "0000-03-01T00:00:00Z"}) {
    for (std::size_t at = 0; at < base.size(); ++at) {
      for (int c = 0; c < 256; ++c) {
        auto text = base;
        text[at] = static_cast<char>(c);
        CAPTURE(text);
        REQUIRE(read(text) == read(general(text)));
        ++mutants;
      }
    }
  }
  CHECK(mutants == (3 * 20 + 2 * 25) * 256);
}

// docs/semantics.md: "A fraction of a second is truncated to the second it
// falls in (Fractions::truncate, the default), or rejected
// (Fractions::reject); never rounded up into the next second."
TEST_CASE("a fraction of a second is truncated, or rejected on request") {
  const auto utc = slakit::TimeZone::locate("UTC");
  const auto berlin = slakit::TimeZone::locate("Europe/Berlin");
  const auto second = sys_days{2026y / 3 / 6} + 16h + 59min + 59s;
  CHECK(parse_time("2026-03-06T16:59:59.700Z", utc) == second);
  CHECK(parse_time("2026-03-06T16:59:59.999999999Z", utc) == second);
  CHECK(parse_time("2026-03-06T17:59:59.5+01:00", utc) == second);
  CHECK(parse_time("2026-03-06T17:59:59.5", berlin) == second);  // wall clock
  // Instants in different seconds keep their order.
  CHECK(parse_time("2026-03-06T16:59:59.999Z", utc) < parse_time("2026-03-06T17:00:00.001Z", utc));

  using slakit::Fractions;
  CHECK(parse_time("2026-03-06T16:59:59Z", utc, Fractions::reject) == second);
  CHECK(parse_time("2026-03-06T16:59:59+00:00", utc, Fractions::reject) == second);
  CHECK_THROWS_WITH_AS((void)parse_time("2026-03-06T16:59:59.700Z", utc, Fractions::reject),
                       "invalid time '2026-03-06T16:59:59.700Z': a fraction of a second (slakit "
                       "counts whole seconds)",
                       slakit::InvalidArgument);
  // A decimal point promises digits.
  CHECK_THROWS_WITH_AS((void)parse_time("2026-03-06T16:59:59.Z", utc),
                       "invalid time '2026-03-06T16:59:59.Z': expected digits after the decimal "
                       "point",
                       slakit::InvalidArgument);

  CHECK(slakit::has_fraction("2026-03-06T16:59:59.7Z"));
  CHECK(slakit::has_fraction("2026-03-06T16:59:59.700+01:00"));
  CHECK_FALSE(slakit::has_fraction("2026-03-06T16:59:59Z"));
  CHECK_FALSE(slakit::has_fraction("2026-03-06T16:59:59+01:00"));
  CHECK_FALSE(slakit::has_fraction("2026-03-06T16:59"));
  // docs/cli.md, "Times": "A fraction of zeros (`10:00:00.000Z`) loses
  // nothing: it is neither counted nor rejected. A point with no digits
  // after it (`10:00:00.Z`) is no fraction but an invalid time."
  CHECK_FALSE(slakit::has_fraction("2026-03-06T16:59:59.000Z"));
  CHECK_FALSE(slakit::has_fraction("2026-03-06T16:59:59.Z"));
  CHECK(parse_time("2026-03-06T16:59:59.000Z", utc, Fractions::reject) == second);
  CHECK_THROWS_WITH_AS((void)parse_time("2026-03-06T16:59:59.Z", utc, Fractions::reject),
                       "invalid time '2026-03-06T16:59:59.Z': expected digits after the decimal "
                       "point",
                       slakit::InvalidArgument);
}
