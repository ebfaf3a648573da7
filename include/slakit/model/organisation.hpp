// slakit/model/organisation.hpp: who works tickets: agents, teams, queues.
//
//   slakit::Agent a{.id = "ana", .teams = {"billing"}, .skills = {"german"},
//                   .capacity = 5, .calendar = "emea_support"};
#pragma once

#include <string>
#include <vector>

namespace slakit {

struct Agent {
  std::string id;
  std::vector<std::string> teams{}, skills{};
  int capacity = 0;        ///< tickets the agent may hold at once
  std::string calendar{};  ///< the name of a calendar of the rule set; empty: always available
};

struct Team {
  std::string id;
  std::string calendar{};
  std::vector<std::string> queues{};
};

struct Queue {
  std::string id;
  std::string team{};
};

}  // namespace slakit
