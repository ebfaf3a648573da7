// Routing a data frame by its columns (slakit::route_columns; docs/python.md,
// "Routing a data frame by its columns"). The Python layer hands over each
// column as numpy arrays: texts as codes into their distinct values (a
// Categorical's, or pandas.factorize's), numbers as float64 with NaN for
// none, bools as int8 with -1 for none. Back come the row's outcome index,
// the distinct outcomes and the failed rows; the Python layer builds the
// result frame from them without a Python object per row.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <slakit/error.hpp>
#include <slakit/routing/route_columns.hpp>

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rule_bundle.hpp"
#include "support/utf8.hpp"

namespace slakit::python {
namespace {

using Codes = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;
using Numbers = py::array_t<double, py::array::c_style | py::array::forcecast>;
using Flags = py::array_t<std::int8_t, py::array::c_style | py::array::forcecast>;

// What the columns view, kept alive for the call.
struct Held {
  std::deque<std::vector<std::string>> texts;
  std::deque<std::vector<std::string_view>> views;
  std::deque<std::vector<FieldValue>> values;
  std::vector<py::array> arrays;

  std::span<const std::string_view> strings(const py::list& items) {
    auto& owned = texts.emplace_back();
    for (const auto& item : items) owned.push_back(item.cast<std::string>());
    auto& v = views.emplace_back(owned.begin(), owned.end());
    return v;
  }
};

py::dict routing_dict(const Routing& r) {
  auto text = [](const std::optional<std::string>& s) {
    return s ? py::object{py::str(*s)} : py::object{py::none()};
  };
  py::list relaxed;
  for (const auto& x : r.relaxed) {
    relaxed.append(py::make_tuple(
        x.skill,
        std::chrono::duration_cast<std::chrono::seconds>(x.drops_at.time_since_epoch()).count()));
  }
  py::dict d;
  d["queue"] = text(r.queue);
  d["team"] = text(r.team);
  d["priority"] = text(r.priority);
  d["sla"] = text(r.sla);
  d["rule"] = text(r.rule);
  d["skills"] = py::cast(r.skills);
  d["relaxed_skills"] = relaxed;
  d["tags"] = py::cast(r.tags);
  d["rules"] = py::cast(r.rules);
  return d;
}

// columns: [(path, "categories", codes, [str]) | (path, "numbers", float64)
// | (path, "flags", int8)]; ids: [str] or None.
py::tuple route_columns_py(const Bundle& bundle, std::size_t rows, const py::list& columns,
                           const std::optional<py::list>& ids) {
  Held held;
  TicketColumns table(rows);
  for (const auto& item : columns) {
    const auto spec = item.cast<py::tuple>();
    const auto path = spec[0].cast<std::string>();
    const auto kind = spec[1].cast<std::string>();
    if (kind == "categories") {
      auto codes = spec[2].cast<Codes>();
      held.arrays.push_back(codes);
      table.categories(path, {codes.data(), static_cast<std::size_t>(codes.size())},
                       held.strings(spec[3].cast<py::list>()));
    } else if (kind == "numbers") {
      auto numbers = spec[2].cast<Numbers>();
      held.arrays.push_back(numbers);
      table.numbers(path, {numbers.data(), static_cast<std::size_t>(numbers.size())});
    } else if (kind == "flags") {
      const auto flags = spec[2].cast<Flags>();
      auto& values = held.values.emplace_back();
      for (py::ssize_t i = 0; i < flags.size(); ++i) {
        const auto f = flags.data()[i];
        values.push_back(f < 0 ? FieldValue{} : FieldValue{f != 0});
      }
      table.values(path, values);
    } else {
      throw InvalidArgument("column " + detail::quoted(path) + ": unknown kind " +
                            detail::quoted(kind));
    }
  }
  if (ids) table.ids(held.strings(*ids));
  ColumnRouting out;
  {
    py::gil_scoped_release release;
    route_columns(bundle->rules, table, out);
  }
  py::array_t<std::uint32_t> outcome(static_cast<py::ssize_t>(rows));
  std::copy(out.outcome.begin(), out.outcome.end(), outcome.mutable_data());
  py::list routings, failures;
  for (const auto& r : out.routings) routings.append(routing_dict(r));
  for (const auto& f : out.failures) failures.append(py::make_tuple(f.row, f.message));
  return py::make_tuple(outcome, routings, failures);
}

}  // namespace

void register_columns(py::module_& m) {
  m.def("_route_columns", &route_columns_py, py::arg("rules"), py::arg("rows"), py::arg("columns"),
        py::arg("ids") = std::nullopt,
        "Routing of tickets as columns: (outcome per row, distinct routings, failures).");
}

}  // namespace slakit::python
