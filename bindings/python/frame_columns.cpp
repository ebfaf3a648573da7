// The results of evaluate_frame (a row per target cycle) and metrics_frame
// (a row per ticket) as columns made in C++: numbers and instants straight
// into numpy arrays, texts as Python strings made once per distinct text.
// The JSON text of each evaluation, parsed again by Python and gathered into
// records, was two thirds of evaluate_frame's time (docs/benchmarks.md,
// "Python"). The values are those of `slakit eval`'s JSON
// (tests/python/test_frame_columns.py compares the two ways on every column).
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
      after_due{"after_due"}, to_kind{"to_kind"}, at{"at"}, fired{"fired"}, business{"business"},
      calendar{"calendar"}, form{"form"};

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
    // The form's name is its amount's key, and later its `form` (as
    // Python's dicts of an evaluation have it, _records._form).
    const py::str& form = t.form == ThresholdForm::percent      ? objects.percent
                          : t.form == ThresholdForm::before_due ? objects.before_due
                                                                : objects.after_due;
    set(d, form, py::int_(t.form == ThresholdForm::percent ? t.percent : t.offset.count()));
    if (t.escalation) {
      set(d, objects.to_kind, objects.text(t.to_kind));
      set(d, objects.to, objects.text(t.to));
    }
    set(d, objects.at, objects.instant(t.at));
    set(d, objects.fired, py::bool_(t.fired));
    set(d, objects.form, form);
    out.append(std::move(d));
  }
  return out;
}

// The evaluation of each row (or none: its error is in the batch).
using Results = std::vector<std::optional<Evaluation>>;

py::dict cycle_columns(const Batch& batch, const Results& results) {
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

// A boolean column with its missing cells: pandas' boolean from (values, mask).
struct BoolColumn {
  Flags values, missing;
  bool* value;
  bool* none;
  explicit BoolColumn(py::ssize_t n)
      : values(n), missing(n), value(values.mutable_data()), none(missing.mutable_data()) {}
  void set(py::ssize_t row, std::optional<bool> v) {
    value[row] = v.value_or(false);
    none[row] = !v;
  }
  [[nodiscard]] py::tuple done() const { return py::make_tuple(values, missing); }
};

// One row per ticket: the SLA at now and the evaluation's `metrics`, each
// business/calendar pair as two columns.
py::dict metrics_columns(const Batch& batch, const Results& results) {
  const auto n = static_cast<py::ssize_t>(results.size());
  py::list sla(n), error(n), next_responses(n);
  IntColumn first_response_business(n), first_response_calendar(n),
      next_response_average_business(n), next_response_average_calendar(n), handling_business(n),
      handling_calendar(n), resolution_business(n), resolution_calendar(n), public_replies(n),
      reopenings(n);
  BoolColumn first_contact_resolution(n);
  Objects objects;
  const py::object none = py::none();
  auto pair = [](IntColumn& business, IntColumn& calendar, py::ssize_t row,
                 const std::optional<TimePair>& p) {
    business.set(row, p ? std::optional{p->business.count()} : std::nullopt);
    calendar.set(row, p ? std::optional{p->calendar.count()} : std::nullopt);
  };
  for (py::ssize_t row = 0; row < n; ++row) {
    const auto& r = results[static_cast<std::size_t>(row)];
    const TicketMetrics* m = r ? &r->metrics : nullptr;
    sla[row] = r && r->sla ? objects.text(*r->sla) : none;
    error[row] = r ? none : py::str(batch.errors[static_cast<std::size_t>(row)]);
    pair(first_response_business, first_response_calendar, row,
         m ? m->first_response : std::nullopt);
    pair(next_response_average_business, next_response_average_calendar, row,
         m ? m->next_response_average : std::nullopt);
    pair(handling_business, handling_calendar, row, m ? std::optional{m->handling} : std::nullopt);
    pair(resolution_business, resolution_calendar, row, m ? m->resolution : std::nullopt);
    if (m != nullptr) {
      py::list responses(m->next_responses.size());
      for (std::size_t i = 0; i < m->next_responses.size(); ++i) {
        py::dict d;
        set(d, objects.business, py::int_(m->next_responses[i].business.count()));
        set(d, objects.calendar, py::int_(m->next_responses[i].calendar.count()));
        responses[i] = std::move(d);
      }
      next_responses[row] = std::move(responses);
    } else {
      next_responses[row] = none;
    }
    public_replies.set(row, m ? std::optional<std::int64_t>{m->public_replies} : std::nullopt);
    reopenings.set(row, m ? std::optional<std::int64_t>{m->reopenings} : std::nullopt);
    first_contact_resolution.set(row,
                                 m ? std::optional{m->first_contact_resolution} : std::nullopt);
  }
  py::dict out;
  out["sla"] = sla;
  out["error"] = error;
  out["next_responses"] = next_responses;
  for (const auto& [name, column] :
       {std::pair{"first_response_business", &first_response_business},
        {"first_response_calendar", &first_response_calendar},
        {"next_response_average_business", &next_response_average_business},
        {"next_response_average_calendar", &next_response_average_calendar},
        {"handling_business", &handling_business},
        {"handling_calendar", &handling_calendar},
        {"resolution_business", &resolution_business},
        {"resolution_calendar", &resolution_calendar},
        {"public_replies", &public_replies},
        {"reopenings", &reopenings}}) {
    out[name] = column->done();
  }
  out["first_contact_resolution"] = first_contact_resolution.done();
  return out;
}

// `failures`: the rows Python could not write whole, with their messages;
// each is one failed row, its line not evaluated.
// Each row's evaluation, or none (its error is then in `batch`).
Results evaluate_rows(const RuleSet& rules, const std::string& text, Instant now,
                      const std::map<std::size_t, std::string>& failures, unsigned threads,
                      Batch& batch) {
  Results results;
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
  return results;
}

py::dict evaluate_frame_columns(const Bundle& bundle, const std::string& text,
                                const py::object& now_arg,
                                const std::map<std::size_t, std::string>& failures,
                                unsigned threads, bool metrics) {
  const Instant now = *now_of(now_arg, false);
  Batch batch;
  const auto results = evaluate_rows(bundle->rules, text, now, failures, threads, batch);
  return metrics ? metrics_columns(batch, results) : cycle_columns(batch, results);
}

}  // namespace

void register_frame_columns(py::module_& m) {
  m.def("_evaluate_columns", &evaluate_frame_columns, py::arg("rules"), py::arg("text"),
        py::arg("now"), py::arg("failures"), py::arg("threads") = 0, py::arg("metrics") = false,
        "SLA evaluation of JSON Lines tickets as the columns of evaluate_frame's result (a row "
        "per target cycle) or, with metrics, of metrics_frame's (a row per ticket); a failed "
        "ticket's row holds its error.");
}

}  // namespace slakit::python
