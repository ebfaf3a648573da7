#include "agent_reader.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdio>
#include <memory>
#include <set>

#include "cli.hpp"
#include "json_lines.hpp"
#include "json_values.hpp"

namespace slakit::cli {
namespace {

namespace dom = simdjson::dom;

std::vector<std::string> names(dom::element v, std::string_view key) {
  std::vector<std::string> out;
  std::size_t i = 0;
  for (const auto item : get(v.get_array(), Where{key}, "an array of strings")) {
    out.push_back(text(item, Where{key, i++}));
  }
  return out;
}

int count(dom::element v, std::string_view key) {
  const auto n = get(v.get_int64(), Where{key}, "a whole number");
  if (n < 0 || n > 1'000'000) {
    throw ReadError{Where{key}, fmt::format("{} is out of range (0 to 1000000)", n)};
  }
  return static_cast<int>(n);
}

Agent agent(dom::parser& parser, const JsonLine& line) {
  dom::element doc;
  if (const auto err = parser.parse(line.data, line.size, false).get(doc)) {
    throw ReadError{Where{}, fmt::format("invalid JSON: {}", simdjson::error_message(err))};
  }
  Agent a;
  for (const auto [key, value] : get(doc.get_object(), Where{}, "a JSON object")) {
    if (key == "id") {
      a.id = text(value, Where{"id"});
    } else if (key == "teams") {
      a.teams = names(value, "teams");
    } else if (key == "skills") {
      a.skills = names(value, "skills");
    } else if (key == "capacity") {
      a.capacity = count(value, "capacity");
    } else if (key == "open_tickets") {
      a.open_tickets = count(value, "open_tickets");
    } else if (key == "last_assigned" && !value.is_null()) {
      a.last_assigned = instant(view(value, Where{"last_assigned"}), Where{"last_assigned"});
    } else if (key == "calendar") {
      a.calendar = text(value, Where{"calendar"});
    }
  }
  if (a.id.empty()) throw ReadError{Where{"id"}, "missing: every agent needs an \"id\""};
  return a;
}

}  // namespace

AgentFile read_agents(const RuleSet& rules, const std::string& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{std::fopen(path.c_str(), "rb"),
                                                             &std::fclose};
  if (!file) throw UsageError{fmt::format("cannot read {}", path)};
  return read_agents(rules, file.get(), path, stderr);
}

AgentFile read_agents(const RuleSet& rules, std::FILE* in, const std::string& path,
                      std::FILE* errors) {
  JsonLinesReader reader{in};
  JsonChunk chunk;
  dom::parser parser;
  AgentFile out;
  std::set<std::string, std::less<>> ids;
  auto report = [&](std::size_t line, const std::string& message) {
    std::fputs(fmt::format("{}:{}: error: {}\n", path, line, message).c_str(), errors);
    out.problems = true;
  };
  while (reader.next(chunk)) {
    for (const auto& line : chunk.lines) {
      if (line.data == nullptr) {
        report(line.number, "line too long");
        continue;
      }
      try {
        auto a = agent(parser, line);
        if (!a.calendar.empty() && rules.calendar(a.calendar) == nullptr) {
          throw ReadError{Where{"calendar"}, fmt::format("unknown calendar '{}'", a.calendar)};
        }
        if (!ids.insert(a.id).second) {
          throw ReadError{Where{"id"}, fmt::format("agent '{}' appears twice", a.id)};
        }
        out.agents.push_back(std::move(a));
      } catch (const ReadError& e) {
        report(line.number, e.where.empty() ? e.what : e.where + ": " + e.what);
      }
    }
  }
  if (reader.failed()) throw UsageError{fmt::format("cannot read {}", path)};
  return out;
}

}  // namespace slakit::cli
