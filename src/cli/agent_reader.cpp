#include "agent_reader.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <set>

#include "agent_record.hpp"
#include "cli.hpp"
#include "json_lines.hpp"
#include "json_values.hpp"
#include "output.hpp"
#include "support/utf8.hpp"

namespace slakit::cli {

AgentFile read_agents(const RuleSet& rules, const std::string& path, Fractions fractions,
                      bool colored) {
  const auto file = open_input(path);
  return read_agents(rules, file.get(), path, stderr, fractions, colored);
}

AgentFile read_agents(const RuleSet& rules, std::FILE* in, const std::string& path,
                      std::FILE* errors, Fractions fractions, bool colored) {
  JsonLinesReader reader{in};
  JsonChunk chunk;
  AgentReader agents{rules, fractions};
  AgentFile out;
  auto report = [&](std::size_t line, const std::string& message) {
    std::fputs(line_error(path, line, colored, message).c_str(), errors);
    out.problems = true;
  };
  std::set<std::string, std::less<>> repeated;  // ids on two lines or more
  while (reader.next(chunk)) {
    for (const auto& line : chunk.lines) {
      if (line.data == nullptr) {
        report(line.number, "line too long");
        continue;
      }
      try {
        out.agents.push_back(agents.read(line));
      } catch (const InvalidArgument& e) {
        // Every message names the agent first ("agent 'eve': calendar:
        // ..."), but an error of the id itself ("id: agent 'ana' appears
        // twice"), which names it already (docs/cli.md).
        const std::string_view message = e.what();
        const auto& id = agents.last_id();
        const auto named = id.empty() || message.starts_with("id: ")
                               ? std::string{message}
                               : fmt::format("agent {}: {}", detail::quoted(id), message);
        if (agents.last_repeated()) {
          // Two states of one person: which one counts would be a guess,
          // so neither is used (docs/routing.md, "Agent selection").
          repeated.insert(id);
          report(line.number, named + ": neither line is used");
          continue;
        }
        report(line.number, named);
      }
    }
  }
  std::erase_if(out.agents, [&](const Agent& a) { return repeated.count(a.id) != 0; });
  if (reader.failed()) throw UsageError{fmt::format("cannot read {}", path)};
  note_truncated(path, agents.truncated(), "instant");
  return out;
}

}  // namespace slakit::cli
