// slakit/model/organisation.hpp: who works tickets.
//
// An agent as the host sees it now: the teams and skills that make it
// eligible for a routed ticket, how many tickets it holds, and its hours.
// slakit keeps no state about agents; routing's choose_agent
// (slakit/routing/agent.hpp) takes them as they stand.
//
//   slakit::Agent a{.id = "ana", .teams = {"billing"}, .skills = {"german"},
//                   .capacity = 5, .calendar = "emea_support"};
//
// Teams and queues are names in the rule files (a route's `queue`, `team`,
// an OLA's team), not records: the host keeps whatever it knows about them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "slakit/time/instant.hpp"

namespace slakit {

struct Agent {
  std::string id;
  std::vector<std::string> teams{};  ///< the teams the agent works in
  std::vector<std::string> skills{};
  int capacity = 1;                        ///< the most tickets the agent holds at once
  int open_tickets = 0;                    ///< the tickets the agent holds now
  std::optional<Instant> last_assigned{};  ///< empty: never assigned
  std::string calendar{};  ///< a calendar of the rule set: the agent's hours; empty: always
};

}  // namespace slakit
