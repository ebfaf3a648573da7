#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "lang/check/checker.hpp"
#include "lang/compile_calendars.hpp"
#include "lang/gather_files.hpp"
#include "lang/lint_targets.hpp"
#include "program/lint.hpp"
#include "program/policy_selection_lint.hpp"
#include "program/rule_set_impl.hpp"
#include "routing/routing_lint.hpp"
#include "slakit/lang/parse.hpp"
#include "slakit/slakit.hpp"

namespace slakit {

struct RuleSetBuilder {
  static RuleSet make(std::shared_ptr<const RuleSet::Impl> impl) {
    RuleSet r;
    r.impl_ = std::move(impl);
    return r;
  }
  static const RuleSet::Impl& impl(const RuleSet& r) { return *r.impl_; }
};

const detail::Program& detail::program_of(const RuleSet& rules) {
  return *RuleSetBuilder::impl(rules).program;
}

const detail::RoutingProgram& detail::routing_of(const RuleSet& rules) {
  return *RuleSetBuilder::impl(rules).routing;
}

const Calendar* RuleSet::calendar(std::string_view name) const {
  const auto it = impl_->calendars.find(name);
  return it == impl_->calendars.end() ? nullptr : &it->second;
}

std::vector<std::string> RuleSet::calendar_names() const {
  std::vector<std::string> out;
  for (const auto& [name, cal] : impl_->calendars) out.push_back(name);
  return out;
}

const std::vector<PolicyDecl>& RuleSet::policies() const {
  return impl_->policies;
}
const std::vector<RouteGroupDecl>& RuleSet::route_groups() const {
  return impl_->route_groups;
}
const std::vector<TestDecl>& RuleSet::tests() const {
  return impl_->tests;
}
const std::vector<FieldInfo>& RuleSet::fields() const {
  return impl_->fields;
}
const SourceMap& RuleSet::sources() const {
  return *impl_->sources;
}

namespace {

// In file order, whichever pass found them.
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.span.file, a.span.begin) < std::tie(b.span.file, b.span.begin);
      });
}

// At most kMaxErrorsPerFile errors a file, the parser's and the checker's
// together (docs/reliability.md, "Limits"): a generated file with one
// mistake repeated must not print thousands of them. The next error
// becomes E0005 and the rest of that file is not reported. Sorted input.
void cap_errors_per_file(std::vector<Diagnostic>& diagnostics) {
  std::map<std::uint32_t, std::size_t> errors;  // per file; past the cap: capped
  constexpr auto capped = std::numeric_limits<std::size_t>::max();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    auto& d = diagnostics[i];
    auto& count = errors[d.span.file];
    if (count == capped) continue;
    if (d.severity == Severity::error && ++count > kMaxErrorsPerFile) {
      count = capped;
      d = {Severity::error,
           "E0005",
           "too many errors; the rest of the file is not checked",
           {d.span.file, d.span.begin, d.span.begin + 1}};
    }
    if (kept != i) diagnostics[kept] = std::move(d);
    ++kept;
  }
  diagnostics.resize(kept);
}

// A rule set past kMaxDeclarations is not checked: its tables would grow
// with the count (docs/reliability.md, "Limits").
bool too_many_declarations(const std::vector<RuleFile>& files,
                           std::vector<Diagnostic>& diagnostics) {
  std::size_t count = 0;
  auto over = [&](const SourceSpan& span) {
    if (++count <= kMaxDeclarations) return false;
    diagnostics.push_back({Severity::error, "E0009",
                           fmt::format("more than {} declarations in the rule set (each route of "
                                       "a group counts): split it, or route with fewer rules",
                                       kMaxDeclarations),
                           span});
    return true;
  };
  for (const auto& file : files) {
    for (const auto& d : file.declarations) {
      if (const auto* group = std::get_if<RouteGroupDecl>(&d)) {
        for (const auto& r : group->routes) {
          if (over(r.span)) return true;
        }
      } else if (!std::holds_alternative<IncludeDecl>(d) &&
                 over(std::visit([](const auto& x) { return x.span; }, d))) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

CompileResult compile(std::vector<RuleSource> inputs, const CompileOptions& options) {
  CompileResult result;
  auto sources = std::make_shared<SourceMap>();
  auto files = detail::gather_files(std::move(inputs), options, *sources, result.diagnostics);

  if (too_many_declarations(files, result.diagnostics)) {
    result.sources = sources;
    return result;
  }
  auto checked = detail::check_rules(std::move(files), *sources, result.diagnostics);
  result.sources = sources;
  sort_by_position(result.diagnostics);
  cap_errors_per_file(result.diagnostics);
  if (has_errors(result.diagnostics)) return result;

  const auto before = result.diagnostics.size();
  auto impl = std::make_shared<RuleSet::Impl>();
  impl->sources = sources;
  detail::compile_calendars(checked, impl->calendars, impl->ticket_calendars, result.diagnostics);
  detail::lint_targets(checked, impl->calendars, result.diagnostics);
  impl->policies = std::move(checked.policies);
  impl->route_groups = std::move(checked.route_groups);
  impl->tests = std::move(checked.tests);
  impl->fields = std::move(checked.fields);
  // Compiled last: the program points into the policies and calendars above.
  impl->program = detail::compile_program(impl->fields, impl->policies, impl->ticket_calendars);
  impl->routing = detail::compile_routing(impl->fields, impl->route_groups);
  // Each engine checks the values the other's rules read: eval, route,
  // report and diff accept and reject the same tickets (docs/sla.md).
  impl->program->layout.check_also(detail::fields_read(impl->route_groups));
  impl->routing->layout.check_also(detail::fields_read(impl->policies, impl->ticket_calendars));
  // Lints that need compiled conditions or calendars; warnings only, in file order.
  detail::lint_policies(*impl->program, result.diagnostics);
  detail::lint_policy_selection(*impl->program, *sources, result.diagnostics);
  detail::lint_routing(*impl->routing, *sources, result.diagnostics);
  if (result.diagnostics.size() != before) sort_by_position(result.diagnostics);
  result.rules = RuleSetBuilder::make(std::move(impl));
  return result;
}

RuleSet compile_or_throw(std::vector<RuleSource> sources, const CompileOptions& options) {
  auto result = compile(std::move(sources), options);
  if (result.ok()) return std::move(*result.rules);
  std::string rendered;
  for (const auto& d : result.diagnostics) rendered += render_text(d, *result.sources);
  throw CompileError(std::move(rendered), std::move(result.diagnostics), std::move(result.sources));
}

}  // namespace slakit
