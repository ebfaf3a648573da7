#include "routing_lint.hpp"

#include <fmt/format.h>

#include <set>

#include "program/table_coverage.hpp"

namespace slakit::detail {
namespace {

using Warned = std::set<std::pair<std::uint32_t, std::uint32_t>>;  // (file, offset) of W0211s

// Queue, priority, team and sla: the outcomes the first group that sets
// each gives (docs/routing.md, "Several groups"), as bits.
unsigned outcomes(const RoutePlan& r) {
  return (r.queue ? 1U : 0U) | (r.priority ? 2U : 0U) | (r.team ? 4U : 0U) | (r.sla ? 8U : 0U);
}

// The outcomes a group sets for every ticket: those of a route without
// `when` and, in a `first` group, of every route before it; in a `scored`
// group, with such a route, those every route sets (any may win).
unsigned outcomes_always(const RouteGroupPlan& g) {
  unsigned all = 15, caught = 0;
  bool catch_all = false;
  for (const auto& r : g.routes) {
    all &= outcomes(r);
    if (r.when) continue;
    if (g.policy == HitPolicy::first) return all;
    catch_all = true;
    caught |= outcomes(r);
  }
  if (!catch_all) return 0;
  return g.policy == HitPolicy::scored ? all : caught;
}

class GroupLint {
 public:
  /// `caught`: other groups set, for every ticket, each outcome this one's
  /// routes set, so a ticket that falls through it still gets them.
  GroupLint(const RoutingProgram& program, const RouteGroupPlan& group, const SourceMap& sources,
            const Warned& checked, bool caught, std::vector<Diagnostic>& diagnostics)
      : program_(program),
        caught_(caught),
        group_(group),
        table_(group.table),
        sources_(sources),
        diagnostics_(diagnostics),
        checked_(checked),
        coverage_(group.table, program.layout, group.routes.size()) {}

  void run() {
    if (coverage_.too_big()) return;
    std::vector<bool> never(group_.routes.size(), false);
    for (std::size_t i = 0; i < group_.routes.size(); ++i) never[i] = never_holds(i);
    if (group_.policy == HitPolicy::collect) return;
    // The cheap question first, on a budget of its own.
    falls_through();
    // In a scored group the table lists the routes by score: a route that
    // routes before it cover can never win, as in a first group it can
    // never match.
    for (std::size_t i = 0; i < group_.routes.size() && !coverage_.spent(); ++i) {
      if (!never[i]) covered(i);
    }
  }

 private:
  [[nodiscard]] const RoutePlan& route(std::size_t i) const {
    return group_.routes[group_.order[i]];
  }
  // The checker's W0211 (a route after a catch-all, or with an earlier
  // route's very condition) already says it.
  [[nodiscard]] bool warned(const RoutePlan& r) const {
    return checked_.count({r.source->name.span.file, r.source->name.span.begin}) != 0;
  }
  void warn(const char* code, std::string message, SourceSpan span) {
    diagnostics_.push_back({Severity::warning, code, std::move(message), span});
  }

  // W0227: no value of some field satisfies the condition's parts on it.
  bool never_holds(std::size_t i) {
    const auto& r = route(i);
    if (!r.when) return false;
    const auto why = coverage_.never_holds(i);
    if (!why) return false;
    warn("W0227", fmt::format("route '{}' can never match: {}", r.name, *why),
         r.source->when->span);
    return true;
  }

  // W0211: the earlier routes that the table decides exactly cover every
  // ticket this one matches.
  void covered(std::size_t i) {
    const auto& r = route(i);
    if (warned(r)) return;
    const auto covering = coverage_.covering(i);
    if (covering.empty()) return;
    std::string names;
    for (const auto j : covering) {
      names += fmt::format("{}'{}' at {}", names.empty() ? "" : ", ", route(j).name,
                           where(sources_, route(j).source->name.span));
    }
    const bool scored = group_.policy == HitPolicy::scored;
    warn("W0211",
         fmt::format("route '{}' can never {}: {} {} {} every ticket it does{}", r.name,
                     scored ? "win" : "match", covering.size() == 1 ? "route" : "routes", names,
                     covering.size() == 1 ? "matches" : "together match",
                     scored ? ", with a higher score or an equal one earlier" : ""),
         r.source->name.span);
  }

  // W0228: a ticket that no route matches, tried on the full conditions.
  void falls_through() {
    if (group_.routes.empty() || caught_) return;
    for (std::size_t i = 0; i < group_.routes.size(); ++i) {
      if (!route(i).when) return;  // a catch-all
    }
    Boxes box_ops{table_};  // its own budget
    std::vector<Box> uncovered{coverage_.valid()};
    for (std::size_t i = 0; i < group_.routes.size() && !uncovered.empty(); ++i) {
      if (coverage_.exact(i) &&
          (!box_ops.subtract(uncovered, coverage_.box(i)) || box_ops.spent())) {
        return;
      }
    }
    bool inexact = false;
    for (std::size_t i = 0; i < group_.routes.size(); ++i) inexact = inexact || !table_.exact(i);
    std::vector<SlotValue> values(program_.layout.width());
    for (const auto& b : uncovered) {
      if (box_ops.empty(b)) continue;
      std::string example;
      for (std::size_t c = 0; c < table_.columns(); ++c) {
        const auto v = *table_.example(c, box_ops.first(b, c), program_.layout);
        values[table_.column_slot(c)] = v;
        const auto& field = program_.layout.info(table_.column_slot(c));
        const bool other_text =
            field.type == FieldType::text && v.present && v.code == kUnknownText;
        example += fmt::format("{}{} {}", example.empty() ? "" : ", ", field.path,
                               other_text ? "a text no route names" : "= " + value_text(field, v));
      }
      // Routes the table does not decide exactly are tried in full.
      bool matched = false;
      table_.for_each(values, [&](std::size_t) {
        matched = true;
        return false;
      });
      if (matched) continue;
      const auto span =
          group_.name.empty() ? group_.routes.front().source->name.span : group_.source->name.span;
      warn("W0228",
           fmt::format("{} no route matches some tickets, such as one with {}: add a route "
                       "without `when` to catch them",
                       group_.name.empty() ? std::string{"outside groups,"}
                                           : fmt::format("in group '{}',", group_.name),
                       example_text(example, inexact)),
           span);
      return;
    }
  }

  // The example's fields and values; the fields the table leaves to the
  // routes tried in full have none (review 23, F3: with no field in the
  // table the example read "such as one with , the other fields ...").
  static std::string example_text(const std::string& example, bool inexact) {
    if (!inexact) return example.empty() ? "any values" : example;
    return example.empty() ? "no field set" : example + ", the other fields without a value";
  }

  const RoutingProgram& program_;
  bool caught_;
  const RouteGroupPlan& group_;
  const DecisionTable& table_;
  const SourceMap& sources_;
  std::vector<Diagnostic>& diagnostics_;
  const Warned& checked_;
  TableCoverage coverage_;
};

}  // namespace

void lint_routing(const RoutingProgram& program, const SourceMap& sources,
                  std::vector<Diagnostic>& diagnostics) {
  // The routes the checker's W0211 already names, gathered once for all
  // groups.
  Warned checked;
  for (const auto& d : diagnostics) {
    if (d.code == "W0211") checked.insert({d.span.file, d.span.begin});
  }
  // W0228 leaves out a group whose tickets that fall through get its
  // outcomes from other groups anyway (review 23, F11: a `first` group
  // before a fallback group with a catch-all).
  std::vector<unsigned> always;
  for (const auto& g : program.groups) always.push_back(outcomes_always(g));
  for (std::size_t i = 0; i < program.groups.size(); ++i) {
    const auto& g = program.groups[i];
    unsigned sets = 0, elsewhere = 0;
    for (const auto& r : g.routes) sets |= outcomes(r);
    for (std::size_t j = 0; j < always.size(); ++j) elsewhere |= j == i ? 0 : always[j];
    const bool caught = sets != 0 && (sets & ~elsewhere) == 0;
    GroupLint{program, g, sources, checked, caught, diagnostics}.run();
  }
}

}  // namespace slakit::detail
