// to_json(Routing) and to_json(RouteExplanation): the lines `slakit route`
// prints.
#include "route_json.hpp"

#include <slakit/routing/agent.hpp>
#include <slakit/routing/route.hpp>

#include "support/json_writer.hpp"

namespace slakit {
namespace {

using detail::JsonWriter;

void optional_text(JsonWriter& w, std::string_view key, const std::optional<std::string>& s) {
  w.key(key);
  s ? w.value(*s) : w.null();
}

void names(JsonWriter& w, std::string_view key, const std::vector<std::string>& list) {
  w.key(key);
  w.begin_array();
  for (const auto& n : list) w.value(n);
  w.end_array();
}

void routing_members(JsonWriter& w, const Routing& r) {
  w.key("id"), w.value(r.id);
  optional_text(w, "queue", r.queue);
  optional_text(w, "team", r.team);
  optional_text(w, "priority", r.priority);
  optional_text(w, "sla", r.sla);
  names(w, "skills", r.skills);
  w.key("relaxed_skills");
  w.begin_array();
  for (const auto& x : r.relaxed) {
    w.begin_object();
    w.key("skill"), w.value(x.skill);
    w.key("drops_at"), w.instant(x.drops_at);
    w.end_object();
  }
  w.end_array();
  names(w, "tags", r.tags);
  optional_text(w, "rule", r.rule);
  names(w, "rules", r.rules);
}

void agent_members(JsonWriter& w, const AgentChoice* a) {
  if (a == nullptr) return;
  optional_text(w, "agent", a->agent);
  w.key("agent_why");
  a->agent ? w.null() : w.value(a->why);
}

std::string routing_json(const Routing& r, const AgentChoice* a) {
  JsonWriter w{true};
  w.begin_object();
  routing_members(w, r);
  agent_members(w, a);
  w.end_object();
  return w.take();
}

std::string explanation_json(const RouteExplanation& x, const AgentChoice* a) {
  JsonWriter w{true};
  w.begin_object();
  routing_members(w, x.routing);
  agent_members(w, a);
  w.key("explain");
  w.begin_array();
  for (const auto& c : x.checks) {
    w.begin_object();
    w.key("group"), c.group.empty() ? w.null() : w.value(c.group);
    w.key("route"), w.value(c.route);
    w.key("matches"), w.value(c.matches);
    w.key("chosen"), w.value(c.chosen);
    w.key("counts"), w.value(c.counts);
    w.key("score");
    c.score ? w.value(*c.score) : w.null();
    w.key("condition"), c.condition.empty() ? w.null() : w.value(c.condition);
    w.key("why_not"), c.why_not.empty() ? w.null() : w.value(c.why_not);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace

void detail::append_json(const Routing& r, std::string& out) {
  JsonWriter w{true};
  w.append_to(std::move(out));
  w.begin_object();
  routing_members(w, r);
  w.end_object();
  out = w.take();
}

std::string to_json(const Routing& r) {
  return routing_json(r, nullptr);
}
std::string to_json(const Routing& r, const AgentChoice& a) {
  return routing_json(r, &a);
}
std::string to_json(const RouteExplanation& x) {
  return explanation_json(x, nullptr);
}
std::string to_json(const RouteExplanation& x, const AgentChoice& a) {
  return explanation_json(x, &a);
}

}  // namespace slakit
