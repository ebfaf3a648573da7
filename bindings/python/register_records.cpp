// SLA evaluation and routing of ticket records in bulk, through the one
// ticket reader of every front end (src/cli/ticket_reader.hpp) and the one
// JSON writer: the pure-Python layer hands over JSON Lines text (one
// ticket per line, made by the json module or pandas' to_json), and gets
// back, per line, the JSON object `slakit eval` / `slakit route` prints for
// it or the error it would report. So Python's answers are the CLI's by
// construction. The GIL is released for the whole batch: the work touches
// only C++ objects.
#include <fmt/format.h>
#include <pybind11/stl.h>
#include <slakit/routing/agent.hpp>
#include <slakit/routing/route.hpp>
#include <slakit/sla/evaluation.hpp>
#include <slakit/sla/explain.hpp>

#include <optional>
#include <string>
#include <vector>

#include "agent_record.hpp"
#include "json_lines.hpp"
#include "record_batch.hpp"
#include "rule_bundle.hpp"
#include "ticket_reader.hpp"
#include "time_convert.hpp"

namespace slakit::python {
namespace {

py::tuple result(Batch& batch) {
  py::list json, errors;
  for (std::size_t i = 0; i < batch.json.size(); ++i) {
    const bool failed = !batch.errors[i].empty();
    json.append(failed ? py::object{py::none()} : py::str(batch.json[i]));
    errors.append(failed ? py::object{py::str(batch.errors[i])} : py::object{py::none()});
  }
  return py::make_tuple(json, errors);
}

// Runs `one(row)` for every row that was read, catching what a ticket
// throws into its row as the CLI reports it on its line.
template <class One>
void each_read(Batch& batch, One one) {
  for (std::size_t i = 0; i < batch.tickets.size(); ++i) {
    if (!batch.read[i]) continue;
    try {
      one(i);
    } catch (const std::exception& e) {
      batch.errors[i] = e.what();
    }
  }
}

// Each ticket's evaluation, explanation, or what falls due next (`null`
// when nothing does).
py::tuple evaluate_lines(const Bundle& bundle, const std::string& text, const py::object& now_arg,
                         bool explain, unsigned threads, bool next) {
  const RuleSet& rules = bundle->rules;
  const Instant now = *now_of(now_arg, false);
  Batch batch;
  {
    py::gil_scoped_release release;
    read_all(rules, text, {}, batch);
    if (explain) {
      each_read(batch, [&](std::size_t i) {
        const auto& h = batch.tickets[i];
        batch.json[i] = to_json(slakit::explain(rules, h.ticket, h.events, now));
      });
    } else {
      evaluate_read(rules, batch, now, threads, [&](std::size_t row, const Evaluation& e) {
        if (!next) {
          to_json(e, batch.json[row]);
        } else {
          const auto due = next_due(e);
          batch.json[row] = due ? to_json(*due) : "null";
        }
      });
    }
  }
  return result(batch);
}

// The agents of a route call, read as `slakit route --agents` reads them;
// unlike the CLI, which skips a bad line, a bad agent raises, naming it.
std::vector<Agent> read_agents(const RuleSet& rules, const std::string& text) {
  cli::JsonChunk chunk;
  cli::load_chunk(chunk, text);
  cli::AgentReader reader{rules, Fractions::truncate, cli::AgentReader::Places::list_items};
  std::vector<Agent> agents;
  for (const auto& line : chunk.lines) {
    try {
      agents.push_back(reader.read(line));
    } catch (const InvalidArgument& e) {
      throw InvalidArgument(fmt::format("agents[{}]: {}", line.number - 1, e.what()));
    }
  }
  return agents;
}

py::tuple route_lines(const Bundle& bundle, const std::string& text, const py::object& now_arg,
                      bool explain, const std::optional<std::string>& agents_text) {
  const RuleSet& rules = bundle->rules;
  const auto now = now_of(now_arg, true);
  // Who works, and which skills have dropped, depend on the instant.
  if (agents_text && !now) throw py::value_error("choosing agents needs now");
  Batch batch;
  {
    py::gil_scoped_release release;
    const auto agents = agents_text ? read_agents(rules, *agents_text) : std::vector<Agent>{};
    read_all(rules, text, cli::routing_reader_options(rules), batch);
    Routing r;
    each_read(batch, [&](std::size_t i) {
      const auto& h = batch.tickets[i];
      if (explain) {
        const auto x = explain_route(rules, h.ticket, h.events, now);
        batch.json[i] =
            agents_text ? to_json(x, choose_agent(rules, x.routing, agents, *now)) : to_json(x);
      } else {
        route(rules, h.ticket, h.events, now, r);
        batch.json[i] = agents_text ? to_json(r, choose_agent(rules, r, agents, *now)) : to_json(r);
      }
    });
  }
  return result(batch);
}

}  // namespace

void register_records(py::module_& m) {
  m.def("_evaluate_lines", &evaluate_lines, py::arg("rules"), py::arg("text"), py::arg("now"),
        py::arg("explain") = false, py::arg("threads") = 0, py::arg("next_due") = false,
        "SLA evaluation (or, with next_due, what falls due next) of JSON Lines tickets: "
        "(json texts, errors), one each per line.");
  m.def("_route_lines", &route_lines, py::arg("rules"), py::arg("text"),
        py::arg("now") = py::none(), py::arg("explain") = false, py::arg("agents") = std::nullopt,
        "Routing of JSON Lines tickets: (json texts, errors), one each per line.");
}

}  // namespace slakit::python
