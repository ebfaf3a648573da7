#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "check_state.hpp"
#include "slakit/time/instant.hpp"

#include "lang/format/expr_text.hpp"

namespace slakit::detail {

using namespace std::chrono;

void Checker::check_group(RouteGroupDecl& g) {
  RouteScan scan;
  for (const auto& r : g.routes) check_route(r, g.policy, scan);
  out_.route_groups.push_back(std::move(g));  // nothing refers to it once checked
}

void Checker::check_route(const RouteDecl& r, HitPolicy policy, RouteScan& scan) {
  if (r.when) check_condition(*r.when);
  // A collect group's routes may only label (tags, skills); in the others
  // the route that decides must say where the ticket goes.
  if (!r.queue && policy != HitPolicy::collect) {
    error("E0215", fmt::format("route '{}' has no queue: add -> queue NAME", r.name.text),
          r.name.span);
  } else if (!r.queue && !r.priority && !r.team && !r.sla && r.skills.empty() && r.tags.empty() &&
             std::all_of(r.relaxed_skills.begin(), r.relaxed_skills.end(),
                         [](const RelaxedSkills& x) { return x.skills.empty(); })) {
    error(
        "E0215",
        fmt::format("route '{}' sets nothing: give it tags, skills, a queue, team, priority or sla",
                    r.name.text),
        r.name.span);
  }
  if (policy == HitPolicy::scored && !r.score) {
    error(
        "E0226",
        fmt::format("route '{}' is in a scored group and has no score: add score N after its name",
                    r.name.text),
        r.name.span);
  }
  if (policy != HitPolicy::scored && r.score) {
    error("E0226", "a score counts only in a scored group (routes NAME scored { ... })",
          r.score_span);
  }
  if (r.priority) {
    const auto* f = &fields_.at("ticket.priority");  // the rule set's own values, if redeclared
    if (std::find(f->members.begin(), f->members.end(), r.priority->text) == f->members.end()) {
      error("E0214", fmt::format("'{}' is not a priority ({})", r.priority->text, join(f->members)),
            r.priority->span);
    }
  }
  if (r.sla && slas_.count(r.sla->text) == 0) {
    error("E0225",
          fmt::format("'{}' is not an SLA policy of this rule set{}", r.sla->text,
                      policies_.count(r.sla->text) != 0 ? " (it is an OLA)"
                                                        : suggestion(r.sla->text, slas_)),
          r.sla->span);
  }
  for (const auto& relaxed : r.relaxed_skills) {
    if (relaxed.after.business_days != 0) {
      error("E0204",
            "skills are relaxed after a wait in calendar time: write hours or minutes (48h), not "
            "business days",
            relaxed.span);
    } else if (relaxed.after.time >= kSupportedEnd - kSupportedBegin) {
      // It would drop after 2100 even for a ticket created in 1970.
      error("E0204",
            fmt::format("a wait of {} never ends within the supported range (1970 to 2100)",
                        format_duration(relaxed.after.time)),
            relaxed.span);
    }
  }
  // First match wins: a rule after one that always matches, or after one
  // with the same condition, never runs. (In collect and scored groups
  // every matching route counts, so neither shadows another.)
  if (policy != HitPolicy::first) return;
  if (scan.always) {
    warning("W0211",
            fmt::format("route '{}' can never match: route '{}' at {} matches every ticket first",
                        r.name.text, scan.always->first, where(scan.always->second)),
            r.name.span);
  } else if (r.when) {
    const auto text = expr_text(*r.when);
    if (const auto it = scan.conditions.find(text); it != scan.conditions.end()) {
      warning("W0211",
              fmt::format("route '{}' can never match: route '{}' at {} has the same condition",
                          r.name.text, it->second.first, where(it->second.second)),
              r.name.span);
    } else {
      scan.conditions.emplace(text, std::make_pair(r.name.text, r.name.span));
    }
  }
  const bool matches_all =
      !r.when || (r.when->kind == Expr::Kind::literal &&
                  r.when->literal.kind == Literal::Kind::boolean && r.when->literal.boolean);
  if (matches_all && !scan.always) scan.always = std::make_pair(r.name.text, r.name.span);
}

}  // namespace slakit::detail
