// The naive router. Every rule below is docs/routing.md (or the pages it
// points to) read literally, quoted where it is used. Nothing is fast on
// purpose: every route of every group is tried, in order, by walking its
// condition, and every field is looked up by its path each time it is read.
//
// Where the pages leave a choice open, this is the reading taken:
// - "A field without a value equals only `none`" (docs/sla.md): a missing
//   field `in [a, none]` is true (it equals `none`), `not in [a, none]`
//   false.
// - Two fields compared (`ticket.x == order.value`), neither with a value:
//   "A condition on a field without a value is false, except `== none`"
//   (docs/routing.md) read literally: only the value `none` equals a field
//   without a value, so `==` is false and `!=` true.
// - Skills and tags "accumulate without repeats, in order of first
//   appearance": within one route, in the order they are written, whether
//   plain (`skills [..]`) or relaxed (`skills [..] for 10m`); `skills` and
//   `relaxed` both follow that order.
// - "A `one of` value is checked against its list only when some rule
//   reads the field" (docs/cli.md): a field some condition of the rule set
//   reads (any route's `when`, any policy's conditions), whether or not the
//   route reading it is tried.
#include "reference/naive_router.hpp"

#include <algorithm>
#include <chrono>
#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace slakit::reference {
namespace {

// ---- values ------------------------------------------------------------------

// A field's value as a condition sees it: none, text (a `one of` value is
// its text), number, bool, duration, or instant (a date is midnight UTC of
// that date: "A date compared with a time field means midnight UTC of that
// date; a time field that holds a date ... compares as midnight UTC").
using Value = std::variant<std::monostate, std::string, double, bool, Seconds, Instant>;

// "An empty text is no value (`none`)."
Value text(const std::string& s) {
  if (s.empty()) return {};
  return s;
}

Value day(const std::chrono::year_month_day& d) {
  return Instant{std::chrono::sys_days{d}};
}

// "A custom field that is absent is `none`."
Value custom(const CustomFields& fields, const std::string& name) {
  const auto it = fields.find(name);
  if (it == fields.end()) return {};
  return std::visit(
      [](const auto& v) -> Value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return {};
        } else if constexpr (std::is_same_v<T, std::string>) {
          return text(v);
        } else if constexpr (std::is_same_v<T, std::chrono::year_month_day>) {
          return day(v);
        } else {
          return v;  // double, bool, Instant, Seconds
        }
      },
      it->second);
}

// The value of the field at `path` ("customer.tier", "ticket.x"): the
// built-in fields are members of the model's structs, declared ones live in
// each object's `fields` (include/slakit/model/ticket.hpp).
Value read(const Ticket& t, const std::string& path) {
  const auto dot = path.find('.');
  const std::string object = path.substr(0, dot);
  const std::string name = path.substr(dot + 1);
  if (object == "ticket") {
    if (name == "id") return text(t.id);
    if (name == "subject") return text(t.subject);
    if (name == "channel") return text(t.channel);
    if (name == "category") return text(t.category);
    if (name == "priority") return text(t.priority);
    if (name == "status") return text(t.status);
    if (name == "team") return text(t.team);
    if (name == "queue") return text(t.queue);
    if (name == "assignee") return text(t.assignee);
    if (name == "created") return t.created;
    if (name == "reopened") return t.reopened;
    return custom(t.fields, name);
  }
  if (object == "customer") {
    const Customer& c = t.customer;
    if (name == "id") return text(c.id);
    if (name == "name") return text(c.name);
    if (name == "tier") return text(c.tier);
    if (name == "region") return text(c.region);
    if (name == "language") return text(c.language);
    if (name == "country") return text(c.country);
    if (name == "zone") return text(c.zone);
    return custom(c.fields, name);
  }
  if (object == "contract") {
    const Contract& c = t.contract;
    if (name == "id") return text(c.id);
    if (name == "customer") return text(c.customer);
    if (name == "type") return text(c.type);
    if (name == "sla") return text(c.sla);
    if (name == "start") return c.valid_from ? day(*c.valid_from) : Value{};
    if (name == "end") return c.valid_to ? day(*c.valid_to) : Value{};
    return custom(c.fields, name);
  }
  if (object == "order") {
    const Order& o = t.order;
    if (name == "id") return text(o.id);
    if (name == "customer") return text(o.customer);
    if (name == "status") return text(o.status);
    if (name == "value") return o.value ? Value{*o.value} : Value{};
    if (name == "due") {
      if (const auto* at = std::get_if<Instant>(&o.due)) return *at;
      if (const auto* d = std::get_if<std::chrono::year_month_day>(&o.due)) return day(*d);
      return {};
    }
    return custom(o.fields, name);
  }
  throw std::logic_error("naive router: a field outside customer/contract/order/ticket: " + path);
}

const FieldInfo& info(const RuleSet& rules, const std::string& path) {
  for (const auto& f : rules.fields()) {
    if (f.path == path) return f;
  }
  throw std::logic_error("naive router: the rule set does not know the field " + path);
}

// ---- the ticket's values against their fields --------------------------------

void fields_read(const Expr& e, std::set<std::string>& out) {
  if (e.kind == Expr::Kind::field) out.insert(e.field);
  for (const auto& o : e.operands) fields_read(o, out);
}

// "A value that a `one of` field does not list is an error that names the
// ticket and the field" (docs/routing.md); checked "only when some rule
// reads the field" (docs/cli.md). A value of the wrong type for its field
// is an error too (docs/sla.md, "The ticket and its fields").
void check_values(const RuleSet& rules, const Ticket& t) {
  std::set<std::string> read_by_rules;
  for (const auto& group : rules.route_groups()) {
    for (const auto& r : group.routes) {
      if (r.when) fields_read(*r.when, read_by_rules);
    }
  }
  for (const auto& p : rules.policies()) {
    if (p.applies) fields_read(*p.applies, read_by_rules);
    if (p.pause_while) fields_read(*p.pause_while, read_by_rules);
    for (const auto& target : p.targets) {
      for (const auto& c : target.cases) {
        if (c.when) fields_read(*c.when, read_by_rules);
      }
    }
  }
  for (const auto& path : read_by_rules) {
    const FieldInfo& f = info(rules, path);
    const Value v = read(t, path);
    if (std::holds_alternative<std::monostate>(v)) continue;
    const auto fail = [&](const std::string& what) {
      throw TicketError("ticket '" + t.id + "': " + path + ": " + what);
    };
    switch (f.type) {
      case FieldType::text:
        if (!std::holds_alternative<std::string>(v)) fail("expected a text");
        break;
      case FieldType::one_of: {
        const auto* s = std::get_if<std::string>(&v);
        if (s == nullptr) fail("expected one of its values");
        if (std::find(f.members.begin(), f.members.end(), *s) == f.members.end()) {
          fail("expected one of its values, got '" + *s + "'");
        }
        break;
      }
      case FieldType::number:
        if (!std::holds_alternative<double>(v)) fail("expected a number");
        break;
      case FieldType::boolean:
        if (!std::holds_alternative<bool>(v)) fail("expected a bool");
        break;
      case FieldType::duration:
        if (!std::holds_alternative<Seconds>(v)) fail("expected a duration");
        break;
      case FieldType::time:
      case FieldType::date:
        if (!std::holds_alternative<Instant>(v)) fail("expected a time or a date");
        break;
    }
  }
}

// ---- conditions ----------------------------------------------------------------

Value literal(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::string:
    case Literal::Kind::symbol:  // "`ticket.category == billing` means `"billing"`"
      return l.text;
    case Literal::Kind::number:
      return l.number;
    case Literal::Kind::duration:
      if (l.duration.business_days != 0) {
        throw std::logic_error("naive router: business days in a condition");
      }
      return l.duration.time;
    case Literal::Kind::date:
      return day(l.date);
    case Literal::Kind::none:
      return {};
    case Literal::Kind::boolean:
      return l.boolean;
  }
  throw std::logic_error("naive router: unknown literal kind");
}

Value operand(const Expr& e, const Ticket& t) {
  if (e.kind == Expr::Kind::field) return read(t, e.field);
  if (e.kind == Expr::Kind::literal) return literal(e.literal);
  throw std::logic_error("naive router: a comparison of something other than fields and values");
}

// "A field without a value equals only `none`": std::variant's == is
// exactly that (none equals none only; values of one type compare by value;
// "Numbers compare exactly"), except that two fields without a value are
// not equal (see the top of this file).
bool equal(const Expr& left, const Value& a, const Expr& right, const Value& b) {
  const bool fields = left.kind == Expr::Kind::field && right.kind == Expr::Kind::field;
  if (fields && std::holds_alternative<std::monostate>(a)) return false;
  return a == b;
}

// "`<`, `<=`, `>`, `>=` ... are false for it" (a field without a value).
bool ordered(const Value& a, CompareOp op, const Value& b) {
  if (std::holds_alternative<std::monostate>(a) || std::holds_alternative<std::monostate>(b)) {
    return false;
  }
  if (a.index() != b.index()) throw std::logic_error("naive router: an order of two types");
  const std::partial_ordering c = std::visit(
      [&](const auto& x) -> std::partial_ordering {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, double> || std::is_same_v<T, Seconds> ||
                      std::is_same_v<T, Instant>) {
          return x <=> std::get<T>(b);
        } else {
          throw std::logic_error("naive router: an order on a type without one");
        }
      },
      a);
  switch (op) {
    case CompareOp::lt:
      return c < 0;
    case CompareOp::le:
      return c <= 0;
    case CompareOp::gt:
      return c > 0;
    case CompareOp::ge:
      return c >= 0;
    default:
      throw std::logic_error("naive router: not an order");
  }
}

bool holds(const Expr& e, const Ticket& t) {
  switch (e.kind) {
    case Expr::Kind::literal:
      if (e.literal.kind == Literal::Kind::boolean) return e.literal.boolean;
      throw std::logic_error("naive router: a value alone as a condition");
    case Expr::Kind::field:
      // "A field alone is a condition only if it is a `bool`"; without a
      // value it is false ("A condition on a field without a value is false").
      return read(t, e.field) == Value{true};
    case Expr::Kind::logical_not:
      return !holds(e.operands.at(0), t);
    case Expr::Kind::logical_and:
      return std::all_of(e.operands.begin(), e.operands.end(),
                         [&](const Expr& o) { return holds(o, t); });
    case Expr::Kind::logical_or:
      return std::any_of(e.operands.begin(), e.operands.end(),
                         [&](const Expr& o) { return holds(o, t); });
    case Expr::Kind::compare: {
      const Value a = operand(e.operands.at(0), t);
      if (e.op == CompareOp::in || e.op == CompareOp::not_in) {
        // `in` is `==` with any value of the list ("equals only `none`": a
        // field without a value is in a list that holds `none`).
        const bool found = std::any_of(e.list.begin(), e.list.end(),
                                       [&](const Literal& l) { return a == literal(l); });
        return e.op == CompareOp::in ? found : !found;
      }
      const Value b = operand(e.operands.at(1), t);
      switch (e.op) {
        case CompareOp::eq:
          return equal(e.operands[0], a, e.operands[1], b);
        case CompareOp::ne:
          return !equal(e.operands[0], a, e.operands[1], b);
        default:
          return ordered(a, e.op, b);
      }
    }
  }
  throw std::logic_error("naive router: unknown condition kind");
}

// "A route without `when` matches every ticket."
bool matches(const RouteDecl& r, const Ticket& t) {
  return !r.when || holds(*r.when, t);
}

// ---- outcomes --------------------------------------------------------------------

struct SkillMention {
  std::string skill;
  std::optional<Instant> drops_at;  // empty: required without a wait
  std::string rule;                 // the route that names it
};

struct Named {
  std::optional<std::string> value, rule;  // the value and the route that set it
};

// What a route, a group, or the whole rule set decides.
struct Outcome {
  Named queue, team, priority, sla;
  std::vector<SkillMention> skills;                       // every mention, repeats included
  std::vector<std::pair<std::string, std::string>> tags;  // likewise: (tag, route)
  std::vector<std::string> rules;                         // the routes chosen
};

Outcome of_route(const RouteDecl& r, const Ticket& t) {
  Outcome o;
  const auto set = [&](Named& n, const auto& v) {
    if (v) n = {v->text, r.name.text};
  };
  set(o.queue, r.queue);
  set(o.team, r.team);
  set(o.priority, r.priority);
  set(o.sla, r.sla);
  // The syntax tree keeps plain and relaxed skills apart; their positions
  // give the order they are written in.
  std::vector<std::pair<std::uint32_t, SkillMention>> written;
  for (const auto& s : r.skills) {
    written.push_back({s.span.begin, {s.text, std::nullopt, r.name.text}});
  }
  for (const auto& list : r.relaxed_skills) {
    // "the ticket's creation plus the wait"
    for (const auto& s : list.skills) {
      written.push_back({s.span.begin, {s.text, t.created + list.after.time, r.name.text}});
    }
  }
  std::stable_sort(written.begin(), written.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [at, mention] : written) o.skills.push_back(std::move(mention));
  for (const auto& tag : r.tags) o.tags.push_back({tag.text, r.name.text});
  o.rules.push_back(r.name.text);
  return o;
}

// "Queue, team, priority and SLA come from the first matching route that
// sets each; skills and tags accumulate" (collect), and across groups
// "combine as `collect` does: queue, team, priority and SLA come from the
// first group whose outcome sets each; skills and tags accumulate."
void combine(Outcome& into, const Outcome& from) {
  for (auto [a, b] : {std::pair{&into.queue, &from.queue}, std::pair{&into.team, &from.team},
                      std::pair{&into.priority, &from.priority}, std::pair{&into.sla, &from.sla}}) {
    if (!a->value) *a = *b;
  }
  into.skills.insert(into.skills.end(), from.skills.begin(), from.skills.end());
  into.tags.insert(into.tags.end(), from.tags.begin(), from.tags.end());
  into.rules.insert(into.rules.end(), from.rules.begin(), from.rules.end());
}

struct GroupResult {
  Outcome outcome;
  std::vector<NaiveCheck> checks;
};

GroupResult decide(const RouteGroupDecl& g, const Ticket& t) {
  GroupResult result;
  const std::string& name = g.name.text;
  switch (g.policy) {
    case HitPolicy::first:
      // "first: the first matching route in rule order decides; its outcome
      // is the group's." Explained: the match and every earlier route.
      for (const auto& r : g.routes) {
        const bool m = matches(r, t);
        result.checks.push_back({name, r.name.text, m, m, false, std::nullopt});
        if (m) {
          result.outcome = of_route(r, t);
          break;
        }
      }
      break;
    case HitPolicy::collect:
      // "collect: every matching route contributes, in rule order."
      for (const auto& r : g.routes) {
        const bool m = matches(r, t);
        result.checks.push_back({name, r.name.text, m, m, false, std::nullopt});
        if (m) combine(result.outcome, of_route(r, t));
      }
      break;
    case HitPolicy::scored: {
      // "scored: each route carries `score N` (a number); the matching route
      // with the highest score decides, ties going to the earlier route; its
      // outcome is the group's."
      std::optional<std::size_t> best;
      for (std::size_t i = 0; i < g.routes.size(); ++i) {
        const auto& r = g.routes[i];
        const bool m = matches(r, t);
        result.checks.push_back({name, r.name.text, m, false, false, r.score});
        if (m && (!best || r.score.value() > g.routes[*best].score.value())) best = i;
      }
      if (best) {
        result.checks[*best].chosen = true;
        result.outcome = of_route(g.routes[*best], t);
      }
      break;
    }
  }
  return result;
}

}  // namespace

NaiveExplanation naive_explain(const RuleSet& rules, const Ticket& t, Instant now) {
  check_values(rules, t);
  NaiveExplanation x;
  // "Groups are evaluated independently, in file order"
  Outcome all;
  for (const auto& g : rules.route_groups()) {
    GroupResult r = decide(g, t);
    combine(all, r.outcome);
    x.checks.insert(x.checks.end(), r.checks.begin(), r.checks.end());
  }

  Routing& out = x.routing;
  out.id = t.id;
  // "The result names the route that gave the queue (`rule`)"; "A ticket
  // that no route matches gets no queue".
  out.queue = all.queue.value;
  out.rule = all.queue.rule;
  out.team = all.team.value;
  out.priority = all.priority.value;
  out.sla = all.sla.value;
  // "A route's outcome counts when its group chooses it ... and some part
  // of the result comes from it": the routes the parts come from.
  std::set<std::string> sources;
  // "queue, team, priority and SLA each come from the first chosen route
  // that sets it"
  for (const auto* n : {&all.queue, &all.team, &all.priority, &all.sla}) {
    if (n->rule) sources.insert(*n->rule);
  }
  // "tags accumulate without repeats, in order of first appearance"; "a tag
  // comes from the first chosen route that lists it"
  for (const auto& [tag, rule] : all.tags) {
    if (std::find(out.tags.begin(), out.tags.end(), tag) == out.tags.end()) {
      out.tags.push_back(tag);
      sources.insert(rule);
    }
  }
  // "a skill that any of them requires without a wait is required for good;
  // otherwise it drops at the latest instant any of them keeps it."
  std::vector<std::string> order;
  std::map<std::string, std::optional<Instant>> drops;  // empty: for good
  for (const auto& m : all.skills) {
    const auto [it, fresh] = drops.try_emplace(m.skill, m.drops_at);
    if (fresh) {
      order.push_back(m.skill);
      // "a skill comes from the first chosen route that names it"
      sources.insert(m.rule);
    } else if (!it->second || !m.drops_at) {
      it->second = std::nullopt;
    } else {
      it->second = std::max(*it->second, *m.drops_at);
    }
  }
  // "and how long it is required from the first chosen route that requires
  // it without a wait or, when none does, from the first whose wait ends
  // latest"
  for (const auto& skill : order) {
    const auto& drop = drops.at(skill);
    const auto it = std::find_if(all.skills.begin(), all.skills.end(), [&](const SkillMention& m) {
      return m.skill == skill && m.drops_at == drop;
    });
    sources.insert(it->rule);
  }
  // "every route whose outcome counts (`rules`, in group order, then rule
  // order within a group)"; "A chosen route from which nothing of the
  // result comes does not count"
  for (const auto& r : all.rules) {
    if (sources.count(r) != 0) out.rules.push_back(r);
  }
  for (auto& c : x.checks) c.counts = c.chosen && sources.count(c.route) != 0;
  // "A skill marked `for DURATION` is required while the ticket has waited
  // less than DURATION since its creation, in calendar time, and dropped
  // from then on"; "The result lists the skills required at `now`
  // (`skills`) and, separately, every relaxed skill with the instant it
  // drops (`relaxed_skills`, dropped ones included)."
  for (const auto& skill : order) {
    const auto& drop = drops.at(skill);
    if (!drop) {
      out.skills.push_back(skill);
      continue;
    }
    out.relaxed.push_back({skill, *drop});
    if (now < *drop) out.skills.push_back(skill);
  }
  return x;
}

Routing naive_route(const RuleSet& rules, const Ticket& ticket, Instant now) {
  return naive_explain(rules, ticket, now).routing;
}

}  // namespace slakit::reference
