#include "policy_selection_lint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

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

// The texts of the condition's literals that equal `team` but for case.
void other_case_names(const Expr& e, std::string_view team, std::vector<std::string>& out) {
  auto check = [&](const Literal& l) {
    const bool text = l.kind == Literal::Kind::string || l.kind == Literal::Kind::symbol;
    if (!text || l.text == team || l.text.size() != team.size()) return;
    if (!std::equal(l.text.begin(), l.text.end(), team.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return;
    }
    if (std::find(out.begin(), out.end(), l.text) == out.end()) out.push_back(l.text);
  };
  if (e.kind == Expr::Kind::literal) check(e.literal);
  for (const auto& l : e.list) check(l);
  for (const auto& o : e.operands) other_case_names(o, team, out);
}

// W0242: an OLA that only assignments to teams start, whose `for` condition
// holds for no ticket of those teams. An event that starts a cycle is seen
// by the policies that apply after it, so the OLA never starts. The box of
// the condition in the table holds every ticket it admits: a team class
// outside it is proof.
void lint_ola_starts(const Program& program, const SourceMap& sources,
                     std::vector<Diagnostic>& diagnostics) {
  const auto team_slot = program.layout.engine_slots().team;
  const auto& table = program.ola_table;
  std::optional<std::size_t> column;
  for (std::size_t c = 0; team_slot && c < table.columns(); ++c) {
    if (table.column_slot(c) == *team_slot) column = c;
  }
  if (!column) return;
  for (std::size_t i = 0; i < program.olas.size(); ++i) {
    const auto& p = program.olas[i];
    if (!p.applies || p.start_on.empty()) continue;
    const auto name_span = p.source->name.span;
    const bool reported = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const auto& d) {
      return d.code == "W0240" && d.span == name_span;
    });
    const auto never_for = [&](const EventMatch& e) {
      if (e.kind != EventKind::assigned || e.team.empty()) return false;
      // Not strict: a team a `one of` field does not list still has a class.
      const auto value = program.layout.text_value(*team_slot, e.team, {}, false);
      return !table.admits(*column, table.class_of(*column, value), i);
    };
    if (reported || !std::all_of(p.start_on.begin(), p.start_on.end(), never_for)) continue;
    std::string teams;
    std::vector<std::string> other_case;
    for (const auto& e : p.start_on) {
      teams += fmt::format("{}'{}'", teams.empty() ? "" : " or ", e.team);
      other_case_names(*p.source->applies, e.team, other_case);
    }
    std::string hint;
    for (const auto& n : other_case) hint += fmt::format("{}'{}'", hint.empty() ? "" : ", ", n);
    if (!hint.empty()) hint = "; team names compare exactly, and the condition names " + hint;
    warn(diagnostics, "W0242",
         fmt::format("ola '{}' never starts: its `for` condition holds for no ticket of team {}, "
                     "the team its `start on` at {} assigns, and a cycle starts only where the "
                     "ola applies after its start event{}",
                     p.name, teams, where(sources, p.source->start_on.front().span), hint),
         name_span);
  }
}

}  // namespace

void lint_policy_selection(const Program& program, const SourceMap& sources,
                           std::vector<Diagnostic>& diagnostics) {
  lint_selection(program.slas, program.sla_table, program, sources, diagnostics);
  lint_selection(program.olas, program.ola_table, program, sources, diagnostics);
  lint_ola_starts(program, sources, diagnostics);
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
