// The minute-stepping SLA reference. Every rule below is docs/sla.md read
// literally, quoted where it is used. Nothing here is fast on purpose, except
// that counted time is kept as a running sum per minute (one array per policy
// and ticket), so that a due is a search in that array rather than a walk.
//
// Where the page leaves a choice open, this is the reading taken:
// - Events with one id: "The first in input order is kept, whatever `now`
//   is."
// - The fields at an instant are those after every event at that instant
//   ("set by the last event at or before it"): selection, applicability,
//   pauses, target values and an OLA cycle's team use them. Cycles start and
//   stop walking the events one at a time.
// - `solved` and `reopened` in `start on` / `stop on` name the events that
//   solve and reopen the ticket as "Events" defines them (a status change
//   counts like the event); every other name is an event kind.
// - A cycle's life is [start, stop), or [start, now] while it runs, or the
//   instant start when it stops where it starts. It is reported when its
//   policy applies at an instant of it. Cycles are numbered per policy and
//   target over every cycle the events make, reported or not.
// - A cycle's target, due and threshold shares use the target in force at
//   the end of its life, or at the breach; a cancelled cycle's "the value,
//   due and thresholds it had when its policy last applied".
// - "A cycle that stops, is cancelled, or is paused for good before a
//   threshold never reaches it: its `at` is null and it has not fired."
// - `remaining` is the target minus the counted time, "never below zero"; 0
//   without a value.
// - `before` cycles count business time without pauses, list no pauses and
//   are never `paused`; they carry nothing ("A `before` target ... carries
//   nothing"). Their target is "zero when the due comes first", and
//   `overdue` counts "since the cycle's start, when its due came before it".
// - `team` (OLA cycles only): "the team an `assigned to team` event started
//   it for, or else the ticket's team at its start".
#include "reference/minute_sla.hpp"

#include <date/tz.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "reference/minute_calendar.hpp"

namespace slakit::reference {

using namespace std::chrono;

namespace {

// ---- the ticket's fields ---------------------------------------------------

using Fields = std::map<std::string, FieldValue, std::less<>>;

/// "An empty text is no value (`none`)."
FieldValue normalised(FieldValue v) {
  if (const auto* s = std::get_if<std::string>(&v); s != nullptr && s->empty()) {
    return std::monostate{};
  }
  return v;
}

FieldValue text(const std::string& s) {
  return s.empty() ? FieldValue{} : FieldValue{s};
}

void put_custom(Fields& f, const std::string& object, const CustomFields& custom) {
  for (const auto& [name, value] : custom) f[object + "." + name] = normalised(value);
}

/// "The ticket record holds its fields as they were when it was created."
Fields initial_fields(const Ticket& t) {
  Fields f;
  f["ticket.id"] = text(t.id);
  f["ticket.subject"] = text(t.subject);
  f["ticket.channel"] = text(t.channel);
  f["ticket.category"] = text(t.category);
  f["ticket.priority"] = text(t.priority);
  f["ticket.status"] = text(t.status);
  f["ticket.team"] = text(t.team);
  f["ticket.queue"] = text(t.queue);
  f["ticket.assignee"] = text(t.assignee);
  f["ticket.created"] = t.created;
  f["ticket.reopened"] = t.reopened;
  f["customer.id"] = text(t.customer.id);
  f["customer.name"] = text(t.customer.name);
  f["customer.tier"] = text(t.customer.tier);
  f["customer.region"] = text(t.customer.region);
  f["customer.language"] = text(t.customer.language);
  f["customer.country"] = text(t.customer.country);
  f["customer.zone"] = text(t.customer.zone);
  f["contract.id"] = text(t.contract.id);
  f["contract.type"] = text(t.contract.type);
  f["contract.sla"] = text(t.contract.sla);
  if (t.contract.valid_from) f["contract.start"] = *t.contract.valid_from;
  if (t.contract.valid_to) f["contract.end"] = *t.contract.valid_to;
  f["order.id"] = text(t.order.id);
  f["order.status"] = text(t.order.status);
  if (t.order.value) f["order.value"] = *t.order.value;
  if (const auto* i = std::get_if<Instant>(&t.order.due)) f["order.due"] = *i;
  if (const auto* d = std::get_if<year_month_day>(&t.order.due)) f["order.due"] = *d;
  put_custom(f, "ticket", t.fields);
  put_custom(f, "customer", t.customer.fields);
  put_custom(f, "contract", t.contract.fields);
  put_custom(f, "order", t.order.fields);
  return f;
}

/// The "changes" column of the events table.
void apply(Fields& f, const TicketEvent& e) {
  switch (e.kind) {
    case EventKind::status_changed:
      f["ticket.status"] = text(e.to);
      break;
    case EventKind::field_changed:
      f[e.field] = normalised(e.value);
      break;
    case EventKind::assigned:
      // "`team` and/or `agent`": the one not given keeps its value.
      if (!e.team.empty()) f["ticket.team"] = e.team;
      if (!e.agent.empty()) f["ticket.assignee"] = e.agent;
      break;
    case EventKind::solved:
      f["ticket.status"] = std::string{"solved"};
      break;
    case EventKind::reopened:
      f["ticket.status"] = std::string{"open"};
      f["ticket.reopened"] = true;
      break;
    case EventKind::closed:
      f["ticket.status"] = std::string{"closed"};
      break;
    default:
      break;
  }
}

const FieldValue& field(const Fields& f, const std::string& path) {
  static const FieldValue none{};
  const auto it = f.find(path);
  return it == f.end() ? none : it->second;
}

std::string text_of(const Fields& f, const std::string& path) {
  const auto* s = std::get_if<std::string>(&field(f, path));
  return s == nullptr ? std::string{} : *s;
}

// ---- conditions (docs/sla.md "Conditions", docs/language.md) ---------------

bool holds(const Expr& e, const Fields& f);

FieldValue literal_value(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::string:
    case Literal::Kind::symbol:
      return l.text;  // a bare word against a text field means that text
    case Literal::Kind::number:
      return l.number;
    case Literal::Kind::duration:
      return Seconds{l.duration.time};
    case Literal::Kind::date:
      return l.date;
    case Literal::Kind::boolean:
      return l.boolean;
    case Literal::Kind::none:
      break;
  }
  return std::monostate{};
}

FieldValue operand(const Expr& e, const Fields& f) {
  if (e.kind == Expr::Kind::field) return field(f, e.field);
  if (e.kind == Expr::Kind::literal) return literal_value(e.literal);
  return holds(e, f);  // a parenthesised condition
}

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

/// -1, 0 or 1; nullopt when the two values cannot be ordered.
std::optional<int> order(const FieldValue& a, const FieldValue& b) {
  // "A date compared with a time field means midnight UTC of that date; a
  // time field that holds a date compares as midnight UTC of that date."
  auto instant = [](const FieldValue& v) -> std::optional<Instant> {
    if (const auto* i = std::get_if<Instant>(&v)) return *i;
    if (const auto* d = std::get_if<year_month_day>(&v)) return Instant{sys_days{*d}};
    return std::nullopt;
  };
  if (std::holds_alternative<Instant>(a) || std::holds_alternative<Instant>(b)) {
    const auto x = instant(a), y = instant(b);
    if (x && y) return three_way(*x, *y);
    return std::nullopt;
  }
  if (a.index() != b.index()) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&a)) return three_way(*s, std::get<std::string>(b));
  if (const auto* n = std::get_if<double>(&a)) return three_way(*n, std::get<double>(b));
  if (const auto* x = std::get_if<bool>(&a)) return three_way(*x, std::get<bool>(b));
  if (const auto* d = std::get_if<year_month_day>(&a)) {
    return three_way(sys_days{*d}, sys_days{std::get<year_month_day>(b)});
  }
  if (const auto* s = std::get_if<Seconds>(&a)) return three_way(*s, std::get<Seconds>(b));
  return std::nullopt;
}

bool is_none(const FieldValue& v) {
  return std::holds_alternative<std::monostate>(v);
}

bool compare(const Expr& e, const Fields& f) {
  const FieldValue a = operand(e.operands.at(0), f);
  if (e.op == CompareOp::in || e.op == CompareOp::not_in) {
    // "`in` [is] false for it, ... `not in` [is] true."
    bool found = false;
    if (!is_none(a)) {
      for (const auto& l : e.list) {
        const auto o = order(a, literal_value(l));
        if (o && *o == 0) found = true;
      }
    }
    return e.op == CompareOp::in ? found : !found;
  }
  const FieldValue b = operand(e.operands.at(1), f);
  // "A field without a value equals only `none`: `==` with any value, `<`,
  // `<=`, `>`, `>=` and `in` are false for it, `!=` a value and `not in`
  // are true."
  if (is_none(a) || is_none(b)) {
    const bool both = is_none(a) && is_none(b);
    if (e.op == CompareOp::eq) return both;
    if (e.op == CompareOp::ne) return !both;
    return false;
  }
  const auto o = order(a, b);
  switch (e.op) {
    case CompareOp::eq:
      return o && *o == 0;
    case CompareOp::ne:
      return !o || *o != 0;
    case CompareOp::lt:
      return o && *o < 0;
    case CompareOp::le:
      return o && *o <= 0;
    case CompareOp::gt:
      return o && *o > 0;
    case CompareOp::ge:
      return o && *o >= 0;
    default:
      return false;
  }
}

bool holds(const Expr& e, const Fields& f) {
  switch (e.kind) {
    case Expr::Kind::literal:
      return e.literal.kind == Literal::Kind::boolean && e.literal.boolean;
    case Expr::Kind::field: {
      const auto* b = std::get_if<bool>(&field(f, e.field));
      return b != nullptr && *b;
    }
    case Expr::Kind::compare:
      return compare(e, f);
    case Expr::Kind::logical_not:
      return !holds(e.operands.at(0), f);
    case Expr::Kind::logical_and:
      for (const auto& o : e.operands) {
        if (!holds(o, f)) return false;
      }
      return true;
    case Expr::Kind::logical_or:
      for (const auto& o : e.operands) {
        if (holds(o, f)) return true;
      }
      return false;
  }
  return false;
}

bool holds(const std::optional<Expr>& e, const Fields& f, bool when_absent) {
  return e ? holds(*e, f) : when_absent;
}

// ---- events -----------------------------------------------------------------

std::string_view kind_name(EventKind k) {
  switch (k) {
    case EventKind::created:
      return "created";
    case EventKind::customer_replied:
      return "customer_replied";
    case EventKind::agent_replied:
      return "agent_replied";
    case EventKind::status_changed:
      return "status_changed";
    case EventKind::field_changed:
      return "field_changed";
    case EventKind::assigned:
      return "assigned";
    case EventKind::handed_back:
      return "handed_back";
    case EventKind::solved:
      return "solved";
    case EventKind::reopened:
      return "reopened";
    case EventKind::closed:
      return "closed";
  }
  return "?";
}

bool solved_status(const std::string& s) {
  return s == "solved" || s == "closed";
}

/// One point of the history: the creation (event == nullptr) or one event,
/// with the fields after it and whether the ticket is solved after it.
struct Step {
  Instant at;
  const TicketEvent* event = nullptr;
  Fields fields;
  bool solved = false;
  bool solving = false;    ///< this event made the ticket solved
  bool reopening = false;  ///< this event reopened a solved ticket
};

bool public_reply(const Step& s) {
  return s.event != nullptr && s.event->kind == EventKind::agent_replied && s.event->is_public;
}

/// `start on` / `stop on` names: the event kind, narrowed by `to team X`.
/// The creation is the `created` event. `solved` and `reopened` name what
/// docs/sla.md "Events" defines: "A ticket is solved from a `solved` or
/// `closed` event, or a status change to `solved` or `closed`, until it is
/// reopened", and "A status change that reopens counts as a reopening like
/// the `reopened` event." So `solved` matches the event that makes the
/// ticket solved, and `reopened` the one that reopens it.
bool matches(const std::vector<EventRef>& refs, const Step& s) {
  for (const auto& r : refs) {
    const std::string& name = r.event.text;
    if (s.event == nullptr) {
      if (name == "created") return true;
      continue;
    }
    if (name == "solved") {
      if (s.solving) return true;
      continue;
    }
    if (name == "reopened") {
      if (s.reopening) return true;
      continue;
    }
    // "`solved`, `reopened` and `closed` match whatever solves, reopens or
    // closes the ticket: the event, or a status change that does it."
    if (name == "closed") {
      if (s.event->kind == EventKind::closed ||
          (s.event->kind == EventKind::status_changed && s.event->to == "closed")) {
        return true;
      }
      continue;
    }
    if (name != kind_name(s.event->kind)) continue;
    if (r.team && !(s.event->kind == EventKind::assigned && s.event->team == r.team->text)) {
      continue;
    }
    return true;
  }
  return false;
}

// ---- calendars ----------------------------------------------------------------

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
  return -floor_div(-a, b);
}

}  // namespace

/// One calendar of the rule set: minutes from MinuteCalendar, business days
/// from the definition.
struct RefCalendar {
  RefCalendar(const Calendar& compiled)
      : definition(compiled.definition()),
        minutes(definition, compiled),
        zone(date::locate_zone(definition.zone)) {}

  /// Whether the minute starting at `minute` (minutes since the epoch) is open.
  bool open(std::int64_t minute) const {
    const auto day = floor_div(minute, 1440);
    auto it = day_masks.find(day);
    if (it == day_masks.end()) {
      std::vector<std::uint8_t> mask(1440);
      for (std::int64_t m = 0; m < 1440; ++m) {
        mask[static_cast<std::size_t>(m)] =
            minutes.is_open(Instant{Seconds{(day * 1440 + m) * 60}}) ? 1 : 0;
      }
      it = day_masks.emplace(day, std::move(mask)).first;
    }
    return it->second[static_cast<std::size_t>(minute - day * 1440)] != 0;
  }

  Instant earliest(local_seconds t) const {
    return Instant{zone->to_sys(date::local_seconds{t.time_since_epoch()}, date::choose::earliest)
                       .time_since_epoch()};
  }
  local_seconds local(Instant t) const {
    return local_seconds{
        zone->to_local(date::sys_seconds{t.time_since_epoch()}).time_since_epoch()};
  }

  /// docs/semantics.md: "A business day is a local date on which at least one
  /// period opens." A period belongs to the date it opens on, with the
  /// date's override or holidays applied.
  bool business_day(year_month_day ymd) const {
    return !minutes.periods_of(local_days{ymd}).empty();
  }

  CalendarDefinition definition;
  MinuteCalendar minutes;
  const date::time_zone* zone;
  mutable std::unordered_map<std::int64_t, std::vector<std::uint8_t>> day_masks;
};

struct MinuteSla::Impl {
  RuleSet rules;
  std::vector<const PolicyDecl*> policies;
  std::vector<const RefCalendar*> calendar_of;  ///< per policy; nullptr: 24/7
  std::map<std::string, std::unique_ptr<RefCalendar>, std::less<>> calendars;

  Evaluation evaluate(const Ticket& ticket, std::span<const TicketEvent> events, Instant now) const;
};

namespace {

// ---- the minute timeline of one ticket ----------------------------------------

struct Timeline {
  Instant t0;                  ///< minute 0: a day before the creation or the earliest due
  std::int64_t now_index = 0;  ///< minutes from t0 to now
  std::int64_t horizon = 0;    ///< minutes kept after t0 (the state at now holds after now)
  std::vector<Step> steps;     ///< the creation, then each event up to now
  std::vector<int> state;      ///< per minute 0..horizon: the step in force at its start

  Instant at(std::int64_t i) const { return t0 + minutes{i}; }
  std::size_t step_index(std::int64_t i) const {
    return static_cast<std::size_t>(state[static_cast<std::size_t>(i)]);
  }
  std::int64_t index(Instant t) const {
    if ((t - t0).count() % 60 != 0) throw std::runtime_error("reference: instant not on a minute");
    return (t - t0).count() / 60;
  }
};

/// A cycle as the events decide it: the step that started it and the one that
/// stopped it.
struct RawCycle {
  std::size_t start = 0;
  std::optional<std::size_t> stop{};
};

/// docs/sla.md "Targets and their cycles", one event at a time.
std::vector<RawCycle> cycles_of(const PolicyDecl& policy, const TargetLine& line,
                                const std::vector<Step>& steps) {
  std::vector<RawCycle> out;
  bool running = false;  // the last cycle of `out` has not stopped
  auto start = [&](std::size_t k) {
    if (running) return;  // "An event that starts when a cycle is already running ... does nothing"
    out.push_back({k, std::nullopt});
    running = true;
  };
  auto stop = [&](std::size_t k) {
    if (!running) return;  // "... or stops when none is, does nothing."
    out.back().stop = k;
    running = false;
  };
  bool seen_public_reply = false;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const Step& s = steps[k];
    const bool creation = s.event == nullptr;
    switch (line.metric) {
      case Metric::first_response:
        // "from creation to the first public agent reply. It never restarts."
        if (creation) start(k);
        if (public_reply(s) || s.solving) stop(k);
        break;
      case Metric::next_response:
        // "after the first public agent reply, each customer message that
        // finds no next_response cycle open starts one; the next public
        // agent reply stops it."
        if (s.solving) stop(k);
        if (public_reply(s)) {
          stop(k);
          seen_public_reply = true;
        }
        // "A customer message while the ticket is solved starts none."
        if (s.event != nullptr && s.event->kind == EventKind::customer_replied &&
            seen_public_reply && !s.solved) {
          start(k);
        }
        break;
      case Metric::periodic_update:
        // "from each public agent reply to the next one, while the ticket is
        // not solved." A public reply stops the running cycle and starts the next.
        if (s.solving) stop(k);
        if (public_reply(s)) {
          stop(k);
          if (!s.solved) start(k);
        }
        break;
      case Metric::resolution:
        // "from creation to solved. A reopening starts a new cycle."
        if (creation) start(k);
        if (s.solving) stop(k);
        if (s.reopening) start(k);
        break;
      case Metric::target: {
        // "a cycle starts at a `start on` event and stops at a `stop on`
        // event; without `start on` a cycle starts at creation, without `stop
        // on` it stops when the ticket is solved." Stop first: a hand-over.
        const bool stops = policy.stop_on.empty() ? s.solving : matches(policy.stop_on, s);
        const bool starts = policy.start_on.empty() ? creation : matches(policy.start_on, s);
        if (stops) stop(k);
        if (starts) start(k);
        break;
      }
    }
  }
  return out;
}

/// A cycle's counted time as a function of the minute: carried time plus
/// the running sum since its start. For a stopped cycle, "after its stop the
/// fields and the pause state it last had are taken to hold": from the stop
/// on it grows with the business time alone, or not at all when it was
/// paused. After `now`, the state at `now` holds (it is in the sums already).
struct Counter {
  const std::vector<std::int64_t>* cum = nullptr;       ///< counted seconds in [t0, t0 + i min)
  const std::vector<std::int64_t>* business = nullptr;  ///< business seconds, no pause
  std::int64_t start = 0;                               ///< minute index of the cycle's start
  std::int64_t carried = 0;                             ///< seconds carried from earlier cycles
  std::optional<std::int64_t> stop{};                   ///< minute index of the stop, if any
  bool grows = true;  ///< false: paused for good (after the stop, or after now)

  std::int64_t sum(const std::vector<std::int64_t>& v, std::int64_t i) const {
    return v[static_cast<std::size_t>(i)];
  }
  std::int64_t at_index(std::int64_t i) const {
    if (!stop || i <= *stop) return carried + sum(*cum, i) - sum(*cum, start);
    const std::int64_t at_stop = carried + sum(*cum, *stop) - sum(*cum, start);
    return grows ? at_stop + sum(*business, i) - sum(*business, *stop) : at_stop;
  }
  /// Counted time at any instant at or after the start.
  std::int64_t at_instant(const Timeline& tl, Instant t) const {
    const auto secs = (t - tl.t0).count();
    const auto i = floor_div(secs, 60);
    const auto rem = secs - i * 60;
    auto v = at_index(i);
    if (rem != 0) v += (at_index(i + 1) - at_index(i)) * rem / 60;
    return v;
  }
  /// "the first such instant" at which the counted time reaches x: the first
  /// minute boundary at or past it, less what that last minute overshoots.
  std::optional<Instant> reach(const Timeline& tl, std::int64_t x) const {
    if (at_index(start) >= x) return tl.at(start);
    if (at_index(tl.horizon) < x) {
      if (!grows) return std::nullopt;  // "paused for good before it gets there"
      throw std::runtime_error("reference: horizon too short for a due");
    }
    std::int64_t lo = start, hi = tl.horizon;  // at_index(lo) < x <= at_index(hi)
    while (hi - lo > 1) {
      const std::int64_t mid = lo + (hi - lo) / 2;
      (at_index(mid) >= x ? hi : lo) = mid;
    }
    return tl.at(lo) + Seconds{x - at_index(lo)};
  }
};

}  // namespace

MinuteSla::MinuteSla(const RuleSet& rules)
    : impl_(std::make_unique<Impl>(Impl{rules, {}, {}, {}})) {
  for (const auto& p : impl_->rules.policies()) {
    impl_->policies.push_back(&p);
    const RefCalendar* cal = nullptr;
    if (p.calendar) {
      auto it = impl_->calendars.find(p.calendar->text);
      if (it == impl_->calendars.end()) {
        const Calendar* compiled = impl_->rules.calendar(p.calendar->text);
        if (compiled == nullptr) throw std::runtime_error("reference: unknown calendar");
        it = impl_->calendars.emplace(p.calendar->text, std::make_unique<RefCalendar>(*compiled))
                 .first;
      }
      cal = it->second.get();
    }
    impl_->calendar_of.push_back(cal);
  }
}

MinuteSla::~MinuteSla() = default;

Evaluation MinuteSla::evaluate(const Ticket& ticket, std::span<const TicketEvent> events,
                               Instant now) const {
  return impl_->evaluate(ticket, events, now);
}

Evaluation evaluate_by_minutes(const RuleSet& rules, const Ticket& ticket,
                               std::span<const TicketEvent> events, Instant now) {
  return MinuteSla{rules}.evaluate(ticket, events, now);
}

namespace {

/// The value of a target line on the fields: "chosen by its first case whose
/// condition holds"; nullopt when all fail.
std::optional<std::int64_t> case_value(const TargetLine& line, const Fields& f) {
  for (const auto& c : line.cases) {
    if (holds(c.when, f, true)) {
      if (c.value.business_days != 0) {
        throw std::runtime_error("reference: business-day target values are not supported");
      }
      return c.value.time.count();
    }
  }
  return std::nullopt;
}

/// `before PATH - MARGIN`: "The due is the field's instant, minus the margin
/// in business time of the policy's calendar; a date field means the start of
/// that day in the calendar's zone (UTC without a calendar). ... A margin in
/// business days moves back that many business days (`add_business_days`)
/// and keeps the local time of day."
std::optional<Instant> before_due(const DueBefore& before, const RefCalendar* cal,
                                  const Fields& f) {
  const FieldValue& v = field(f, before.field);
  Instant base{};
  if (const auto* i = std::get_if<Instant>(&v)) {
    base = *i;
  } else if (const auto* d = std::get_if<year_month_day>(&v)) {
    base = cal ? cal->earliest(local_days{*d}) : Instant{sys_days{*d}};
  } else {
    return std::nullopt;  // "While the field has no value the cycle has no due."
  }
  const auto& m = before.margin;
  if (m.business_days != 0) {
    const local_seconds local = cal ? cal->local(base) : local_seconds{base.time_since_epoch()};
    const auto day = floor<days>(local);
    const auto time_of_day = local - day;
    // add_business_days(date, -n): the n-th business day strictly before it.
    local_days d = day;
    for (int n = m.business_days; n > 0;) {
      d -= days{1};
      if (cal == nullptr || cal->business_day(year_month_day{d})) --n;
    }
    const auto shifted = d + time_of_day;
    return cal ? cal->earliest(shifted) : Instant{shifted.time_since_epoch()};
  }
  if (m.time == 0s) return base;
  return cal ? cal->minutes.subtract(base, m.time) : base - m.time;
}

}  // namespace

Evaluation MinuteSla::Impl::evaluate(const Ticket& ticket, std::span<const TicketEvent> events,
                                     Instant now) const {
  Evaluation result;
  result.id = ticket.id;
  result.now = now;

  // ---- "Events are sorted by instant, ties kept in input order; two events
  // with the same id are one (the first is kept)": first in that order. -----
  std::vector<const TicketEvent*> kept;
  std::unordered_set<std::string> ids;
  for (const auto& e : events) {
    if (e.at < ticket.created) throw std::runtime_error("reference: event before creation");
    if (!e.id.empty() && !ids.insert(e.id).second) continue;  // the first in input order
    kept.push_back(&e);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const TicketEvent* a, const TicketEvent* b) { return a->at < b->at; });

  Timeline tl;
  if (now < ticket.created) throw std::runtime_error("reference: now before creation");
  {
    Step s0{ticket.created, nullptr, initial_fields(ticket)};
    tl.steps.push_back(std::move(s0));
  }
  for (const TicketEvent* e : kept) {
    if (e->at > now) continue;                    // "Events after `now` are ignored."
    if (e->kind == EventKind::created) continue;  // "Explicit `created` events ... are ignored."
    Step s{e->at, e, tl.steps.back().fields, tl.steps.back().solved};
    apply(s.fields, *e);
    // "A ticket is solved from a `solved` or `closed` event, or a status
    // change to `solved` or `closed`, until it is reopened: by a `reopened`
    // event, or by a status change to any other status while it is solved."
    const bool was = s.solved;
    if (e->kind == EventKind::solved || e->kind == EventKind::closed ||
        (e->kind == EventKind::status_changed && solved_status(e->to))) {
      s.solved = true;
    } else if (was && (e->kind == EventKind::reopened ||
                       (e->kind == EventKind::status_changed && !solved_status(e->to)))) {
      s.solved = false;
    }
    s.solving = !was && s.solved;
    s.reopening = was && !s.solved;
    tl.steps.push_back(std::move(s));
  }
  const std::size_t n_steps = tl.steps.size();
  const std::size_t last_step = n_steps - 1;

  // ---- which policies apply, per step -------------------------------------------
  const std::size_t n_pol = policies.size();
  std::vector<std::vector<char>> applies(n_pol, std::vector<char>(n_steps));
  std::vector<std::vector<char>> paused(n_pol, std::vector<char>(n_steps));
  std::vector<std::optional<std::size_t>> sla_of(n_steps);
  for (std::size_t k = 0; k < n_steps; ++k) {
    for (std::size_t p = 0; p < n_pol; ++p) {
      const auto& pol = *policies[p];
      paused[p][k] = holds(pol.pause_while, tl.steps[k].fields, false) ? 1 : 0;
      const bool cond = holds(pol.applies, tl.steps[k].fields, true);
      if (pol.kind == PolicyDecl::Kind::ola) {
        applies[p][k] = cond ? 1 : 0;  // "Every `ola` whose condition holds applies."
      } else if (cond && !sla_of[k]) {
        sla_of[k] = p;  // "The first `sla` in rule order whose `for` condition holds applies"
        applies[p][k] = 1;
      }
    }
  }

  // ---- "After every event, selection runs again": the SLA at each instant ---------
  // The fields at an instant are those after the last event at or before it,
  // so several events at one instant make one selection.
  auto sla_name = [&](std::size_t k) {
    return sla_of[k] ? policies[*sla_of[k]]->name.text : std::string{};
  };
  {
    std::string current;
    bool first = true;
    for (std::size_t k = 0; k < n_steps; ++k) {
      if (k + 1 < n_steps && tl.steps[k + 1].at == tl.steps[k].at) continue;
      const auto name = sla_name(k);
      if (!first && name != current) result.sla_changes.push_back({tl.steps[k].at, current, name});
      current = name;
      first = false;
    }
    if (sla_of[last_step]) result.sla = sla_name(last_step);
  }

  // ---- targets of `before` lines, per policy, line and step ----------------------
  std::vector<std::vector<std::vector<std::optional<Instant>>>> before(n_pol);
  Instant latest = now;
  Instant earliest = ticket.created;
  for (std::size_t p = 0; p < n_pol; ++p) {
    const auto& pol = *policies[p];
    before[p].resize(pol.targets.size());
    for (std::size_t t = 0; t < pol.targets.size(); ++t) {
      if (!pol.targets[t].before) continue;
      for (std::size_t k = 0; k < n_steps; ++k) {
        auto d = before_due(*pol.targets[t].before, calendar_of[p], tl.steps[k].fields);
        if (d) {
          latest = std::max(latest, *d);
          earliest = std::min(earliest, *d);
        }
        before[p][t].push_back(d);
      }
    }
  }

  // ---- the minute timeline ------------------------------------------------------
  // It begins a day before the creation or the earliest `before` due, so
  // that business time before a cycle's start can be counted too.
  tl.t0 = earliest - days{1};
  tl.now_index = tl.index(now);
  tl.horizon = tl.index(latest) + 16 * 1440;
  tl.state.resize(static_cast<std::size_t>(tl.horizon + 1));
  {
    std::size_t k = 0;
    for (std::int64_t i = 0; i <= tl.horizon; ++i) {
      while (k + 1 < n_steps && tl.steps[k + 1].at <= tl.at(i)) ++k;
      tl.state[static_cast<std::size_t>(i)] = static_cast<int>(k);
    }
  }
  const std::int64_t t0_minute = tl.t0.time_since_epoch().count() / 60;
  auto open_minutes = [&](const RefCalendar* cal) {
    std::vector<char> open(static_cast<std::size_t>(tl.horizon), 1);
    if (cal != nullptr) {
      for (std::int64_t i = 0; i < tl.horizon; ++i) {
        open[static_cast<std::size_t>(i)] = cal->open(t0_minute + i) ? 1 : 0;
      }
    }
    return open;
  };

  for (std::size_t p = 0; p < n_pol; ++p) {
    const PolicyDecl& pol = *policies[p];
    const bool is_ola = pol.kind == PolicyDecl::Kind::ola;
    auto applies_at = [&](std::int64_t i) { return applies[p][tl.step_index(i)] != 0; };
    auto paused_at = [&](std::int64_t i) { return paused[p][tl.step_index(i)] != 0; };

    // Running sums: "business time of its policy's calendar (24/7 when it has
    // none) minus the business time during which the policy's `pause while`
    // condition holds", and the business time alone (for `before`: "No pause
    // applies").
    std::vector<std::int64_t> cum_counted, cum_business;
    auto build_sums = [&] {
      if (!cum_counted.empty()) return;
      const auto open = open_minutes(calendar_of[p]);
      cum_counted.assign(static_cast<std::size_t>(tl.horizon + 1), 0);
      cum_business.assign(static_cast<std::size_t>(tl.horizon + 1), 0);
      for (std::int64_t i = 0; i < tl.horizon; ++i) {
        const auto u = static_cast<std::size_t>(i);
        cum_business[u + 1] = cum_business[u] + (open[u] ? 60 : 0);
        cum_counted[u + 1] = cum_counted[u] + (open[u] && !paused_at(i) ? 60 : 0);
      }
    };

    for (std::size_t t = 0; t < pol.targets.size(); ++t) {
      const TargetLine& line = pol.targets[t];
      const bool is_before = line.before.has_value();
      // "`on reopen continue` (the default) carries over the business time
      // counted by the earlier cycles"; "A `before` target ... carries nothing".
      const bool carries =
          line.metric == Metric::resolution && line.reopen != Reopen::restart && !is_before;
      const auto raw = cycles_of(pol, line, tl.steps);
      std::int64_t carried = 0;  // business_elapsed of the previous cycle
      for (std::size_t c = 0; c < raw.size(); ++c) {
        const RawCycle& rc = raw[c];
        const Instant start = tl.steps[rc.start].at;
        const std::int64_t s = tl.index(start);
        const bool stopped = rc.stop.has_value();
        const Instant stop = stopped ? tl.steps[*rc.stop].at : now;
        const std::int64_t e = tl.index(stop);
        const bool zero = stopped && e == s;
        // The cycle's life: minutes [s, e) when stopped, [s, now) and the
        // instant now when running. `last` indexes the state at the end of
        // that life: "the instant before its stop, or `now`".
        const std::int64_t last = stopped ? (zero ? s : e - 1) : tl.now_index;
        const std::int64_t cycle_carried = carries ? carried : 0;

        bool reported = false;
        for (std::int64_t i = s; i <= last && !reported; ++i) reported = applies_at(i);
        if (!reported && !carries) continue;

        build_sums();
        // The pause state that holds after the cycle: the one it last had
        // when stopped, the one at `now` when running.
        const bool paused_after = !is_before && paused[p][tl.step_index(last)] != 0;
        Counter counter{is_before ? &cum_business : &cum_counted,
                        &cum_business,
                        s,
                        cycle_carried,
                        stopped ? std::optional<std::int64_t>{e} : std::nullopt,
                        !paused_after};
        // The next cycle's carried time: "carries over the business time
        // counted by the earlier cycles", whether or not they were reported.
        carried = counter.at_index(e);
        if (!reported) continue;

        // The due with the target in force on the fields of one step.
        std::map<std::size_t, std::optional<Instant>> due_cache;
        auto value_at = [&](std::size_t k) -> std::optional<std::int64_t> {
          if (!is_before) return case_value(line, tl.steps[k].fields);
          const auto& d = before[p][t][k];
          if (!d) return std::nullopt;
          // "Its `target` is the business time from the cycle's start to the
          // due (zero when the due comes first)".
          return std::max<std::int64_t>(0, cum_business[static_cast<std::size_t>(tl.index(*d))] -
                                               cum_business[static_cast<std::size_t>(s)]);
        };
        auto due_at = [&](std::size_t k) -> std::optional<Instant> {
          if (is_before) return before[p][t][k];
          if (auto it = due_cache.find(k); it != due_cache.end()) return it->second;
          const auto v = value_at(k);
          std::optional<Instant> d = v ? counter.reach(tl, *v) : std::nullopt;
          due_cache[k] = d;
          return d;
        };

        TargetCycle out;
        out.policy = pol.name.text;
        out.metric = line.metric;
        out.cycle = static_cast<int>(c + 1);
        // "the team the cycle is for" (OLAs): ticket.team at the start, as
        // "the ticket's fields at an instant are those set by the last event
        // at or before it".
        // "the team an `assigned to team` event started it for, or else the
        // ticket's team at its start (after every event at that instant)".
        if (is_ola) {
          const TicketEvent* by = tl.steps[rc.start].event;
          out.team = by != nullptr && by->kind == EventKind::assigned && !by->team.empty()
                         ? by->team
                         : text_of(tl.steps[tl.step_index(s)].fields, "ticket.team");
        }
        out.start = start;
        if (stopped) out.stop = stop;

        // "A cycle breaches at the first instant that lies after its due while
        // its policy applies; it then stays breached with `breached_at` =
        // that due, whatever changes later."
        std::optional<std::size_t> breach_step;
        for (std::int64_t i = s; i <= last && !breach_step; ++i) {
          if (!applies_at(i)) continue;
          const std::size_t k = tl.step_index(i);
          const auto d = due_at(k);
          if (!d) continue;
          const bool instant_only = zero || (!stopped && i == tl.now_index);
          // A minute [t, t+1min) holds instants after the due when due <= t;
          // the single instant `now` (or a zero-length life) only when due < it.
          if (instant_only ? *d < tl.at(i) : *d <= tl.at(i)) {
            breach_step = k;
            out.breached_at = d;
          }
        }
        const std::size_t end_step = tl.step_index(last);
        const bool breached = breach_step.has_value();
        const bool cancelled = !breached && !applies[p][end_step];
        if (cancelled) {
          // "`cancelled_at` is when the policy last stopped applying."
          for (std::int64_t i = s + 1; i <= last; ++i) {
            if (applies_at(i - 1) && !applies_at(i)) out.cancelled_at = tl.at(i);
          }
        }
        // "the target in force": at the breach for a breached cycle ("For a
        // breached cycle the shares are of the target in force at the
        // breach"), else at the end of the cycle's life.
        // "A cancelled cycle reports the value, due and thresholds it had when
        // its policy last applied."
        std::size_t last_applied = end_step;
        for (std::int64_t i = s; i <= last; ++i) {
          if (applies_at(i)) last_applied = tl.step_index(i);
        }
        const std::size_t value_step =
            breached ? *breach_step : (cancelled ? last_applied : end_step);
        const auto value = value_at(value_step);
        out.target = value ? std::optional<Seconds>{Seconds{*value}} : std::nullopt;
        out.due = breached ? out.breached_at : due_at(value_step);

        if (breached) {
          out.state = TargetState::breached;
        } else if (cancelled) {
          out.state = TargetState::cancelled;
        } else if (stopped) {
          out.state = TargetState::met;
        } else if (!is_before && paused[p][last_step]) {
          out.state = TargetState::paused;
        } else {
          out.state = TargetState::running;
        }

        const std::int64_t end_index = stopped ? e : tl.now_index;
        const Instant end_instant = stopped ? stop : now;
        if (out.state == TargetState::running || out.state == TargetState::paused) {
          // "the target minus the counted time" (none without a value).
          out.remaining =
              value ? Seconds{std::max<std::int64_t>(0, *value - counter.at_index(end_index))} : 0s;
        }
        if (breached) {
          out.overdue = Seconds{counter.at_index(end_index) -
                                counter.at_instant(tl, std::max(start, *out.breached_at))};
          out.overdue_calendar = end_instant - *out.breached_at;
        }
        out.business_elapsed = Seconds{counter.at_index(end_index)};
        out.calendar_elapsed = end_instant - start;

        // "the stretches of the cycle during which the pause condition held
        // (the last one open when it still holds)"; none for `before`.
        if (pol.pause_while && !is_before && !zero) {
          const std::int64_t scan_to = stopped ? e - 1 : tl.now_index;
          std::optional<std::int64_t> begin;
          for (std::int64_t i = s; i <= scan_to; ++i) {
            const bool p_now = paused_at(i);
            if (p_now && !begin) begin = i;
            if (!p_now && begin) {
              out.pauses.push_back({tl.at(*begin), tl.at(i)});
              begin.reset();
            }
          }
          if (begin) {
            out.pauses.push_back(
                {tl.at(*begin), stopped ? std::optional<Instant>{stop} : std::nullopt});
          }
        }

        // "`warn at 75%` fires at the instant 75% of the target has been
        // counted ... The share is rounded up to a whole second." "For a
        // breached cycle the shares are of the target in force at the breach."
        for (const auto& th : pol.thresholds) {
          Threshold o;
          o.form = th.form;
          o.percent = th.percent;
          o.offset = th.offset.time;
          o.escalation = th.escalate;
          if (th.escalate) {
            o.to_kind = th.target_kind;
            o.to = th.target.text;
          }
          // "`warn 1h before due` fires at the instant the clock has counted
          // the target less one hour"; "less than nothing ... fires when the
          // cycle starts (counted zero)". "`escalate 2h after due` fires at
          // the instant the clock has counted the target plus two hours."
          if (value) {
            const std::int64_t off = th.offset.time.count();
            const std::int64_t share =
                th.form == ThresholdForm::percent      ? ceil_div(*value * th.percent, 100)
                : th.form == ThresholdForm::before_due ? std::max<std::int64_t>(0, *value - off)
                                                       : *value + off;
            // "A threshold at the target in full (100%, `0m before due`, `0m
            // after due`) falls on the due itself, also when the due lies in
            // closed hours."
            const bool at_due = th.form == ThresholdForm::percent ? th.percent == 100 : off == 0;
            o.at = at_due ? out.due : counter.reach(tl, share);
          }
          // "A cycle that stops, is cancelled, or is paused for good before a
          // threshold never reaches it: its `at` is null and it has not fired."
          // "One that stops or is cancelled at that very instant has reached it".
          if (o.at && ((stopped && stop < *o.at) ||
                       (cancelled && out.cancelled_at && *out.cancelled_at < *o.at))) {
            o.at.reset();
          }
          o.fired = o.at && *o.at <= now;
          out.thresholds.push_back(std::move(o));
        }

        (is_ola ? result.olas : result.targets).push_back(std::move(out));
      }
    }
  }
  return result;
}

}  // namespace slakit::reference
