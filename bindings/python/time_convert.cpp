// The only file that uses CPython's datetime C API: PyDateTime_IMPORT fills
// a pointer that is static to each translation unit.
#include "time_convert.hpp"

#include <datetime.h>
#include <fmt/format.h>
#include <slakit/error.hpp>

namespace slakit::python {
namespace {

using namespace std::chrono;

void import_datetime() {
  if (PyDateTimeAPI == nullptr) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();
  }
}

// Floor division: microseconds before 1970 still floor toward the past.
long long floor_div(long long a, long long b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

long long timedelta_microseconds(PyObject* td) {
  return (static_cast<long long>(PyDateTime_DELTA_GET_DAYS(td)) * 86400 +
          PyDateTime_DELTA_GET_SECONDS(td)) *
             1'000'000 +
         PyDateTime_DELTA_GET_MICROSECONDS(td);
}

}  // namespace

bool is_datetime(py::handle obj) {
  import_datetime();
  return PyDateTime_Check(obj.ptr());
}

bool is_date(py::handle obj) {
  import_datetime();
  return PyDate_Check(obj.ptr()) && !PyDateTime_Check(obj.ptr());
}

bool is_timedelta(py::handle obj) {
  import_datetime();
  return PyDelta_Check(obj.ptr());
}

Instant to_instant(py::handle obj, const TimeZone* local_zone, bool takes_local) {
  if (!is_datetime(obj)) {
    throw py::type_error(fmt::format("expected a datetime.datetime, got {}",
                                     py::str(obj.get_type()).cast<std::string>()));
  }
  PyObject* dt = obj.ptr();
  const local_days day{year{PyDateTime_GET_YEAR(dt)} /
                       static_cast<unsigned>(PyDateTime_GET_MONTH(dt)) /
                       static_cast<unsigned>(PyDateTime_GET_DAY(dt))};
  // The wall clock in microseconds, floored to whole seconds only at the
  // end so that an offset with microseconds (rare, allowed) stays exact.
  const long long wall_us =
      (duration_cast<seconds>(day.time_since_epoch()).count() +
       PyDateTime_DATE_GET_HOUR(dt) * 3600LL + PyDateTime_DATE_GET_MINUTE(dt) * 60LL +
       PyDateTime_DATE_GET_SECOND(dt)) *
          1'000'000 +
      PyDateTime_DATE_GET_MICROSECOND(dt);
  const py::object offset = obj.attr("utcoffset")();
  if (offset.is_none()) {
    if (local_zone == nullptr) {
      // Only a calendar method takes local=; elsewhere (evaluate's `now`,
      // a ticket's instants) suggesting it would point at no argument.
      throw py::value_error(
          fmt::format("naive datetime {}: give it a tzinfo (zoneinfo.ZoneInfo){}",
                      py::str(obj).cast<std::string>(),
                      takes_local ? " or pass local=True to read it in the calendar's zone" : ""));
    }
    return local_zone->resolve(LocalSeconds{seconds{floor_div(wall_us, 1'000'000)}}).instant;
  }
  return Instant{seconds{floor_div(wall_us - timedelta_microseconds(offset.ptr()), 1'000'000)}};
}

py::object from_instant(Instant t) {
  import_datetime();
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> hms{t - day};
  PyObject* out = PyDateTimeAPI->DateTime_FromDateAndTime(
      static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
      static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(hms.hours().count()),
      static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()), 0,
      PyDateTime_TimeZone_UTC, PyDateTimeAPI->DateTimeType);
  if (out == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(out);
}

long long to_integer(py::handle obj, std::string_view what) {
  int overflow = 0;
  const long long n = PyLong_AsLongLongAndOverflow(obj.ptr(), &overflow);
  if (n == -1 && PyErr_Occurred() != nullptr) throw py::error_already_set();
  if (overflow != 0) {
    throw RangeError(fmt::format("{} {} is out of range: slakit computes within 1970 to 2100", what,
                                 py::str(obj).cast<std::string>()));
  }
  return n;
}

Seconds to_seconds(py::handle obj) {
  if (!is_timedelta(obj)) return Seconds{to_integer(obj, "duration")};
  // In seconds first: the largest timedelta (999999999 days) overflows a
  // count of microseconds.
  PyObject* td = obj.ptr();
  if (PyDateTime_DELTA_GET_MICROSECONDS(td) != 0) {
    throw py::value_error(
        fmt::format("duration {}: slakit counts whole seconds", py::str(obj).cast<std::string>()));
  }
  return Seconds{static_cast<long long>(PyDateTime_DELTA_GET_DAYS(td)) * 86400 +
                 PyDateTime_DELTA_GET_SECONDS(td)};
}

py::object from_seconds(Seconds s) {
  import_datetime();
  const long long n = s.count();
  const long long d = floor_div(n, 86400);
  PyObject* out = PyDelta_FromDSU(static_cast<int>(d), static_cast<int>(n - d * 86400), 0);
  if (out == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(out);
}

std::chrono::year_month_day to_date(py::handle obj) {
  if (!is_date(obj)) {
    throw py::type_error(fmt::format("expected a datetime.date, got {}",
                                     py::str(obj.get_type()).cast<std::string>()));
  }
  PyObject* d = obj.ptr();
  return year{PyDateTime_GET_YEAR(d)} / static_cast<unsigned>(PyDateTime_GET_MONTH(d)) /
         static_cast<unsigned>(PyDateTime_GET_DAY(d));
}

py::object from_date(std::chrono::year_month_day d) {
  import_datetime();
  PyObject* out = PyDate_FromDate(static_cast<int>(d.year()),
                                  static_cast<int>(static_cast<unsigned>(d.month())),
                                  static_cast<int>(static_cast<unsigned>(d.day())));
  if (out == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(out);
}

}  // namespace slakit::python
