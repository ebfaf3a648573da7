#include "ticket_reader.hpp"

#include <fmt/format.h>
#include <simdjson.h>
#include <slakit/time/civil.hpp>
#include <slakit/time/parse_time.hpp>

#include <cmath>
#include <cstring>
#include <new>
#include <optional>
#include <unordered_map>
#include <variant>

#include "field_values.hpp"
#include "json_values.hpp"
#include "support/utf8.hpp"

namespace slakit::cli {
namespace {

namespace dom = simdjson::dom;

// The keys of an event the reader takes.
enum class EventKey { at, kind, id, is_public, to, field, value, team, agent, other };

// Whether `key` is `name`: one load a side. The length check costs nothing
// under event_key's switch on the length (the compiler knows it there),
// and keeps a name filed under the wrong length from matching a prefix.
template <std::size_t N>
bool is(std::string_view key, const char (&name)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

// An event's key, told by its length and then at most three loads: every
// key of every event comes here, and a chain of comparisons took up to
// nine branches for "agent", which depend on the event's kind.
EventKey event_key(std::string_view key) {
  switch (key.size()) {
    case 2:
      return is(key, "at")   ? EventKey::at
             : is(key, "to") ? EventKey::to
             : is(key, "id") ? EventKey::id
                             : EventKey::other;
    case 4:
      return is(key, "kind") ? EventKey::kind : is(key, "team") ? EventKey::team : EventKey::other;
    case 5:
      return is(key, "agent")   ? EventKey::agent
             : is(key, "field") ? EventKey::field
             : is(key, "value") ? EventKey::value
                                : EventKey::other;
    case 6:
      return is(key, "public") ? EventKey::is_public : EventKey::other;
    default:
      return EventKey::other;
  }
}

}  // namespace

// Objects are walked with their iterator's key() and value(), never a
// structured binding, which copied each key_value_pair through the stack
// (a stall: docs/architecture.md, Decisions; half the events' walk).
struct TicketReader::Impl {
  dom::parser parser;
  // The last line parsed (valid until the next), or why it is not JSON.
  dom::element document;
  simdjson::error_code parse_error = simdjson::UNINITIALIZED;
  std::unordered_map<std::string, FieldInfo> fields;  // by path
  ReaderOptions options;
  InstantReading instant;
  std::string path;  // scratch

  // A key of an object ("ticket", "customer", ...) that is a declared field.
  void custom(CustomFields& into, std::string_view object, std::string_view key, dom::element v,
              const Where& where_key) {
    path.assign(object).append(".").append(key);
    const auto it = fields.find(path);
    if (it == fields.end()) return;  // extra keys are allowed
    into[std::string{key}] = field_value(scalar(v, where_key), it->second, where_key, instant);
  }

  // Each member of the object `v` (the record's "ticket", "customer", ...)
  // through `member(key, value)`.
  template <class Member>
  void each_member(dom::element v, std::string_view object, Member member) {
    const dom::object members = get<dom::object>(v, {object}, "an object");
    for (auto m = members.begin(); m != members.end(); ++m) {
      // null is the member left out: it never erases the same member given
      // under its whole path at the top of the record.
      if (!m.value().is_null()) member(m.key(), m.value());
    }
  }

  // One member of the "ticket" object, also given at the top of a
  // record as "ticket.KEY".
  void ticket_member(std::string_view key, dom::element value, Ticket& t, bool& has_created) {
    const Where at{"ticket", std::string_view::npos, key};
    if (key == "id") {
      assign_id(t.id, value, at);
    } else if (key == "created") {
      if (value.is_null()) return;  // null is the key left out
      t.created = instant(view(value, at), at);
      has_created = true;
    } else if (key == "subject") {
      assign_text(t.subject, value, at);
    } else if (key == "channel") {
      assign_text(t.channel, value, at);
    } else if (key == "category") {
      assign_text(t.category, value, at);
    } else if (key == "priority") {
      assign_text(t.priority, value, at);
    } else if (key == "status") {
      assign_text(t.status, value, at);
    } else if (key == "team") {
      assign_text(t.team, value, at);
    } else if (key == "queue") {
      assign_text(t.queue, value, at);
    } else if (key == "assignee") {
      assign_id(t.assignee, value, at);  // an agent's id
    } else if (key == "reopened") {
      if (!value.is_null()) t.reopened = get<bool>(value, at, "true or false");
    } else {
      custom(t.fields, "ticket", key, value, at);
    }
  }

  // One member of the "customer" object, also given at the top of a
  // record as "customer.KEY".
  void customer_member(std::string_view key, dom::element value, Customer& c) {
    const Where at{"customer", std::string_view::npos, key};
    if (key == "id") {
      assign_id(c.id, value, at);
      return;
    }
    std::string* slot = key == "name"       ? &c.name
                        : key == "tier"     ? &c.tier
                        : key == "region"   ? &c.region
                        : key == "language" ? &c.language
                        : key == "country"  ? &c.country
                        : key == "zone"     ? &c.zone
                                            : nullptr;
    if (slot != nullptr) {
      assign_text(*slot, value, at);
    } else {
      custom(c.fields, "customer", key, value, at);
    }
  }

  // One member of the "contract" object, also given at the top of a
  // record as "contract.KEY".
  void contract_member(std::string_view key, dom::element value, Contract& c) {
    const Where at{"contract", std::string_view::npos, key};
    if (key == "id") {
      assign_id(c.id, value, at);
    } else if (key == "customer") {
      assign_id(c.customer, value, at);
    } else if (key == "type") {
      assign_text(c.type, value, at);
    } else if (key == "sla") {
      assign_text(c.sla, value, at);
    } else if (key == "start" || key == "valid_from" || key == "end" || key == "valid_to") {
      const auto s = view(value, at);
      auto& d = key == "start" || key == "valid_from" ? c.valid_from : c.valid_to;
      d = s.empty() ? std::nullopt : std::optional{date(s, at)};
    } else {
      custom(c.fields, "contract", key, value, at);
    }
  }

  // One member of the "order" object, also given at the top of a
  // record as "order.KEY".
  void order_member(std::string_view key, dom::element value, Order& o) {
    const Where at{"order", std::string_view::npos, key};
    if (key == "id") {
      assign_id(o.id, value, at);
    } else if (key == "customer") {
      assign_id(o.customer, value, at);
    } else if (key == "status") {
      assign_text(o.status, value, at);
    } else if (key == "value") {
      const auto s = scalar(value, at);
      if (const auto* d = std::get_if<double>(&s)) {
        o.value = *d;
      } else if (!std::holds_alternative<std::monostate>(s)) {
        throw ReadError{at, "expected a number, got " + shown(s)};
      }
    } else if (key == "due") {
      const auto s = view(value, at);
      if (s.empty()) {
        o.due = std::monostate{};
      } else if (names_a_day(s)) {
        o.due = date(s, at);
      } else {
        o.due = instant(s, at);
      }
    } else {
      custom(o.fields, "order", key, value, at);
    }
  }

  // The ticket of the record before as a new one (Ticket{}), its strings'
  // buffers kept: every member, since the reader writes nearly all (and
  // one it writes must be reset here). `= Ticket{}` zero-filled a kilobyte
  // (a `rep stos`, an eighth of fill's time) and moved 23 strings.
  static void reset(Ticket& t) {
    for (auto* s : {&t.id, &t.subject, &t.channel, &t.category, &t.priority, &t.status, &t.team,
                    &t.queue, &t.assignee}) {
      s->clear();
    }
    t.created = Instant{};
    t.reopened = false;
    t.fields.clear();
    auto& c = t.customer;
    for (auto* s : {&c.id, &c.name, &c.tier, &c.region, &c.language, &c.country, &c.zone}) {
      s->clear();
    }
    c.fields.clear();
    auto& k = t.contract;
    for (auto* s : {&k.id, &k.customer, &k.type, &k.sla}) s->clear();
    k.valid_from.reset();
    k.valid_to.reset();
    k.fields.clear();
    auto& o = t.order;
    for (auto* s : {&o.id, &o.customer, &o.status}) s->clear();
    o.value.reset();
    o.due = std::monostate{};
    o.fields.clear();
  }

  // An event of the record before as a new one (TicketEvent{}), its
  // strings' buffers kept. (Assigning a TicketEvent{} makes and destroys a
  // temporary: 1,500 instructions a ticket more.)
  static TicketEvent& reset(TicketEvent& e) {
    e.at = Instant{};
    e.kind = EventKind::created;
    e.id.clear();
    e.is_public = true;
    e.to.clear();
    e.field.clear();
    e.value = std::monostate{};
    e.team.clear();
    e.agent.clear();
    return e;
  }

  // The events of one array, into out[n], out[n + 1], ...: the events of
  // the record before are written over, their strings' buffers kept, so
  // that a record allocates nothing once one with as many events and as
  // long values has been read (events past the count are let go).
  void events_array(dom::element v, std::vector<TicketEvent>& out, std::size_t& n) {
    std::size_t i = 0;
    for (const dom::element element : get<dom::array>(v, {"events"}, "an array")) {
      const Where where_event{"events", i++};
      auto& e = n == out.size() ? out.emplace_back() : reset(out[n]);
      ++n;
      std::optional<dom::element> raw_value;  // read once its field is known
      bool has_at = false, has_kind = false;
      const dom::object members = get<dom::object>(element, where_event, "an object");
      for (auto member = members.begin(); member != members.end(); ++member) {
        const std::string_view key = member.key();
        const dom::element value = member.value();
        // null is the key left out, as in the record: a second `"team":
        // null` erases nothing, a `"kind": null` alone is a missing kind.
        if (value.is_null()) continue;
        const Where at{"events", where_event.index, key};
        switch (event_key(key)) {
          case EventKey::at:
            e.at = instant(view(value, at), at);
            has_at = true;
            break;
          case EventKey::kind: {
            const auto kind = view(value, at);
            const auto k = parse_event_kind(kind);
            if (!k) throw ReadError{at, fmt::format("unknown event kind {}", detail::quoted(kind))};
            e.kind = *k;
            has_kind = true;
            break;
          }
          case EventKey::id:
            assign_id(e.id, value, at);
            break;
          case EventKey::is_public:
            e.is_public = get<bool>(value, at, "true or false");
            break;
          case EventKey::to:
            assign_text(e.to, value, at);
            break;
          case EventKey::field:
            assign_text(e.field, value, at);
            break;
          case EventKey::value:
            raw_value = value;
            break;
          case EventKey::team:
            assign_text(e.team, value, at);
            break;
          case EventKey::agent:
            assign_id(e.agent, value, at);  // an agent's id, as the agents file has it
            break;
          case EventKey::other:
            break;
        }
      }
      if (!has_at) throw ReadError{where_event, "missing \"at\""};
      if (!has_kind) throw ReadError{where_event, "missing \"kind\""};
      if (e.kind == EventKind::field_changed) {
        if (e.field.empty()) throw ReadError{where_event, "missing \"field\""};
        // The value's type is the field's: known once both keys are read.
        // A field the rules do not declare changes nothing and is not
        // checked, as an unknown key of the record (docs/cli.md).
        const auto it = fields.find(e.field);
        if (it != fields.end()) {
          const Where where_value{"events", where_event.index, "value"};
          e.value = field_value(raw_value ? scalar(*raw_value, where_value) : Scalar{}, it->second,
                                where_value, instant);
        }
      }
    }
  }

  // A member of an object given at the top of the record under its whole
  // path ("contract.sla": "gold", as a flat export or a DataFrame's records
  // write it), read as that object's member; other keys are ignored.
  void flat_member(std::string_view key, dom::element value, Ticket& t, bool& has_created) {
    const auto dot = key.find('.');
    if (dot == std::string_view::npos) return;
    const auto object = key.substr(0, dot);
    const auto member = key.substr(dot + 1);
    if (object == "ticket") {
      ticket_member(member, value, t, has_created);
    } else if (object == "customer") {
      customer_member(member, value, t.customer);
    } else if (object == "contract") {
      contract_member(member, value, t.contract);
    } else if (object == "order") {
      order_member(member, value, t.order);
    }
  }

  // The record (or the error that parsing it gave) into `out`.
  void fill(dom::element doc, simdjson::error_code parsed, TicketHistory& out) {
    reset(out.ticket);
    std::size_t events = 0;  // out.events read so far; the rest are the last record's
    bool has_created = false;
    try {
      if (parsed) {
        throw ReadError{Where{}, fmt::format("invalid JSON: {}", simdjson::error_message(parsed))};
      }
      dom::object record;
      if (const auto err = doc.get_object().get(record)) {
        throw ReadError{Where{}, "not a JSON object"};
      }
      for (auto member = record.begin(); member != record.end(); ++member) {
        const std::string_view key = member.key();
        const dom::element value = member.value();
        if (value.is_null()) continue;  // null is the key left out, whichever the key
        if (key == "id") {
          assign_id(out.ticket.id, value, Where{"id"});
        } else if (key == "created") {
          out.ticket.created = instant(view(value, Where{"created"}), Where{"created"});
          has_created = true;
        } else if (key == "ticket") {
          each_member(value, key, [&](std::string_view k, dom::element v) {
            ticket_member(k, v, out.ticket, has_created);
          });
        } else if (key == "customer") {
          each_member(value, key, [&](std::string_view k, dom::element v) {
            customer_member(k, v, out.ticket.customer);
          });
        } else if (key == "contract") {
          each_member(value, key, [&](std::string_view k, dom::element v) {
            contract_member(k, v, out.ticket.contract);
          });
        } else if (key == "order") {
          each_member(value, key, [&](std::string_view k, dom::element v) {
            order_member(k, v, out.ticket.order);
          });
        } else if (key == "events") {
          events = 0;  // given twice, the last array is the history
          events_array(value, out.events, events);
        } else {
          flat_member(key, value, out.ticket, has_created);
        }
      }
      out.events.resize(events);
      if (out.ticket.id.empty())
        throw ReadError{Where{"id"}, "missing: every ticket needs an \"id\""};
      if (!has_created && options.require_created) {
        throw ReadError{Where{"created"}, "missing: " + options.why_created};
      }
    } catch (const ReadError& e) {
      out.events.clear();  // none of the last record's
      const auto who = out.ticket.id.empty()
                           ? std::string{}
                           : fmt::format("ticket {}: ", detail::quoted(out.ticket.id));
      throw InvalidArgument(
          fmt::format("{}{}{}", who, e.where.empty() ? "" : e.where + ": ", e.what));
    }
  }
};

ReaderOptions routing_reader_options(const RuleSet& rules) {
  for (const auto& g : rules.route_groups()) {
    for (const auto& r : g.routes) {
      if (r.relaxed_skills.empty()) continue;
      return {.require_created = true,
              .why_created = fmt::format(
                  "route '{}' relaxes skills after a wait, which counts from \"created\"",
                  r.name.text)};
    }
  }
  return {.require_created = false};
}

TicketReader::TicketReader(const RuleSet& rules, ReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->instant.fractions = options.fractions;
  for (const auto& f : rules.fields()) impl_->fields.emplace(f.path, f);
}
TicketReader::~TicketReader() = default;
std::size_t TicketReader::truncated_instants() const noexcept {
  return impl_->instant.truncated;
}
TicketReader::TicketReader(TicketReader&&) noexcept = default;

void TicketReader::read(const JsonLine& line, TicketHistory& out) {
  // The line is followed by the padding simdjson reads ahead into.
  impl_->parse_error = impl_->parser.parse(line.data, line.size, false).get(impl_->document);
  if (impl_->parse_error == simdjson::MEMALLOC) {
    // A parser whose buffers could not grow believes they did, and the next
    // line would be written past them (a crash): start afresh, and stop the
    // command as for any memory that runs out (docs/cli.md, "Exit codes").
    impl_->parser = dom::parser{};
    throw std::bad_alloc{};
  }
  impl_->fill(impl_->document, impl_->parse_error, out);
}

void TicketReader::read_again(const TicketReader& source, TicketHistory& out) {
  impl_->fill(source.impl_->document, source.impl_->parse_error, out);
}

}  // namespace slakit::cli
