// to_json(Evaluation): the line `slakit eval` prints for each ticket.
#include "json_parts.hpp"
#include "slakit/sla/evaluation.hpp"

namespace slakit {
namespace {

using detail::JsonWriter;

void instant(JsonWriter& w, std::string_view key, const std::optional<Instant>& t) {
  w.key(key);
  if (t) {
    w.instant(*t);
  } else {
    w.null();
  }
}

void seconds(JsonWriter& w, std::string_view key, Seconds s) {
  w.key(key);
  w.value(static_cast<std::int64_t>(s.count()));
}

void time_pair(JsonWriter& w, const TimePair& p) {
  w.begin_object();
  seconds(w, "business", p.business);
  seconds(w, "calendar", p.calendar);
  w.end_object();
}

void time_pair(JsonWriter& w, std::string_view key, const std::optional<TimePair>& p) {
  w.key(key);
  p ? time_pair(w, *p) : w.null();
}

void cycle(JsonWriter& w, const TargetCycle& c, bool ola) {
  w.begin_object();
  w.key("policy"), w.value(c.policy);
  w.key("metric"), w.value(metric_name(c.metric));
  w.key("cycle"), w.value(c.cycle);
  if (ola) w.key("team"), c.team.empty() ? w.null() : w.value(c.team);
  w.key("state"), w.value(target_state_name(c.state));
  instant(w, "start", c.start);
  instant(w, "stop", c.stop);
  instant(w, "due", c.due);
  instant(w, "breached_at", c.breached_at);
  instant(w, "cancelled_at", c.cancelled_at);
  w.key("target");
  if (c.target) {
    w.value(static_cast<std::int64_t>(c.target->count()));
  } else {
    w.null();
  }
  // Without a target value nothing remains to be counted down.
  w.key("remaining");
  c.target ? w.value(static_cast<std::int64_t>(c.remaining.count())) : w.null();
  seconds(w, "overdue", c.overdue);
  seconds(w, "overdue_calendar", c.overdue_calendar);
  seconds(w, "business_elapsed", c.business_elapsed);
  seconds(w, "calendar_elapsed", c.calendar_elapsed);
  w.key("pauses");
  w.begin_array();
  for (const auto& p : c.pauses) {
    w.begin_object();
    instant(w, "from", p.begin);
    instant(w, "to", p.end);
    w.end_object();
  }
  w.end_array();
  for (const bool escalations : {false, true}) {
    w.key(escalations ? "escalations" : "warnings");
    w.begin_array();
    for (const auto& t : c.thresholds) {
      if (t.escalation != escalations) continue;
      w.begin_object();
      w.key("percent"), w.value(t.percent);
      if (escalations) {
        w.key("to_kind"), w.value(t.to_kind);
        w.key("to"), w.value(t.to);
      }
      instant(w, "at", t.at);
      w.key("fired"), w.value(t.fired);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

}  // namespace

namespace detail {

void write_evaluation_members(JsonWriter& w, const Evaluation& e) {
  w.key("id"), w.value(e.id);
  instant(w, "now", e.now);
  w.key("sla");
  if (e.sla) {
    w.value(*e.sla);
  } else {
    w.null();
  }
  w.key("sla_changes");
  w.begin_array();
  for (const auto& c : e.sla_changes) {
    w.begin_object();
    instant(w, "at", c.at);
    w.key("from"), c.from.empty() ? w.null() : w.value(c.from);
    w.key("to"), c.to.empty() ? w.null() : w.value(c.to);
    w.end_object();
  }
  w.end_array();
  for (const bool ola : {false, true}) {
    w.key(ola ? "olas" : "targets");
    w.begin_array();
    for (const auto& c : ola ? e.olas : e.targets) cycle(w, c, ola);
    w.end_array();
  }
  const auto& m = e.metrics;
  w.key("metrics");
  w.begin_object();
  time_pair(w, "first_response", m.first_response);
  w.key("next_responses");
  w.begin_array();
  for (const auto& p : m.next_responses) time_pair(w, p);
  w.end_array();
  time_pair(w, "next_response_average", m.next_response_average);
  time_pair(w, "handling", m.handling);
  time_pair(w, "resolution", m.resolution);
  w.key("public_replies"), w.value(m.public_replies);
  w.key("reopenings"), w.value(m.reopenings);
  w.key("first_contact_resolution"), w.value(m.first_contact_resolution);
  w.end_object();
}

}  // namespace detail

std::string to_json(const Evaluation& e) {
  std::string out;
  to_json(e, out);
  return out;
}

void to_json(const Evaluation& e, std::string& out) {
  JsonWriter w{true};
  w.append_to(std::move(out));
  w.begin_object();
  detail::write_evaluation_members(w, e);
  w.end_object();
  out = w.take();
}

std::string to_json(const Explanation& x) {
  JsonWriter w{true};
  w.begin_object();
  detail::write_evaluation_members(w, x.evaluation);
  w.key("explanation");
  detail::write_reasons(w, x);
  w.end_object();
  return w.take();
}

}  // namespace slakit
