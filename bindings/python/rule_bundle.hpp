// What the Python objects hold: a compiled RuleSet with the texts it came
// from, so that a RuleSet (and a Calendar of it) pickles by its sources and
// compiles again on the other side (a Dask worker), includes and all.
#pragma once

#include <pybind11/pybind11.h>
#include <slakit/slakit.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "errors.hpp"

namespace slakit::python {

namespace py = pybind11;

/// (path, identity) of every path the host identified (CompileOptions::identify).
using Identities = std::vector<std::pair<std::string, std::string>>;

struct RuleBundle {
  RuleSet rules;
  std::vector<RuleSource> roots;         ///< the files compiled, as given
  std::vector<RuleSource> files;         ///< every file read, included ones too
  std::vector<DiagnosticInfo> warnings;  ///< of the compilation (it had no error)
  Identities identities;                 ///< for a pickle: which paths were one file
};
// Never changed once made: shared by every object made from it.
using Bundle = std::shared_ptr<RuleBundle>;

/// Compiles `roots`; `loader(path) -> str | None` reads an included file
/// (None: no includes), `identify(path) -> str | None` names the file a
/// path reaches (None: paths compared as written). Raises slakit.RuleError
/// on errors.
[[nodiscard]] Bundle compile_bundle(std::vector<RuleSource> roots, const py::object& loader,
                                    const py::object& identify);

/// The same from a pickled state: includes are served from `files`, and
/// paths are one file as `identities` recorded.
[[nodiscard]] Bundle compile_bundle(std::vector<RuleSource> roots,
                                    const std::vector<RuleSource>& files,
                                    const Identities& identities);

/// A calendar of a rule set; it keeps the rule set for pickling.
struct PyCalendar {
  Bundle bundle;
  Calendar calendar;
};

/// The calendar `name` of `bundle`; KeyError naming it and the calendars
/// there are otherwise.
[[nodiscard]] PyCalendar calendar_of(const Bundle& bundle, const std::string& name);

void register_rules(py::module_& m);
void register_calendar(py::module_& m);
void register_vectorized(py::module_& m);
void register_records(py::module_& m);
void register_columns(py::module_& m);
void register_frame_columns(py::module_& m);

}  // namespace slakit::python
