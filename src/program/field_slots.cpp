#include "field_slots.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"

namespace slakit::detail {
namespace {

using namespace std::chrono;

// Built-in fields, read straight from the model's members.
enum Source : int {
  customer_id,
  customer_name,
  customer_tier,
  customer_region,
  customer_language,
  customer_country,
  customer_zone,
  contract_id,
  contract_customer,
  contract_type,
  contract_sla,
  contract_start,
  contract_end,
  order_id,
  order_customer,
  order_status,
  order_value,
  order_due,
  ticket_id,
  ticket_subject,
  ticket_category,
  ticket_team,
  ticket_queue,
  ticket_assignee,
  ticket_channel,
  ticket_priority,
  ticket_status,
  ticket_created,
  ticket_reopened,
  kBuiltinCount,
  // Custom fields: kCustom + object index (customer, contract, order, ticket).
  kCustom = 100,
};

// In the order of Source above.
constexpr std::string_view kSourcePaths[kBuiltinCount] = {
    "customer.id",       "customer.name",    "customer.tier",  "customer.region",
    "customer.language", "customer.country", "customer.zone",  "contract.id",
    "contract.customer", "contract.type",    "contract.sla",   "contract.start",
    "contract.end",      "order.id",         "order.customer", "order.status",
    "order.value",       "order.due",        "ticket.id",      "ticket.subject",
    "ticket.category",   "ticket.team",      "ticket.queue",   "ticket.assignee",
    "ticket.channel",    "ticket.priority",  "ticket.status",  "ticket.created",
    "ticket.reopened"};

int source_of(std::string_view path) {
  for (int i = 0; i < kBuiltinCount; ++i) {
    if (kSourcePaths[i] == path) return i;
  }
  const auto object = path.substr(0, path.find('.'));
  for (int i = 0; i < static_cast<int>(std::size(kFieldObjects)); ++i) {
    if (kFieldObjects[i] == object) return kCustom + i;
  }
  return -1;
}

const CustomFields& custom_fields(const Ticket& t, int object) {
  switch (object) {
    case 0:
      return t.customer.fields;
    case 1:
      return t.contract.fields;
    case 2:
      return t.order.fields;
    default:
      return t.fields;
  }
}

std::string_view type_of(const FieldValue& v) {
  switch (v.index()) {
    case 0:
      return "none";
    case 1:
      return "text";
    case 2:
      return "a number";
    case 3:
      return "a bool";
    case 4:
      return "a time";
    case 5:
      return "a date";
    default:
      return "a duration";
  }
}

std::string shown(const FieldValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return fmt::format(" '{}'", *s);
  if (const auto* d = std::get_if<double>(&v)) return fmt::format(" {}", *d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? " true" : " false";
  if (const auto* t = std::get_if<Instant>(&v)) return " " + format_utc(*t);
  if (const auto* d = std::get_if<year_month_day>(&v)) return " " + format_date(*d);
  if (const auto* s = std::get_if<Seconds>(&v)) return " " + format_duration(*s);
  return "";
}

[[noreturn]] void mismatch(std::string_view ticket, const FieldInfo& f, const FieldValue& v) {
  const auto expected = f.type == FieldType::one_of
                            ? fmt::format("one of {}", fmt::join(f.members, ", "))
                            : fmt::format("a {}", field_type_name(f.type));
  throw TicketError(fmt::format("ticket '{}': {}: expected {}, got {}{}", ticket, f.path, expected,
                                type_of(v), shown(v)));
}

}  // namespace

FieldLayout::FieldLayout(std::vector<FieldInfo> fields, const std::vector<std::string>& read)
    : fields_(std::move(fields)) {
  const auto is_read = [&](const FieldInfo& f) {
    return std::find(read.begin(), read.end(), f.path) != read.end();
  };
  width_ = static_cast<std::size_t>(std::stable_partition(fields_.begin(), fields_.end(), is_read) -
                                    fields_.begin());
  if (fields_.size() > std::numeric_limits<Slot>::max()) {
    throw InvalidArgument(fmt::format("{} fields: a rule set holds at most {}", fields_.size(),
                                      std::numeric_limits<Slot>::max()));
  }
  for (Slot i = 0; i < static_cast<Slot>(fields_.size()); ++i) {
    // A path given twice keeps its first slot, as a map's emplace would.
    if (static_cast<std::size_t>(paths_.insert(fields_[i].path)) == path_slots_.size()) {
      path_slots_.push_back(i);
    }
    source_.push_back(source_of(fields_[i].path));
    member_codes_.emplace_back();
    for (const auto& m : fields_[i].members) member_codes_.back().push_back(intern(m));
  }
  is_used_.assign(fields_.size(), false);
  engine_ = {slot("ticket.status"), slot("ticket.team"), slot("ticket.assignee"),
             slot("ticket.reopened")};
}

std::optional<Slot> FieldLayout::slot(std::string_view path) const {
  const auto number = paths_.find(path);
  if (number == TextIndex::npos) return std::nullopt;
  return path_slots_[static_cast<std::size_t>(number)];
}

std::int32_t FieldLayout::intern(std::string_view text) {
  return codes_.insert(text);
}

std::int32_t FieldLayout::code(std::string_view text) const {
  const auto number = codes_.find(text);
  return number == TextIndex::npos ? kUnknownText : number;
}

void FieldLayout::mark_used(Slot slot) {
  if (slot >= width_) throw std::logic_error("a condition reads a field not in its read list");
  if (is_used_[slot]) return;
  is_used_[slot] = true;
  used_.insert(std::upper_bound(used_.begin(), used_.end(), slot), slot);
}

SlotValue FieldLayout::text_value(Slot slot, std::string_view text, std::string_view ticket_id,
                                  bool strict) const {
  SlotValue v;
  set_text(v, slot, text, ticket_id, strict);
  return v;
}

// Fills `v` in place: load() writes a ticket's values where they stay,
// rather than through a returned copy the processor must forward.
void FieldLayout::set_text(SlotValue& v, Slot slot, std::string_view text,
                           std::string_view ticket_id, bool strict) const {
  v = SlotValue{};
  if (text.empty()) return;
  const auto& f = fields_[slot];
  if (f.type != FieldType::text && f.type != FieldType::one_of) {
    mismatch(ticket_id, f, FieldValue{std::string{text}});
  }
  v.present = true;
  v.text = text;
  // A hash of the text, once per ticket and field: conditions compare codes.
  v.code = code(text);
  if (strict && f.type == FieldType::one_of &&
      std::find(member_codes_[slot].begin(), member_codes_[slot].end(), v.code) ==
          member_codes_[slot].end()) {
    mismatch(ticket_id, f, FieldValue{std::string{text}});
  }
}

SlotValue FieldLayout::convert(Slot slot, const FieldValue& value,
                               std::string_view ticket_id) const {
  const auto& f = fields_[slot];
  if (std::holds_alternative<std::monostate>(value)) return {};
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (f.type == FieldType::text || f.type == FieldType::one_of) {
      return text_value(slot, *s, ticket_id);
    }
    mismatch(ticket_id, f, value);
  }
  SlotValue v;
  v.present = true;
  switch (f.type) {
    case FieldType::number:
      if (const auto* d = std::get_if<double>(&value)) {
        v.number = *d;
        return v;
      }
      break;
    case FieldType::boolean:
      if (const auto* b = std::get_if<bool>(&value)) {
        v.integer = *b ? 1 : 0;
        return v;
      }
      break;
    case FieldType::duration:
      if (const auto* d = std::get_if<Seconds>(&value)) {
        v.integer = d->count();
        return v;
      }
      break;
    case FieldType::time:
      if (const auto* t = std::get_if<Instant>(&value)) {
        v.integer = t->time_since_epoch().count();
        return v;
      }
      if (const auto* d = std::get_if<year_month_day>(&value); d && d->ok()) {
        v.integer = sys_seconds{sys_days{*d}}.time_since_epoch().count();
        v.is_date = true;
        return v;
      }
      break;
    case FieldType::date:
      if (const auto* d = std::get_if<year_month_day>(&value); d && d->ok()) {
        v.integer = sys_days{*d}.time_since_epoch().count();
        return v;
      }
      break;
    default:
      break;
  }
  mismatch(ticket_id, f, value);
}

namespace {

// The member a text source reads, or nullptr for a source of another type.
const std::string* text_member(const Ticket& t, int source) {
  switch (source) {
    case customer_id:
      return &t.customer.id;
    case customer_name:
      return &t.customer.name;
    case customer_tier:
      return &t.customer.tier;
    case customer_region:
      return &t.customer.region;
    case customer_language:
      return &t.customer.language;
    case customer_country:
      return &t.customer.country;
    case customer_zone:
      return &t.customer.zone;
    case contract_id:
      return &t.contract.id;
    case contract_customer:
      return &t.contract.customer;
    case contract_type:
      return &t.contract.type;
    case contract_sla:
      return &t.contract.sla;
    case order_id:
      return &t.order.id;
    case order_customer:
      return &t.order.customer;
    case order_status:
      return &t.order.status;
    case ticket_id:
      return &t.id;
    case ticket_subject:
      return &t.subject;
    case ticket_category:
      return &t.category;
    case ticket_team:
      return &t.team;
    case ticket_queue:
      return &t.queue;
    case ticket_assignee:
      return &t.assignee;
    case ticket_channel:
      return &t.channel;
    case ticket_priority:
      return &t.priority;
    case ticket_status:
      return &t.status;
    default:
      return nullptr;
  }
}

// Where in the ticket record a source's value lies.
const void* member_address(const Ticket& t, int source) {
  if (const auto* text = text_member(t, source)) return text;
  switch (source) {
    case contract_start:
      return &t.contract.valid_from;
    case contract_end:
      return &t.contract.valid_to;
    case order_value:
      return &t.order.value;
    case order_due:
      return &t.order.due;
    case ticket_created:
      return &t.created;
    case ticket_reopened:
      return &t.reopened;
    default:
      return &custom_fields(t, source - kCustom);
  }
}

}  // namespace

void FieldLayout::prefetch(const Ticket& t) const {
#if defined(__GNUC__)
  for (const Slot s : used_) __builtin_prefetch(member_address(t, source_[s]));
#else
  static_cast<void>(t);
#endif
}

void FieldLayout::load(const Ticket& t, std::span<SlotValue> out) const {
  // Every slot below width() is one a condition reads, so each is set
  // below; if that ever stopped holding, a stale value must not survive.
  if (used_.size() != width_) std::fill(out.begin(), out.end(), SlotValue{});
  auto date = [&](Slot s, const std::optional<year_month_day>& d) {
    out[s] = d ? convert(s, *d, t.id) : SlotValue{};
  };
  for (const Slot s : used_) {
    if (const auto* text = text_member(t, source_[s])) {
      set_text(out[s], s, *text, t.id, true);
      continue;
    }
    switch (source_[s]) {
      case contract_start:
        date(s, t.contract.valid_from);
        break;
      case contract_end:
        date(s, t.contract.valid_to);
        break;
      case order_value:
        out[s] = t.order.value ? convert(s, *t.order.value, t.id) : SlotValue{};
        break;
      case order_due:
        out[s] = std::visit(
            [&](const auto& due) -> SlotValue {
              using D = std::decay_t<decltype(due)>;
              if constexpr (std::is_same_v<D, std::monostate>) {
                return {};
              } else {
                return convert(s, FieldValue{due}, t.id);
              }
            },
            t.order.due);
        break;
      case ticket_created:
        out[s] = convert(s, t.created, t.id);
        break;
      case ticket_reopened:
        out[s] = convert(s, t.reopened, t.id);
        break;
      default: {
        const auto& fields = custom_fields(t, source_[s] - kCustom);
        const auto& path = fields_[s].path;
        const auto it = fields.find(std::string_view{path}.substr(path.find('.') + 1));
        out[s] = it == fields.end() ? SlotValue{} : convert(s, it->second, t.id);
      }
    }
  }
}

std::string value_text(const FieldInfo& field, const SlotValue& v) {
  if (!v.present) return "none";
  switch (field.type) {
    case FieldType::text:
      return fmt::format("\"{}\"", v.text);
    case FieldType::one_of:
      return std::string{v.text};
    case FieldType::number:
      return fmt::format("{}", v.number);
    case FieldType::boolean:
      return v.integer != 0 ? "true" : "false";
    case FieldType::duration:
      return format_duration(Seconds{v.integer});
    case FieldType::time:
      return v.is_date ? format_date(year_month_day{floor<days>(sys_seconds{Seconds{v.integer}})})
                       : format_utc(sys_seconds{Seconds{v.integer}});
    case FieldType::date:
      return format_date(year_month_day{sys_days{days{v.integer}}});
  }
  return "?";
}

}  // namespace slakit::detail
