// evaluate_frame's result as columns made in C++: one row per target cycle,
// numbers and instants straight into numpy arrays, texts as Python strings
// made once per distinct text. The JSON text of each evaluation, parsed
// again by Python and gathered into records, was two thirds of
// evaluate_frame's time (docs/benchmarks.md, "Python"). The values are those
// of `slakit eval`'s JSON (tests/python/test_frame_columns.py compares the
// two ways on every column).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <slakit/sla/evaluation.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "record_batch.hpp"
#include "rule_bundle.hpp"

namespace slakit::python {
namespace {

using Int64s = py::array_t<std::int64_t>;
using Flags = py::array_t<bool>;

// numpy's NaT: the lowest int64 of a datetime64 column.
constexpr std::int64_t kNaT = std::numeric_limits<std::int64_t>::min();

// The Python objects a call makes, each made once: the same string for the
// same text (policies, metrics, states, teams: a handful of texts over many
// rows) and for the same instant (a cycle's thresholds and pauses share
// them), and the dicts' keys.
class Objects {
 public:
  py::object text(std::string_view t) {
    auto [it, added] = texts_.try_emplace(t);
    if (added) it->second = py::str(t.data(), t.size());
    return it->second;
  }
  py::object instant(const std::optional<Instant>& t) {
    if (!t) return py::none();
    auto [it, added] = instants_.try_emplace(t->time_since_epoch().count());
    if (added) it->second = py::str(format_utc(*t));
    return it->second;
  }
  const py::str from{"from"}, to{"to"}, percent{"percent"}, before_due{"before_due"},
      after_due{"after_due"}, to_kind{"to_kind"}, at{"at"}, fired{"fired"};

 private:
  std::unordered_map<std::string_view, py::object> texts_;  // views into the evaluations
  std::unordered_map<std::int64_t, py::object> instants_;
};

void set(py::dict& d, const py::str& key, const py::object& value) {
  if (PyDict_SetItem(d.ptr(), key.ptr(), value.ptr()) != 0) throw py::error_already_set();
}

// An integer column with its missing cells: pandas' Int64 from (values, mask).
struct IntColumn {
  Int64s values;
  Flags missing;
  std::int64_t* value;
  bool* none;
  explicit IntColumn(py::ssize_t n)
      : values(n), missing(n), value(values.mutable_data()), none(missing.mutable_data()) {}
  void set(py::ssize_t row, std::optional<std::int64_t> v) {
    value[row] = v.value_or(0);
    none[row] = !v;
  }
  [[nodiscard]] py::tuple done() const { return py::make_tuple(values, missing); }
};

// An instant column: nanoseconds since the epoch (datetime64[ns]), NaT for none.
struct InstantColumn {
  Int64s values;
  std::int64_t* value;
  explicit InstantColumn(py::ssize_t n) : values(n), value(values.mutable_data()) {}
  void set(py::ssize_t row, std::optional<Instant> t) {
    value[row] = t ? t->time_since_epoch().count() * 1'000'000'000 : kNaT;
  }
};

// `{"from": ..., "to": ...}` as `slakit eval` writes a pause.
py::list pauses(const std::vector<Pause>& all, Objects& objects) {
  py::list out(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    py::dict d;
    set(d, objects.from, objects.instant(all[i].begin));
    set(d, objects.to, objects.instant(all[i].end));
    out[i] = std::move(d);
  }
  return out;
}

// A cycle's warnings or escalations, as `slakit eval` writes them.
py::list thresholds(const std::vector<Threshold>& all, bool escalations, Objects& objects) {
  py::list out;
  for (const auto& t : all) {
    if (t.escalation != escalations) continue;
    py::dict d;
    switch (t.form) {
      case ThresholdForm::percent:
        set(d, objects.percent, py::int_(t.percent));
        break;
      case ThresholdForm::before_due:
        set(d, objects.before_due, py::int_(t.offset.count()));
        break;
      case ThresholdForm::after_due:
        set(d, objects.after_due, py::int_(t.offset.count()));
        break;
    }
    if (t.escalation) {
      set(d, objects.to_kind, objects.text(t.to_kind));
      set(d, objects.to, objects.text(t.to));
    }
    set(d, objects.at, objects.instant(t.at));
    set(d, objects.fired, py::bool_(t.fired));
    out.append(std::move(d));
  }
  return out;
}

// The evaluation of each row (or none: its error is in the batch).
using Results = std::vector<std::optional<Evaluation>>;

py::dict columns(const Batch& batch, const Results& results) {
  py::ssize_t n = 0;
  for (std::size_t row = 0; row < results.size(); ++row) {
    n += results[row]
             ? static_cast<py::ssize_t>(results[row]->targets.size() + results[row]->olas.size())
             : 1;
  }
  Int64s owners(n);
  std::int64_t* owner = owners.mutable_data();
  py::list sla(n), kind(n), policy(n), metric(n), state(n), team(n), error(n);
  py::list pause_lists(n), warnings(n), escalations(n);
  IntColumn cycle(n), target(n), remaining(n), overdue(n), overdue_calendar(n), business_elapsed(n),
      calendar_elapsed(n);
  InstantColumn start(n), stop(n), due(n), breached_at(n), cancelled_at(n);
  Objects objects;
  const py::object none = py::none();
  const py::object sla_kind = py::str("sla"), ola_kind = py::str("ola");

  py::ssize_t k = 0;
  auto empty_row = [&](std::size_t row) {
    owner[k] = static_cast<std::int64_t>(row);
    for (auto* list :
         {&sla, &kind, &policy, &metric, &state, &team, &pause_lists, &warnings, &escalations}) {
      (*list)[k] = none;
    }
    error[k] = py::str(batch.errors[row]);
    for (auto* c : {&cycle, &target, &remaining, &overdue, &overdue_calendar, &business_elapsed,
                    &calendar_elapsed}) {
      c->set(k, std::nullopt);
    }
    for (auto* c : {&start, &stop, &due, &breached_at, &cancelled_at}) c->set(k, std::nullopt);
    ++k;
  };
  auto cycle_row = [&](std::size_t row, const Evaluation& e, const TargetCycle& c, bool ola) {
    owner[k] = static_cast<std::int64_t>(row);
    sla[k] = e.sla ? objects.text(*e.sla) : none;
    kind[k] = ola ? ola_kind : sla_kind;
    policy[k] = objects.text(c.policy);
    metric[k] = objects.text(metric_name(c.metric));
    state[k] = objects.text(target_state_name(c.state));
    team[k] = ola && !c.team.empty() ? objects.text(c.team) : none;
    error[k] = none;
    cycle.set(k, c.cycle);
    target.set(k, c.target ? std::optional{c.target->count()} : std::nullopt);
    remaining.set(k, c.target ? std::optional{c.remaining.count()} : std::nullopt);
    overdue.set(k, c.overdue.count());
    overdue_calendar.set(k, c.overdue_calendar.count());
    business_elapsed.set(k, c.business_elapsed.count());
    calendar_elapsed.set(k, c.calendar_elapsed.count());
    start.set(k, c.start);
    stop.set(k, c.stop);
    due.set(k, c.due);
    breached_at.set(k, c.breached_at);
    cancelled_at.set(k, c.cancelled_at);
    pause_lists[k] = pauses(c.pauses, objects);
    warnings[k] = thresholds(c.thresholds, false, objects);
    escalations[k] = thresholds(c.thresholds, true, objects);
    ++k;
  };
  for (std::size_t row = 0; row < results.size(); ++row) {
    if (!results[row]) {
      empty_row(row);
      continue;
    }
    const auto& e = *results[row];
    for (const auto& c : e.targets) cycle_row(row, e, c, false);
    for (const auto& c : e.olas) cycle_row(row, e, c, true);
  }

  py::dict out;
  out["owners"] = owners;
  for (const auto& [name, list] : {std::pair{"sla", &sla},
                                   {"kind", &kind},
                                   {"policy", &policy},
                                   {"metric", &metric},
                                   {"state", &state},
                                   {"team", &team},
                                   {"error", &error},
                                   {"pauses", &pause_lists},
                                   {"warnings", &warnings},
                                   {"escalations", &escalations}}) {
    out[name] = *list;
  }
  for (const auto& [name, column] : {std::pair{"cycle", &cycle},
                                     {"target", &target},
                                     {"remaining", &remaining},
                                     {"overdue", &overdue},
                                     {"overdue_calendar", &overdue_calendar},
                                     {"business_elapsed", &business_elapsed},
                                     {"calendar_elapsed", &calendar_elapsed}}) {
    out[name] = column->done();
  }
  for (const auto& [name, column] : {std::pair{"start", &start},
                                     {"stop", &stop},
                                     {"due", &due},
                                     {"breached_at", &breached_at},
                                     {"cancelled_at", &cancelled_at}}) {
    out[name] = column->values;
  }
  return out;
}

// `failures`: the rows Python could not write whole, with their messages;
// each is one failed row, its line not evaluated.
py::dict evaluate_cycles(const Bundle& bundle, const std::string& text, const py::object& now_arg,
                         const std::map<std::size_t, std::string>& failures, unsigned threads) {
  const RuleSet& rules = bundle->rules;
  const Instant now = *now_of(now_arg, false);
  Batch batch;
  Results results;
  {
    py::gil_scoped_release release;
    read_all(rules, text, {}, batch);
    for (const auto& [row, message] : failures) {
      if (row >= batch.read.size()) continue;
      batch.read[row] = false;
      batch.errors[row] = message;
    }
    results.resize(batch.read.size());
    evaluate_read(rules, batch, now, threads,
                  [&](std::size_t row, const Evaluation& e) { results[row] = e; });
  }
  return columns(batch, results);
}

}  // namespace

void register_cycle_columns(py::module_& m) {
  m.def("_evaluate_cycles", &evaluate_cycles, py::arg("rules"), py::arg("text"), py::arg("now"),
        py::arg("failures"), py::arg("threads") = 0,
        "SLA evaluation of JSON Lines tickets as the columns of evaluate_frame's result: "
        "one row per target cycle, a failed ticket's row holding its error.");
}

}  // namespace slakit::python
