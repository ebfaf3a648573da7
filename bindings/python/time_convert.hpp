// Python's datetime, timedelta and date to slakit's instants, durations and
// dates and back, exactly: by integer arithmetic on the fields and
// utcoffset(), never through timestamp() or the C library's local time
// (pybind11's own chrono caster goes through mktime and drops tzinfo,
// pybind/pybind11#1638; never include pybind11/chrono.h next to this).
//
// Decisions (docs/python.md, "Time"): instants come back as UTC-aware
// datetimes; a naive datetime is a ValueError unless a calendar reads it in
// its zone (gap: the instant the clock jumps, overlap: the first pass);
// microseconds are dropped (floored), as slakit counts whole seconds; a
// duration must be whole seconds.
#pragma once

#include <pybind11/pybind11.h>
#include <slakit/time/time_zone.hpp>

#include <chrono>
#include <string_view>

namespace slakit::python {

namespace py = pybind11;

/// True for a datetime.datetime (aware or naive).
[[nodiscard]] bool is_datetime(py::handle obj);
/// True for a datetime.date that is not a datetime.
[[nodiscard]] bool is_date(py::handle obj);
[[nodiscard]] bool is_timedelta(py::handle obj);

/// An aware datetime's instant. A naive one is read in `local_zone` when
/// given, else raises ValueError (suggesting local=True when the call takes
/// it: `takes_local`). Raises TypeError for anything else.
[[nodiscard]] Instant to_instant(py::handle obj, const TimeZone* local_zone,
                                 bool takes_local = false);
/// A UTC-aware datetime.
[[nodiscard]] py::object from_instant(Instant t);

/// A Python int as a long long; slakit::RangeError naming `what` and the
/// value for one past 64 bits (pybind11's own cast would raise a bare
/// RuntimeError).
[[nodiscard]] long long to_integer(py::handle obj, std::string_view what);

/// A timedelta (or an int of seconds) as whole seconds; ValueError for a
/// fraction of a second, RangeError for an int past 64 bits.
[[nodiscard]] Seconds to_seconds(py::handle obj);
[[nodiscard]] py::object from_seconds(Seconds s);

[[nodiscard]] std::chrono::year_month_day to_date(py::handle obj);
[[nodiscard]] py::object from_date(std::chrono::year_month_day d);

/// A datetime argument whose reading (aware only, or naive in a calendar's
/// zone) is decided by the call's `local=` flag.
struct DateTimeArg {
  py::object obj;
};

}  // namespace slakit::python

namespace pybind11::detail {

template <>
struct type_caster<slakit::Instant> {
  PYBIND11_TYPE_CASTER(slakit::Instant, const_name("datetime.datetime"));
  bool load(handle src, bool) {
    if (!slakit::python::is_datetime(src)) return false;
    value = slakit::python::to_instant(src, nullptr);
    return true;
  }
  static handle cast(slakit::Instant t, return_value_policy, handle) {
    return slakit::python::from_instant(t).release();
  }
};

template <>
struct type_caster<slakit::python::DateTimeArg> {
  PYBIND11_TYPE_CASTER(slakit::python::DateTimeArg, const_name("datetime.datetime"));
  bool load(handle src, bool) {
    if (!slakit::python::is_datetime(src)) return false;
    value.obj = reinterpret_borrow<object>(src);
    return true;
  }
  static handle cast(const slakit::python::DateTimeArg& v, return_value_policy, handle) {
    return v.obj.inc_ref();
  }
};

template <>
struct type_caster<slakit::Seconds> {
  PYBIND11_TYPE_CASTER(slakit::Seconds, const_name("datetime.timedelta"));
  bool load(handle src, bool) {
    const bool integer = PyLong_Check(src.ptr()) && !PyBool_Check(src.ptr());
    if (!integer && !slakit::python::is_timedelta(src)) return false;
    value = slakit::python::to_seconds(src);
    return true;
  }
  static handle cast(slakit::Seconds s, return_value_policy, handle) {
    return slakit::python::from_seconds(s).release();
  }
};

template <>
struct type_caster<std::chrono::year_month_day> {
  PYBIND11_TYPE_CASTER(std::chrono::year_month_day, const_name("datetime.date"));
  bool load(handle src, bool) {
    if (!slakit::python::is_date(src)) return false;
    value = slakit::python::to_date(src);
    return true;
  }
  static handle cast(std::chrono::year_month_day d, return_value_policy, handle) {
    return slakit::python::from_date(d).release();
  }
};

}  // namespace pybind11::detail
