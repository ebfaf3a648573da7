#include "field_slots.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <limits>

#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"
#include "support/utf8.hpp"
#include "ticket_sources.hpp"

namespace slakit::detail {
namespace {

using namespace std::chrono;

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
  if (const auto* s = std::get_if<std::string>(&v)) return " " + quoted(*s);
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
  throw TicketError(fmt::format("ticket {}: {}: expected {}, got {}{}", quoted(ticket), f.path,
                                expected, type_of(v), shown(v)));
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
    for (const auto& m : fields_[i].members) intern(m);
  }
  // Members are interned above, so every member's code is below the count
  // now; texts interned later are members of nothing.
  is_member_.resize(fields_.size());
  for (Slot i = 0; i < static_cast<Slot>(fields_.size()); ++i) {
    if (fields_[i].type != FieldType::one_of) continue;
    is_member_[i].assign(codes_.size(), 0);
    for (const auto& m : fields_[i].members) is_member_[i][static_cast<std::size_t>(code(m))] = 1;
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

std::uint64_t FieldLayout::Generation::next() noexcept {
  static std::atomic<std::uint64_t> counter{0};
  return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}

std::int32_t FieldLayout::intern(std::string_view text) {
  generation_ = Generation{};
  return codes_.insert(text);
}

std::int32_t FieldLayout::code(std::string_view text) const {
  const auto number = codes_.find(text);
  return number == TextIndex::npos ? kUnknownText : number;
}

void FieldLayout::mark_used(Slot slot) {
  // A bug in the condition compiler, reported in the library's own error type.
  if (slot >= width_) throw Error("internal error: a condition reads a field not in its read list");
  if (is_used_[slot]) return;
  generation_ = Generation{};
  is_used_[slot] = true;
  used_.insert(std::upper_bound(used_.begin(), used_.end(), slot), slot);
}

void FieldLayout::check_also(const std::vector<std::string>& paths) {
  generation_ = Generation{};
  is_checked_.resize(fields_.size(), false);
  for (const auto& path : paths) {
    const auto s = slot(path);
    if (!s || *s < width_ || is_checked_[*s]) continue;
    is_checked_[*s] = true;
    checked_.push_back(*s);
  }
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
                           std::string_view ticket_id, bool strict, TextMemo* memo) const {
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
  if (strict && f.type == FieldType::one_of && !is_member(slot, v.code)) {
    mismatch(ticket_id, f, FieldValue{std::string{text}});
  }
  if (memo != nullptr && text.size() <= TextMemo::kMaxText) {
    // Only what passed its checks is kept.
    const auto key = TextMemo::key_of(text);
    memo->entry(generation_.value, slot, key) = {generation_.value, key, v.code, slot, strict};
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
      if (const auto* d = std::get_if<double>(&value)) return number_value(*d);
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
