#include "agent_record.hpp"

#include <fmt/format.h>

#include <optional>

#include "json_values.hpp"
#include "support/utf8.hpp"

namespace slakit::cli {
namespace {

namespace dom = simdjson::dom;

// Each item a string: a null in the list is an error of its place
// ("skills[0]: expected a string"), not an empty name (text() reads a null
// member as one left out, which an item of a list cannot be).
std::vector<std::string> names(dom::element v, std::string_view key) {
  std::vector<std::string> out;
  std::size_t i = 0;
  for (const auto item : get<dom::array>(v, Where{key}, "an array of strings")) {
    out.emplace_back(get<std::string_view>(item, Where{key, i++}, "a string"));
  }
  return out;
}

int count(dom::element v, std::string_view key) {
  const auto n = get<std::int64_t>(v, Where{key}, "a whole number");
  if (n < 0 || n > 1'000'000) {
    throw ReadError{Where{key}, fmt::format("{} is out of range (0 to 1000000)", n)};
  }
  return static_cast<int>(n);
}

// Fills `a` as it reads, the id first, so that an error found later can
// name the agent (docs/routing.md: "an error naming the agent").
void agent(dom::parser& parser, const JsonLine& line, InstantReading& instants, Agent& a) {
  dom::element doc;
  if (const auto err = parser.parse(line.data, line.size, false).get(doc)) {
    throw ReadError{Where{}, fmt::format("invalid JSON: {}", simdjson::error_message(err))};
  }
  const auto object = get<dom::object>(doc, Where{}, "a JSON object");
  if (dom::element value; !object["id"].get(value)) a.id = id(value, Where{"id"});
  for (const auto [key, value] : object) {
    if (key == "id") {
      continue;
    } else if (key == "teams") {
      a.teams = names(value, "teams");
    } else if (key == "skills") {
      a.skills = names(value, "skills");
    } else if (key == "capacity") {
      a.capacity = count(value, "capacity");
    } else if (key == "open_tickets") {
      a.open_tickets = count(value, "open_tickets");
    } else if (key == "last_assigned" && !value.is_null()) {
      a.last_assigned = instants(view(value, Where{"last_assigned"}), Where{"last_assigned"});
    } else if (key == "calendar") {
      a.calendar = text(value, Where{"calendar"});
    }
  }
  if (a.id.empty()) throw ReadError{Where{"id"}, "missing: every agent needs an \"id\""};
}

}  // namespace

Agent AgentReader::read(const JsonLine& line) {
  last_id_.clear();
  last_repeated_ = false;
  Agent a;
  std::optional<ReadError> invalid;
  try {
    agent(parser_, line, instants_, a);
    if (!a.calendar.empty() && rules_.calendar(a.calendar) == nullptr) {
      throw ReadError{Where{"calendar"},
                      fmt::format("unknown calendar {}", detail::quoted(a.calendar))};
    }
  } catch (const ReadError& e) {
    invalid = e;
  }
  last_id_ = a.id;
  // An id on an earlier line, valid or not, is a repeat: which of the two
  // states holds would be a guess (review 24 F2: a repeat on a line that
  // failed for another reason left the first line in use).
  std::string first_place;  // of the id, when it came before
  if (!a.id.empty()) {
    if (const auto [first, added] = first_line_.try_emplace(a.id, line.number); !added) {
      last_repeated_ = true;
      first_place = places_ == Places::lines ? fmt::format("first on line {}", first->second)
                                             : fmt::format("first agents[{}]", first->second - 1);
    }
  }
  if (invalid) {
    const auto& e = *invalid;
    const auto own = e.where.empty() ? e.what : e.where + ": " + e.what;
    // The repeat as one more error of the line, worded as the others are
    // ("FIELD: what"): the caller names the agent once, in front (review 25).
    throw InvalidArgument(first_place.empty()
                              ? own
                              : fmt::format("{}; and id: appears twice ({})", own, first_place));
  }
  if (!first_place.empty()) {
    throw InvalidArgument(
        fmt::format("id: agent {} appears twice ({})", detail::quoted(a.id), first_place));
  }
  return a;
}

}  // namespace slakit::cli
