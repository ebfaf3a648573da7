// slakit.Calendar: business-time arithmetic with datetime, timedelta and
// date (time_convert.hpp has the conversions and their rules).
#include <fmt/format.h>
#include <pybind11/stl.h>
#include <slakit/error.hpp>
#include <slakit/time/civil.hpp>
#include <slakit/time/instant.hpp>

#include <limits>

#include "rule_bundle.hpp"
#include "time_convert.hpp"

namespace slakit::python {
namespace {

// A datetime argument: aware, or naive when the call says local=True (read
// in the calendar's zone).
Instant at(const PyCalendar& c, const DateTimeArg& t, bool local) {
  return to_instant(t.obj, local ? &c.calendar.zone() : nullptr, true);
}

// The supported years, as slakit::kSupportedBegin and kSupportedEnd bound them.
constexpr int kFirstYear = 1970;
constexpr int kLastYear = 2100;
static_assert(std::chrono::sys_days{std::chrono::year{kFirstYear} / 1 / 1} == kSupportedBegin);
static_assert(std::chrono::sys_days{std::chrono::year{kLastYear + 1} / 1 / 1} == kSupportedEnd);

// A count of business days: a Python int of any size. One past int's range
// lies beyond the supported years whatever the calendar (they hold fewer
// than 50,000 days), so it is the RangeError the library gives for them.
int business_days(const py::int_& n, std::chrono::year_month_day day) {
  const long long v = to_integer(n, "business days");
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
    throw RangeError(fmt::format("{} business days from {}: outside the supported years {} to {}",
                                 v, format_date(day), kFirstYear, kLastYear));
  }
  return static_cast<int>(v);
}

constexpr const char* kLocalDoc =
    "\n\nDatetimes must be timezone-aware; with local=True a naive one is read in the "
    "calendar's zone (a time in a DST gap is the instant the clock jumps, a repeated time its "
    "first pass). Microseconds are dropped. Results are UTC-aware datetimes. Raises ValueError "
    "for a naive datetime without local=True, slakit.RangeError outside 1970-2100.";

std::string doc(const char* what) {
  return std::string{what} + kLocalDoc;
}

}  // namespace

void register_calendar(py::module_& m) {
  using C = PyCalendar;
  py::class_<C>(m, "Calendar",
                "A business calendar of a RuleSet (rules.calendar(name)): immutable, shared "
                "freely between threads, pickled as its rule set and name.")
      .def_property_readonly(
          "name", [](const C& c) { return c.calendar.name(); }, "The calendar's name.")
      .def_property_readonly(
          "zone", [](const C& c) { return c.calendar.zone().name(); },
          "The IANA zone its hours are in, as a zoneinfo key (\"Europe/Berlin\").")
      .def_property_readonly(
          "rules", [](const C& c) { return c.bundle; }, "The RuleSet the calendar belongs to.")
      .def(
          "add",
          [](const C& c, const DateTimeArg& start, Seconds business, bool local) {
            return c.calendar.add(at(c, start, local), business);
          },
          py::arg("start"), py::arg("business"), py::kw_only(), py::arg("local") = false,
          doc("The instant at which `business` time (a timedelta, or int seconds) has passed, "
              "counting from `start`. A start outside working time counts from the next "
              "opening; a negative duration subtracts.")
              .c_str())
      .def(
          "subtract",
          [](const C& c, const DateTimeArg& end, Seconds business, bool local) {
            return c.calendar.subtract(at(c, end, local), business);
          },
          py::arg("end"), py::arg("business"), py::kw_only(), py::arg("local") = false,
          doc("The latest instant s with elapsed(s, end) == business: the mirror of add.").c_str())
      .def(
          "elapsed",
          [](const C& c, const DateTimeArg& a, const DateTimeArg& b, bool local) {
            return c.calendar.elapsed(at(c, a, local), at(c, b, local));
          },
          py::arg("a"), py::arg("b"), py::kw_only(), py::arg("local") = false,
          doc("Business time in [a, b) as a timedelta; negative when b < a.").c_str())
      .def(
          "is_open",
          [](const C& c, const DateTimeArg& t, bool local) {
            return c.calendar.is_open(at(c, t, local));
          },
          py::arg("t"), py::kw_only(), py::arg("local") = false,
          doc("True when t lies in an open period (periods are half-open).").c_str())
      .def(
          "next_open",
          [](const C& c, const DateTimeArg& t, bool local) {
            return c.calendar.next_open(at(c, t, local));
          },
          py::arg("t"), py::kw_only(), py::arg("local") = false,
          doc("The first instant at or after t when the calendar is open (t itself when open); "
              "None when it never opens again before 2101.")
              .c_str())
      .def(
          "next_close",
          [](const C& c, const DateTimeArg& t, bool local) {
            return c.calendar.next_close(at(c, t, local));
          },
          py::arg("t"), py::kw_only(), py::arg("local") = false,
          doc("The first instant at or after t when the calendar is closed (t itself when "
              "closed); None when it stays open to 2101.")
              .c_str())
      .def(
          "open_intervals",
          [](const C& c, const DateTimeArg& from, const DateTimeArg& to, bool local) {
            std::vector<std::pair<Instant, Instant>> out;
            for (const auto& i : c.calendar.open_intervals(at(c, from, local), at(c, to, local))) {
              out.emplace_back(i.begin, i.end);
            }
            return out;
          },
          py::arg("start"), py::arg("end"), py::kw_only(), py::arg("local") = false,
          doc("The open intervals within [start, end), clipped to it, as (begin, end) pairs; "
              "touching periods come back as one.")
              .c_str())
      .def(
          "is_business_day",
          [](const C& c, std::chrono::year_month_day d) { return c.calendar.is_business_day(d); },
          py::arg("day"),
          "True when at least one period opens on this local date (a datetime.date). Raises "
          "slakit.RangeError outside 1970-2100.")
      .def(
          "add_business_days",
          [](const C& c, std::chrono::year_month_day d, const py::int_& n) {
            return c.calendar.add_business_days(d, business_days(n, d));
          },
          py::arg("day"), py::arg("n"),
          "For n > 0 the n-th business day strictly after `day` (a datetime.date); for n < 0 "
          "the |n|-th strictly before it; for n == 0 the first business day on or after it. "
          "Raises slakit.RangeError when the result lies outside 1970-2100.")
      .def(
          "holidays",
          [](const C& c, const py::int_& y) {
            const long long year = to_integer(y, "year");
            if (year < kFirstYear || year > kLastYear) {
              throw RangeError(fmt::format("year {}: outside the supported years {} to {}", year,
                                           kFirstYear, kLastYear));
            }
            std::vector<std::pair<std::chrono::year_month_day, std::string>> out;
            for (const auto& h : c.calendar.holidays(static_cast<int>(year)))
              out.emplace_back(h.date, h.name);
            return out;
          },
          py::arg("year"),
          "The holidays of one year as (date, name) pairs, observed shifts included, sorted. "
          "Raises slakit.RangeError for a year outside 1970-2100.")
      .def("__repr__",
           [](const C& c) {
             return fmt::format("<slakit.Calendar {} ({})>", c.calendar.name(),
                                c.calendar.zone().name());
           })
      .def(py::pickle([](const C& c) { return py::make_tuple(c.bundle, c.calendar.name()); },
                      [](const py::tuple& state) {
                        if (state.size() != 2)
                          throw py::value_error("not a pickled slakit.Calendar");
                        return calendar_of(state[0].cast<Bundle>(), state[1].cast<std::string>());
                      }));
}

}  // namespace slakit::python
