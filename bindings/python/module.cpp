// slakit._core: the compiled half of the slakit Python package. Each area
// registers itself from its own file (boost-histogram's layout); the
// package slakit/ wraps this module and is what users import.
#include <pybind11/pybind11.h>

#include "errors.hpp"
#include "rule_bundle.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "slakit's compiled core; import slakit instead.";
  slakit::python::register_errors(m);
  slakit::python::register_rules(m);
  slakit::python::register_calendar(m);
  slakit::python::register_vectorized(m);
  slakit::python::register_records(m);
  slakit::python::register_columns(m);
  slakit::python::register_frame_columns(m);
}
