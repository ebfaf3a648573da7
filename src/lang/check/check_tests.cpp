// Checks of test blocks (docs/language.md, "Tests"): the ticket's fields and
// values, its events, and expectations that name things the rule set has
// and that a run can check.
#include <fmt/format.h>

#include <algorithm>

#include "check_state.hpp"
#include "slakit/error.hpp"
#include "slakit/model/ticket.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit::detail {

namespace {

bool is_ticket_expectation(const Expectation& e) {
  return e.kind != Expectation::Kind::deadline;
}

bool is_routing_expectation(const Expectation& e) {
  using K = Expectation::Kind;
  return e.kind == K::queue || e.kind == K::team || e.kind == K::priority || e.kind == K::route ||
         e.kind == K::skills || e.kind == K::tags;
}

// A name written where a `one of` value stands (a status, a priority), as
// the literal check_value takes.
Literal symbol_literal(const Name& n) {
  Literal l;
  l.kind = Literal::Kind::symbol;
  l.text = n.text;
  l.span = n.span;
  return l;
}

}  // namespace

void Checker::check_test(const TestDecl& t) {
  declare(tests_, "test", t.name);
  if (damaged(t.span)) return;
  TestFacts facts;
  std::map<std::string, SourceSpan> set_fields;
  std::optional<SourceSpan> now;
  for (const auto& line : t.lines) {
    if (const auto* f = std::get_if<TestField>(&line)) {
      const auto [it, fresh] = set_fields.emplace(f->path.text, f->path.span);
      if (!fresh) {
        error("E0201",
              fmt::format("field '{}' is set twice in this test: first at {}", f->path.text,
                          where(it->second)),
              f->path.span);
      }
      if (const auto* info = field(f->path.text, f->path.span)) check_test_value(*info, f->value);
      if (f->path.text == "ticket.created") facts.created = true;
    } else if (const auto* e = std::get_if<TestEvent>(&line)) {
      check_test_event(*e);
    } else if (const auto* n = std::get_if<TestNow>(&line)) {
      if (now) {
        error("E0201", fmt::format("a second 'now': the first is at {}", where(*now)), n->span);
      }
      now = n->span;
      check_instant(n->at);
      if (!n->at.time && n->at.rfc3339.empty()) {
        error("E0204",
              "'now' is an instant: add a time and 'in CALENDAR' or 'in \"ZONE\"', or write "
              "RFC 3339",
              n->at.span);
      }
    }
  }
  facts.now = now.has_value();
  for (const auto& line : t.lines) {
    if (const auto* e = std::get_if<Expectation>(&line)) check_expectation(*e, facts);
  }
}

void Checker::check_instant(const TestInstant& i) {
  if (i.calendar) check_calendar_name(*i.calendar);
  if (i.zone) {
    try {
      (void)TimeZone::locate(i.zone->text);
    } catch (const InvalidArgument&) {
      unknown_zone(i.zone->text, i.zone->span);
    }
  }
}

void Checker::check_test_value(const FieldInfo& f, const TestValue& v) {
  if (!v.instant) {
    check_value(f, v.literal, CompareOp::eq);
    return;
  }
  check_instant(*v.instant);
  const bool date_only = !v.instant->time && v.instant->rfc3339.empty();
  // A time field holds an instant or a day (an order due on a day); a date
  // field a day.
  if (f.type == FieldType::time || (f.type == FieldType::date && date_only)) return;
  error(
      "E0204",
      fmt::format("type mismatch: {} is {}, but {} is {}", f.path, describe(f),
                  fmt::format("'{}'", sources_.text(v.span)), date_only ? "a date" : "an instant"),
      v.span);
}

void Checker::check_test_event(const TestEvent& e) {
  check_instant(e.at);
  if (!e.at.time && e.at.rfc3339.empty()) {
    error("E0204",
          "an event happens at an instant: add a time and 'in CALENDAR' or 'in \"ZONE\"', "
          "or write RFC 3339",
          e.at.span);
  }
  EventRef ref{e.event, e.team, e.span};
  check_event(ref);
  const auto kind = parse_event_kind(e.event.text);
  if (!kind) return;
  if (e.to && *kind != EventKind::status_changed) {
    error("E0233", fmt::format("only 'status_changed' takes 'to STATUS', not '{}'", e.event.text),
          e.to->span);
  }
  if (*kind == EventKind::status_changed) {
    if (!e.to) {
      error("E0233", "'status_changed' needs the new status: 'status_changed to STATUS'",
            e.event.span);
    } else if (const auto* status = field("ticket.status", e.to->span)) {
      check_value(*status, symbol_literal(*e.to), CompareOp::eq);
    }
  }
  if (e.agent && *kind != EventKind::assigned) {
    error("E0233", "only 'assigned' takes 'agent NAME'", e.agent->span);
  }
  if (e.is_private && *kind != EventKind::agent_replied) {
    error("E0233", "only 'agent_replied' may be 'private'", e.event.span);
  }
  if (e.change) {
    if (const auto* info = field(e.change->path.text, e.change->path.span)) {
      check_test_value(*info, e.change->value);
    }
  }
}

void Checker::check_expectation(const Expectation& e, const TestFacts& facts) {
  using K = Expectation::Kind;
  if (is_ticket_expectation(e) && !facts.created) {
    error("E0233", "this expectation needs a ticket: set 'ticket.created = INSTANT' in the test",
          e.span);
  }
  if (is_routing_expectation(e) && routes_.empty()) {
    error("E0233", "the rule set has no routes: this expectation can never be checked", e.span);
    return;
  }
  switch (e.kind) {
    case K::queue:
    case K::team:
      if (e.name) {
        const auto& known = e.kind == K::queue ? route_queues_ : route_teams_;
        if (known.count(e.name->text) == 0) {
          error("E0234",
                fmt::format("no route sets {} '{}'{}", e.kind == K::queue ? "queue" : "team",
                            e.name->text, suggestion(e.name->text, known)),
                e.name->span);
        }
      }
      break;
    case K::route:
      if (e.name && routes_.count(e.name->text) == 0) {
        std::vector<std::string> known;
        for (const auto& [n, span] : routes_) known.push_back(n);
        error("E0234",
              fmt::format("no route '{}'{}", e.name->text, suggestion(e.name->text, known)),
              e.name->span);
      }
      break;
    case K::priority:
      if (e.name) {
        if (const auto* p = field("ticket.priority", e.name->span)) {
          check_value(*p, symbol_literal(*e.name), CompareOp::eq);
        }
      }
      break;
    case K::sla:
    case K::olas: {
      const bool sla = e.kind == K::sla;
      std::vector<Name> names = e.names;
      if (e.name) names.push_back(*e.name);
      for (const auto& n : names) {
        const auto it = policy_decls_.find(n.text);
        if (it == policy_decls_.end() || (it->second->kind == PolicyDecl::Kind::sla) != sla) {
          std::vector<std::string> known;
          for (const auto& [name, p] : policy_decls_) {
            if ((p->kind == PolicyDecl::Kind::sla) == sla) known.push_back(name);
          }
          error("E0232",
                fmt::format("no {} policy '{}'{}", sla ? "sla" : "ola", n.text,
                            suggestion(n.text, known)),
                n.span);
        }
      }
      if (!facts.now) {
        error("E0233", "SLA and OLA expectations need 'now INSTANT' in the test", e.span);
      }
      break;
    }
    case K::skills:
    case K::tags:
      break;
    case K::target:
      check_target_expectation(e, facts);
      break;
    case K::deadline:
      check_deadline_expectation(e);
      break;
  }
}

void Checker::check_target_expectation(const Expectation& e, const TestFacts& facts) {
  const auto& text = e.target.text;
  const auto dot = text.find('.');
  const auto policy = text.substr(0, dot), metric = text.substr(dot + 1);
  const auto it = policy_decls_.find(policy);
  if (it == policy_decls_.end()) {
    std::vector<std::string> known;
    for (const auto& [name, p] : policy_decls_) known.push_back(name);
    error("E0232", fmt::format("no policy '{}'{}", policy, suggestion(policy, known)),
          e.target.span);
    return;
  }
  const PolicyDecl& p = *it->second;
  const auto has = std::find_if(p.targets.begin(), p.targets.end(), [&](const TargetLine& t) {
    return metric_name(t.metric) == metric;
  });
  if (has == p.targets.end()) {
    std::vector<std::string> known;
    for (const auto& t : p.targets) known.emplace_back(metric_name(t.metric));
    error("E0232",
          fmt::format("policy '{}' has no target '{}' (it has: {}){}", policy, metric, join(known),
                      suggestion(metric, known)),
          e.target.span);
    return;
  }
  if (!facts.now) error("E0233", "SLA and OLA expectations need 'now INSTANT' in the test", e.span);
  if (e.cycle && *e.cycle < 1) error("E0233", "cycles are numbered from 1", e.cycle_span);
  using C = Expectation::Check;
  if (e.check == C::warning || e.check == C::escalation) {
    const bool escalate = e.check == C::escalation;
    const bool any = std::any_of(p.thresholds.begin(), p.thresholds.end(),
                                 [&](const ThresholdLine& t) { return t.escalate == escalate; });
    if (!any) {
      error("E0233",
            fmt::format("policy '{}' has no '{}' line: this expectation can never hold", policy,
                        escalate ? "escalate" : "warn"),
            e.span);
    }
  }
  if ((e.check == C::remaining || e.check == C::overdue) && e.duration.business_days != 0) {
    error("E0233",
          "remaining and overdue time are business time in time units (1h30m), not business days",
          e.duration_span);
  }
  if (e.at) check_instant(*e.at);
}

void Checker::check_deadline_expectation(const Expectation& e) {
  // Reported together: an unknown calendar and a zone misspelt on one line.
  (void)check_calendar_name(*e.name);
  check_instant(*e.from);
  check_instant(*e.at);
  const bool days = e.duration.business_days != 0;
  for (const auto* i : {&*e.from, &*e.at}) {
    const bool date_only = !i->time && i->rfc3339.empty();
    if (days != date_only) {
      error("E0204",
            days ? "business days count from a date to a date: write YYYY-MM-DD"
                 : "business time counts from an instant to an instant: add a time and 'in "
                   "CALENDAR' or 'in \"ZONE\"', or write RFC 3339",
            i->span);
    }
  }
}

}  // namespace slakit::detail
