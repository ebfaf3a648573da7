#include "report_fields.hpp"

#include <slakit/time/civil.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "cli.hpp"

namespace slakit::cli {
namespace {

constexpr std::string_view kNone = "-";

std::string text_of(const std::string& s) {
  return s.empty() ? std::string{kNone} : s;
}

// A field's value as a group's name: numbers shortest, instants RFC 3339
// UTC, dates YYYY-MM-DD, durations seconds.
std::string text_of(const FieldValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::string{kNone};
        } else if constexpr (std::is_same_v<T, std::string>) {
          return text_of(x);
        } else if constexpr (std::is_same_v<T, double>) {
          return fmt::format("{}", x);
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, Instant>) {
          return format_utc(x);
        } else if constexpr (std::is_same_v<T, std::chrono::year_month_day>) {
          return format_date(x);
        } else {
          return fmt::format("{}", x.count());
        }
      },
      v);
}

std::string text_of(const std::optional<std::chrono::year_month_day>& d) {
  return d ? format_date(*d) : std::string{kNone};
}

using RecordValue = std::function<std::string(const Ticket&)>;

// The built-in fields, read from the model's members.
RecordValue builtin(std::string_view path) {
  using T = const Ticket&;
  static const std::vector<std::pair<std::string_view, RecordValue>> members{
      {"customer.id", [](T t) { return text_of(t.customer.id); }},
      {"customer.name", [](T t) { return text_of(t.customer.name); }},
      {"customer.tier", [](T t) { return text_of(t.customer.tier); }},
      {"customer.region", [](T t) { return text_of(t.customer.region); }},
      {"customer.language", [](T t) { return text_of(t.customer.language); }},
      {"customer.country", [](T t) { return text_of(t.customer.country); }},
      {"customer.zone", [](T t) { return text_of(t.customer.zone); }},
      {"contract.id", [](T t) { return text_of(t.contract.id); }},
      {"contract.customer", [](T t) { return text_of(t.contract.customer); }},
      {"contract.type", [](T t) { return text_of(t.contract.type); }},
      {"contract.sla", [](T t) { return text_of(t.contract.sla); }},
      {"contract.start", [](T t) { return text_of(t.contract.valid_from); }},
      {"contract.end", [](T t) { return text_of(t.contract.valid_to); }},
      {"order.id", [](T t) { return text_of(t.order.id); }},
      {"order.customer", [](T t) { return text_of(t.order.customer); }},
      {"order.status", [](T t) { return text_of(t.order.status); }},
      {"order.value",
       [](T t) { return t.order.value ? text_of(FieldValue{*t.order.value}) : "-"; }},
      {"order.due",
       [](T t) {
         if (const auto* at = std::get_if<Instant>(&t.order.due)) return format_utc(*at);
         if (const auto* d = std::get_if<std::chrono::year_month_day>(&t.order.due)) {
           return format_date(*d);
         }
         return std::string{kNone};
       }},
      {"ticket.id", [](T t) { return text_of(t.id); }},
      {"ticket.subject", [](T t) { return text_of(t.subject); }},
      {"ticket.category", [](T t) { return text_of(t.category); }},
      {"ticket.team", [](T t) { return text_of(t.team); }},
      {"ticket.queue", [](T t) { return text_of(t.queue); }},
      {"ticket.assignee", [](T t) { return text_of(t.assignee); }},
      {"ticket.channel", [](T t) { return text_of(t.channel); }},
      {"ticket.priority", [](T t) { return text_of(t.priority); }},
      {"ticket.status", [](T t) { return text_of(t.status); }},
      {"ticket.created", [](T t) { return format_utc(t.created); }},
      {"ticket.reopened", [](T t) { return std::string{t.reopened ? "true" : "false"}; }},
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
  return [fields, name](const Ticket& t) {
    const auto* all = fields(t);
    const auto it = all->find(name);
    return it == all->end() ? std::string{kNone} : text_of(it->second);
  };
}

GroupField record_field(const RuleSet& rules, const std::string& path) {
  if (auto read = builtin(path)) {
    return {path, false, [read](const Ticket& t, auto&, auto&, auto*) { return read(t); }};
  }
  const auto& fields = rules.fields();
  const bool known =
      std::any_of(fields.begin(), fields.end(), [&](const FieldInfo& f) { return f.path == path; });
  if (!known || path.find('.') == std::string::npos) {
    throw UsageError{fmt::format(
        "--by {}: not a group (policy, target, sla, team, queue) nor a field; a custom field "
        "must be declared in the rule files (field {} : text)",
        path, path)};
  }
  auto read = declared(path);
  return {path, false, [read](const Ticket& t, auto&, auto&, auto*) { return read(t); }};
}

}  // namespace

std::vector<GroupField> group_fields(const RuleSet& rules, const std::vector<std::string>& names) {
  std::vector<GroupField> out;
  for (const auto& name : names) {
    if (std::any_of(out.begin(), out.end(), [&](const GroupField& f) { return f.name == name; })) {
      throw UsageError{fmt::format("--by {} is given twice", name)};
    }
    if (name == "policy") {
      out.push_back({name, false, [](auto&, auto&, auto&, const TargetCycle* c) {
                       return c != nullptr ? c->policy : std::string{kNone};
                     }});
    } else if (name == "target") {
      out.push_back({name, false, [](auto&, auto&, auto&, const TargetCycle* c) {
                       return c != nullptr ? std::string{metric_name(c->metric)}
                                           : std::string{kNone};
                     }});
    } else if (name == "sla") {
      out.push_back({name, false, [](auto&, auto&, const Evaluation& e, auto*) {
                       return e.sla ? *e.sla : std::string{kNone};
                     }});
    } else if (name == "team") {
      out.push_back({name, true, [](auto&, const Routing& r, auto&, auto*) {
                       return r.team ? *r.team : std::string{kNone};
                     }});
    } else if (name == "queue") {
      out.push_back({name, true, [](auto&, const Routing& r, auto&, auto*) {
                       return r.queue ? *r.queue : std::string{kNone};
                     }});
    } else {
      out.push_back(record_field(rules, name));
    }
  }
  return out;
}

}  // namespace slakit::cli
