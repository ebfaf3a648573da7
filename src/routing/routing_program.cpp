#include "routing_program.hpp"

namespace slakit::detail {

RoutingProgram compile_routing(std::vector<FieldInfo> fields,
                               const std::vector<RouteDecl>& routes) {
  std::vector<std::string> read;
  for (const auto& r : routes) {
    if (r.when) fields_of(*r.when, read);
  }
  RoutingProgram program{std::move(fields), read};
  auto text = [](const std::optional<Name>& n) {
    return n ? std::optional<std::string>{n->text} : std::nullopt;
  };
  for (const auto& r : routes) {
    RoutePlan plan{.name = r.name.text,
                   .when = std::nullopt,
                   .queue = text(r.queue),
                   .team = text(r.team),
                   .priority = text(r.priority),
                   .skills = {},
                   .source = &r};
    if (r.when) plan.when.emplace(*r.when, program.layout);
    for (const auto& s : r.skills) plan.skills.push_back(s.text);
    program.routes.push_back(std::move(plan));
  }
  // Built once every plan is in place: the index points into them.
  std::vector<const Condition*> conditions;
  for (const auto& p : program.routes) conditions.push_back(p.when ? &*p.when : nullptr);
  program.index = FirstMatch{conditions};
  return program;
}

}  // namespace slakit::detail
