// slakit/slakit.hpp: the entry point for hosts. Rule text in, a RuleSet out.
//
//   slakit::CompileResult result = slakit::compile({{"rules.sla", text}});
//   if (!result.ok()) {
//     for (const auto& d : result.diagnostics) std::cerr << slakit::render_text(d,
//     *result.sources); return;
//   }
//   const slakit::RuleSet& rules = *result.rules;
//   const slakit::Calendar* cal = rules.calendar("berlin_support");
//   auto due = cal->add(created, std::chrono::hours{4});
//
// A RuleSet is immutable and cheap to copy; share it between threads freely.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slakit/calendar/calendar.hpp"
#include "slakit/error.hpp"
#include "slakit/lang/ast.hpp"
#include "slakit/lang/diagnostic.hpp"
#include "slakit/model/fields.hpp"

namespace slakit {

/// One file of rule text.
struct RuleSource {
  std::string path;
  std::string text;
};

struct CompileOptions {
  /// Reads a file named by `include "..."` (the path already resolved against
  /// the including file's folder); nullopt when it cannot be read. Without a
  /// loader, an include is an error: the library does no I/O of its own.
  std::function<std::optional<std::string>(const std::string& path)> load{};
  /// Names the file a path reaches (the CLI: its device and inode), so that
  /// one file reached by two paths (relative and absolute, a symbolic link)
  /// is read once; nullopt when it cannot tell. Without it, or on nullopt,
  /// paths are one file when they are the same once normalised
  /// (`rules/./a.sla` is `rules/a.sla`). Called for the files named too.
  std::function<std::optional<std::string>(const std::string& path)> identify{};
};

/// Everything compiled from one or more rule files.
///
/// Copies share one compiled state. What the accessors return by pointer or
/// reference (a calendar, the policies, the sources...) belongs to that
/// state and lives as long as some copy of this RuleSet does: a host that
/// reloads its rules keeps a copy of the RuleSet (not a Calendar pointer)
/// for as long as it uses them, or copies the Calendar out (a Calendar is a
/// value, cheap to copy).
class RuleSet {
 public:
  /// The calendar of that name, or nullptr. Valid while a copy of this
  /// RuleSet lives.
  [[nodiscard]] const Calendar* calendar(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> calendar_names() const;
  /// SLA and OLA policies in rule order (first match wins; across files,
  /// docs/language.md, "Includes").
  [[nodiscard]] const std::vector<PolicyDecl>& policies() const;
  /// Route groups in rule order; the routes outside any group form
  /// one `first` group with an empty name, where its first route stands.
  [[nodiscard]] const std::vector<RouteGroupDecl>& route_groups() const;
  /// The test cases of the rule files, in rule order (docs/language.md,
  /// "Tests" and "Includes"); they change nothing the engines compute.
  [[nodiscard]] const std::vector<TestDecl>& tests() const;
  /// Built-in and declared fields.
  [[nodiscard]] const std::vector<FieldInfo>& fields() const;
  [[nodiscard]] const SourceMap& sources() const;

  struct Impl;

 private:
  RuleSet() = default;  // made by compile() only
  friend struct RuleSetBuilder;
  std::shared_ptr<const Impl> impl_;
};

struct CompileResult {
  std::optional<RuleSet> rules;  ///< set when there is no error (warnings allowed)
  std::vector<Diagnostic> diagnostics;
  std::shared_ptr<const SourceMap> sources;  ///< for rendering the diagnostics

  [[nodiscard]] bool ok() const noexcept { return rules.has_value(); }
};

/// Parses, checks and compiles. Never throws on bad rule text: problems are
/// diagnostics, in file order. Throws InvalidArgument for a file of 4 GiB or
/// more, and lets through what CompileOptions::load throws.
[[nodiscard]] CompileResult compile(std::vector<RuleSource> sources,
                                    const CompileOptions& options = {});

/// Thrown by compile_or_throw; carries the diagnostics, rendered in what(),
/// and the source map that places them (`e.sources().position(d.span)`:
/// line and column).
class CompileError : public Error {
 public:
  CompileError(std::string rendered, std::vector<Diagnostic> diagnostics,
               std::shared_ptr<const SourceMap> sources = nullptr)
      : Error(std::move(rendered)),
        diagnostics_(std::move(diagnostics)),
        sources_(sources ? std::move(sources) : std::make_shared<const SourceMap>()) {}
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  /// The files the diagnostics' spans point into.
  [[nodiscard]] const SourceMap& sources() const noexcept { return *sources_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::shared_ptr<const SourceMap> sources_;
};

/// compile(), throwing CompileError when there are errors (and what compile throws).
[[nodiscard]] RuleSet compile_or_throw(std::vector<RuleSource> sources,
                                       const CompileOptions& options = {});

}  // namespace slakit
