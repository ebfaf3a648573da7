#include "report_fields.hpp"

#include <slakit/time/civil.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>
#include <variant>
#include <vector>

#include "cli.hpp"
#include "model/ticket_status.hpp"
#include "support/suggestion.hpp"

namespace slakit::cli {
namespace {

// No value: the empty text, which no value has (an empty text is none
// too), so that a value "-" is a group of its own. Shown as "-" in the
// table, an empty cell in CSV, null in JSON.
constexpr std::string_view kNone = "";

std::string_view text_of(const std::string& s) {
  return s.empty() ? kNone : std::string_view{s};
}

// A field's value as a group's name: numbers shortest, instants RFC 3339
// UTC, dates YYYY-MM-DD, durations seconds; formatted into `scratch` unless
// it is text already.
std::string_view text_of(const FieldValue& v, std::string& scratch) {
  return std::visit(
      [&](const auto& x) -> std::string_view {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return kNone;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return text_of(x);
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else {
          scratch.clear();
          if constexpr (std::is_same_v<T, double>) {
            // -0 and 0 are one value, in one group.
            fmt::format_to(std::back_inserter(scratch), "{}", x == 0 ? 0.0 : x);
          } else if constexpr (std::is_same_v<T, Instant>) {
            scratch = format_utc(x);
          } else if constexpr (std::is_same_v<T, std::chrono::year_month_day>) {
            scratch = format_date(x);
          } else {
            fmt::format_to(std::back_inserter(scratch), "{}", x.count());
          }
          return scratch;
        }
      },
      v);
}

std::string_view text_of(const std::optional<std::chrono::year_month_day>& d,
                         std::string& scratch) {
  if (!d) return kNone;
  scratch = format_date(*d);
  return scratch;
}

using RecordValue = std::function<std::string_view(const Ticket&, std::string& scratch)>;
using ValueAtNow = std::function<std::string_view(const Ticket&, std::span<const TicketEvent>,
                                                  Instant now, std::string& scratch)>;

// The built-in fields, read from the model's members.
RecordValue builtin(std::string_view path) {
  using T = const Ticket&;
  using S = std::string&;
  static const std::vector<std::pair<std::string_view, RecordValue>> members{
      {"customer.id", [](T t, S) { return text_of(t.customer.id); }},
      {"customer.name", [](T t, S) { return text_of(t.customer.name); }},
      {"customer.tier", [](T t, S) { return text_of(t.customer.tier); }},
      {"customer.region", [](T t, S) { return text_of(t.customer.region); }},
      {"customer.language", [](T t, S) { return text_of(t.customer.language); }},
      {"customer.country", [](T t, S) { return text_of(t.customer.country); }},
      {"customer.zone", [](T t, S) { return text_of(t.customer.zone); }},
      {"contract.id", [](T t, S) { return text_of(t.contract.id); }},
      {"contract.customer", [](T t, S) { return text_of(t.contract.customer); }},
      {"contract.type", [](T t, S) { return text_of(t.contract.type); }},
      {"contract.sla", [](T t, S) { return text_of(t.contract.sla); }},
      {"contract.start", [](T t, S s) { return text_of(t.contract.valid_from, s); }},
      {"contract.end", [](T t, S s) { return text_of(t.contract.valid_to, s); }},
      {"order.id", [](T t, S) { return text_of(t.order.id); }},
      {"order.customer", [](T t, S) { return text_of(t.order.customer); }},
      {"order.status", [](T t, S) { return text_of(t.order.status); }},
      {"order.value",
       [](T t, S s) { return t.order.value ? text_of(FieldValue{*t.order.value}, s) : kNone; }},
      {"order.due",
       [](T t, S s) -> std::string_view {
         if (const auto* at = std::get_if<Instant>(&t.order.due)) return s = format_utc(*at);
         if (const auto* d = std::get_if<std::chrono::year_month_day>(&t.order.due)) {
           return s = format_date(*d);
         }
         return kNone;
       }},
      {"ticket.id", [](T t, S) { return text_of(t.id); }},
      {"ticket.subject", [](T t, S) { return text_of(t.subject); }},
      {"ticket.category", [](T t, S) { return text_of(t.category); }},
      {"ticket.team", [](T t, S) { return text_of(t.team); }},
      {"ticket.queue", [](T t, S) { return text_of(t.queue); }},
      {"ticket.assignee", [](T t, S) { return text_of(t.assignee); }},
      {"ticket.channel", [](T t, S) { return text_of(t.channel); }},
      {"ticket.priority", [](T t, S) { return text_of(t.priority); }},
      {"ticket.status", [](T t, S) { return text_of(t.status); }},
      {"ticket.created", [](T t, S s) -> std::string_view { return s = format_utc(t.created); }},
      {"ticket.reopened", [](T t, S) -> std::string_view { return t.reopened ? "true" : "false"; }},
  };
  for (const auto& [name, read] : members) {
    if (name == path) return read;
  }
  return {};
}

// A declared field, from its object's custom fields.
RecordValue declared(const std::string& path) {
  const auto dot = path.find('.');
  const auto object = path.substr(0, dot);
  const auto name = path.substr(dot + 1);
  using Fields = const CustomFields* (*)(const Ticket&);
  Fields fields = nullptr;
  if (object == "ticket") fields = [](const Ticket& t) { return &t.fields; };
  if (object == "customer") fields = [](const Ticket& t) { return &t.customer.fields; };
  if (object == "contract") fields = [](const Ticket& t) { return &t.contract.fields; };
  if (object == "order") fields = [](const Ticket& t) { return &t.order.fields; };
  return [fields, name](const Ticket& t, std::string& scratch) {
    const auto* all = fields(t);
    const auto it = all->find(name);
    return it == all->end() ? kNone : text_of(it->second, scratch);
  };
}

// The period of the ticket's creation, in `zone`: "2026-11-30",
// "2026-W48" (ISO 8601 week: Monday to Sunday, in the year its Thursday
// falls in), "2026-11", "2026-Q4", "2026".
using Period = std::string_view (*)(std::chrono::year_month_day day, std::string& scratch);

Period period(std::string_view name) {
  using namespace std::chrono;
  static constexpr std::pair<std::string_view, Period> periods[]{
      {"created.day",
       [](year_month_day d, std::string& s) -> std::string_view { return s = format_date(d); }},
      {"created.week",
       [](year_month_day d, std::string& s) -> std::string_view {
         const sys_days day{d};
         // The Thursday of d's Monday-to-Sunday week (weekday differences
         // count forward, modulo 7: Monday is iso_encoding 1).
         const auto thursday = day - days{weekday{day}.iso_encoding() - 1} + days{3};
         const year_month_day t{thursday};
         const auto week = (thursday - sys_days{t.year() / January / 1}).count() / 7 + 1;
         s.clear();
         fmt::format_to(std::back_inserter(s), "{:04}-W{:02}", static_cast<int>(t.year()), week);
         return s;
       }},
      {"created.month",
       [](year_month_day d, std::string& s) -> std::string_view {
         s.clear();
         fmt::format_to(std::back_inserter(s), "{:04}-{:02}", static_cast<int>(d.year()),
                        static_cast<unsigned>(d.month()));
         return s;
       }},
      {"created.quarter",
       [](year_month_day d, std::string& s) -> std::string_view {
         s.clear();
         fmt::format_to(std::back_inserter(s), "{:04}-Q{}", static_cast<int>(d.year()),
                        (static_cast<unsigned>(d.month()) + 2) / 3);
         return s;
       }},
      {"created.year",
       [](year_month_day d, std::string& s) -> std::string_view {
         s.clear();
         fmt::format_to(std::back_inserter(s), "{:04}", static_cast<int>(d.year()));
         return s;
       }},
  };
  for (const auto& [n, p] : periods) {
    if (n == name) return p;
  }
  return nullptr;
}

// The events that have happened by `now`, in the order the engines apply
// them (docs/sla.md, "Events"): of one id the first in input order, then by
// instant, ties in input order. (The engines have checked each event by
// the time a report reads it.)
std::span<const TicketEvent* const> happened(std::span<const TicketEvent> events, Instant now) {
  thread_local std::vector<const TicketEvent*> order;
  thread_local std::unordered_set<std::string_view> ids;
  order.clear();
  if (!ids.empty()) ids.clear();  // clearing an empty set still clears its buckets
  for (const auto& e : events) {
    if (!e.id.empty() && !ids.insert(e.id).second) continue;
    if (e.at <= now) order.push_back(&e);
  }
  // Histories usually come in order: then there is nothing to sort.
  const auto by_instant = [](const TicketEvent* a, const TicketEvent* b) { return a->at < b->at; };
  if (!std::is_sorted(order.begin(), order.end(), by_instant)) {
    std::stable_sort(order.begin(), order.end(), by_instant);
  }
  return order;
}

// A record field at `now`: its value in the record, then each event that
// sets it, as the engines apply them (src/sla/timeline.cpp, Timeline::apply;
// the engines keep only the fields their rules read, so a report cannot
// take their state): a status by status_changed, solved (unless solved
// already), closed and reopened; a team and an assignee by assigned (when
// it names one); `ticket.reopened` true from a reopening on; any field by
// field_changed. tests/cli/report_fields_test.cpp checks it against the
// routing engine's view.
ValueAtNow at_now(std::string path, RecordValue in_record) {
  // The fields events other than field_changed set, told apart once.
  enum class Set { by_field_changed, status, reopened, team, assignee };
  const Set set = path == "ticket.status"     ? Set::status
                  : path == "ticket.reopened" ? Set::reopened
                  : path == "ticket.team"     ? Set::team
                  : path == "ticket.assignee" ? Set::assignee
                                              : Set::by_field_changed;
  return [path = std::move(path), in_record = std::move(in_record), set](
             const Ticket& t, std::span<const TicketEvent> events, Instant now,
             std::string& scratch) -> std::string_view {
    using detail::solved_status;
    auto value = in_record(t, scratch);
    if (events.empty()) return value;
    // The status is followed for every field: `ticket.reopened` changes with it.
    std::string_view status = t.status;
    auto set_status = [&](std::string_view to) {
      if (set == Set::reopened && solved_status(status) && !solved_status(to)) value = "true";
      status = to;
    };
    for (const auto* e : happened(events, now)) {
      switch (e->kind) {
        case EventKind::status_changed:
          set_status(e->to);
          break;
        case EventKind::solved:
          if (!solved_status(status)) set_status("solved");
          break;
        case EventKind::closed:
          set_status("closed");
          break;
        case EventKind::reopened:
          set_status("open");
          if (set == Set::reopened) value = "true";  // whether or not it was solved
          break;
        case EventKind::assigned:
          if (set == Set::team && !e->team.empty()) value = e->team;
          if (set == Set::assignee && !e->agent.empty()) value = e->agent;
          break;
        case EventKind::field_changed:
          if (e->field == "ticket.status") {
            if (const auto* to = std::get_if<std::string>(&e->value)) set_status(*to);
          } else if (e->field == path) {
            value = text_of(e->value, scratch);  // a text is a view of the event's
          }
          break;
        default:
          break;
      }
    }
    return set == Set::status ? status : value;  // an empty status: none
  };
}

// The JSON type of a field's values: a built-in field's (order.value a
// number, ticket.reopened a bool, the others texts, instants or dates), or
// the declared type's (a duration is its seconds, a number).
GroupJson json_type(const RuleSet& rules, std::string_view path) {
  if (path == "order.value") return GroupJson::number;
  if (path == "ticket.reopened") return GroupJson::boolean;
  if (builtin(path)) return GroupJson::string;
  for (const auto& f : rules.fields()) {
    if (f.path != path) continue;
    switch (f.type) {
      case FieldType::number:
      case FieldType::duration:
        return GroupJson::number;
      case FieldType::boolean:
        return GroupJson::boolean;
      default:
        return GroupJson::string;
    }
  }
  return GroupJson::string;
}

GroupField record_field(const RuleSet& rules, const std::string& path) {
  auto read = builtin(path);
  if (!read) {
    const auto& fields = rules.fields();
    const bool known = std::any_of(fields.begin(), fields.end(),
                                   [&](const FieldInfo& f) { return f.path == path; });
    if (!known || path.find('.') == std::string::npos) {
      // A misspelt group or field is named (review 18 F10: `create.month`
      // was told to declare itself as a field, which no path of that
      // object can be).
      std::vector<std::string_view> names{"policy",       "target",        "sla",
                                          "team",         "queue",         "created.day",
                                          "created.week", "created.month", "created.quarter",
                                          "created.year"};
      for (const auto& f : fields) names.push_back(f.path);
      // As the checker suggests field names: two letters wrong at most.
      if (const auto near = detail::suggestion(path, names); !near.empty()) {
        throw UsageError{fmt::format("--by {}: not a group nor a field{}", path, near)};
      }
      const bool field_path = path.starts_with("ticket.") || path.starts_with("customer.") ||
                              path.starts_with("contract.") || path.starts_with("order.");
      throw UsageError{fmt::format(
          "--by {}: not a group (policy, target, sla, team, queue, created.day, created.week, "
          "created.month, created.quarter, created.year) nor a field{}",
          path,
          field_path ? fmt::format("; a custom field must be declared in the rule files "
                                   "(field {} : text)",
                                   path)
                     : std::string{"; fields are ticket.*, customer.*, contract.* or order.*"})};
    }
    read = declared(path);
  }
  auto value = at_now(path, std::move(read));
  return {path, false, false,
          [value](const Ticket& t, std::span<const TicketEvent> events, auto&, const Evaluation& e,
                  auto*, std::string& s) { return value(t, events, e.now, s); },
          json_type(rules, path)};
}

}  // namespace

std::vector<GroupField> group_fields(const RuleSet& rules, const std::vector<std::string>& names,
                                     const TimeZone& zone) {
  std::vector<GroupField> out;
  for (const auto& name : names) {
    if (std::any_of(out.begin(), out.end(), [&](const GroupField& f) { return f.name == name; })) {
      throw UsageError{fmt::format("--by {} is given twice", name)};
    }
    using View = std::string_view;
    if (name == "policy") {
      out.push_back({name, false, true, [](auto&, auto, auto&, auto&, const TargetCycle* c, auto&) {
                       return c != nullptr ? View{c->policy} : kNone;
                     }});
    } else if (name == "target") {
      out.push_back({name, false, true, [](auto&, auto, auto&, auto&, const TargetCycle* c, auto&) {
                       return c != nullptr ? metric_name(c->metric) : kNone;
                     }});
    } else if (name == "sla") {
      out.push_back({name, false, false, [](auto&, auto, auto&, const Evaluation& e, auto*, auto&) {
                       return e.sla ? View{*e.sla} : kNone;
                     }});
    } else if (name == "team") {
      out.push_back({name, true, false, [](auto&, auto, const Routing& r, auto&, auto*, auto&) {
                       return r.team ? View{*r.team} : kNone;
                     }});
    } else if (name == "queue") {
      out.push_back({name, true, false, [](auto&, auto, const Routing& r, auto&, auto*, auto&) {
                       return r.queue ? View{*r.queue} : kNone;
                     }});
    } else if (const auto of_day = period(name)) {
      out.push_back({name, false, false,
                     [of_day, zone](const Ticket& t, auto, auto&, auto&, auto*, std::string& s) {
                       using std::chrono::days;
                       const std::chrono::year_month_day day{
                           std::chrono::floor<days>(zone.to_local(t.created))};
                       return of_day(day, s);
                     }});
    } else {
      out.push_back(record_field(rules, name));
    }
  }
  return out;
}

}  // namespace slakit::cli
