#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "check_state.hpp"
#include "lang/format/expr_text.hpp"
#include "slakit/model/ticket.hpp"

namespace slakit::detail {

using namespace std::chrono;

void Checker::check_policy(const PolicyDecl& p) {
  const char* kind = p.kind == PolicyDecl::Kind::sla ? "sla" : "ola";
  if (p.applies) check_condition(*p.applies);
  if (p.pause_while) check_condition(*p.pause_while);
  if (p.calendar) (void)check_calendar_name(*p.calendar);
  if (p.calendar_field) (void)check_text_field(*p.calendar_field, "a calendar");
  if (p.targets.empty()) {
    error("E0210",
          fmt::format("{} '{}' has no targets: add one like resolution 8h", kind, p.name.text),
          p.name.span);
  }
  std::set<Metric> seen;
  for (const auto& t : p.targets) {
    if (!seen.insert(t.metric).second) {
      error("E0201", "a second target for the same metric", t.span);
    }
    for (std::size_t i = 0; i < t.cases.size(); ++i) {
      const auto& c = t.cases[i];
      if (c.when) check_condition(*c.when);
      if (!c.when && i + 1 != t.cases.size()) {
        error("E0220", "only the last value of a target may stand without 'when'", c.span);
      }
    }
    if (t.reopen != Reopen::unspecified && t.metric != Metric::resolution) {
      error("E0221", "'on reopen' applies to resolution targets only", t.reopen_span);
    }
    if (t.before) {
      if (const auto* f = field(t.before->field, t.before->span);
          f != nullptr && f->type != FieldType::time && f->type != FieldType::date) {
        error("E0217",
              fmt::format("'before' needs a time or date field; {} is {}", f->path, describe(*f)),
              t.before->span);
      }
    }
  }
  for (const auto& e : p.start_on) check_event(e);
  for (const auto& e : p.stop_on) check_event(e);
  // ServiceNow documents this trap and detects none of it: an event that
  // both starts and stops the clock hands over at once, and rarely is meant.
  for (const auto& start : p.start_on) {
    for (const auto& stop : p.stop_on) {
      const bool same_team = !stop.team || (start.team && start.team->text == stop.team->text);
      if (start.event.text == stop.event.text && same_team) {
        warning("W0223",
                fmt::format("'{}' both starts and stops the clock: each one ends the running "
                            "cycle and starts the next",
                            start.event.text),
                stop.span);
      }
    }
  }
  for (const auto& t : p.thresholds) {
    if (t.form == ThresholdForm::percent && (t.percent < 0 || t.percent > 100)) {
      error("E0209", fmt::format("percentage {}% is outside 0% to 100%", t.percent), t.span);
    }
    // Whatever the amount: `0bd` too (docs/sla.md); a number too large
    // (E0103) has no amount to name.
    if (t.form != ThresholdForm::percent && t.offset_in_business_days && !damaged(t.span)) {
      business_days_offset(t);
    }
  }
  check_threshold_offsets(p);
  check_threshold_order(p);
  check_threshold_twice(p);
}

namespace {

// The offset as the line writes it, on one line: `2 business\n days` reads
// `2 business days`.
std::string one_spaced(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

}  // namespace

// E0244. The fix suggested follows the amount written: zero business days
// falls on the due, as `0m` does; N of them are N days of the calendar's
// hours, which only the user knows (a short Friday, a half-day holiday).
void Checker::business_days_offset(const ThresholdLine& t) {
  // A line built without the parser has no span: its amount as fmt writes it.
  const auto& span = t.offset_span;
  const auto written = span.end > span.begin ? one_spaced(sources_.text(span)) : offset_text(t);
  const char* side = t.form == ThresholdForm::before_due ? "before" : "after";
  const long long days = t.offset.business_days;
  if (days == 0) {
    error("E0244",
          fmt::format("an offset of zero business days ('{}') falls on the due itself: write "
                      "'0m {} due', which says so in hours and minutes (the same instant as "
                      "'at 100%')",
                      written, side),
          t.span);
    return;
  }
  error("E0244",
        fmt::format("an offset in business days ('{}'): a business day is no fixed amount of "
                    "business time; write the business time you mean in hours and minutes of "
                    "the policy's calendar ('{}h {} due' if its business days are 8 hours long)",
                    written, days * 8, side),
        t.span);
}

// A value with an error holds no amount to compare: a warning computed from
// it would only add noise to that error (review 20).
bool Checker::threshold_valid(const ThresholdLine& t) const {
  if (damaged(t.span)) return false;  // E0103: the number is too large
  return t.form == ThresholdForm::percent ? t.percent >= 0 && t.percent <= 100  // E0209
                                          : !t.offset_in_business_days;         // E0244
}

// "Less than nothing": an offset at or above a target fires when the cycle
// starts. Only fixed targets are compared: business days and `before`
// targets are known per ticket.
void Checker::check_threshold_offsets(const PolicyDecl& p) {
  for (const auto& t : p.thresholds) {
    if (t.form != ThresholdForm::before_due || !threshold_valid(t)) continue;
    std::vector<std::string> reached;
    for (const auto& target : p.targets) {
      for (const auto& c : target.cases) {
        // The value stands before `when`: an error there (E0103) leaves no
        // amount; one in the condition leaves the value as written.
        const SourceSpan value{c.span.file, c.span.begin, c.when ? c.when->span.begin : c.span.end};
        if (damaged(value)) continue;
        if (c.value.business_days == 0 && c.value.time <= t.offset.time) {
          // As the policy writes it, "first_response 1h when ...", but an
          // OLA's "target 45m" as "the target 45m".
          reached.push_back(fmt::format(
              "{}{}{}",
              target.metric == Metric::target ? "" : std::string{metric_name(target.metric)} + " ",
              duration_text(c.value), c.when ? " when ..." : ""));
        }
      }
    }
    if (reached.empty()) continue;
    warning("W0245",
            fmt::format("'{} {}' is at or above the target{} {}: it fires when the cycle starts",
                        t.escalate ? "escalate" : "warn", threshold_when_text(t),
                        reached.size() == 1 ? "" : "s", join(reached)),
            t.span);
  }
}

// The same threshold twice (`warn 90m before due` and `warn 1h30m before
// due`, or `warn at 100%` and `warn 0m after due`): one line too many, or a
// slip for another value.
void Checker::check_threshold_twice(const PolicyDecl& p) {
  // 100%, `0m before due` and `0m after due` all fall on the due.
  const auto on_due = [](const ThresholdLine& t) {
    return t.form == ThresholdForm::percent ? t.percent == 100 : t.offset == BusinessDuration{};
  };
  const auto same = [&](const ThresholdLine& a, const ThresholdLine& b) {
    if (a.escalate != b.escalate) return false;
    const bool same_place =
        (on_due(a) && on_due(b)) ||
        (a.form == b.form &&
         (a.form == ThresholdForm::percent ? a.percent == b.percent : a.offset == b.offset));
    return same_place &&
           (!a.escalate || (a.target_kind == b.target_kind && a.target.text == b.target.text));
  };
  for (std::size_t i = 0; i < p.thresholds.size(); ++i) {
    if (!threshold_valid(p.thresholds[i])) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (!threshold_valid(p.thresholds[j]) || !same(p.thresholds[j], p.thresholds[i])) continue;
      warning("W0246",
              fmt::format("the same {} as at {}: a line too many, or another value meant",
                          p.thresholds[i].escalate ? "escalation" : "warning",
                          where(p.thresholds[j].span)),
              p.thresholds[i].span);
      break;
    }
  }
}

// A warning is meant to come before the escalation it warns of. Compared
// where the order holds for every ticket: two shares, two offsets before
// the due (the larger offset comes first), or two after it (the smaller
// comes first). Different forms compare only per ticket, against its target.
void Checker::check_threshold_order(const PolicyDecl& p) {
  const auto at_or_after = [](const ThresholdLine& w, const ThresholdLine& e) {
    if (w.form != e.form) return false;
    switch (w.form) {
      case ThresholdForm::percent:
        return w.percent >= e.percent;
      case ThresholdForm::before_due:
        return w.offset.time <= e.offset.time;
      case ThresholdForm::after_due:
        return w.offset.time >= e.offset.time;
    }
    return false;
  };
  for (const auto& w : p.thresholds) {
    if (w.escalate || !threshold_valid(w)) continue;
    for (const auto& e : p.thresholds) {
      if (e.escalate && threshold_valid(e) && at_or_after(w, e)) {
        warning("W0224",
                fmt::format("warning {} comes at or after the escalation {}",
                            threshold_when_text(w), threshold_when_text(e)),
                w.span);
        break;
      }
    }
  }
}

void Checker::check_event(const EventRef& e) {
  if (!parse_event_kind(e.event.text)) {
    std::vector<std::string> known;
    for (int k = 0; k <= static_cast<int>(EventKind::closed); ++k) {
      known.emplace_back(event_kind_name(static_cast<EventKind>(k)));
    }
    error("E0216",
          fmt::format("unknown event '{}' (expected one of {}){}", e.event.text, join(known),
                      suggestion(e.event.text, known)),
          e.event.span);
  } else if (e.team && e.event.text != "assigned") {
    error("E0216", "only 'assigned' takes 'to team'", e.span);
  }
}

}  // namespace slakit::detail
