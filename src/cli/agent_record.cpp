#include "agent_record.hpp"

#include <fmt/format.h>

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

Agent AgentReader::read(const JsonLine& line) {
  try {
    auto a = agent(parser_, line);
    if (!a.calendar.empty() && rules_.calendar(a.calendar) == nullptr) {
      throw ReadError{Where{"calendar"}, fmt::format("unknown calendar '{}'", a.calendar)};
    }
    if (!ids_.insert(a.id).second) {
      throw ReadError{Where{"id"}, fmt::format("agent '{}' appears twice", a.id)};
    }
    return a;
  } catch (const ReadError& e) {
    throw InvalidArgument(e.where.empty() ? e.what : e.where + ": " + e.what);
  }
}

}  // namespace slakit::cli
