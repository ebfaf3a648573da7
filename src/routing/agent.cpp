// choose_agent(): the agents narrowed down step by step, then the documented
// order (docs/routing.md, "Agent selection").
#include <slakit/routing/agent.hpp>
#include <slakit/slakit.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <vector>

#include "support/utf8.hpp"

namespace slakit {

std::string_view agent_step_name(AgentStep s) noexcept {
  switch (s) {
    case AgentStep::team:
      return "team";
    case AgentStep::hours:
      return "hours";
    case AgentStep::skills:
      return "skills";
    case AgentStep::capacity:
      return "capacity";
  }
  return "team";
}

std::vector<std::string> skills_at(const Routing& routing, Instant now) {
  auto relaxed = [&](const std::string& skill) {
    return std::find_if(routing.relaxed.begin(), routing.relaxed.end(),
                        [&](const RelaxedSkill& r) { return r.skill == skill; });
  };
  std::vector<std::string> out;
  for (const auto& s : routing.skills) {
    const auto r = relaxed(s);
    if (r == routing.relaxed.end() || now < r->drops_at) out.push_back(s);
  }
  // Dropped at the routing's instant, still required at an earlier `now`.
  for (const auto& r : routing.relaxed) {
    if (now < r.drops_at && std::find(out.begin(), out.end(), r.skill) == out.end()) {
      out.push_back(r.skill);
    }
  }
  return out;
}

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void check(const RuleSet& rules, const Agent& a, std::size_t index) {
  const auto who = a.id.empty() ? fmt::format("agents[{}]", index)
                                : fmt::format("agent {}", detail::quoted(a.id));
  if (a.id.empty()) throw InvalidArgument(fmt::format("{}: no id", who));
  if (a.capacity < 0 || a.open_tickets < 0) {
    throw InvalidArgument(fmt::format("{}: capacity ({}) and open tickets ({}) cannot be negative",
                                      who, a.capacity, a.open_tickets));
  }
  if (!a.calendar.empty() && rules.calendar(a.calendar) == nullptr) {
    throw InvalidArgument(fmt::format("{}: unknown calendar {}", who, detail::quoted(a.calendar)));
  }
}

// Two entries with one id are two states of one person: which of them
// counts is a guess, so neither is taken. An open-addressed table of agent
// numbers, kept by the thread: a host calls this once a ticket with all its
// agents, and a node-based map of 2,000 ids cost as much as the choice.
void check_unique(std::span<const Agent> agents) {
  if (agents.size() < 2) return;
  thread_local std::vector<std::uint32_t> slots;  // an agent's index + 1; 0: empty
  std::size_t size = 16;
  while (size < agents.size() * 2) size *= 2;
  slots.assign(size, 0);
  const std::hash<std::string_view> hash;
  for (std::size_t i = 0; i < agents.size(); ++i) {
    const std::string_view id = agents[i].id;
    for (auto s = hash(id) & (size - 1);; s = (s + 1) & (size - 1)) {
      if (slots[s] == 0) {
        slots[s] = static_cast<std::uint32_t>(i + 1);
        break;
      }
      if (const auto j = slots[s] - 1; agents[j].id == id) {
        throw InvalidArgument(fmt::format("agent {} appears twice (agents[{}] and agents[{}])",
                                          detail::quoted(id), j, i));
      }
    }
  }
}

// The id order of the last tie-break (docs/routing.md, "Agent selection"):
// ids written with digits alone are whole numbers and compare as numbers
// (agent 9 before agent 10, as helpdesks number them), before every other
// id; those compare by text, byte by byte. Two ids of one number ("7",
// "007") go by text. No id is converted: a number of any length compares
// by its digits after leading zeros.
bool id_before(std::string_view a, std::string_view b) {
  auto whole = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const bool na = whole(a);
  const bool nb = whole(b);
  if (na != nb) return na;
  if (na) {
    auto digits = [](std::string_view s) {
      const auto first = s.find_first_not_of('0');
      return first == std::string_view::npos ? std::string_view{} : s.substr(first);
    };
    const auto da = digits(a);
    const auto db = digits(b);
    if (da.size() != db.size()) return da.size() < db.size();
    if (da != db) return da < db;
  }
  return a < b;
}

}  // namespace

AgentChoice choose_agent(const RuleSet& rules, const Routing& routing,
                         std::span<const Agent> agents, Instant now) {
  for (std::size_t i = 0; i < agents.size(); ++i) check(rules, agents[i], i);
  check_unique(agents);
  const auto skills = skills_at(routing, now);
  const auto team = routing.team ? fmt::format(" of team {}", *routing.team) : std::string{};

  // Each step keeps the agents that pass it; the first step that leaves
  // none says why no agent is chosen.
  std::vector<const Agent*> left;
  for (const auto& a : agents) left.push_back(&a);
  AgentChoice out;
  auto step = [&](AgentStep s, auto&& passes, std::string why) {
    if (left.empty()) return;
    std::erase_if(left, [&](const Agent* a) { return !passes(*a); });
    if (left.empty()) {
      out.emptied_by = s;
      out.why = std::move(why);
    }
  };
  if (agents.empty()) {
    out.emptied_by = AgentStep::team;
    out.why = "no agents";
    return out;
  }
  step(
      AgentStep::team, [&](const Agent& a) { return !routing.team || has(a.teams, *routing.team); },
      fmt::format("no agent{}", team));
  step(
      AgentStep::hours,
      [&](const Agent& a) {
        return a.calendar.empty() || rules.calendar(a.calendar)->is_open(now);
      },
      fmt::format("no agent{} is working at {}", team, format_utc(now)));
  step(
      AgentStep::skills,
      [&](const Agent& a) {
        return std::all_of(skills.begin(), skills.end(),
                           [&](const std::string& s) { return has(a.skills, s); });
      },
      fmt::format("no working agent{} has every skill ({})", team, fmt::join(skills, ", ")));
  step(
      AgentStep::capacity, [&](const Agent& a) { return a.open_tickets < a.capacity; },
      fmt::format("every working agent{} with the skills is at capacity", team));
  if (left.empty()) return out;

  out.eligible = left.size();
  // Fewest open tickets, then idle longest (never assigned is idlest), then id.
  const auto best = std::min_element(left.begin(), left.end(), [](const Agent* a, const Agent* b) {
    auto key = [](const Agent* x) {
      return std::make_tuple(x->open_tickets, x->last_assigned.has_value(),
                             x->last_assigned.value_or(Instant{}));
    };
    const auto ka = key(a);
    const auto kb = key(b);
    if (ka != kb) return ka < kb;
    return id_before(a->id, b->id);
  });
  out.agent = (*best)->id;
  return out;
}

}  // namespace slakit
