// The vectorized calendar operations: whole arrays of instants and
// durations in one call, the loop in C++ with the GIL released.
//
// The pure-Python layer (slakit/_vectorized.py) turns numpy datetime64 /
// timedelta64 arrays and pandas Series into int64 arrays plus their units,
// so this file sees only integers: an instant is a count of `unit`s since
// 1970 (floored to whole seconds here), NaT is INT64_MIN and stays NaT.
#include <fmt/format.h>
#include <pybind11/numpy.h>

#include <cstdint>
#include <limits>

#include "rule_bundle.hpp"

namespace slakit::python {
namespace {

using Array = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
constexpr std::int64_t kNaT = std::numeric_limits<std::int64_t>::min();

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Reading one element of an input with its unit (counts per second).
struct Input {
  const std::int64_t* data;
  std::size_t size;
  std::int64_t per_second;
  [[nodiscard]] std::int64_t at(std::size_t i) const { return data[size == 1 ? 0 : i]; }
};

Input input(const Array& a, std::int64_t per_second, const char* what) {
  if (a.ndim() != 1) throw py::value_error(fmt::format("{}: expected a 1-d array", what));
  if (per_second <= 0) throw py::value_error(fmt::format("{}: bad unit", what));
  return {a.data(), static_cast<std::size_t>(a.size()), per_second};
}

std::size_t common_size(const Input& a, const Input& b) {
  if (a.size != b.size && a.size != 1 && b.size != 1) {
    throw py::value_error(fmt::format("arrays of different lengths: {} and {}", a.size, b.size));
  }
  return a.size == 1 ? b.size : a.size;
}

// Runs `op(i)` for every element with the GIL released: the loop touches
// only the arrays' buffers (kept alive by the caller's references for the
// whole call) and the immutable calendar, never a Python object. An error
// names the element; the first one stops the loop.
template <class Op>
void for_each(std::size_t n, Op op) {
  py::gil_scoped_release release;
  for (std::size_t i = 0; i < n; ++i) {
    try {
      op(i);
    } catch (const RangeError& e) {
      throw RangeError(fmt::format("element {}: {}", i, e.what()));
    } catch (const InvalidArgument& e) {
      throw InvalidArgument(fmt::format("element {}: {}", i, e.what()));
    }
  }
}

// Seconds need no division (the common case, and a division costs about as
// much as a quarter of an add).
Instant instant(std::int64_t v, std::int64_t per_second) {
  return Instant{Seconds{per_second == 1 ? v : floor_div(v, per_second)}};
}

Seconds duration(std::int64_t v, std::int64_t per_second, std::size_t i) {
  if (per_second == 1) return Seconds{v};
  if (v % per_second != 0) {
    throw InvalidArgument(fmt::format("duration at {}: slakit counts whole seconds", i));
  }
  return Seconds{v / per_second};
}

// add (sign 1) and subtract (sign -1): instants out, in seconds.
Array shift(const PyCalendar& c, const Array& starts, std::int64_t start_unit,
            const Array& durations, std::int64_t duration_unit, bool subtract) {
  const auto s = input(starts, start_unit, "starts");
  const auto d = input(durations, duration_unit, "durations");
  const auto n = common_size(s, d);
  Array out(static_cast<py::ssize_t>(n));
  std::int64_t* o = out.mutable_data();
  for_each(n, [&](std::size_t i) {
    const auto t = s.at(i), b = d.at(i);
    if (t == kNaT || b == kNaT) {
      o[i] = kNaT;
      return;
    }
    const auto from = instant(t, s.per_second);
    const auto by = duration(b, d.per_second, i);
    o[i] = (subtract ? c.calendar.subtract(from, by) : c.calendar.add(from, by))
               .time_since_epoch()
               .count();
  });
  return out;
}

}  // namespace

void register_vectorized(py::module_& m) {
  m.def(
      "_add_many",
      [](const PyCalendar& c, const Array& starts, std::int64_t start_unit, const Array& durations,
         std::int64_t duration_unit) {
        return shift(c, starts, start_unit, durations, duration_unit, false);
      },
      py::arg("calendar"), py::arg("starts"), py::arg("start_unit"), py::arg("durations"),
      py::arg("duration_unit"));
  m.def(
      "_subtract_many",
      [](const PyCalendar& c, const Array& ends, std::int64_t end_unit, const Array& durations,
         std::int64_t duration_unit) {
        return shift(c, ends, end_unit, durations, duration_unit, true);
      },
      py::arg("calendar"), py::arg("ends"), py::arg("end_unit"), py::arg("durations"),
      py::arg("duration_unit"));
  m.def(
      "_elapsed_many",
      [](const PyCalendar& c, const Array& a, std::int64_t a_unit, const Array& b,
         std::int64_t b_unit) {
        const auto x = input(a, a_unit, "a");
        const auto y = input(b, b_unit, "b");
        const auto n = common_size(x, y);
        Array out(static_cast<py::ssize_t>(n));
        std::int64_t* o = out.mutable_data();
        for_each(n, [&](std::size_t i) {
          const auto u = x.at(i), v = y.at(i);
          o[i] =
              u == kNaT || v == kNaT
                  ? kNaT
                  : c.calendar.elapsed(instant(u, x.per_second), instant(v, y.per_second)).count();
        });
        return out;
      },
      py::arg("calendar"), py::arg("a"), py::arg("a_unit"), py::arg("b"), py::arg("b_unit"));
  m.def(
      "_is_open_many",
      [](const PyCalendar& c, const Array& t, std::int64_t unit) {
        const auto x = input(t, unit, "t");
        py::array_t<bool> out(static_cast<py::ssize_t>(x.size));
        bool* o = out.mutable_data();
        for_each(x.size, [&](std::size_t i) {
          const auto v = x.at(i);
          o[i] = v != kNaT && c.calendar.is_open(instant(v, x.per_second));
        });
        return out;
      },
      py::arg("calendar"), py::arg("t"), py::arg("unit"));
}

}  // namespace slakit::python
