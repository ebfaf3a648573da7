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

// What a start event leaves known of the ticket: the engine's field it sets
// and the values it may take then. `assigned to team L2`: the team is L2;
// what solves the ticket (the event, or a status change to solved or
// closed): the status is solved or closed; what closes it: closed.
struct KnownAfter {
  std::optional<Slot> slot;
  std::string_view field;
  std::vector<std::string> values;
};

std::optional<KnownAfter> known_after(const EventMatch& e, const FieldLayout& layout) {
  const auto& engine = layout.engine_slots();
  if (e.kind == EventKind::assigned && !e.team.empty()) {
    return KnownAfter{engine.team, "team", {e.team}};
  }
  if (e.kind == EventKind::solved) return KnownAfter{engine.status, "status", {"solved", "closed"}};
  if (e.kind == EventKind::closed) return KnownAfter{engine.status, "status", {"closed"}};
  return std::nullopt;
}

// W0242: an OLA whose every start event leaves the ticket in a state its
// `for` condition holds for no ticket of. An event that starts a cycle is
// seen by the policies that apply after it, so the OLA never starts. The
// box of the condition in the table holds every ticket it admits: a class
// outside it, on one column, is proof.
void lint_ola_starts(const Program& program, const SourceMap& sources,
                     std::vector<Diagnostic>& diagnostics) {
  const auto& table = program.ola_table;
  const auto column_of = [&](Slot slot) -> std::optional<std::size_t> {
    for (std::size_t c = 0; c < table.columns(); ++c) {
      if (table.column_slot(c) == slot) return c;
    }
    return std::nullopt;
  };
  for (std::size_t i = 0; i < program.olas.size(); ++i) {
    const auto& p = program.olas[i];
    const auto& refs = p.source->start_on;
    if (!p.applies || p.start_on.empty() || refs.size() != p.start_on.size()) continue;
    const auto name_span = p.source->name.span;
    const bool reported = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const auto& d) {
      return d.code == "W0240" && d.span == name_span;
    });
    if (reported) continue;
    std::string after;  // "whose team is 'L2', as after 'assigned to team L2'"
    std::vector<std::string> other_case;
    bool never = true;
    for (std::size_t k = 0; k < p.start_on.size() && never; ++k) {
      const auto known = known_after(p.start_on[k], program.layout);
      const auto found = known && known->slot ? column_of(*known->slot) : std::nullopt;
      if (!found) {
        never = false;
        break;
      }
      const std::size_t column = *found;
      std::string values;
      for (const auto& v : known->values) {
        // Not strict: a value a `one of` field does not list still has a class.
        const auto value = program.layout.text_value(*known->slot, v, {}, false);
        never = never && !table.admits(column, table.class_of(column, value), i);
        values += fmt::format("{}'{}'", values.empty() ? "" : " or ", v);
        other_case_names(*p.source->applies, v, other_case);
      }
      if (!never) break;
      const auto& ref = refs[k];
      after += fmt::format("{}whose {} is {}, as after '{}{}' at {}", after.empty() ? "" : "; ",
                           known->field, values, ref.event.text,
                           ref.team ? " to team " + ref.team->text : std::string{},
                           where(sources, ref.span));
    }
    if (!never) continue;
    std::string hint;
    for (const auto& n : other_case) hint += fmt::format("{}'{}'", hint.empty() ? "" : ", ", n);
    if (!hint.empty()) hint = " (text compares exactly: the condition names " + hint + ")";
    warn(diagnostics, "W0242",
         fmt::format("ola '{}' never starts: a cycle starts only where the ola applies after its "
                     "start event, and its `for` condition holds for no ticket {}{}",
                     p.name, after, hint),
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
