#include "same_parts.hpp"

#include <algorithm>
#include <charconv>
#include <variant>

#include "lang/format/expr_text.hpp"
#include "program/rule_set_impl.hpp"
#include "sla/evaluate_state.hpp"

namespace slakit::detail {

namespace {

// Fields of a canonical form are separated by a byte no name or condition
// text holds unquoted (strings in conditions are quoted and escaped).
constexpr char kSep = '\x1f';

void add(std::string& out, std::string_view s) {
  out += s;
  out += kSep;
}

void add(std::string& out, long long n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
  out += kSep;
}

void add_time(std::string& out, const TimeOfDay& t) {
  add(out, static_cast<long long>(t.since_midnight().count()));
}

void add_date(std::string& out, const std::chrono::year_month_day& d) {
  add(out, static_cast<int>(d.year()));
  add(out, static_cast<unsigned>(d.month()));
  add(out, static_cast<unsigned>(d.day()));
}

void add_month_day(std::string& out, const std::chrono::month_day& d) {
  add(out, static_cast<unsigned>(d.month()));
  add(out, static_cast<unsigned>(d.day()));
}

void add_hours(std::string& out, const std::vector<TimeRange>& hours) {
  add(out, static_cast<long long>(hours.size()));
  for (const auto& h : hours) {
    add_time(out, h.open);
    add_time(out, h.close);
  }
}

void add_holiday(std::string& out, const HolidayRule& r) {
  add(out, "holiday");
  add(out, quoted_text(r.name));
  add(out, static_cast<long long>(r.date.index()));
  std::visit(
      [&](const auto& d) {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, FixedDate>) {
          add_month_day(out, d.date);
        } else if constexpr (std::is_same_v<D, NthWeekday>) {
          add(out, static_cast<unsigned>(d.month));
          add(out, d.weekday.c_encoding());
          add(out, d.n);
          add(out, d.days);
        } else if constexpr (std::is_same_v<D, EasterOffset>) {
          add(out, d.days);
          add(out, static_cast<int>(d.kind));
        } else if constexpr (std::is_same_v<D, OneOffDate>) {
          add_date(out, d.date);
        } else if constexpr (std::is_same_v<D, AnnualRange>) {
          add_month_day(out, d.first);
          add_month_day(out, d.last);
        } else {
          static_assert(std::is_same_v<D, DateRange>);
          add_date(out, d.first);
          add_date(out, d.last);
        }
      },
      r.date);
  add(out, static_cast<int>(r.observance));
  add(out, r.closed_from ? r.closed_from->since_midnight().count() : -1);
  add(out, r.closed_until ? r.closed_until->since_midnight().count() : -1);
  add(out, static_cast<long long>(r.skip_years.size()));
  for (const int y : r.skip_years) add(out, y);
  add(out, r.first_year ? *r.first_year : -1'000'000);
  add(out, r.last_year ? *r.last_year : -1'000'000);
}

// A calendar as it is compiled: its name (error messages name it), zone,
// the ticket field that moves its zone, its own hours, holidays and dated
// days, and a composition's operation and parts, each in full.
void add_calendar(std::string& out, const Calendar& c, const TicketCalendars& all) {
  add(out, "calendar");
  add(out, c.name());
  const auto ticket = all.find(c.name());
  add(out, ticket != all.end() ? ticket->second.zone_field() : std::string_view{"\x1e"});
  const auto& d = c.definition();
  add(out, d.zone);
  add(out, static_cast<long long>(d.weekly.size()));
  for (const auto& w : d.weekly) {
    add(out, w.day.c_encoding());
    add_time(out, w.hours.open);
    add_time(out, w.hours.close);
  }
  add(out, static_cast<long long>(d.holidays.size()));
  for (const auto& h : d.holidays) add_holiday(out, h);
  add(out, static_cast<long long>(d.overrides.size()));
  for (const auto& o : d.overrides) {
    add_date(out, o.date);
    add_hours(out, o.hours);
    add(out, o.extra ? 1 : 0);
  }
  if (const auto* composed = c.composition()) {
    add(out, "composed");
    add(out, static_cast<int>(composed->op));
    add(out, static_cast<long long>(composed->parts.size()));
    for (const auto& part : composed->parts) add_calendar(out, part, all);
  } else {
    add(out, "plain");
  }
}

// What choosing a calendar by a ticket's fields reads of it: its name, the
// field that moves its zone, and the same of a composition's parts.
void add_names(std::string& out, const Calendar& c, const TicketCalendars& all) {
  add(out, c.name());
  const auto ticket = all.find(c.name());
  add(out, ticket != all.end() ? ticket->second.zone_field() : std::string_view{"\x1e"});
  if (const auto* composed = c.composition()) {
    add(out, static_cast<long long>(composed->parts.size()));
    for (const auto& part : composed->parts) add_names(out, part, all);
  } else {
    add(out, "plain");
  }
}

void add_expr(std::string& out, const std::optional<Expr>& e) {
  add(out, e ? expr_text(*e) : std::string{"\x1e"});
}

void add_name(std::string& out, const std::optional<Name>& n) {
  add(out, n ? std::string_view{n->text} : std::string_view{"\x1e"});
}

void add_events(std::string& out, const std::vector<EventRef>& events) {
  add(out, static_cast<long long>(events.size()));
  for (const auto& e : events) {
    add(out, e.event.text);
    add_name(out, e.team);
  }
}

// Every declaration as it types values: path, type, and `one of` members
// in order (the order error messages list them in).
bool same_fields(const RuleSet& a, const RuleSet& b) {
  const auto& x = a.fields();
  const auto& y = b.fields();
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].path != y[i].path || x[i].type != y[i].type || x[i].members != y[i].members) {
      return false;
    }
  }
  return true;
}

// The fields whose values an engine keeps or checks (FieldLayout: those
// its own rules read, and those the other engine's read): a value that
// does not fit its field (a `one of` value it does not list, in a
// field_changed event) fails a ticket only where some rule reads the
// field, whichever policy or route applies.
std::vector<std::string> fields_looked_at(const FieldLayout& layout) {
  std::vector<std::string> out;
  for (Slot s = 0; s < static_cast<Slot>(layout.size()); ++s) {
    if (s < layout.width() || layout.checked(s)) out.push_back(layout.info(s).path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The policies' names and `for` conditions, in order: what chooses them.
bool same_selection(const std::vector<PolicyPlan>& a, const std::vector<PolicyPlan>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name) return false;
    const auto* x = a[i].source;
    const auto* y = b[i].source;
    if (x->applies.has_value() != y->applies.has_value()) return false;
    if (x->applies && expr_text(*x->applies) != expr_text(*y->applies)) return false;
  }
  return true;
}

}  // namespace

std::string SameParts::policy_text(const PolicyPlan& plan) {
  const PolicyDecl& p = *plan.source;
  std::string out;
  add(out, p.kind == PolicyDecl::Kind::sla ? "sla" : "ola");
  add(out, p.name.text);
  add_expr(out, p.applies);
  add_name(out, p.calendar);
  add_name(out, p.calendar_field);
  add(out, static_cast<long long>(p.targets.size()));
  for (const auto& t : p.targets) {
    add(out, metric_name(t.metric));
    add(out, static_cast<long long>(t.cases.size()));
    for (const auto& c : t.cases) {
      add(out, duration_text(c.value));
      add(out, static_cast<long long>(c.value.time.count()));
      add(out, c.value.business_days);
      add_expr(out, c.when);
    }
    if (t.before) {
      add(out, t.before->field);
      add(out, static_cast<long long>(t.before->margin.time.count()));
      add(out, t.before->margin.business_days);
    } else {
      add(out, "\x1e");
    }
    add(out, static_cast<int>(t.reopen));
  }
  add_expr(out, p.pause_while);
  add_events(out, p.start_on);
  add_events(out, p.stop_on);
  add(out, static_cast<long long>(p.thresholds.size()));
  for (const auto& t : p.thresholds) {
    add(out, t.escalate ? 1 : 0);
    add(out, static_cast<int>(t.form));
    add(out, static_cast<long long>(t.offset.time.count()));
    add(out, t.offset.business_days);
    add(out, t.percent);
    add(out, t.target_kind);
    add(out, t.target.text);
  }
  // The calendars it reads: its own (with its parts, each in full), or,
  // when a ticket field chooses one by name, every calendar of the rules.
  const auto& choice = plan.calendar_choice;
  if (choice.fixed != nullptr && choice.all != nullptr) {
    add_calendar(out, choice.fixed->calendar(), *choice.all);
    if (p.calendar_field) {
      add(out, "every calendar");
      add(out, static_cast<long long>(choice.all->size()));
      for (const auto& [name, c] : *choice.all) add_calendar(out, c.calendar(), *choice.all);
    }
  } else {
    add(out, "24/7");
  }
  return out;
}

std::string SameParts::choice_text(const PolicyPlan& plan) {
  std::string out;
  const auto& choice = plan.calendar_choice;
  if (choice.fixed == nullptr || choice.all == nullptr || !choice.per_ticket()) {
    add(out, "fixed");
    return out;
  }
  add(out, choice.field ? std::string_view{choice.field_name} : std::string_view{"\x1e"});
  add_names(out, choice.fixed->calendar(), *choice.all);
  if (choice.field) {
    add(out, static_cast<long long>(choice.all->size()));
    for (const auto& [name, c] : *choice.all) add_names(out, c.calendar(), *choice.all);
  }
  return out;
}

std::string SameParts::routing_text(const RuleSet& rules) {
  std::string out;
  for (const auto& g : rules.route_groups()) {
    add(out, "group");
    add(out, g.name.text);
    add(out, static_cast<int>(g.policy));
    add(out, static_cast<long long>(g.routes.size()));
    for (const auto& r : g.routes) {
      add(out, r.name.text);
      add(out, r.score ? *r.score : -1);
      add(out, r.score ? 1 : 0);
      add_expr(out, r.when);
      add_name(out, r.queue);
      add_name(out, r.priority);
      add_name(out, r.team);
      add_name(out, r.sla);
      add(out, static_cast<long long>(r.skills.size()));
      for (const auto& s : r.skills) add(out, s.text);
      add(out, static_cast<long long>(r.relaxed_skills.size()));
      for (const auto& s : r.relaxed_skills) {
        add(out, static_cast<long long>(s.skills.size()));
        for (const auto& k : s.skills) add(out, k.text);
        add(out, static_cast<long long>(s.after.time.count()));
        add(out, s.after.business_days);
      }
      add(out, static_cast<long long>(r.tags.size()));
      for (const auto& t : r.tags) add(out, t.text);
    }
  }
  return out;
}

SameParts::SameParts(const RuleSet& old_rules, const RuleSet& new_rules) {
  const auto& a = program_of(old_rules);
  const auto& b = program_of(new_rules);
  olas_changed_.assign((a.olas.size() + 63) / 64 + 1, ~std::uint64_t{0});
  // Every condition reads fields by their declarations: with another
  // declaration, nothing is shared.
  if (!same_fields(old_rules, new_rules)) return;
  if (fields_looked_at(a.layout) != fields_looked_at(b.layout)) return;
  if (fields_looked_at(routing_of(old_rules).layout) !=
      fields_looked_at(routing_of(new_rules).layout)) {
    return;
  }
  routing_ = routing_text(old_rules) == routing_text(new_rules);
  if (!same_selection(a.slas, b.slas) || !same_selection(a.olas, b.olas)) return;
  slas_.resize(a.slas.size());
  for (std::size_t i = 0; i < a.slas.size(); ++i) {
    slas_[i] = policy_text(a.slas[i]) == policy_text(b.slas[i]) ? 1 : 0;
  }
  std::fill(olas_changed_.begin(), olas_changed_.end(), 0);
  for (std::size_t i = 0; i < a.olas.size(); ++i) {
    if (policy_text(a.olas[i]) != policy_text(b.olas[i])) {
      olas_changed_[i / 64] |= std::uint64_t{1} << (i % 64);
      any_ola_changed_ = true;
    }
  }
  // Every ticket resolves the calendar a ticket field chooses or moves, of
  // every policy, whether the policy applies or not, and fails there on a
  // name or zone that does not exist: those choices must be the same for
  // any evaluation to be shared (the policies themselves need not be).
  auto same_choices = [](const std::vector<PolicyPlan>& x, const std::vector<PolicyPlan>& y) {
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i].per_ticket < 0 && y[i].per_ticket < 0) continue;
      if (choice_text(x[i]) != choice_text(y[i])) return false;
    }
    return true;
  };
  selection_ = same_choices(a.slas, b.slas) && same_choices(a.olas, b.olas);
}

bool SameParts::evaluation_reusable(const EvaluationState& st) const noexcept {
  if (!selection_) return false;
  for (const int p : st.applied) {
    if (slas_[static_cast<std::size_t>(p)] == 0) return false;
  }
  if (!any_ola_changed_) return true;
  const auto words = st.ola_words;
  const auto steps = st.sla_at.size();
  for (std::size_t w = 0; w < words; ++w) {
    std::uint64_t applied = 0;
    for (std::size_t k = 0; k < steps; ++k) applied |= st.ola_bits[k * words + w];
    if ((applied & olas_changed_[w]) != 0) return false;
  }
  return true;
}

}  // namespace slakit::detail
