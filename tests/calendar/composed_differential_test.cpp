// Composed calendars against the minute-stepping reference: the reference
// asks each part's minute calendar whether a minute is open (any, all, or
// the first and not the second), knowing nothing of blocks or spans. Parts
// lie in different zones; half the cases fall within days of one of their
// DST transitions. Four compositions of 25,500 cases: 102,000 cases.
#include <doctest/doctest.h>

#include <memory>

#include "calendar/differential_calendars.hpp"

using namespace slakit;
using namespace slakit::test::differential;

namespace {

constexpr int kCasesPerComposition = 25'500;

// A compiled calendar and its reference, side by side.
struct Pair {
  Calendar fast;
  std::unique_ptr<reference::MinuteStepper> slow;
  std::vector<Instant> transitions;
};

Pair plain(const CalendarDefinition& def) {
  Calendar fast{def};
  auto slow = std::make_unique<reference::MinuteCalendar>(def, fast);
  std::vector<Instant> transitions;
  add_transitions(fast.zone(), transitions);
  return {std::move(fast), std::move(slow), std::move(transitions)};
}

Pair composed(const std::string& name, CalendarOp op, std::vector<Pair> parts) {
  std::vector<Calendar> fast_parts;
  std::vector<const reference::MinuteStepper*> slow_parts;
  std::vector<Instant> transitions;
  for (const auto& p : parts) {
    fast_parts.push_back(p.fast);
    slow_parts.push_back(p.slow.get());
    transitions.insert(transitions.end(), p.transitions.begin(), p.transitions.end());
  }
  Calendar fast = op == CalendarOp::union_of ? Calendar::union_of(name, fast_parts)
                  : op == CalendarOp::intersection
                      ? Calendar::intersection_of(name, fast_parts)
                      : Calendar::difference(name, fast_parts.at(0), fast_parts.at(1));
  // The parts' references live as long as this composition's.
  struct Owning : reference::ComposedMinuteCalendar {
    Owning(CalendarOp o, std::vector<const reference::MinuteStepper*> p, std::vector<Pair> keep)
        : ComposedMinuteCalendar(o, std::move(p)), kept(std::move(keep)) {}
    std::vector<Pair> kept;
  };
  auto slow = std::make_unique<Owning>(op, std::move(slow_parts), std::move(parts));
  return {std::move(fast), std::move(slow), std::move(transitions)};
}

void compare(const Pair& p, unsigned seed) {
  test::differential::compare(p.fast, *p.slow, p.transitions, seed, kCasesPerComposition);
}

std::vector<Pair> pairs(std::initializer_list<CalendarDefinition> defs) {
  std::vector<Pair> out;
  for (const auto& d : defs) out.push_back(plain(d));
  return out;
}

}  // namespace

TEST_CASE("differential: follow the sun, Berlin with breaks and extra hours or New York or Tokyo") {
  compare(composed("follow_the_sun", CalendarOp::union_of,
                   pairs({berlin_breaks(), ny_office(), tokyo_always()})),
          11);
}

TEST_CASE("differential: New York office hours while Berlin is open too") {
  compare(composed("both", CalendarOp::intersection, pairs({ny_office(), berlin_breaks()})), 12);
}

TEST_CASE("differential: the New York night desk minus Lord Howe's periods") {
  compare(
      composed("night_minus", CalendarOp::difference, pairs({ny_night_desk(), lord_howe_shifts()})),
      13);
}

TEST_CASE("differential: a union of Berlin and Lord Howe, minus the UTC split shift") {
  std::vector<Pair> parts;
  parts.push_back(
      composed("inner", CalendarOp::union_of, pairs({berlin_breaks(), lord_howe_shifts()})));
  parts.push_back(plain(utc_split()));
  compare(composed("nested", CalendarOp::difference, std::move(parts)), 14);
}
