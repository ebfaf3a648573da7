#include "policy_selection_lint.hpp"

#include <fmt/format.h>

#include "lang/format/expr_text.hpp"
#include "table_coverage.hpp"

namespace slakit::detail {
namespace {

void warn(std::vector<Diagnostic>& diagnostics, const char* code, std::string message,
          SourceSpan span) {
  diagnostics.push_back({Severity::warning, code, std::move(message), span});
}

// "'a' at f:1:5" or "'a' at f:1:5, 'b' at f:2:5", from each entry's name and span.
template <class Name>
std::string listed(const std::vector<std::size_t>& entries, const SourceMap& sources,
                   const Name& name_and_span) {
  std::string out;
  for (const auto j : entries) {
    const auto [name, span] = name_and_span(j);
    out += fmt::format("{}'{}' at {}", out.empty() ? "" : ", ", name, where(sources, span));
  }
  return out;
}

// W0240 over the SLAs (first match: never holds, or covered) or the OLAs
// (every match applies: never holds only).
void lint_selection(const std::vector<PolicyPlan>& plans, const DecisionTable& table,
                    const Program& program, const SourceMap& sources,
                    std::vector<Diagnostic>& diagnostics) {
  if (plans.empty()) return;
  TableCoverage coverage{table, program.layout, plans.size()};
  if (coverage.too_big()) return;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto& p = plans[i];
    const auto* kind = p.is_sla ? "sla" : "ola";
    if (p.applies) {
      if (const auto why = coverage.never_holds(i)) {
        warn(diagnostics, "W0240", fmt::format("{} '{}' can never apply: {}", kind, p.name, *why),
             p.source->name.span);
        continue;
      }
    }
    if (!p.is_sla || coverage.spent()) continue;
    const auto covering = coverage.covering(i);
    if (covering.empty()) continue;
    const auto names = listed(covering, sources, [&](std::size_t j) {
      return std::make_pair(plans[j].name, plans[j].source->name.span);
    });
    warn(diagnostics, "W0240",
         fmt::format("sla '{}' can never apply: {} {} {} to every ticket it would (the first sla "
                     "whose condition holds applies)",
                     p.name, covering.size() == 1 ? "sla" : "slas", names,
                     covering.size() == 1 ? "applies" : "together apply"),
         p.source->name.span);
  }
}

// W0241 over the cases of one target: first match, `otherwise` never
// reported. Adds the word operations it spent to `used`.
void lint_cases(const PolicyPlan& policy, const TargetPlan& target, const Program& program,
                const SourceMap& sources, std::vector<Diagnostic>& diagnostics, std::size_t& used) {
  const auto& cases = target.cases;
  bool any_when = false;
  std::vector<const Condition*> conditions;
  for (const auto& c : cases) {
    conditions.push_back(c.when ? &*c.when : nullptr);
    any_when = any_when || c.when;
  }
  if (!any_when) return;
  const DecisionTable table{conditions, program.layout};
  TableCoverage coverage{table, program.layout, cases.size()};
  if (coverage.too_big()) return;
  auto name = [&](std::size_t i) {
    return fmt::format("{} of {}.{}", duration_text(cases[i].value), policy.name,
                       metric_name(target.metric));
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (!cases[i].when) continue;
    const auto span = cases[i].source->when->span;
    if (const auto why = coverage.never_holds(i)) {
      warn(diagnostics, "W0241", fmt::format("the case {} is never chosen: {}", name(i), *why),
           span);
      continue;
    }
    if (used + coverage.used() > kCoverageBudget) break;
    const auto covering = coverage.covering(i);
    if (covering.empty()) continue;
    const auto names = listed(covering, sources, [&](std::size_t j) {
      return std::make_pair(duration_text(cases[j].value), cases[j].source->span);
    });
    warn(diagnostics, "W0241",
         fmt::format("the case {} is never chosen: {} {} {} every ticket it would (the first case "
                     "whose condition holds gives the value)",
                     name(i), covering.size() == 1 ? "the case" : "the cases", names,
                     covering.size() == 1 ? "takes" : "together take"),
         span);
  }
  used += coverage.used();
}

}  // namespace

void lint_policy_selection(const Program& program, const SourceMap& sources,
                           std::vector<Diagnostic>& diagnostics) {
  lint_selection(program.slas, program.sla_table, program, sources, diagnostics);
  lint_selection(program.olas, program.ola_table, program, sources, diagnostics);
  // Every target's cases together get one budget: a rule set of many
  // targets with many cases checks as fast as one long list.
  std::size_t used = 0;
  for (const auto* plans : {&program.slas, &program.olas}) {
    for (const auto& p : *plans) {
      for (const auto& t : p.targets) {
        if (used > kCoverageBudget) return;
        lint_cases(p, t, program, sources, diagnostics, used);
      }
    }
  }
}

}  // namespace slakit::detail
