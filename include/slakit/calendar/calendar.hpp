// slakit/calendar/calendar.hpp: business-time arithmetic over a compiled calendar.
//
// A Calendar is compiled once from a CalendarDefinition and is then immutable:
// copies share one state and any number of threads may use it at once. All
// instants are UTC (std::chrono::sys_seconds); the calendar's zone only
// decides where its wall-clock periods fall. docs/semantics.md defines every
// edge case (DST gaps, closing time, zero durations) and tests quote it.
//
//   using namespace std::chrono;
//   slakit::Calendar cal{def};  // Mon-Fri 09:00-17:00, America/New_York
//   // Friday 2026-03-06 16:00 EST + 2 business hours = Monday 10:00 EDT.
//   auto due = cal.add(sys_days{2026y / 3 / 6} + 21h, 2h);  // 2026-03-09T14:00:00Z
//   cal.elapsed(sys_days{2026y / 3 / 6} + 21h, due);        // 2h
//
// Calendars compose: a follow-the-sun desk is open when any regional team is,
// a premium promise counts while both the customer's office and the support
// team are open, and support hours minus a maintenance window is a difference.
// The parts keep their own zones (docs/semantics.md, "Composed calendars"):
//
//   auto desk = slakit::Calendar::union_of("follow_the_sun", {emea, americas, apac});
//   auto premium = slakit::Calendar::intersection_of("premium", {customer_office, support});
//   auto usable = slakit::Calendar::difference("usable", support, maintenance);
//   desk.add(created, 4h);  // every operation below, as on a plain calendar
//
// Performance: the calendar is compiled into open intervals with cumulative
// business seconds, one block per UTC year, built on first use without locks.
// add/subtract/elapsed are binary searches, never a walk over days or minutes.
// A composed calendar's blocks are its parts' blocks merged, intersected or
// subtracted once per year, so it answers at the speed of a plain one.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/time/instant.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit {

class Calendar;

namespace detail {
class CalendarState;
const CalendarState& state_of(const Calendar& calendar) noexcept;
}  // namespace detail

struct CalendarComposition;

class Calendar {
 public:
  /// Validates and compiles `definition`. Throws InvalidArgument naming the
  /// bad value: an unknown zone, a period whose closing equals its opening,
  /// an impossible date (Feb 30), or no working time at all.
  ///
  /// Every operation below that takes an instant throws RangeError when it
  /// lies outside [kSupportedBegin, kSupportedEnd), and nothing else unless
  /// it says so.
  explicit Calendar(const CalendarDefinition& definition);

  /// A calendar open when any of `parts` is open. `zone` (an IANA name) says
  /// which local dates are its business days; empty means the first part's.
  /// Throws InvalidArgument without parts or for an unknown zone.
  [[nodiscard]] static Calendar union_of(std::string name, std::vector<Calendar> parts,
                                         std::string zone = {});
  /// A calendar open when every one of `parts` is open; as union_of otherwise.
  [[nodiscard]] static Calendar intersection_of(std::string name, std::vector<Calendar> parts,
                                                std::string zone = {});
  /// A calendar open when `open` is open and `minus` is not; `zone` as for union_of.
  [[nodiscard]] static Calendar difference(std::string name, Calendar open, Calendar minus,
                                           std::string zone = {});
  /// Any of the three by `op` (a difference takes exactly two parts: open,
  /// minus); throws InvalidArgument as they do, and for a difference of
  /// another number of parts.
  [[nodiscard]] static Calendar compose(std::string name, CalendarOp op,
                                        std::vector<Calendar> parts, std::string zone = {});

  [[nodiscard]] const std::string& name() const noexcept;
  [[nodiscard]] const TimeZone& zone() const noexcept;
  /// What a plain calendar was compiled from; for a composed one, only its
  /// name and zone (its hours are its parts').
  [[nodiscard]] const CalendarDefinition& definition() const noexcept;
  /// The operation and parts of a composed calendar; nullptr for a plain one.
  [[nodiscard]] const CalendarComposition* composition() const noexcept;

  /// This calendar with its weekly hours, holidays and dated rules read in
  /// `zone` (an IANA name) instead of its own: "4 business hours in the
  /// customer's local time" is cal.in_zone(customer_zone).add(t, 4h). A
  /// composed calendar re-reads every part in `zone` and takes it as its own.
  /// An empty `zone`, or the calendar's own, gives this calendar.
  ///
  /// Each zone's variant is compiled on first use and kept: later calls
  /// return the same object, without a lock, from any thread. It lives as
  /// long as this calendar (or a copy of it) does. Throws InvalidArgument for
  /// an unknown zone, naming the calendar and the zone.
  [[nodiscard]] const Calendar& in_zone(std::string_view zone) const;

  /// The instant at which `business` time has passed, counting from `start`.
  /// A start outside working time counts from the next opening; a result that
  /// lands on a closing time is that closing time; add(t, 0s) is the first
  /// business instant at or after t. A negative duration subtracts.
  /// Throws RangeError when the result lies outside the supported range.
  [[nodiscard]] Instant add(Instant start, Seconds business) const;

  /// The latest instant s with elapsed(s, end) == business: the mirror of add.
  /// An end outside working time counts back from the previous closing; a
  /// result that lands on an opening time is that opening time. Throws
  /// RangeError when the result lies before the supported range.
  [[nodiscard]] Instant subtract(Instant end, Seconds business) const;

  /// Business time in [a, b); when b < a, minus the business time in [b, a).
  [[nodiscard]] Seconds elapsed(Instant a, Instant b) const;

  /// The business time of each interval between consecutive instants:
  /// out[i] == elapsed(instants[i], instants[i + 1]), each instant looked up
  /// once (a ticket's history, measured step by step). Throws InvalidArgument
  /// unless out has one element fewer than instants (or both are empty).
  void elapsed_between(std::span<const Instant> instants, std::span<Seconds> out) const;

  /// True when t lies in an open period (periods are half-open: [open, close)).
  [[nodiscard]] bool is_open(Instant t) const;

  /// The first instant at or after t at which the calendar is open (t itself
  /// when open); nullopt when it never opens again within the supported range.
  [[nodiscard]] std::optional<Instant> next_open(Instant t) const;

  /// The first instant at or after t at which the calendar is closed (t itself
  /// when closed); nullopt when it stays open to the end of the supported range.
  [[nodiscard]] std::optional<Instant> next_close(Instant t) const;

  /// The open intervals within [from, to), clipped to it; touching periods
  /// come back as one interval.
  [[nodiscard]] std::vector<Interval> open_intervals(Instant from, Instant to) const;

  /// True when at least one period opens on this local date (for a composed
  /// calendar: when it is open at some instant of the date in its zone). Throws
  /// InvalidArgument for an impossible date and RangeError outside 1970-2100.
  [[nodiscard]] bool is_business_day(std::chrono::year_month_day date) const;

  /// For n > 0 the n-th business day strictly after `date`; for n < 0 the
  /// |n|-th strictly before it; for n == 0 the first business day on or
  /// after it. Throws InvalidArgument for an impossible date and RangeError
  /// outside the years 1970-2100.
  [[nodiscard]] std::chrono::year_month_day add_business_days(std::chrono::year_month_day date,
                                                              int n) const;

  /// The holidays of one year (by the date they close), observed shifts
  /// included, sorted by date. Dated overrides are not holidays. A composed
  /// calendar lists its parts' holidays (duplicates dropped). Any year may
  /// be asked for: no RangeError.
  [[nodiscard]] std::vector<Holiday> holidays(int year) const;

  /// Bytes held by the compiled blocks built so far. Blocks are built per
  /// year on first use; a Monday-to-Friday calendar costs about 5 KiB for
  /// each year it is used in (docs/benchmarks.md). A composed calendar
  /// counts its own blocks, not its parts', which report their own.
  [[nodiscard]] std::size_t compiled_bytes() const;

 private:
  explicit Calendar(std::shared_ptr<const detail::CalendarState> state);
  [[nodiscard]] Calendar rezoned(std::string_view zone) const;
  friend const detail::CalendarState& detail::state_of(const Calendar& calendar) noexcept;

  std::shared_ptr<const detail::CalendarState> state_;
};

/// What a composed calendar is made of (docs/semantics.md, "Composed calendars").
struct CalendarComposition {
  CalendarOp op = CalendarOp::union_of;
  std::vector<Calendar> parts{};  ///< two for a difference: open, minus
};

}  // namespace slakit
