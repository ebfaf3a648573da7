// One agent as a JSON object (docs/cli.md, `slakit route --agents`), read
// with simdjson: shared by the CLI's agent file and the Python bindings.
#pragma once

#include <simdjson.h>
#include <slakit/routing/agent.hpp>
#include <slakit/slakit.hpp>

#include <functional>
#include <set>
#include <string>

#include "json_lines.hpp"

namespace slakit::cli {

class AgentReader {
 public:
  explicit AgentReader(const RuleSet& rules) : rules_(rules) {}

  /// Reads one agent. Throws InvalidArgument saying where and what ("capacity:
  /// expected a whole number") for a line that is not an agent, one whose
  /// calendar the rule set lacks, or one whose id came before.
  [[nodiscard]] Agent read(const JsonLine& line);

 private:
  const RuleSet& rules_;
  simdjson::dom::parser parser_;
  std::set<std::string, std::less<>> ids_;
};

}  // namespace slakit::cli
