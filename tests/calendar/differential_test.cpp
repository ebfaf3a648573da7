// The compiled calendar against the minute-stepping reference, on random
// starts, durations and ranges, half of them within days of a DST transition.
#include <doctest/doctest.h>

#include "calendar/differential_calendars.hpp"

using namespace slakit;
using namespace slakit::test::differential;

namespace {

constexpr int kCasesPerCalendar = 17'000;  // six calendars: 102,000 cases

void compare(const CalendarDefinition& def, unsigned seed) {
  const Calendar fast{def};
  const reference::MinuteCalendar slow{def, fast};
  std::vector<Instant> transitions;
  add_transitions(fast.zone(), transitions);
  test::differential::compare(fast, slow, transitions, seed, kCasesPerCalendar);
}

}  // namespace

TEST_CASE("differential: New York office hours with holidays and a half day") {
  compare(ny_office(), 1);
}
TEST_CASE("differential: Berlin with breaks and Saturday night shifts") {
  compare(berlin_breaks(), 2);
}
TEST_CASE("differential: Lord Howe periods in the 30-minute gap and repeat") {
  compare(lord_howe_shifts(), 3);
}
TEST_CASE("differential: New York night desk with touching periods") {
  compare(ny_night_desk(), 4);
}
TEST_CASE("differential: Tokyo 24/7 with holiday ranges (no DST)") {
  compare(tokyo_always(), 5);
}
TEST_CASE("differential: UTC split shift with a partial holiday") {
  compare(utc_split(), 6);
}
