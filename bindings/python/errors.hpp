// slakit's exceptions as Python exceptions. Every C++ exception that can
// leave a binding is translated here, so nothing crosses unconverted:
//
//   slakit.Error(Exception)                  base of all below
//   slakit.RuleError(Error, ValueError)      rule text with errors; .diagnostics
//   slakit.InvalidArgument(Error, ValueError)
//   slakit.TicketError(InvalidArgument)      bad ticket data, naming the ticket and key
//   slakit.RangeError(Error, ValueError)     an instant outside 1970-2100
#pragma once

#include <pybind11/pybind11.h>
#include <slakit/slakit.hpp>

#include <cstdint>
#include <string>

namespace slakit::python {

namespace py = pybind11;

/// Creates the exception classes in `m` and registers the translator.
void register_errors(py::module_& m);

/// Raises slakit.RuleError for a failed compile: str() is what `slakit check`
/// prints, .diagnostics every diagnostic (warnings included).
[[noreturn]] void raise_rule_error(const CompileResult& result);

/// slakit.Diagnostic: a Diagnostic with its positions worked out, so that it
/// stands alone (and pickles) without the SourceMap.
struct DiagnosticInfo {
  std::string file;
  std::uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
  std::string severity, code, message;
  friend bool operator==(const DiagnosticInfo&, const DiagnosticInfo&) = default;
};

/// `d` with its positions worked out from `sources`.
[[nodiscard]] DiagnosticInfo diagnostic_info(const Diagnostic& d, const SourceMap& sources);

}  // namespace slakit::python
