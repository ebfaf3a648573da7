#include "decision_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace slakit::detail {

namespace {

// A column bigger than this (classes times words of 64 conditions) is not
// built: its parts are tried in full instead. 64 MiB.
constexpr std::size_t kMostWords = std::size_t{8} << 20;

bool is_single_slot(const Condition::Part& p) {
  return p.slots.size() == 1 && !p.compares_fields;
}

}  // namespace

std::size_t DecisionTable::Column::class_of(const SlotValue& v) const {
  if (!v.present) return 0;
  switch (kind) {
    case Kind::code: {
      const auto at = static_cast<std::size_t>(v.code);
      return v.code < 0 || at >= code_class.size() ? 1 : code_class[at];
    }
    case Kind::number:
      return std::isnan(v.number) ? 1 : class_among(numbers, v.number);
    case Kind::integer:
      return class_among(integers, v.integer);
  }
  return 1;
}

SlotValue DecisionTable::Column::representative(std::size_t c) const {
  SlotValue v;
  if (c == 0) return v;
  v.present = true;
  if (kind == Kind::code) {
    v.code = c == 1 ? kUnknownText : class_code[c - 2];
    return v;
  }
  if (c == 1) {
    // NaN; no integer has this class, and any value will do for it.
    if (kind == Kind::number) v.number = std::numeric_limits<double>::quiet_NaN();
    return v;
  }
  // 2 + 2i: below literal i (above the last when i is their count); 3 + 2i: at it.
  const auto i = (c - 2) / 2;
  const bool at = (c - 2) % 2 == 1;
  if (kind == Kind::number) {
    constexpr auto inf = std::numeric_limits<double>::infinity();
    if (numbers.empty()) return v;
    v.number = at       ? numbers[i]
               : i == 0 ? std::nextafter(numbers[0], -inf)
                        : std::nextafter(numbers[i - 1], inf);
    return v;
  }
  if (integers.empty()) return v;
  constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
  constexpr auto highest = std::numeric_limits<std::int64_t>::max();
  // An empty class (below the lowest integer) is never looked up: any value will do.
  v.integer = at       ? integers[i]
              : i == 0 ? (integers[0] == lowest ? lowest : integers[0] - 1)
                       : (integers[i - 1] == highest ? highest : integers[i - 1] + 1);
  return v;
}

std::optional<SlotValue> DecisionTable::example(std::size_t c, std::size_t cls,
                                                const FieldLayout& layout) const {
  const auto& col = columns_[c];
  const auto& field = layout.info(col.slot);
  auto v = col.representative(cls);
  if (cls == 0) return v;
  if (col.kind == Kind::code) {
    if (cls != 1) {
      v.text = layout.code_text(v.code);
      return v;
    }
    if (field.type != FieldType::one_of) return v;  // any text no rule names
    for (const auto& m : field.members) {
      const auto code = layout.code(m);
      if (col.class_of(SlotValue{.present = true, .code = code}) == 1) {
        v.code = code;
        v.text = m;
        return v;
      }
    }
    return std::nullopt;  // every member is named
  }
  // NaN: no JSON number is one, and every comparison with it fails; left
  // out so that lints do not call rules incomplete for it.
  if (cls == 1) return std::nullopt;
  // Between two literals, or beyond them: a number people would write.
  const auto i = (cls - 2) / 2;
  const bool between = (cls - 2) % 2 == 0;
  if (between && col.kind == Kind::number && !col.numbers.empty()) {
    const auto& xs = col.numbers;
    const auto round = i == 0           ? xs[0] - 1
                       : i == xs.size() ? xs.back() + 1
                                        : xs[i - 1] + (xs[i] - xs[i - 1]) / 2;
    // Beyond 2^53 (or near the largest double) a round number may fall
    // outside the class: then the representative, the next double, serves.
    SlotValue r = v;
    r.number = round;
    if (col.class_of(r) == cls) v = r;
  }
  // A bool is 0 or 1; and a class between two adjacent numbers is empty.
  if (field.type == FieldType::boolean && v.integer != 0 && v.integer != 1) return std::nullopt;
  if (col.class_of(v) != cls) return std::nullopt;
  return v;
}

DecisionTable::DecisionTable(const std::vector<const Condition*>& conditions,
                             const FieldLayout& layout)
    : conditions_(conditions) {
  const auto n = conditions.size();
  words_ = (n + 63) / 64;
  base_.assign(words_, 0);
  recheck_.assign(n, 0);
  std::vector<std::vector<Condition::Part>> parts(n);
  // Per slot that some single-slot part reads: its literals.
  std::map<Slot, std::vector<SlotValue>> literals;
  for (std::size_t i = 0; i < n; ++i) {
    base_[i / 64] |= std::uint64_t{1} << (i % 64);
    if (conditions[i] == nullptr) continue;
    parts[i] = conditions[i]->parts();
    for (const auto& p : parts[i]) {
      if (p.slots.empty()) {
        // Reads nothing: true or false for every ticket.
        if (!conditions[i]->holds(p, {})) base_[i / 64] &= ~(std::uint64_t{1} << (i % 64));
      } else if (is_single_slot(p)) {
        auto& list = literals[p.slots.front()];
        list.insert(list.end(), p.literals.begin(), p.literals.end());
      } else {
        recheck_[i] = 1;
      }
    }
  }
  for (auto& [slot, values] : literals) {
    Column col;
    col.slot = slot;
    const auto type = layout.info(slot).type;
    col.kind = type == FieldType::text || type == FieldType::one_of ? Kind::code
               : type == FieldType::number                          ? Kind::number
                                                                    : Kind::integer;
    for (const auto& v : values) {
      if (col.kind == Kind::code && v.code >= 0) {
        const auto at = static_cast<std::size_t>(v.code);
        if (at >= col.code_class.size()) col.code_class.resize(at + 1, 1);
        col.code_class[at] = 0;  // named: numbered below, in code order
      }
      if (col.kind == Kind::number) col.numbers.push_back(v.number);
      if (col.kind == Kind::integer) col.integers.push_back(v.integer);
    }
    std::sort(col.numbers.begin(), col.numbers.end());
    col.numbers.erase(std::unique(col.numbers.begin(), col.numbers.end()), col.numbers.end());
    std::sort(col.integers.begin(), col.integers.end());
    col.integers.erase(std::unique(col.integers.begin(), col.integers.end()), col.integers.end());
    if (col.kind == Kind::code) {
      std::uint32_t next = 2;
      for (std::size_t code = 0; code < col.code_class.size(); ++code) {
        auto& c = col.code_class[code];
        if (c != 0) continue;
        c = next++;
        col.class_code.push_back(static_cast<std::int32_t>(code));
      }
      col.classes = next;
    } else {
      col.classes = 3 + 2 * (col.kind == Kind::number ? col.numbers.size() : col.integers.size());
    }
    if (col.classes * words_ > kMostWords) {
      // Too big to tabulate: its conditions are tried in full.
      for (std::size_t i = 0; i < n; ++i) {
        for (const auto& p : parts[i]) {
          if (is_single_slot(p) && p.slots.front() == slot) recheck_[i] = 1;
        }
      }
      continue;
    }
    build_column(col, parts);
    columns_.push_back(std::move(col));
  }
}

void DecisionTable::build_column(Column& col,
                                 const std::vector<std::vector<Condition::Part>>& parts) {
  // Each condition's truth changes from one class to the next only at its
  // own literals: mark where it changes (a toggle), then sum the toggles up
  // class by class. Building costs the classes times the words, plus each
  // condition's literals, rather than conditions times classes.
  std::vector<std::uint64_t> toggles(col.classes * words_, 0);
  std::vector<SlotValue> values(col.slot + std::size_t{1});
  std::vector<std::size_t> at;  // the classes where condition i may change
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto word = i / 64;
    const auto bit = std::uint64_t{1} << (i % 64);
    at.assign({0, 1, 2});
    bool any = false;
    for (const auto& p : parts[i]) {
      if (!is_single_slot(p) || p.slots.front() != col.slot) continue;
      any = true;
      for (const auto& l : p.literals) {
        const auto c = col.class_of(l);
        at.push_back(c);
        at.push_back(c + 1);
      }
    }
    if (!any) {
      toggles[word] |= bit;  // holds in every class
      continue;
    }
    std::sort(at.begin(), at.end());
    at.erase(std::unique(at.begin(), at.end()), at.end());
    bool before = false;
    for (const auto c : at) {
      if (c >= col.classes) break;
      values[col.slot] = col.representative(c);
      bool holds = true;
      for (const auto& p : parts[i]) {
        if (is_single_slot(p) && p.slots.front() == col.slot) {
          holds = holds && conditions_[i]->holds(p, values);
        }
      }
      if (holds != before) toggles[c * words_ + word] |= bit;
      before = holds;
    }
  }
  col.rows.assign(col.classes * words_, 0);
  for (std::size_t c = 0; c < col.classes; ++c) {
    for (std::size_t w = 0; w < words_; ++w) {
      const auto previous = c == 0 ? 0 : col.rows[(c - 1) * words_ + w];
      col.rows[c * words_ + w] = previous ^ toggles[c * words_ + w];
    }
  }
}

}  // namespace slakit::detail
