// Composed calendars against the minute-stepping reference: the reference
// asks each part's minute calendar whether a minute is open (any, all, or
// the first and not the second), knowing nothing of blocks or spans. Parts
// lie in different zones; half the cases fall within days of one of their
// DST transitions. Four compositions of 25,500 cases: 102,000 cases; then
// calendars read in another zone (Calendar::in_zone), alone and composed.
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
  Calendar fast = Calendar::compose(name, op, fast_parts);
  // The parts' references live as long as this composition's.
  struct Owning : reference::ComposedMinuteCalendar {
    Owning(CalendarOp o, std::vector<const reference::MinuteStepper*> p, std::vector<Pair> keep)
        : ComposedMinuteCalendar(o, std::move(p)), kept(std::move(keep)) {}
    std::vector<Pair> kept;
  };
  auto slow = std::make_unique<Owning>(op, std::move(slow_parts), std::move(parts));
  return {std::move(fast), std::move(slow), std::move(transitions)};
}

// `def` compiled in its own zone, then read in `zone` (Calendar::in_zone),
// against the reference of `def` written in `zone`.
Pair rezoned(CalendarDefinition def, const std::string& zone) {
  Calendar fast = Calendar{def}.in_zone(zone);  // the copy keeps the variant alive
  def.zone = zone;
  auto slow = std::make_unique<reference::MinuteCalendar>(def, fast);
  std::vector<Instant> transitions;
  add_transitions(fast.zone(), transitions);
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

TEST_CASE("differential: Berlin's hours with breaks and extra hours, read in Sydney") {
  compare(rezoned(berlin_breaks(), "Australia/Sydney"), 15);
}

TEST_CASE("differential: a union read in Lord Howe's zone, and minus a part kept in New York") {
  // The union of New York office hours and Berlin's, both read in Lord Howe's
  // zone, minus the New York night desk in its own zone.
  std::vector<Pair> inner;
  inner.push_back(rezoned(ny_office(), "Australia/Lord_Howe"));
  inner.push_back(rezoned(berlin_breaks(), "Australia/Lord_Howe"));
  auto read_there = composed("read_there", CalendarOp::union_of, std::move(inner));
  // The compiled side as a host writes it: the composition's own in_zone.
  const auto any =
      Calendar::union_of("read_there", {Calendar{ny_office()}, Calendar{berlin_breaks()}});
  CHECK(any.in_zone("Australia/Lord_Howe")
            .open_intervals(sys_days{2026y / 3 / 30}, sys_days{2026y / 4 / 14}) ==
        read_there.fast.open_intervals(sys_days{2026y / 3 / 30}, sys_days{2026y / 4 / 14}));
  read_there.fast = any.in_zone("Australia/Lord_Howe");
  std::vector<Pair> parts;
  parts.push_back(std::move(read_there));
  parts.push_back(plain(ny_night_desk()));
  compare(composed("minus_night", CalendarOp::difference, std::move(parts)), 16);
}
