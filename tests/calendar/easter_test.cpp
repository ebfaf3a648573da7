#include <doctest/doctest.h>

#include "calendar/easter.hpp"

using namespace std::chrono;
using slakit::EasterKind;
using slakit::detail::easter_sunday;

TEST_CASE("Western Easter matches published dates") {
  CHECK(easter_sunday(1970, EasterKind::western) == local_days{1970y / March / 29});
  CHECK(easter_sunday(2000, EasterKind::western) == local_days{2000y / April / 23});
  CHECK(easter_sunday(2019, EasterKind::western) == local_days{2019y / April / 21});
  CHECK(easter_sunday(2024, EasterKind::western) == local_days{2024y / March / 31});
  CHECK(easter_sunday(2025, EasterKind::western) == local_days{2025y / April / 20});
  CHECK(easter_sunday(2026, EasterKind::western) == local_days{2026y / April / 5});
  CHECK(easter_sunday(2038, EasterKind::western) == local_days{2038y / April / 25});
}

TEST_CASE("Orthodox Easter matches published dates (Gregorian calendar)") {
  CHECK(easter_sunday(2021, EasterKind::orthodox) == local_days{2021y / May / 2});
  CHECK(easter_sunday(2022, EasterKind::orthodox) == local_days{2022y / April / 24});
  CHECK(easter_sunday(2023, EasterKind::orthodox) == local_days{2023y / April / 16});
  CHECK(easter_sunday(2024, EasterKind::orthodox) == local_days{2024y / May / 5});
  CHECK(easter_sunday(2025, EasterKind::orthodox) == local_days{2025y / April / 20});
  CHECK(easter_sunday(2026, EasterKind::orthodox) == local_days{2026y / April / 12});
}

TEST_CASE("Easter is always a Sunday between March 22 and May 8") {
  for (int y = 1970; y <= 2100; ++y) {
    for (auto kind : {EasterKind::western, EasterKind::orthodox}) {
      const auto d = easter_sunday(y, kind);
      CHECK(weekday{d} == Sunday);
      CHECK(d >= local_days{year{y} / March / 22});
      CHECK(d <= local_days{year{y} / May / 8});
    }
  }
}
