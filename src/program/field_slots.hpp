// Field slots: every field of a rule set gets a small index at compile time,
// and a ticket's values are read into an array of SlotValues once per ticket
// (and once per event that changes a field). Conditions then compare numbers:
// text is interned into codes, so `ticket.category == billing` is an integer
// comparison, and no condition looks a field up by name.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "slakit/model/field_value.hpp"
#include "slakit/model/fields.hpp"
#include "slakit/model/ticket.hpp"
#include "support/text_index.hpp"

namespace slakit::detail {

using Slot = std::uint16_t;

/// Code of a text that no rule mentions: equal to no literal.
inline constexpr std::int32_t kUnknownText = -2;

/// One field's value as conditions see it.
struct SlotValue {
  bool present = false;
  bool is_date = false;      ///< a time field holding a date (an order due on a day)
  std::int32_t code = -1;    ///< text and one of: the interned code, or kUnknownText
  std::int64_t integer = 0;  ///< bool (0/1), time (UTC seconds), date (days), duration (s)
  double number = 0;         ///< number
  std::string_view text{};   ///< text and one of; points into the ticket or event
};

/// A thread's memo of texts already made into slot values: a ticket's
/// statuses, tiers and teams repeat from event to event and from ticket to
/// ticket, and a hit costs a comparison of three words where interning
/// costs a hash, a probe and the field's checks. Each entry names the
/// layout's generation, which changes whenever the layout could answer
/// otherwise (FieldLayout::Generation), so one memo serves any rule set.
class TextMemo {
 public:
  static constexpr std::size_t kMaxText = 24;  ///< longer texts are not kept
  /// A text of 1 to kMaxText bytes as three words that, with its length,
  /// tell it apart: overlapping loads that between them cover every byte.
  struct Key {
    std::uint64_t a = 0, b = 0, c = 0;
    std::uint32_t size = 0;
    friend bool operator==(const Key&, const Key&) = default;
  };
  [[nodiscard]] static Key key_of(std::string_view text) noexcept {
    const char* p = text.data();
    const auto n = text.size();
    Key k;
    k.size = static_cast<std::uint32_t>(n);
    if (n >= 8) {
      std::memcpy(&k.a, p, 8);
      std::memcpy(&k.b, p + (n - 8) / 2, 8);
      std::memcpy(&k.c, p + n - 8, 8);
    } else {
      k.a = TextIndex::short_word(p, n);
    }
    return k;
  }
  struct Entry {
    std::uint64_t generation = 0;  ///< 0: empty
    Key key{};
    std::int32_t code = 0;
    Slot slot = 0;
    bool strict = false;  ///< a `one of` value checked against its list
  };
  [[nodiscard]] Entry& entry(std::uint64_t generation, Slot slot, const Key& key) noexcept {
    // Every byte mixed into the top bits, which pick the entry. The
    // generation too: `slakit diff` evaluates each ticket under two rule
    // sets in turn, whose texts would otherwise take each other's entries
    // (a miss on nearly every text, measured: set_text 4.2 M to 7.2 M
    // instructions on 2,000 tickets).
    const auto mixed = (key.a ^ key.b * 31 ^ key.c * 7 ^ key.size ^ std::uint64_t{slot} << 40 ^
                        generation * 0xbf58476d1ce4e5b9ull) *
                       0x9e3779b97f4a7c15ull;
    return entries_[mixed >> (64 - kEntryBits)];
  }

 private:
  static constexpr unsigned kEntryBits = 7;  // 128 entries: room for two rule sets' texts
  Entry entries_[std::size_t{1} << kEntryBits];
};

class FieldLayout {
 public:
  /// Every field of the rule set, built in and declared (with redeclared
  /// `one of` values already applied). The fields named in `read` (those
  /// some condition reads) get the lowest slots, so that a ticket's state
  /// is that many values long (width()).
  FieldLayout(std::vector<FieldInfo> fields, const std::vector<std::string>& read);

  [[nodiscard]] std::optional<Slot> slot(std::string_view path) const;
  /// The slots of the built-in fields the SLA engine writes itself, found
  /// once rather than on every ticket.
  struct EngineSlots {
    std::optional<Slot> status, team, assignee, reopened;
  };
  [[nodiscard]] const EngineSlots& engine_slots() const noexcept { return engine_; }
  [[nodiscard]] const FieldInfo& info(Slot slot) const { return fields_[slot]; }
  [[nodiscard]] std::size_t size() const noexcept { return fields_.size(); }
  /// The slots below this are the ones conditions may read; the others are
  /// neither stored nor checked.
  [[nodiscard]] std::size_t width() const noexcept { return width_; }
  [[nodiscard]] const std::vector<FieldInfo>& fields() const noexcept { return fields_; }

  /// Compile time: the code of a text literal (added when new).
  std::int32_t intern(std::string_view text);
  /// Compile time: a condition reads this slot, so tickets must fill it.
  void mark_used(Slot slot);
  /// Compile time: the other engine's rules read these fields. Their values
  /// are checked (load(), and Timeline's events) though not kept, so that
  /// every engine of one rule set accepts and rejects the same tickets.
  void check_also(const std::vector<std::string>& paths);
  /// A slot not kept (at or above width()) whose values are still checked.
  [[nodiscard]] bool checked(Slot slot) const {
    return slot < is_checked_.size() && is_checked_[slot];
  }

  /// The code of a text, or kUnknownText.
  [[nodiscard]] std::int32_t code(std::string_view text) const;
  /// The text of a code (0 <= code < the number of texts interned).
  [[nodiscard]] const std::string& code_text(std::int32_t code) const { return codes_.text(code); }

  /// Reads the used slots of `out` from the ticket. Throws TicketError naming
  /// the ticket, the field and the value when a value does not fit its type.
  void load(const Ticket& ticket, std::span<SlotValue> out) const;
  /// Asks the processor for the members of `ticket` that load() reads, ahead
  /// of their use (batches over tickets in memory).
  void prefetch(const Ticket& ticket) const;

  /// The value of slot `slot` for a FieldValue (a field_changed event).
  /// Throws TicketError as load() does.
  [[nodiscard]] SlotValue convert(Slot slot, const FieldValue& value,
                                  std::string_view ticket_id) const;
  /// The same for text (status_changed, assigned). With `strict` false a
  /// `one of` field takes a value it does not list (the engine's own
  /// "solved", which a rule set's status list may lack).
  [[nodiscard]] SlotValue text_value(Slot slot, std::string_view text, std::string_view ticket_id,
                                     bool strict = true) const;
  /// The same through a thread's memo.
  [[nodiscard]] SlotValue text_value(Slot slot, std::string_view text, std::string_view ticket_id,
                                     bool strict, TextMemo& memo) const {
    SlotValue v;
    if (!from_memo(v, slot, text, strict, memo)) set_text(v, slot, text, ticket_id, strict, &memo);
    return v;
  }
  /// load(), its texts through a thread's memo.
  void load(const Ticket& ticket, std::span<SlotValue> out, TextMemo& memo) const;
  /// The value of a number field holding `x`.
  [[nodiscard]] static SlotValue number_value(double x) noexcept {
    SlotValue v;
    v.present = true;
    v.number = x;
    return v;
  }

 private:
  /// With `memo`, the answer is kept there (callers ask from_memo() first).
  void set_text(SlotValue& v, Slot slot, std::string_view text, std::string_view ticket_id,
                bool strict, TextMemo* memo = nullptr) const;
  /// set_text() from the memo: true when it held the answer (the same text
  /// of the same field, checked at least as strictly).
  [[nodiscard]] bool from_memo(SlotValue& v, Slot slot, std::string_view text, bool strict,
                               TextMemo& memo) const noexcept {
    if (text.empty()) {
      v = SlotValue{};  // no value, as set_text() gives
      return true;
    }
    if (text.size() > TextMemo::kMaxText) return false;
    const auto key = TextMemo::key_of(text);
    const auto& kept = memo.entry(generation_.value, slot, key);
    if (kept.generation != generation_.value || kept.slot != slot || !(kept.key == key) ||
        (strict && !kept.strict)) {
      return false;
    }
    v = SlotValue{};
    v.present = true;
    v.text = text;
    v.code = kept.code;
    return true;
  }
  void load_slot(const Ticket& ticket, Slot s, SlotValue& out, TextMemo* memo = nullptr) const;
  void load_into(const Ticket& ticket, std::span<SlotValue> out, TextMemo* memo) const;

  /// A number no other layout, nor this one before a change, has had: a
  /// copy gets a new one, and so does every change (a new text code, a
  /// field newly read or checked).
  struct Generation {
    std::uint64_t value = next();
    Generation() = default;
    Generation(const Generation&) noexcept : value(next()) {}
    Generation& operator=(const Generation&) noexcept {
      value = next();
      return *this;
    }
    ~Generation() = default;
    static std::uint64_t next() noexcept;
  };
  Generation generation_;

  std::vector<FieldInfo> fields_;
  TextIndex paths_;
  std::vector<Slot> path_slots_;  // per path number: its slot
  TextIndex codes_;               // a text's number is its code
  EngineSlots engine_;
  std::vector<Slot> used_;  // the slots some condition reads, ascending
  std::size_t width_ = 0;
  std::vector<bool> is_used_;
  std::vector<Slot> checked_;  // slots at or above width_ checked at load
  std::vector<bool> is_checked_;
  // Per slot: where a ticket keeps it (a member, or a custom field by name).
  std::vector<int> source_;
  // One of: per text code, whether the field lists it (look-ups on every
  // ticket cost one load, not a search of the list).
  std::vector<std::vector<std::uint8_t>> is_member_;
  [[nodiscard]] bool is_member(Slot slot, std::int32_t code) const {
    const auto& flags = is_member_[slot];
    return code >= 0 && static_cast<std::size_t>(code) < flags.size() &&
           flags[static_cast<std::size_t>(code)] != 0;
  }
};

/// Renders a slot value for explanations: "urgent", "12.5", "none".
[[nodiscard]] std::string value_text(const FieldInfo& field, const SlotValue& v);

}  // namespace slakit::detail
