// One agent as a JSON object (docs/cli.md, `slakit route --agents`), read
// with simdjson: shared by the CLI's agent file and the Python bindings.
#pragma once

#include <simdjson.h>
#include <slakit/routing/agent.hpp>
#include <slakit/slakit.hpp>

#include <functional>
#include <map>
#include <string>

#include "json_lines.hpp"
#include "json_values.hpp"

namespace slakit::cli {

class AgentReader {
 public:
  /// How an error names the line an id came first on: "line 2" in a file,
  /// "agents[1]" in Python's list.
  enum class Places { lines, list_items };

  /// `fractions`: what a fraction of a second in last_assigned does
  /// (--fractions), counted in truncated().
  explicit AgentReader(const RuleSet& rules, Fractions fractions = Fractions::truncate,
                       Places places = Places::lines)
      : rules_(rules), instants_{.fractions = fractions}, places_(places) {}

  /// Reads one agent. Throws InvalidArgument saying where and what ("capacity:
  /// expected a whole number") for a line that is not an agent, one whose
  /// calendar the rule set lacks, or one whose id came before (naming where:
  /// "id: agent 'ana' appears twice (first on line 2)").
  [[nodiscard]] Agent read(const JsonLine& line);
  /// The id of the agent read last, also when read() threw (empty when the
  /// line had none), so that its error can name the agent.
  [[nodiscard]] const std::string& last_id() const { return last_id_; }
  /// Whether read() threw because the agent's id came before.
  [[nodiscard]] bool last_repeated() const { return last_repeated_; }
  /// How many last_assigned instants had a fraction of a second, truncated.
  [[nodiscard]] std::size_t truncated() const { return instants_.truncated; }

 private:
  const RuleSet& rules_;
  InstantReading instants_;
  std::string last_id_;
  bool last_repeated_ = false;
  simdjson::dom::parser parser_;
  Places places_;
  std::map<std::string, std::size_t, std::less<>> first_line_;  // of each id
};

}  // namespace slakit::cli
