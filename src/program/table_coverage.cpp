#include "table_coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

namespace slakit::detail {
namespace {

constexpr std::size_t kMostBoxes = 4096;
constexpr std::size_t kMostBoxWords = std::size_t{2} << 20;  // 16 MiB of entry boxes

std::vector<std::size_t> offsets(const DecisionTable& t) {
  std::vector<std::size_t> at{0};
  for (std::size_t c = 0; c < t.columns(); ++c) at.push_back(at.back() + (t.classes(c) + 63) / 64);
  return at;
}

}  // namespace

Boxes::Boxes(const DecisionTable& table) : at_(offsets(table)) {}

bool Boxes::empty(const Box& b) const {
  for (std::size_t c = 0; c + 1 < at_.size(); ++c) {
    if (!any(b, c)) return true;
  }
  return false;
}

bool Boxes::intersect(const Box& a, const Box& b) {
  ++used_;  // even a box of no columns costs its call
  for (std::size_t c = 0; c + 1 < at_.size(); ++c) {
    bool some = false;
    for (auto w = at_[c]; w < at_[c + 1] && !some; ++w) some = (a.bits[w] & b.bits[w]) != 0;
    used_ += at_[c + 1] - at_[c];
    if (!some) return false;
  }
  return true;
}

bool Boxes::contains(const Box& outer, const Box& inner) {
  used_ += 1 + inner.bits.size();
  for (std::size_t w = 0; w < inner.bits.size(); ++w) {
    if ((inner.bits[w] & ~outer.bits[w]) != 0) return false;
  }
  return true;
}

// Per column in turn, the part of a box outside `cut` there, the rest going
// on inside it.
bool Boxes::subtract(std::vector<Box>& boxes, const Box& cut) {
  std::vector<Box> out;
  for (auto& b : boxes) {
    if (!intersect(b, cut)) {
      out.push_back(std::move(b));
      continue;
    }
    for (std::size_t c = 0; c + 1 < at_.size(); ++c) {
      Box outside = b;
      bool some = false;
      for (auto w = at_[c]; w < at_[c + 1]; ++w) {
        outside.bits[w] = b.bits[w] & ~cut.bits[w];
        some = some || outside.bits[w] != 0;
        b.bits[w] &= cut.bits[w];
      }
      used_ += b.bits.size();
      if (some) out.push_back(std::move(outside));
    }
    if (out.size() > kMostBoxes) return false;
  }
  boxes = std::move(out);
  return true;
}

bool Boxes::any(const Box& b, std::size_t c) const {
  for (auto w = at_[c]; w < at_[c + 1]; ++w) {
    if (b.bits[w] != 0) return true;
  }
  return false;
}

std::size_t Boxes::first(const Box& b, std::size_t c) const {
  for (auto w = at_[c]; w < at_[c + 1]; ++w) {
    if (b.bits[w] != 0)
      return (w - at_[c]) * 64 + static_cast<std::size_t>(std::countr_zero(b.bits[w]));
  }
  return 0;
}

TableCoverage::TableCoverage(const DecisionTable& table, const FieldLayout& layout,
                             std::size_t entries)
    : table_(table), layout_(layout), ops_(table) {
  // The entries that can cover others, in order: covering() tries these
  // only, so that entries tried in full cost nothing per pair.
  for (std::size_t i = 0; i < entries; ++i) {
    if (exact(i)) exact_.push_back(i);
  }
  const auto words = ops_.words();
  // An entry's box takes `words` words: a table too big to hold them all
  // is not analysed (compiling must stay cheap in memory too).
  too_big_ = words * entries > kMostBoxWords;
  if (too_big_) return;
  // A class is in a box only when some value of the field has it.
  valid_.bits.assign(words, 0);
  boxes_.assign(entries, Box{std::vector<std::uint64_t>(words, 0)});
  std::size_t at = 0;
  for (std::size_t c = 0; c < table_.columns(); ++c) {
    for (std::size_t k = 0; k < table_.classes(c); ++k) {
      if (!table_.example(c, k, layout_)) continue;
      const auto w = at + k / 64;
      const auto bit = std::uint64_t{1} << (k % 64);
      valid_.bits[w] |= bit;
      for (std::size_t i = 0; i < entries; ++i) {
        if (table_.admits(c, k, i)) boxes_[i].bits[w] |= bit;
      }
    }
    at += (table_.classes(c) + 63) / 64;
  }
}

std::optional<std::string> TableCoverage::never_holds(std::size_t i) const {
  const auto& b = boxes_[i];
  if (table_.possible(i) && !ops_.empty(b)) return std::nullopt;
  if (table_.possible(i)) {
    for (std::size_t c = 0; c < table_.columns(); ++c) {
      if (ops_.any(b, c)) continue;
      return fmt::format("no value of {} satisfies its condition",
                         layout_.info(table_.column_slot(c)).path);
    }
  }
  return "its condition is false for every ticket";
}

std::vector<std::size_t> TableCoverage::covering(std::size_t i) {
  const auto& own = boxes_[i];
  std::vector<std::size_t> found;
  // One earlier entry that covers it alone says most; else every earlier
  // entry that takes a share.
  for (auto j = exact_.begin(); j != exact_.end() && *j < i && found.empty(); ++j) {
    if (ops_.contains(boxes_[*j], own)) found.push_back(*j);
  }
  if (!found.empty()) return found;
  std::vector<Box> uncovered{own};
  for (auto k = exact_.begin(); k != exact_.end() && *k < i && !uncovered.empty(); ++k) {
    const auto& cut = boxes_[*k];
    if (std::none_of(uncovered.begin(), uncovered.end(),
                     [&](const Box& b) { return ops_.intersect(b, cut); })) {
      continue;
    }
    if (!ops_.subtract(uncovered, cut) || ops_.spent()) return {};
    found.push_back(*k);
  }
  if (!uncovered.empty()) return {};
  return found;
}

std::string where(const SourceMap& sources, SourceSpan span) {
  const auto p = sources.position(span);
  return fmt::format("{}:{}:{}", sources.file(span.file).path, p.line, p.column);
}

}  // namespace slakit::detail
