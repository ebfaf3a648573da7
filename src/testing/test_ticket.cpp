#include "test_ticket.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "program/ticket_sources.hpp"
#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

const Calendar& calendar_of(const RuleSet& rules, const Name& name) {
  const Calendar* cal = rules.calendar(name.text);
  if (cal == nullptr) throw InvalidArgument(fmt::format("unknown calendar '{}'", name.text));
  return *cal;
}

// The zone a local instant of a test is read in: its calendar's, or the IANA
// zone it names (the checker has checked both).
TimeZone zone_of(const RuleSet& rules, const TestInstant& i) {
  return i.zone ? TimeZone::locate(i.zone->text) : calendar_of(rules, *i.calendar).zone();
}

const FieldInfo& field_info(const RuleSet& rules, const std::string& path) {
  const auto& fields = rules.fields();
  const auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const FieldInfo& f) { return f.path == path; });
  if (it == fields.end()) throw InvalidArgument(fmt::format("unknown field '{}'", path));
  return *it;
}

// A test value as the model holds a value of field `f`.
FieldValue field_value(const RuleSet& rules, const FieldInfo& f, const TestValue& v) {
  if (v.instant) {
    const bool date_only = !v.instant->time && v.instant->rfc3339.empty();
    if (date_only) return v.instant->date;
    return test_instant(rules, *v.instant);
  }
  const auto& l = v.literal;
  switch (l.kind) {
    case Literal::Kind::none:
      return std::monostate{};
    case Literal::Kind::string:
    case Literal::Kind::symbol:
      return l.text;
    case Literal::Kind::number:
      return l.number;
    case Literal::Kind::boolean:
      return l.boolean;
    case Literal::Kind::duration:
      return Seconds{l.duration.time};
    case Literal::Kind::date:
      return l.date;
  }
  throw InvalidArgument(fmt::format("{}: unsupported value", f.path));
}

template <class T>
T value_as(const FieldValue& v, const std::string& path) {
  if (std::holds_alternative<std::monostate>(v)) return T{};
  if (const auto* x = std::get_if<T>(&v)) return *x;
  throw InvalidArgument(fmt::format("{}: a value of the wrong type", path));
}

std::optional<year_month_day> optional_date(const FieldValue& v, const std::string& path) {
  if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
  return value_as<year_month_day>(v, path);
}

void set_field(Ticket& t, const std::string& path, FieldValue v) {
  const int source = source_of(path);
  // The shared map from sources to members reads a const ticket; this one
  // is not const, so writing through it is sound.
  if (const auto* text = text_member(std::as_const(t), source)) {
    *const_cast<std::string*>(text) = value_as<std::string>(v, path);
    return;
  }
  switch (source) {
    case contract_start:
      t.contract.valid_from = optional_date(v, path);
      return;
    case contract_end:
      t.contract.valid_to = optional_date(v, path);
      return;
    case order_value:
      if (std::holds_alternative<std::monostate>(v)) {
        t.order.value.reset();
      } else {
        t.order.value = value_as<double>(v, path);
      }
      return;
    case order_due:
      if (const auto* i = std::get_if<Instant>(&v)) t.order.due = *i;
      if (const auto* d = std::get_if<year_month_day>(&v)) t.order.due = *d;
      if (std::holds_alternative<std::monostate>(v)) t.order.due = std::monostate{};
      return;
    case ticket_created:
      t.created = value_as<Instant>(v, path);
      return;
    case ticket_reopened:
      t.reopened = value_as<bool>(v, path);
      return;
    default:
      break;
  }
  if (source < kCustom) throw InvalidArgument(fmt::format("field '{}' cannot be set", path));
  auto& fields = const_cast<CustomFields&>(custom_fields(t, source - kCustom));
  fields[path.substr(path.find('.') + 1)] = std::move(v);
}

TicketEvent test_event(const RuleSet& rules, const TestEvent& e) {
  TicketEvent out;
  out.at = test_instant(rules, e.at);
  const auto kind = parse_event_kind(e.event.text);
  if (!kind) throw InvalidArgument(fmt::format("unknown event '{}'", e.event.text));
  out.kind = *kind;
  out.is_public = !e.is_private;
  if (e.to) out.to = e.to->text;
  if (e.team) out.team = e.team->text;
  if (e.agent) out.agent = e.agent->text;
  if (e.change) {
    out.field = e.change->path.text;
    out.value = field_value(rules, field_info(rules, e.change->path.text), e.change->value);
  }
  return out;
}

}  // namespace

Instant test_instant(const RuleSet& rules, const TestInstant& i) {
  if (i.utc) return *i.utc;
  if (i.time && (i.calendar || i.zone)) {
    const auto local = LocalSeconds{local_days{i.date}} + i.time->since_midnight();
    return zone_of(rules, i).resolve(local).instant;
  }
  return sys_days{i.date};
}

std::string shown_instant(const RuleSet& rules, const TestInstant& i) {
  const bool date_only = !i.time && i.rfc3339.empty();
  if (date_only) return format_date(i.date);
  return shown_actual(rules, i, test_instant(rules, i));
}

std::string shown_actual(const RuleSet& rules, const TestInstant& like, Instant t) {
  if (like.calendar || like.zone) {
    return fmt::format("{} ({})", zone_of(rules, like).format(t), format_utc(t));
  }
  return format_utc(t);
}

TestTicket build_test_ticket(const RuleSet& rules, const TestDecl& test) {
  TestTicket out;
  out.ticket.id = test.name.text;
  for (const auto& line : test.lines) {
    if (const auto* f = std::get_if<TestField>(&line)) {
      set_field(out.ticket, f->path.text,
                field_value(rules, field_info(rules, f->path.text), f->value));
    } else if (const auto* e = std::get_if<TestEvent>(&line)) {
      out.events.push_back(test_event(rules, *e));
    } else if (const auto* n = std::get_if<TestNow>(&line)) {
      out.now = test_instant(rules, n->at);
    }
  }
  return out;
}

}  // namespace slakit::detail
