// slakit.RuleSet and compiling: the language's front door from Python.
#include <fmt/format.h>
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <map>

#include <slakit/testing/test_runner.hpp>

#include "errors.hpp"
#include "rule_bundle.hpp"
#include "slakit/version.hpp"

namespace slakit::python {
namespace {

Bundle compile_with(std::vector<RuleSource> roots, CompileOptions options) {
  // The identities the host gave travel with a pickle: the other side
  // reads no disk, and must take the same paths for one file.
  Identities identities;
  if (options.identify) {
    options.identify = [&identities, identify = std::move(options.identify)](
                           const std::string& path) -> std::optional<std::string> {
      auto identity = identify(path);
      if (identity) identities.emplace_back(path, *identity);
      return identity;
    };
  }
  auto result = compile(roots, options);
  if (!result.ok()) raise_rule_error(result);
  std::vector<RuleSource> files;
  const auto& map = result.rules->sources();
  for (std::size_t i = 0; i < map.size(); ++i) {
    const auto& f = map.file(static_cast<std::uint32_t>(i));
    files.push_back({f.path, f.text});
  }
  std::vector<DiagnosticInfo> warnings;
  for (const auto& d : result.diagnostics) warnings.push_back(diagnostic_info(d, *result.sources));
  return std::make_shared<RuleBundle>(RuleBundle{std::move(*result.rules), std::move(roots),
                                                 std::move(files), std::move(warnings),
                                                 std::move(identities)});
}

std::vector<std::pair<std::string, std::string>> pairs(const std::vector<RuleSource>& files) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : files) out.emplace_back(f.path, f.text);
  return out;
}

std::vector<RuleSource> sources(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::vector<RuleSource> out;
  for (const auto& [path, text] : pairs) out.push_back({path, text});
  return out;
}

}  // namespace

Bundle compile_bundle(std::vector<RuleSource> roots, const py::object& loader,
                      const py::object& identify) {
  CompileOptions options;
  if (!identify.is_none()) {
    options.identify = [&identify](const std::string& path) -> std::optional<std::string> {
      const py::object identity = identify(path);
      if (identity.is_none()) return std::nullopt;
      return identity.cast<std::string>();
    };
  }
  if (!loader.is_none()) {
    // compile() runs with the GIL held, so the loader may be called directly.
    options.load = [&loader](const std::string& path) -> std::optional<std::string> {
      const py::object text = loader(path);
      if (text.is_none()) return std::nullopt;
      return text.cast<std::string>();
    };
  }
  return compile_with(std::move(roots), options);
}

Bundle compile_bundle(std::vector<RuleSource> roots, const std::vector<RuleSource>& files,
                      const Identities& identities) {
  std::map<std::string, std::string, std::less<>> by_path;
  for (const auto& f : files) by_path.emplace(f.path, f.text);
  CompileOptions options;
  options.load = [by_path = std::move(by_path)](const std::string& path) {
    const auto it = by_path.find(path);
    return it == by_path.end() ? std::nullopt : std::optional{it->second};
  };
  if (!identities.empty()) {
    std::map<std::string, std::string, std::less<>> known(identities.begin(), identities.end());
    options.identify = [known = std::move(known)](const std::string& path) {
      const auto it = known.find(path);
      return it == known.end() ? std::nullopt : std::optional{it->second};
    };
  }
  return compile_with(std::move(roots), options);
}

PyCalendar calendar_of(const Bundle& bundle, const std::string& name) {
  const Calendar* c = bundle->rules.calendar(name);
  if (c == nullptr) {
    throw py::key_error(fmt::format("unknown calendar '{}' (the rule set has: {})", name,
                                    fmt::join(bundle->rules.calendar_names(), ", ")));
  }
  return PyCalendar{bundle, *c};
}

void register_rules(py::module_& m) {
  m.attr("__version__") = SLAKIT_VERSION_STRING;

  py::class_<RuleBundle, std::shared_ptr<RuleBundle>>(
      m, "RuleSet",
      "Everything compiled from one or more rule files: immutable, shared freely between "
      "threads, pickled by its source texts. Made by slakit.load() and slakit.loads().")
      .def(
          "calendar",
          [](const Bundle& self, const std::string& name) { return calendar_of(self, name); },
          py::arg("name"), "The calendar of that name; KeyError when there is none.")
      .def_property_readonly(
          "calendar_names", [](const RuleBundle& self) { return self.rules.calendar_names(); },
          "The names of the calendars, sorted.")
      .def_property_readonly(
          "policy_names",
          [](const RuleBundle& self) {
            std::vector<std::string> out;
            for (const auto& p : self.rules.policies()) out.push_back(p.name.text);
            return out;
          },
          "SLA and OLA policies in the order written (the first whose condition holds wins).")
      .def_property_readonly(
          "route_names",
          [](const RuleBundle& self) {
            std::vector<std::string> out;
            for (const auto& g : self.rules.route_groups()) {
              for (const auto& r : g.routes) out.push_back(r.name.text);
            }
            return out;
          },
          "Every route, group by group, in the order written.")
      .def_property_readonly(
          "test_names",
          [](const RuleBundle& self) {
            std::vector<std::string> out;
            for (const auto& t : self.rules.tests()) out.push_back(t.name.text);
            return out;
          },
          "The names of the test blocks (docs/language.md, \"Tests\"), in file order.")
      .def(
          "run_tests",
          [](const RuleBundle& self, const std::string& filter) {
            // As `slakit test` (exit 2): nothing run is no pass.
            if (self.rules.tests().empty()) throw py::value_error("the rule set has no test block");
            std::string json;
            {
              py::gil_scoped_release release;
              const auto results = run_tests(self.rules, filter);
              if (results.empty()) {
                throw py::value_error(fmt::format("no test name matches filter '{}'", filter));
              }
              json = to_json(results, self.rules.sources());
            }
            return py::module_::import("json").attr("loads")(json);
          },
          py::arg("filter") = "",
          "Runs the test blocks whose names match filter ('*' any characters, '?' one; "
          "without either, names that contain it; empty: all), as `slakit test --format json` "
          "does, and returns its object: {'tests': [{'name', 'file', 'line', 'column', "
          "'passed', 'error', 'expectations': [{'expectation', 'file', 'line', 'column', "
          "'passed', 'expected', 'actual', 'explanation'}]}], 'passed': N, 'failed': M}. Raises "
          "ValueError, as `slakit test` exits 2, when there is no test block or no name "
          "matches.")
      .def_property_readonly(
          "fields",
          [](const RuleBundle& self) {
            std::vector<std::pair<std::string, std::string>> out;
            for (const auto& f : self.rules.fields()) {
              out.emplace_back(f.path, std::string{field_type_name(f.type)});
            }
            return out;
          },
          "(path, type) of every built-in and declared field.")
      .def_property_readonly(
          "diagnostics", [](const RuleBundle& self) { return self.warnings; },
          "The warnings of the compilation (slakit.Diagnostic, as RuleError.diagnostics holds: "
          "file, line, column, end_line, end_column, severity, code, message), in file order.")
      .def_property_readonly(
          "sources", [](const RuleBundle& self) { return pairs(self.roots); },
          "(path, text) of the files compiled, as given (included files are not listed).")
      .def(py::pickle(
          [](const RuleBundle& self) {
            // The included files only: the roots' texts are there already,
            // and a large rule file would otherwise travel twice (to every
            // Dask worker).
            std::vector<RuleSource> included;
            for (const auto& f : self.files) {
              const bool root =
                  std::any_of(self.roots.begin(), self.roots.end(),
                              [&](const auto& r) { return r.path == f.path && r.text == f.text; });
              if (!root) included.push_back(f);
            }
            return py::make_tuple(SLAKIT_VERSION_STRING, pairs(self.roots), pairs(included),
                                  self.identities);
          },
          [](const py::tuple& state) {
            // Three members: pickled before the files' identities travelled.
            if (state.size() != 3 && state.size() != 4) {
              throw py::value_error("not a pickled slakit.RuleSet");
            }
            const auto roots =
                sources(state[1].cast<std::vector<std::pair<std::string, std::string>>>());
            auto files = sources(state[2].cast<std::vector<std::pair<std::string, std::string>>>());
            // A root may be included by another root too (a file listed
            // before it is found by its path as well).
            files.insert(files.end(), roots.begin(), roots.end());
            // The rules compile again on this side, by this version of slakit.
            const auto identities = state.size() == 4 ? state[3].cast<Identities>() : Identities{};
            return compile_bundle(roots, files, identities);
          }))
      .def("__repr__", [](const RuleBundle& self) {
        std::vector<std::string> paths;
        for (const auto& f : self.roots) paths.push_back(f.path);
        return fmt::format("<slakit.RuleSet of {}>", fmt::join(paths, ", "));
      });

  m.def(
      "compile",
      [](const std::vector<std::pair<std::string, std::string>>& files, const py::object& loader,
         const py::object& identify) { return compile_bundle(sources(files), loader, identify); },
      py::arg("files"), py::arg("loader") = py::none(), py::arg("identify") = py::none(),
      "Compiles (path, text) pairs; loader(path) -> str | None reads an included file, "
      "identify(path) -> str | None names the file a path reaches (one file under two paths "
      "is read once). Raises RuleError.");
}

}  // namespace slakit::python
