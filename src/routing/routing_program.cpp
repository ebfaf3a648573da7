#include "routing_program.hpp"

#include <algorithm>
#include <numeric>

namespace slakit::detail {

namespace {

std::optional<std::string> text(const std::optional<Name>& n) {
  return n ? std::optional<std::string>{n->text} : std::nullopt;
}

std::vector<std::string> texts(const std::vector<Name>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(n.text);
  return out;
}

}  // namespace

std::vector<std::string> fields_read(const std::vector<RouteGroupDecl>& groups) {
  std::vector<std::string> read;
  for (const auto& g : groups) {
    for (const auto& r : g.routes) {
      if (r.when) fields_of(*r.when, read);
    }
  }
  return read;
}

RoutingProgram compile_routing(std::vector<FieldInfo> fields,
                               const std::vector<RouteGroupDecl>& groups) {
  RoutingProgram program{std::move(fields), fields_read(groups)};
  for (const auto& g : groups) {
    RouteGroupPlan group;
    group.name = g.name.text;
    group.policy = g.policy;
    group.source = &g;
    for (const auto& r : g.routes) {
      RoutePlan plan{.name = r.name.text,
                     .when = std::nullopt,
                     .score = r.score.value_or(0),
                     .queue = text(r.queue),
                     .team = text(r.team),
                     .priority = text(r.priority),
                     .sla = text(r.sla),
                     .skills = texts(r.skills),
                     .tags = texts(r.tags),
                     .relaxed = {},
                     .source = &r};
      if (r.when) plan.when.emplace(*r.when, program.layout);
      for (const auto& relaxed : r.relaxed_skills) {
        for (const auto& s : relaxed.skills) plan.relaxed.push_back({s.text, relaxed.after.time});
      }
      group.routes.push_back(std::move(plan));
    }
    program.groups.push_back(std::move(group));
  }
  // Built once every plan is in place: the tables point into them.
  for (auto& g : program.groups) {
    g.order.resize(g.routes.size());
    std::iota(g.order.begin(), g.order.end(), std::uint32_t{0});
    if (g.policy == HitPolicy::scored) {
      std::stable_sort(g.order.begin(), g.order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return g.routes[a].score > g.routes[b].score;
      });
    }
    std::vector<const Condition*> conditions;
    for (const auto i : g.order)
      conditions.push_back(g.routes[i].when ? &*g.routes[i].when : nullptr);
    g.table = DecisionTable{conditions, program.layout};
  }
  return program;
}

}  // namespace slakit::detail
