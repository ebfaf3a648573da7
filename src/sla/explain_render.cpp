// Explanation::text() and json(): the reasons for people and for programs.
#include <fmt/format.h>

#include "json_parts.hpp"
#include "slakit/sla/explain.hpp"
#include "slakit/time/civil.hpp"
#include "slakit/time/time_zone.hpp"
#include "support/utf8.hpp"

namespace slakit {
namespace {

using detail::JsonWriter;

std::string offset_text(Seconds s) {
  const auto m = std::chrono::duration_cast<std::chrono::minutes>(s).count();
  const auto a = m < 0 ? -m : m;
  return fmt::format("{}{:02}:{:02}", m < 0 ? '-' : '+', a / 60, a % 60);
}

// A counted interval's end as the wall clock of its zone (or UTC) shows it.
struct WallClock {
  std::string date;  ///< "2026-03-06"
  std::string time;  ///< "16:00", "16:00:30", or "01:30-04:00" where it is ambiguous
  bool ambiguous = false;
};

// Seconds only when they are not zero, so that 15:00:30 does not read 15:00.
// A time the wall clock shows twice (a fall-back overlap) carries its UTC
// offset, so that "01:30-04:00" and "01:30-05:00" tell the passes apart.
WallClock wall_clock(Instant t, const std::optional<TimeZone>& zone) {
  const auto local = zone ? zone->to_local(t) : LocalSeconds{t.time_since_epoch()};
  const auto text = format_local(local);  // "2026-03-06T16:00:30"
  WallClock out{text.substr(0, 10), text.substr(11, text.compare(17, 2, "00") == 0 ? 5 : 8)};
  if (zone && zone->resolve(local).kind == LocalKind::repeated) {
    out.ambiguous = true;
    out.time += offset_text(zone->offset(t));
  }
  return out;
}

// " 2026-03-06 15:00-17:00", or with " to " between ends that carry offsets:
// " 2026-11-01 01:30-04:00 to 01:30-05:00". The second end drops its date
// when it is the first's.
std::string interval_text(const Interval& span, const std::optional<TimeZone>& zone) {
  const auto from = wall_clock(span.begin, zone), to = wall_clock(span.end, zone);
  return fmt::format(" {} {}{}{}{}", from.date, from.time,
                     from.ambiguous || to.ambiguous ? " to " : "-",
                     from.date == to.date ? "" : to.date + " ", to.time);
}

// The hours a partial closure closes, as the rule file says them: "12:00-13:00",
// "from 12:00", "until 10:00".
std::string closed_hours(const Holiday& h) {
  if (h.closed_from && h.closed_until) {
    return fmt::format("{}-{}", h.closed_from->to_string(), h.closed_until->to_string());
  }
  return h.closed_from ? fmt::format("from {}", h.closed_from->to_string())
                       : fmt::format("until {}", h.closed_until->to_string());
}

void cycle_text(std::string& out, const TargetCycle& c, const CycleExplanation& x) {
  out += fmt::format("{} / {} cycle {}{}: {}\n", c.policy, metric_name(c.metric), c.cycle,
                     c.team.empty() ? "" : " (team " + c.team + ")", target_state_name(c.state));
  if (c.target) {
    out += fmt::format("  target {}{}\n", format_duration(*c.target),
                       x.value_reason.empty() ? "" : " (" + x.value_reason + ")");
  } else {
    out += fmt::format("  no target ({})\n", x.value_reason);
  }
  out += fmt::format("  started {} by {}", format_utc(c.start), x.started_by);
  if (c.stop) out += fmt::format("; stopped by {}", x.stopped_by);
  out += '\n';
  if (x.carried > Seconds{0}) {
    out += fmt::format("  carried from the earlier cycles: {}\n", format_duration(x.carried));
  }
  if (!x.counted.empty()) {
    out += fmt::format("  counted{}:", x.zone ? " in " + x.zone->name() : " (24/7, UTC)");
    for (std::size_t i = 0; i < x.counted.size(); ++i) {
      const auto& s = x.counted[i];
      out += fmt::format("{}{} ({})", i == 0 ? "" : ",", interval_text(s.span, x.zone),
                         format_duration(s.business));
    }
    out += '\n';
  }
  for (const auto& p : x.pauses) {
    out += fmt::format("  paused {} to {} while {}\n", format_utc(p.pause.begin),
                       p.pause.end ? format_utc(*p.pause.end) : "now", p.condition);
  }
  if (!x.holidays.empty()) {
    out += "  closed:";
    for (std::size_t i = 0; i < x.holidays.size(); ++i) {
      const auto& h = x.holidays[i];
      out += fmt::format("{} {}{}{}{}", i == 0 ? "" : ",", format_date(h.date),
                         h.whole_day() ? "" : " ", h.whole_day() ? "" : closed_hours(h),
                         h.name.empty() ? "" : " " + h.name);
    }
    out += '\n';
  }
  for (const auto& d : x.dst) {
    out += fmt::format("  clocks change {} from {} to {}\n", format_utc(d.at),
                       offset_text(d.before), offset_text(d.after));
  }
  const auto zoned = [&](Instant t) {
    return x.zone ? fmt::format("{} ({})", x.zone->format(t), format_utc(t)) : format_utc(t);
  };
  if (c.breached_at) {
    out += fmt::format("  breached at {}; overdue {} ({} on the clock)\n", zoned(*c.breached_at),
                       format_duration(c.overdue), format_duration(c.overdue_calendar));
  } else if (c.due) {
    out += fmt::format("  due {}\n", zoned(*c.due));
  } else {
    out += "  no due: paused for good, or no value\n";
  }
  if (c.state == TargetState::running || c.state == TargetState::paused) {
    out += fmt::format("  remaining {}\n", format_duration(c.remaining));
  }
  if (c.cancelled_at) {
    out += fmt::format("  cancelled at {}: the policy stopped applying\n",
                       format_utc(*c.cancelled_at));
  }
}

void cycle_json(JsonWriter& w, const TargetCycle& c, const CycleExplanation& x) {
  w.begin_object();
  w.key("policy"), w.value(c.policy);
  w.key("metric"), w.value(metric_name(c.metric));
  w.key("cycle"), w.value(c.cycle);
  w.key("value_reason"), x.value_reason.empty() ? w.null() : w.value(x.value_reason);
  w.key("started_by"), w.value(x.started_by);
  w.key("stopped_by"), x.stopped_by.empty() ? w.null() : w.value(x.stopped_by);
  w.key("zone"), x.zone ? w.value(x.zone->name()) : w.null();
  w.key("carried"), w.value(static_cast<std::int64_t>(x.carried.count()));
  w.key("counted");
  w.begin_array();
  for (const auto& s : x.counted) {
    w.begin_object();
    w.key("from"), w.instant(s.span.begin);
    w.key("to"), w.instant(s.span.end);
    w.key("business"), w.value(static_cast<std::int64_t>(s.business.count()));
    w.end_object();
  }
  w.end_array();
  w.key("pauses");
  w.begin_array();
  for (const auto& p : x.pauses) {
    w.begin_object();
    w.key("from"), w.instant(p.pause.begin);
    w.key("to"), p.pause.end ? w.instant(*p.pause.end) : w.null();
    w.key("condition"), w.value(p.condition);
    w.end_object();
  }
  w.end_array();
  w.key("holidays");
  w.begin_array();
  for (const auto& h : x.holidays) {
    w.begin_object();
    w.key("date"), w.value(format_date(h.date));
    w.key("name"), w.value(h.name);
    w.key("closed_from"), h.closed_from ? w.value(h.closed_from->to_string()) : w.null();
    w.key("closed_until"), h.closed_until ? w.value(h.closed_until->to_string()) : w.null();
    w.end_object();
  }
  w.end_array();
  w.key("dst");
  w.begin_array();
  for (const auto& d : x.dst) {
    w.begin_object();
    w.key("at"), w.instant(d.at);
    w.key("offset_before"), w.value(static_cast<std::int64_t>(d.before.count()));
    w.key("offset_after"), w.value(static_cast<std::int64_t>(d.after.count()));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string Explanation::text() const {
  const auto& e = evaluation;
  // The ticket's data, escaped: an explanation line is one line.
  std::string out = fmt::format("ticket {} at {}: {}\n", detail::one_line(e.id), format_utc(e.now),
                                e.sla ? "SLA " + *e.sla : "no SLA applies");
  for (const auto& s : selection) {
    const char* kind = s.is_sla ? "sla" : "ola";
    if (s.applies) {
      out += fmt::format("  {} {} applies{}\n", kind, s.policy,
                         s.condition.empty() ? " to every ticket" : ": " + s.condition);
    } else {
      out +=
          fmt::format("  {} {} does not apply: {}\n", kind, s.policy, detail::one_line(s.why_not));
    }
  }
  for (const auto& c : e.sla_changes) {
    out += fmt::format("  SLA changed at {}: {} -> {}\n", format_utc(c.at),
                       c.from.empty() ? "none" : c.from, c.to.empty() ? "none" : c.to);
  }
  for (std::size_t i = 0; i < e.targets.size(); ++i) cycle_text(out, e.targets[i], targets[i]);
  for (std::size_t i = 0; i < e.olas.size(); ++i) cycle_text(out, e.olas[i], olas[i]);
  return out;
}

std::string Explanation::json() const {
  JsonWriter w{true};
  detail::write_reasons(w, *this);
  return w.take();
}

void detail::write_reasons(JsonWriter& w, const Explanation& x) {
  const auto& selection = x.selection;
  w.begin_object();
  w.key("selection");
  w.begin_array();
  for (const auto& s : selection) {
    w.begin_object();
    w.key("policy"), w.value(s.policy);
    w.key("kind"), w.value(s.is_sla ? "sla" : "ola");
    w.key("applies"), w.value(s.applies);
    w.key("condition"), s.condition.empty() ? w.null() : w.value(s.condition);
    w.key("why_not"), s.why_not.empty() ? w.null() : w.value(s.why_not);
    w.end_object();
  }
  w.end_array();
  for (const bool ola : {false, true}) {
    const auto& cycles = ola ? x.evaluation.olas : x.evaluation.targets;
    const auto& reasons = ola ? x.olas : x.targets;
    w.key(ola ? "olas" : "targets");
    w.begin_array();
    for (std::size_t i = 0; i < cycles.size(); ++i) cycle_json(w, cycles[i], reasons[i]);
    w.end_array();
  }
  w.end_object();
}

}  // namespace slakit
