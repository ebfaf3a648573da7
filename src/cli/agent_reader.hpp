// Agents for `slakit route --agents A.jsonl`: one JSON object per line
// (docs/cli.md lists the keys), read whole (a team's agents, not millions).
#pragma once

#include <slakit/routing/agent.hpp>
#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace slakit::cli {

struct AgentFile {
  std::vector<Agent> agents;
  bool problems = false;  ///< a line was reported and skipped
};

/// Reads the agents of `path`. A line that cannot be read (bad JSON, a
/// wrong type, a calendar the rule set lacks, an id seen before) is
/// reported on stderr as "path:line: error: ..." and skipped; the others
/// are kept, except that an id seen before leaves out the earlier line too
/// ("neither line is used"); an error names the agent by id when the line has one
/// ("agent 'eve': calendar: unknown calendar 'nope'"). A fraction of a
/// second in last_assigned follows `fractions`, with the note on stderr
/// when truncated. `colored`: reports in the colours of every bad line's
/// (--color). Throws UsageError when the file cannot be read.
[[nodiscard]] AgentFile read_agents(const RuleSet& rules, const std::string& path,
                                    Fractions fractions = Fractions::truncate,
                                    bool colored = false);

/// The same from an open file (not closed), reporting to `errors` with
/// `path` as the file's name (tests/fuzz reads bytes in memory).
[[nodiscard]] AgentFile read_agents(const RuleSet& rules, std::FILE* in, const std::string& path,
                                    std::FILE* errors, Fractions fractions = Fractions::truncate,
                                    bool colored = false);

}  // namespace slakit::cli
