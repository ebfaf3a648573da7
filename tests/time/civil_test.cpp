#include <doctest/doctest.h>

#include <slakit/error.hpp>
#include <slakit/time/civil.hpp>

using namespace std::chrono;

TEST_CASE("dates parse as YYYY-MM-DD and print back the same") {
  CHECK(slakit::parse_date("2026-12-20") == 2026y / December / 20);
  CHECK(slakit::parse_date("2024-02-29") == 2024y / February / 29);
  CHECK(slakit::format_date(2026y / March / 8) == "2026-03-08");
  CHECK(slakit::format_local(local_days{2026y / March / 8} + 2h + 30min) == "2026-03-08T02:30:00");
  CHECK(slakit::weekday_name(Monday) == "mon");
  CHECK(slakit::weekday_name(Sunday) == "sun");
  CHECK(slakit::month_name(January) == "jan");
  CHECK(slakit::month_name(December) == "dec");
}

TEST_CASE("an impossible date is rejected with the text in the message") {
  CHECK_THROWS_WITH_AS((void)slakit::parse_date("2026-02-30"),
                       "invalid date '2026-02-30': no such day", slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)slakit::parse_date("2025-02-29"),
                       "invalid date '2025-02-29': no such day", slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)slakit::parse_date("2026-13-01"),
                       "invalid date '2026-13-01': no such day", slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS((void)slakit::parse_date("2026-1-01"),
                       "invalid date '2026-1-01': expected YYYY-MM-DD", slakit::InvalidArgument);
  CHECK_THROWS_AS((void)slakit::parse_date("20261201"), slakit::InvalidArgument);
}
