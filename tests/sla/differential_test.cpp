// The SLA engine against the minute-stepping reference
// (tests/reference/minute_sla.*, written from docs/sla.md alone), on random
// ticket histories: creations in 2026, half of them within days of a DST
// transition, 0-12 events of every kind at whole minutes, duplicated ids,
// shuffled input, and `now` anywhere after creation.
//
// SLAKIT_SLA_DIFF_CASES sets the number of histories, spread over the rule
// sets below (default 10,000 in an optimised build, about 8 s; 2,000 without
// NDEBUG or under AddressSanitizer); SLAKIT_SLA_DIFF_SEED sets the seed. Both
// are printed. Each kind of mismatch is shown once: the rule set, the ticket,
// its events in input order and `now`, shrunk to fewer events and fields
// while the mismatch survives, then both evaluations with the differing lines
// marked '!'. A summary counts the mismatching histories by kind.
#include <doctest/doctest.h>

#include <slakit/sla/evaluation.hpp>
#include <slakit/slakit.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "reference/minute_sla.hpp"

using namespace std::chrono;
using namespace slakit;

namespace {

// ---- rule sets ---------------------------------------------------------------

// Berlin: breaks, a Saturday night shift across both DST changes, Easter,
// whole and partial one-off holidays; SLAs by contract.sla and by priority
// (so that field changes switch the SLA mid-ticket); OLAs by team.
constexpr const char* kBerlinRules = R"(
calendar berlin_support {
  zone "Europe/Berlin"
  mon..fri 08:00-12:00, 12:30-17:00
  sat 22:00-06:00
  holiday "Good Friday" easter - 2
  holiday "Easter Monday" easter + 1
  closed 2026-03-30 until 12:00
  closed 2026-10-26
  holiday "Christmas Eve" dec 24 from 12:00
}

sla gold for contract.sla == "gold" {
  calendar berlin_support
  first_response 1h when ticket.priority == urgent, 2h when ticket.priority == high, otherwise 4h
  next_response 2h when ticket.priority in [high, urgent], otherwise 8h
  resolution 16h on reopen restart
  pause while ticket.status in [pending_customer, on_hold]
  warn at 75%
  warn 90m before due
  escalate at 100% to team leads
  escalate 2h after due to team managers
}

sla urgent_any for ticket.priority == urgent {
  first_response 30m
  periodic_update 2h
  resolution 8h
  pause while ticket.status == pending_customer
  warn at 25%
  warn at 50%
  escalate at 75% to queue escalations
  escalate 10m before due to team leads
  warn 15m after due
}

sla silver for contract.sla == "silver" {
  calendar berlin_support
  first_response 0m when ticket.priority == low, otherwise 4h
  periodic_update 8h when ticket.priority in [high, urgent]
  resolution 24h
  pause while ticket.status == on_hold
  escalate at 100% to agent duty
}

ola l2_handoff for ticket.team == "l2" {
  calendar berlin_support
  start on assigned to team l2
  stop on handed_back, solved
  target 4h
  warn at 50%
  warn 1h before due
  escalate at 100% to team l2_leads
  escalate 1h after due to team l2_leads
}

ola l1_triage for ticket.team == "l1" {
  target 2h when ticket.priority in [high, urgent], otherwise 6h
  pause while ticket.status == pending_customer
  warn at 75%
}
)";

// New York: order due dates (`before`, in business days and in hours), a
// Sunday night period across both DST changes, half-day and whole-day
// holidays; a catch-all SLA without a calendar.
constexpr const char* kNewYorkRules = R"(
calendar ny_office {
  zone "America/New_York"
  mon..fri 09:00-12:00, 13:00-17:00
  sun 01:00-03:30
  holiday "Thanksgiving" 4th thu of nov
  holiday "Independence Day" jul 4 observed
  closed 2026-03-09 from 12:00
  closed 2026-11-02
}

sla order_promise for order.due != none and contract.sla != "bronze" {
  calendar ny_office
  first_response 30m when ticket.priority == urgent, otherwise 2h
  resolution before order.due - 1 business day on reopen restart
  pause while ticket.status == pending_customer
  warn at 25%
  warn at 50%
  warn 3h before due
  escalate at 100% to agent boss
  escalate 4h after due to agent boss
}

sla rush for order.due < 2026-07-01 {
  calendar ny_office
  first_response 1h
  next_response 1h when ticket.priority in [high, urgent], otherwise 4h
  resolution before order.due - 2h
  warn at 75%
  escalate 30m before due to team rush_leads
}

sla standard {
  first_response 8h
  next_response 4h
  periodic_update 12h when ticket.priority == urgent
  resolution 48h
  pause while ticket.status in [pending_customer, on_hold]
  escalate at 50% to team leads
}

ola l2_desk for ticket.team == "l2" {
  calendar ny_office
  start on assigned to team l2
  stop on handed_back, solved
  target 2h
  warn at 50%
}
)";

// Lord Howe: the 30-minute DST shift inside weekend night periods, Easter
// Monday, a substitute Christmas and a partial holiday; `on reopen continue`
// (the default); an OLA that hands over on every assignment.
constexpr const char* kLordHoweRules = R"(
calendar lord_howe {
  zone "Australia/Lord_Howe"
  mon..fri 09:00-17:00
  sat..sun 01:00-03:00
  holiday "Easter Monday" easter + 1
  holiday "Christmas" dec 25 observed substitute
  closed 2026-10-05 from 13:00
}

sla premium for contract.sla in [gold, silver] {
  calendar lord_howe
  first_response 90m when ticket.priority in [high, urgent], otherwise 3h
  next_response 3h
  periodic_update 6h
  resolution 12h
  pause while ticket.status in [pending_customer, on_hold]
  warn at 25%
  warn at 75%
  escalate 45m before due to team duty
  escalate at 100% to team duty
  warn 30m after due
}

sla basic for ticket.priority != low {
  calendar lord_howe
  first_response 6h
  resolution 20h on reopen continue
  pause while ticket.status == pending_customer
  warn at 50%
  warn 0m before due
}

ola l2_lh for ticket.team == "l2" {
  calendar lord_howe
  start on assigned to team l2
  stop on handed_back, solved
  target 3h
  escalate at 100% to team l2_leads
}

ola handling {
  start on assigned
  stop on assigned, solved, closed
  target 1h
  warn at 50%
  escalate 5m after due to team handling_leads
}
)";

// Around the clock: SLAs without a calendar chosen by priority, `before`
// without a calendar (UTC days), a pause that depends on the priority, an
// SLA `target` started by customer messages, an OLA started on creation.
constexpr const char* kAroundTheClockRules = R"(
calendar ny_office {
  zone "America/New_York"
  mon..fri 08:00-18:00
  sat 22:00-06:00
  closed 2026-03-06 from 12:00
  closed 2026-11-03
}

sla hot for ticket.priority in [high, urgent] {
  first_response 1h
  periodic_update 4h
  resolution before order.due - 1 business day
  pause while ticket.status == on_hold or ticket.status == pending_customer and ticket.priority != urgent
  warn at 50%
  warn 2h before due
  escalate at 100% to queue hot
}

sla gold_ny for contract.sla == "gold" {
  calendar ny_office
  first_response 2h
  next_response 2h when ticket.priority == normal
  resolution 10h on reopen restart
  pause while ticket.status == on_hold
  warn at 25%
  warn at 75%
  warn 1h30m after due
}

sla cold for ticket.priority in [low, normal] or ticket.priority == none {
  first_response 8h when contract.sla == "silver", otherwise 24h
  resolution 72h
  start on customer_replied
  stop on agent_replied
  target 3h
  pause while ticket.status == pending_customer
  escalate at 100% to team leads
  escalate 0m after due to team leads
}

ola intake for ticket.team != "l2" {
  start on created
  stop on assigned to team l2, solved
  target 45m
  warn at 50%
}

ola l2_ny for ticket.team == "l2" {
  calendar ny_office
  start on assigned to team l2
  stop on handed_back, solved
  target 5h
  escalate at 100% to team l2_leads
}
)";

struct Scenario {
  const char* name;
  const char* rules;
  const char* zone;  ///< whose DST transitions creations cluster around
  unsigned seed_offset;
};

// ---- random histories ----------------------------------------------------------

struct Case {
  Ticket ticket;
  std::vector<TicketEvent> events;
  Instant now{};
};

std::vector<Instant> transitions_2026(const char* zone) {
  const auto tz = TimeZone::locate(zone);
  std::vector<Instant> out;
  for (auto span = tz.offset_span(sys_days{2026y / 1 / 1}); span.end < sys_days{2027y / 1 / 1};
       span = tz.offset_span(span.end)) {
    out.push_back(span.end);
  }
  return out;
}

class Generator {
 public:
  Generator(std::uint64_t seed, std::vector<Instant> transitions)
      : rng_(seed), transitions_(std::move(transitions)) {}

  Case next(int index) {
    Case c;
    Ticket& t = c.ticket;
    t.id = "T-" + std::to_string(index);
    const Instant year_begin{sys_days{2026y / 1 / 1}};
    if (!transitions_.empty() && chance(50)) {
      const auto at = transitions_[uniform<std::size_t>(0, transitions_.size() - 1)];
      t.created = floor<minutes>(at) + minutes{uniform<int>(-3 * 1440, 3 * 1440)};
      if (t.created < year_begin) t.created = year_begin;
    } else {
      t.created = year_begin + minutes{uniform<int>(0, 365 * 1440 - 1)};
    }
    t.priority = pick({"", "low", "normal", "high", "urgent", "urgent"});
    t.contract.sla = pick({"", "gold", "silver", "bronze", "gold"});
    t.status = pick({"new", "new", "open"});
    t.team = pick({"", "", "l1", "l2"});
    const int due_kind = uniform<int>(0, 19);
    if (due_kind < 9) {
      t.order.due = t.created + minutes{uniform<int>(6 * 1440, 20 * 1440)};
    } else if (due_kind < 12) {
      t.order.due = year_month_day{floor<days>(t.created + days{uniform<int>(7, 20)})};
    }

    created_ = t.created;
    const int count = uniform<int>(0, 12);
    std::vector<int> offsets;
    for (int i = 0; i < count; ++i) {
      if (!offsets.empty() && chance(8)) {
        offsets.push_back(offsets[uniform<std::size_t>(0, offsets.size() - 1)]);  // a tie
      } else if (chance(4)) {
        offsets.push_back(0);  // at creation
      } else if (chance(50)) {
        offsets.push_back(uniform<int>(0, 2 * 1440));
      } else {
        offsets.push_back(uniform<int>(0, 10 * 1440));
      }
    }
    std::sort(offsets.begin(), offsets.end());
    for (int i = 0; i < count; ++i) {
      TicketEvent e = random_event(t.created + minutes{offsets[static_cast<std::size_t>(i)]});
      e.id = "e" + std::to_string(i + 1);
      c.events.push_back(std::move(e));
    }
    // Duplicated ids: a copy delivered twice, rarely one that differs.
    if (!c.events.empty() && chance(12)) {
      TicketEvent copy = c.events[uniform<std::size_t>(0, c.events.size() - 1)];
      if (chance(25)) copy.at = t.created + minutes{uniform<int>(0, 10 * 1440)};
      const auto pos = uniform<std::size_t>(0, c.events.size());
      c.events.insert(c.events.begin() + static_cast<std::ptrdiff_t>(pos), copy);
    }
    if (chance(30)) std::shuffle(c.events.begin(), c.events.end(), rng_);

    if (!c.events.empty() && chance(10)) {
      c.now = c.events[uniform<std::size_t>(0, c.events.size() - 1)].at;  // an event at now
    } else {
      c.now = t.created + minutes{uniform<int>(0, 12 * 1440)};
    }
    return c;
  }

 private:
  template <class T>
  T uniform(T lo, T hi) {
    return std::uniform_int_distribution<T>{lo, hi}(rng_);
  }
  bool chance(int percent) { return uniform<int>(0, 99) < percent; }
  std::string pick(std::initializer_list<const char*> options) {
    return *(options.begin() + uniform<std::size_t>(0, options.size() - 1));
  }

  TicketEvent random_event(Instant at) {
    TicketEvent e;
    e.at = at;
    const int r = uniform<int>(0, 99);
    if (r < 15) {
      e.kind = EventKind::customer_replied;
    } else if (r < 35) {
      e.kind = EventKind::agent_replied;
      e.is_public = chance(70);
    } else if (r < 50) {
      e.kind = EventKind::status_changed;
      e.to = pick({"new", "open", "pending_customer", "on_hold", "solved", "closed"});
    } else if (r < 64) {
      e.kind = EventKind::field_changed;
      const int which = uniform<int>(0, 99);
      if (which < 50) {
        e.field = "ticket.priority";
        e.value = pick({"low", "normal", "high", "urgent", ""});
      } else if (which < 85) {
        e.field = "contract.sla";
        e.value = pick({"gold", "silver", "bronze", ""});
      } else {
        // A new promise date: an instant, a day, or none.
        e.field = "order.due";
        const int kind = uniform<int>(0, 9);
        if (kind < 6) {
          e.value = created_ + minutes{uniform<int>(6 * 1440, 20 * 1440)};
        } else if (kind < 8) {
          e.value = year_month_day{floor<days>(created_ + days{uniform<int>(7, 20)})};
        } else {
          e.value = std::monostate{};
        }
      }
    } else if (r < 76) {
      e.kind = EventKind::assigned;
      if (chance(90)) e.team = pick({"l1", "l2", "l2"});
      if (e.team.empty() || chance(30)) e.agent = pick({"ana", "bob"});
    } else if (r < 82) {
      e.kind = EventKind::handed_back;
    } else if (r < 89) {
      e.kind = EventKind::solved;
    } else if (r < 94) {
      e.kind = EventKind::reopened;
    } else if (r < 97) {
      e.kind = EventKind::closed;
    } else {
      e.kind = EventKind::created;  // ignored: creation is the ticket's own
    }
    return e;
  }

  std::mt19937_64 rng_;
  std::vector<Instant> transitions_;
  Instant created_{};
};

// ---- printing ---------------------------------------------------------------------

std::string opt(const std::optional<Instant>& t) {
  return t ? format_utc(*t) : std::string{"-"};
}
std::string opt(const std::optional<Seconds>& d) {
  return d ? format_duration(*d) : std::string{"-"};
}

std::string value_text(const FieldValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty() ? "\"\"" : *s;
  if (const auto* i = std::get_if<Instant>(&v)) return format_utc(*i);
  if (const auto* d = std::get_if<year_month_day>(&v)) return format_date(*d) + " (date)";
  return "none";
}

std::string describe(const Case& c) {
  std::ostringstream o;
  const Ticket& t = c.ticket;
  o << "ticket " << t.id << " created " << format_utc(t.created)
    << " priority=" << value_text(t.priority) << " contract.sla=" << value_text(t.contract.sla)
    << " status=" << t.status << " team=" << value_text(t.team) << " order.due=";
  if (const auto* i = std::get_if<Instant>(&t.order.due)) {
    o << format_utc(*i);
  } else if (const auto* d = std::get_if<year_month_day>(&t.order.due)) {
    o << format_date(*d) << " (date)";
  } else {
    o << "none";
  }
  o << "\nevents (input order):\n";
  for (const auto& e : c.events) {
    o << "  " << e.id << " " << format_utc(e.at) << " " << event_kind_name(e.kind);
    if (e.kind == EventKind::agent_replied) o << (e.is_public ? " public" : " internal");
    if (e.kind == EventKind::status_changed) o << " to=" << e.to;
    if (e.kind == EventKind::field_changed) o << " " << e.field << "=" << value_text(e.value);
    if (e.kind == EventKind::assigned) o << " team=" << value_text(e.team) << " agent=" << e.agent;
    o << "\n";
  }
  o << "now " << format_utc(c.now) << "\n";
  return o.str();
}

std::string describe(const TargetCycle& t) {
  std::ostringstream o;
  o << t.policy << "/" << metric_name(t.metric) << "#" << t.cycle;
  if (!t.team.empty()) o << " team=" << t.team;
  o << " " << target_state_name(t.state) << " start=" << format_utc(t.start)
    << " stop=" << opt(t.stop) << " due=" << opt(t.due) << " breached_at=" << opt(t.breached_at)
    << " cancelled_at=" << opt(t.cancelled_at) << " target=" << opt(t.target)
    << " remaining=" << format_duration(t.remaining) << " overdue=" << format_duration(t.overdue)
    << " overdue_calendar=" << format_duration(t.overdue_calendar)
    << " business_elapsed=" << format_duration(t.business_elapsed)
    << " calendar_elapsed=" << format_duration(t.calendar_elapsed) << " pauses=[";
  for (const auto& p : t.pauses) o << " " << format_utc(p.begin) << ".." << opt(p.end);
  o << " ] thresholds=[";
  for (const auto& h : t.thresholds) {
    if (h.form == ThresholdForm::percent) {
      o << " " << h.percent << "%" << (h.escalation ? "e" : "w");
    } else {
      o << " " << h.offset.count() << (h.form == ThresholdForm::before_due ? "s-before" : "s-after")
        << (h.escalation ? "e" : "w");
    }
    if (!h.to_kind.empty()) o << ":" << h.to_kind << ":" << h.to;
    o << "@" << opt(h.at) << (h.fired ? "(fired)" : "");
  }
  o << " ]";
  return o.str();
}

std::vector<std::string> lines(const Evaluation& e) {
  std::vector<std::string> out;
  out.push_back("sla " + e.sla.value_or("-"));
  for (const auto& c : e.sla_changes) {
    out.push_back("change " + format_utc(c.at) + " '" + c.from + "' -> '" + c.to + "'");
  }
  for (const auto& t : e.targets) out.push_back("sla-target " + describe(t));
  for (const auto& t : e.olas) out.push_back("ola-target " + describe(t));
  return out;
}

// ---- comparing -----------------------------------------------------------------------

/// Every kind of difference, as "sla first_response.due" and the like, in
/// the order compared; empty when the evaluations agree.
std::vector<std::string> differences(const Evaluation& a, const Evaluation& b) {
  std::vector<std::string> out;
  if (a.sla != b.sla) out.emplace_back("sla");
  if (a.sla_changes != b.sla_changes) out.emplace_back("sla_changes");
  auto cycles = [&out](const std::vector<TargetCycle>& x, const std::vector<TargetCycle>& y,
                       const std::string& what) {
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
      const auto& p = x[i];
      const auto& q = y[i];
      const std::string k = what + " " + std::string{metric_name(p.metric)} + ".";
      if (p.policy != q.policy || p.metric != q.metric || p.cycle != q.cycle ||
          p.start != q.start) {
        out.push_back(what + " cycle list");
        return;
      }
      if (p.team != q.team) out.push_back(k + "team");
      if (p.stop != q.stop) out.push_back(k + "stop");
      if (p.state != q.state) {
        out.push_back(k + "state " + std::string{target_state_name(p.state)} + "/" +
                      std::string{target_state_name(q.state)});
      }
      if (p.due != q.due) out.push_back(k + "due");
      if (p.breached_at != q.breached_at) out.push_back(k + "breached_at");
      if (p.cancelled_at != q.cancelled_at) out.push_back(k + "cancelled_at");
      if (p.target != q.target) out.push_back(k + "target");
      if (p.remaining != q.remaining) out.push_back(k + "remaining");
      if (p.overdue != q.overdue) out.push_back(k + "overdue");
      if (p.overdue_calendar != q.overdue_calendar) out.push_back(k + "overdue_calendar");
      if (p.business_elapsed != q.business_elapsed) out.push_back(k + "business_elapsed");
      if (p.calendar_elapsed != q.calendar_elapsed) out.push_back(k + "calendar_elapsed");
      if (p.pauses != q.pauses) out.push_back(k + "pauses");
      if (p.thresholds.size() != q.thresholds.size()) {
        out.push_back(k + "thresholds");
        continue;
      }
      for (std::size_t h = 0; h < p.thresholds.size(); ++h) {
        const auto& u = p.thresholds[h];
        const auto& v = q.thresholds[h];
        if (u.form != v.form || u.offset != v.offset || u.percent != v.percent ||
            u.escalation != v.escalation || u.to_kind != v.to_kind || u.to != v.to) {
          out.push_back(k + "threshold line");
        }
        if (u.at != v.at) out.push_back(k + "threshold.at");
        if (u.fired != v.fired) out.push_back(k + "threshold.fired");
      }
    }
    if (x.size() != y.size()) out.push_back(what + " cycle list");
  };
  cycles(a.targets, b.targets, "sla");
  cycles(a.olas, b.olas, "ola");
  std::vector<std::string> unique;
  for (auto& d : out) {
    if (std::find(unique.begin(), unique.end(), d) == unique.end()) unique.push_back(std::move(d));
  }
  return unique;
}

struct Outcome {
  std::vector<std::string> differences;  ///< empty: the same
  std::string engine_text, reference_text;
  std::map<std::string, long> states;  ///< the engine's cycles by state, for the summary
};

Outcome run(const RuleSet& rules, const reference::MinuteSla& slow, const Case& c) {
  Outcome out;
  Evaluation fast, ref;
  try {
    fast = evaluate(rules, c.ticket, c.events, c.now);
  } catch (const std::exception& e) {
    out.differences = {"engine threw"};
    out.engine_text = e.what();
  }
  try {
    ref = slow.evaluate(c.ticket, c.events, c.now);
  } catch (const std::exception& e) {
    out.differences.push_back("reference threw");
    out.reference_text = e.what();
  }
  if (!out.differences.empty()) return out;
  for (const auto* list : {&fast.targets, &fast.olas}) {
    for (const auto& t : *list) ++out.states[std::string{target_state_name(t.state)}];
  }
  out.differences = differences(fast, ref);
  if (!out.differences.empty()) {
    auto join = [](const std::vector<std::string>& ls, const std::vector<std::string>& other) {
      std::string s;
      for (const auto& l : ls) {
        const bool same = std::find(other.begin(), other.end(), l) != other.end();
        s += (same ? "    " : "  ! ") + l + "\n";
      }
      return s;
    };
    const auto a = lines(fast), b = lines(ref);
    out.engine_text = join(a, b);
    out.reference_text = join(b, a);
  }
  return out;
}

/// Fewer events, fewer fields, input in order: whatever keeps the same kind
/// of mismatch.
Case shrink(const RuleSet& rules, const reference::MinuteSla& slow, Case c,
            const std::string& kind) {
  auto still = [&](const Case& x) {
    const auto d = run(rules, slow, x).differences;
    return std::find(d.begin(), d.end(), kind) != d.end();
  };
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t i = 0; i < c.events.size(); ++i) {
      Case fewer = c;
      fewer.events.erase(fewer.events.begin() + static_cast<std::ptrdiff_t>(i));
      if (still(fewer)) {
        c = std::move(fewer);
        progress = true;
        --i;
      }
    }
    auto attempt = [&](auto&& change) {
      Case x = c;
      change(x);
      if (still(x) && describe(x) != describe(c)) {
        c = std::move(x);
        progress = true;
      }
    };
    attempt([](Case& x) { x.ticket.team.clear(); });
    attempt([](Case& x) { x.ticket.priority.clear(); });
    attempt([](Case& x) { x.ticket.contract.sla.clear(); });
    attempt([](Case& x) { x.ticket.order.due = std::monostate{}; });
    attempt([](Case& x) {
      std::stable_sort(x.events.begin(), x.events.end(),
                       [](const TicketEvent& a, const TicketEvent& b) { return a.at < b.at; });
    });
  }
  return c;
}

constexpr int kMaxPrinted = 6;  // shrunk examples per rule set

#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr long kDefaultCases = 2'000;
#else
constexpr long kDefaultCases = 10'000;
#endif

long env_number(const char* name, long fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  return std::strtol(v, nullptr, 10);
}

void compare(const Scenario& scenario, int scenario_count) {
  const long total = env_number("SLAKIT_SLA_DIFF_CASES", kDefaultCases);
  const auto seed = static_cast<std::uint64_t>(env_number("SLAKIT_SLA_DIFF_SEED", 20'260'329));
  const long cases = (total + scenario_count - 1) / scenario_count;
  const RuleSet rules = compile_or_throw({{std::string{scenario.name} + ".sla", scenario.rules}});
  const reference::MinuteSla slow{rules};
  Generator gen{seed + scenario.seed_offset, transitions_2026(scenario.zone)};

  const auto began = steady_clock::now();
  std::map<std::string, long> kinds, states;
  long mismatches = 0;
  int printed = 0;
  for (long i = 0; i < cases; ++i) {
    const Case c = gen.next(static_cast<int>(i));
    const Outcome o = run(rules, slow, c);
    for (const auto& [state, n] : o.states) states[state] += n;
    if (o.differences.empty()) continue;
    ++mismatches;
    // Each kind of difference is shown once (shrunk), the first few kinds only.
    std::string fresh;
    for (const auto& d : o.differences) {
      if (++kinds[d] == 1 && fresh.empty()) fresh = d;
    }
    if (fresh.empty() || printed >= kMaxPrinted) continue;
    ++printed;
    const Case small = shrink(rules, slow, c, fresh);
    const Outcome s = run(rules, slow, small);
    std::ostringstream report;
    report << "mismatch (" << fresh << ") in rule set '" << scenario.name << "', case " << i
           << " (seed " << seed << "), shrunk (rule text above, in this file):\n"
           << describe(small) << "engine:\n"
           << s.engine_text << "reference:\n"
           << s.reference_text;
    CAPTURE(report.str());
    FAIL_CHECK("the engine and the reference disagree");
  }
  const auto took = duration_cast<milliseconds>(steady_clock::now() - began);
  std::cout << "sla differential '" << scenario.name << "': " << cases << " histories, seed "
            << seed << ", " << took.count() << " ms";
  std::cout << ", " << mismatches << " mismatching; cycles compared:";
  for (const auto& [state, n] : states) std::cout << " " << n << " " << state;
  std::cout << "\n";
  for (const auto& [kind, n] : kinds) std::cout << "  " << n << " x " << kind << "\n";
  CHECK(mismatches == 0);
}

constexpr Scenario kScenarios[] = {
    {"berlin", kBerlinRules, "Europe/Berlin", 1},
    {"new_york", kNewYorkRules, "America/New_York", 2},
    {"lord_howe", kLordHoweRules, "Australia/Lord_Howe", 3},
    {"around_the_clock", kAroundTheClockRules, "America/New_York", 4},
};
constexpr int kScenarioCount = static_cast<int>(std::size(kScenarios));

}  // namespace

TEST_CASE("sla differential: Berlin, SLAs by contract and priority, OLAs by team") {
  compare(kScenarios[0], kScenarioCount);
}
TEST_CASE("sla differential: New York, order due dates, before in business days and hours") {
  compare(kScenarios[1], kScenarioCount);
}
TEST_CASE("sla differential: Lord Howe, reopen continue, hand-over OLA") {
  compare(kScenarios[2], kScenarioCount);
}
TEST_CASE("sla differential: around the clock, SLA target, OLA from creation") {
  compare(kScenarios[3], kScenarioCount);
}
