// to_json(Evaluation): the line `slakit eval` prints for each ticket.
#include <array>

#include "json_parts.hpp"
#include "slakit/sla/evaluation.hpp"

namespace slakit {
namespace {

using detail::JsonDirect;
using detail::JsonWriter;
namespace part = detail::json_member;

// Every key below is written with its punctuation as one constant, and the
// shape is fixed: no nesting or separators tracked at run time. This line
// is most of what `slakit eval` writes (about 2.3 KB a ticket).

// `,"metric":"first_response"` and `,"state":"met"`: names slakit itself
// gives, made into members once rather than checked for escapes each time.
template <typename Enum, std::size_t N>
std::array<std::string, N> members(std::string_view key, std::string_view (*name)(Enum)) {
  std::array<std::string, N> out;
  for (std::size_t i = 0; i < N; ++i) {
    JsonWriter w{true};
    w.begin_object();
    w.key(key), w.value(name(static_cast<Enum>(i)));
    out[i] = w.take();
    out[i][0] = ',';  // in place of the '{'
  }
  return out;
}
const auto kMetricMembers = members<Metric, 5>("metric", metric_name);
const auto kStateMembers = members<TargetState, 5>("state", target_state_name);

template <typename Enum, std::size_t N, std::size_t K>
void member(JsonDirect& out, const std::array<std::string, N>& made, const char (&key)[K],
            std::string_view (*name)(Enum), Enum value) {
  const auto i = static_cast<std::size_t>(value);
  i < N ? out.verbatim(made[i]) : out.string(key, name(value));  // a name added since
}

void time_pair(JsonDirect& out, const TimePair& p) {
  out.members(part::Integer{"{\"business\":", p.business.count()},
              part::Integer{",\"calendar\":", p.calendar.count()}, part::Text{"}"});
}

void threshold(JsonDirect& out, const Threshold& t) {
  // An offset threshold names its offset, in seconds, where a share names
  // its percent.
  // (A percentage first: the common case takes one compare.)
  if (t.form == ThresholdForm::percent) {
    out.integer("{\"percent\":", t.percent);
  } else if (t.form == ThresholdForm::before_due) {
    out.integer("{\"before_due\":", t.offset.count());
  } else {
    out.integer("{\"after_due\":", t.offset.count());
  }
  if (t.escalation) {
    out.string(",\"to_kind\":", t.to_kind);
    out.string(",\"to\":", t.to);
  }
  out.members(part::Instant{",\"at\":", t.at}, part::Boolean{",\"fired\":", t.fired},
              part::Text{"}"});
}

void cycle(JsonDirect& out, const TargetCycle& c, bool ola) {
  out.string("{\"policy\":", c.policy);
  member(out, kMetricMembers, ",\"metric\":", metric_name, c.metric);
  out.integer(",\"cycle\":", c.cycle);
  if (ola) c.team.empty() ? out.text(",\"team\":null") : out.string(",\"team\":", c.team);
  member(out, kStateMembers, ",\"state\":", target_state_name, c.state);
  // Members of bounded length in groups, each with one check for room.
  out.members(part::Instant{",\"start\":", c.start}, part::Instant{",\"stop\":", c.stop},
              part::Instant{",\"due\":", c.due}, part::Instant{",\"breached_at\":", c.breached_at},
              part::Instant{",\"cancelled_at\":", c.cancelled_at});
  if (c.target) {
    out.members(part::Integer{",\"target\":", c.target->count()},
                part::Integer{",\"remaining\":", c.remaining.count()});
  } else {
    // Without a target value nothing remains to be counted down.
    out.text(",\"target\":null,\"remaining\":null");
  }
  out.members(part::Integer{",\"overdue\":", c.overdue.count()},
              part::Integer{",\"overdue_calendar\":", c.overdue_calendar.count()},
              part::Integer{",\"business_elapsed\":", c.business_elapsed.count()},
              part::Integer{",\"calendar_elapsed\":", c.calendar_elapsed.count()},
              part::Text{",\"pauses\":["});
  for (bool first = true; const auto& p : c.pauses) {
    if (!first) out.text(",");
    first = false;
    out.members(part::Instant{"{\"from\":", p.begin}, part::Instant{",\"to\":", p.end},
                part::Text{"}"});
  }
  // Warnings first, then escalations, each in rule order.
  out.text("],\"warnings\":[");
  for (bool first = true; const auto& t : c.thresholds) {
    if (t.escalation) continue;
    if (!first) out.text(",");
    first = false;
    threshold(out, t);
  }
  out.text("],\"escalations\":[");
  for (bool first = true; const auto& t : c.thresholds) {
    if (!t.escalation) continue;
    if (!first) out.text(",");
    first = false;
    threshold(out, t);
  }
  out.text("]}");
}

void cycles(JsonDirect& out, const std::vector<TargetCycle>& all, bool ola) {
  for (bool first = true; const auto& c : all) {
    if (!first) out.text(",");
    first = false;
    cycle(out, c, ola);
  }
}

void optional_pair(JsonDirect& out, const std::optional<TimePair>& p) {
  p ? time_pair(out, *p) : out.text("null");
}

}  // namespace

namespace detail {

// Flattened: with every piece inlined, the cursor's place stays in registers.
[[gnu::flatten]] void write_evaluation_members(JsonWriter& w, const Evaluation& e) {
  JsonDirect out{w};
  out.string("\"id\":", e.id);
  out.instant(",\"now\":", e.now);
  e.sla ? out.string(",\"sla\":", *e.sla) : out.text(",\"sla\":null");
  out.text(",\"sla_changes\":[");
  for (bool first = true; const auto& c : e.sla_changes) {
    if (!first) out.text(",");
    first = false;
    out.instant("{\"at\":", c.at);
    c.from.empty() ? out.text(",\"from\":null") : out.string(",\"from\":", c.from);
    c.to.empty() ? out.text(",\"to\":null") : out.string(",\"to\":", c.to);
    out.text("}");
  }
  // One loop for both lists, so that the code of a cycle, inlined, is
  // there once: it is most of the function.
  for (const bool ola : {false, true}) {
    ola ? out.text("],\"olas\":[") : out.text("],\"targets\":[");
    cycles(out, ola ? e.olas : e.targets, ola);
  }
  const auto& m = e.metrics;
  out.text("],\"metrics\":{\"first_response\":");
  optional_pair(out, m.first_response);
  out.text(",\"next_responses\":[");
  for (bool first = true; const auto& p : m.next_responses) {
    if (!first) out.text(",");
    first = false;
    time_pair(out, p);
  }
  out.text("],\"next_response_average\":");
  optional_pair(out, m.next_response_average);
  out.text(",\"handling\":");
  time_pair(out, m.handling);
  out.text(",\"resolution\":");
  optional_pair(out, m.resolution);
  out.integer(",\"public_replies\":", m.public_replies);
  out.integer(",\"reopenings\":", m.reopenings);
  out.boolean(",\"first_contact_resolution\":", m.first_contact_resolution);
  out.text("}");
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
