#include "errors.hpp"

#include <fmt/format.h>

#include <string>

namespace slakit::python {
namespace {

// The exception classes, created once at import and kept for the life of
// the interpreter (module objects are never unloaded).
struct Classes {
  PyObject* error = nullptr;
  PyObject* rule_error = nullptr;
  PyObject* invalid_argument = nullptr;
  PyObject* ticket_error = nullptr;
  PyObject* range_error = nullptr;
};
Classes classes;

PyObject* make_class(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  const std::string qualified = std::string{"slakit."} + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (cls == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(cls));
  return cls;
}

py::handle h(PyObject* p) {
  return py::handle{p};
}

}  // namespace

void register_errors(py::module_& m) {
  classes.error = make_class(m, "Error", py::make_tuple(h(PyExc_Exception)),
                             "Base of every exception slakit raises.");
  classes.rule_error =
      make_class(m, "RuleError", py::make_tuple(h(classes.error), h(PyExc_ValueError)),
                 "Rule text with errors. str() reads like `slakit check`; .diagnostics holds "
                 "every diagnostic (file, line, column, code, severity, message).");
  classes.invalid_argument =
      make_class(m, "InvalidArgument", py::make_tuple(h(classes.error), h(PyExc_ValueError)),
                 "A value passed to slakit is invalid: an unknown zone, an impossible date.");
  classes.ticket_error = make_class(m, "TicketError", py::make_tuple(h(classes.invalid_argument)),
                                    "Bad ticket data; the message names the ticket and the key.");
  classes.range_error =
      make_class(m, "RangeError", py::make_tuple(h(classes.error), h(PyExc_ValueError)),
                 "An instant or a result outside the supported range [1970, 2101).");

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const CompileError& e) {
      PyErr_SetString(classes.rule_error, e.what());
    } catch (const TicketError& e) {
      PyErr_SetString(classes.ticket_error, e.what());
    } catch (const InvalidArgument& e) {
      PyErr_SetString(classes.invalid_argument, e.what());
    } catch (const RangeError& e) {
      PyErr_SetString(classes.range_error, e.what());
    } catch (const Error& e) {
      PyErr_SetString(classes.error, e.what());
    }
    // Anything else (std::bad_alloc, std::out_of_range...) falls through to
    // pybind11's own translation (MemoryError, IndexError, RuntimeError).
  });

  using D = DiagnosticInfo;
  py::class_<D>(m, "Diagnostic", "One problem in rule text; positions are 1-based (0: unknown).")
      .def(py::init<std::string, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t,
                    std::string, std::string, std::string>(),
           py::arg("file"), py::arg("line"), py::arg("column"), py::arg("end_line"),
           py::arg("end_column"), py::arg("severity"), py::arg("code"), py::arg("message"))
      .def_readonly("file", &D::file)
      .def_readonly("line", &D::line)
      .def_readonly("column", &D::column)
      .def_readonly("end_line", &D::end_line)
      .def_readonly("end_column", &D::end_column)
      .def_readonly("severity", &D::severity, "\"error\" or \"warning\"")
      .def_readonly("code", &D::code, "stable code, such as \"E0101\" (docs/language.md)")
      .def_readonly("message", &D::message)
      .def("__eq__", [](const D& a, const D& b) { return a == b; })
      .def("__repr__",
           [](const D& d) {
             return fmt::format("Diagnostic({}:{}:{}: {}[{}]: {})", d.file, d.line, d.column,
                                d.severity, d.code, d.message);
           })
      .def(py::pickle(
          [](const D& d) {
            return py::make_tuple(d.file, d.line, d.column, d.end_line, d.end_column, d.severity,
                                  d.code, d.message);
          },
          [](const py::tuple& t) {
            return D{t[0].cast<std::string>(),   t[1].cast<std::uint32_t>(),
                     t[2].cast<std::uint32_t>(), t[3].cast<std::uint32_t>(),
                     t[4].cast<std::uint32_t>(), t[5].cast<std::string>(),
                     t[6].cast<std::string>(),   t[7].cast<std::string>()};
          }));
}

DiagnosticInfo diagnostic_info(const Diagnostic& d, const SourceMap& sources) {
  const bool known = d.span.file < sources.size();
  const auto begin = known ? sources.position(d.span) : SourcePosition{};
  const auto end = known ? sources.end_position(d.span) : SourcePosition{};
  return {known ? sources.file(d.span.file).path : std::string{},
          begin.line,
          begin.column,
          end.line,
          end.column,
          d.severity == Severity::error ? "error" : "warning",
          d.code,
          d.message};
}

void raise_rule_error(const CompileResult& result) {
  std::string rendered;
  py::list diagnostics;
  for (const auto& d : result.diagnostics) {
    rendered += render_text(d, *result.sources);
    diagnostics.append(py::cast(diagnostic_info(d, *result.sources)));
  }
  while (!rendered.empty() && rendered.back() == '\n') rendered.pop_back();
  const py::object error = py::reinterpret_borrow<py::object>(classes.rule_error)(rendered);
  error.attr("diagnostics") = diagnostics;
  PyErr_SetObject(classes.rule_error, error.ptr());
  throw py::error_already_set();
}

}  // namespace slakit::python
