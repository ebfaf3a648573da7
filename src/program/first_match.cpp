#include "first_match.hpp"

#include <algorithm>
#include <map>

namespace slakit::detail {

FirstMatch::FirstMatch(const std::vector<const Condition*>& conditions) : conditions_(conditions) {
  // The key: the slot that the most conditions require a value of.
  std::map<Slot, std::size_t> votes;
  for (const auto* c : conditions_) {
    if (c == nullptr) continue;
    for (const auto& r : c->requirements()) ++votes[r.slot];
  }
  const auto best = std::max_element(
      votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best == votes.end() || best->second < 2) {
    for (std::uint32_t i = 0; i < conditions_.size(); ++i) unkeyed_.push_back(i);
    return;
  }
  key_ = best->first;
  std::vector<std::vector<std::int32_t>> codes(conditions_.size());
  for (std::uint32_t i = 0; i < conditions_.size(); ++i) {
    if (conditions_[i] != nullptr) {
      for (const auto& r : conditions_[i]->requirements()) {
        if (r.slot == *key_) codes[i] = r.codes;
      }
    }
    if (codes[i].empty()) unkeyed_.push_back(i);
  }
  // Each code's list: the conditions keyed by it and the unkeyed ones, in order.
  // Codes are small and dense (FieldLayout numbers texts from 0): a list per code.
  for (std::uint32_t i = 0; i < conditions_.size(); ++i) {
    for (const auto code : codes[i]) {
      if (code < 0) continue;  // a text no rule names matches no literal
      const auto at = static_cast<std::size_t>(code);
      if (at >= by_code_.size()) by_code_.resize(at + 1);
      by_code_[at].push_back(i);
    }
  }
  for (auto& list : by_code_) {
    if (list.empty()) continue;
    std::vector<std::uint32_t> merged;
    std::merge(list.begin(), list.end(), unkeyed_.begin(), unkeyed_.end(),
               std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    list = std::move(merged);
  }
}

std::span<const std::uint32_t> FirstMatch::candidates(std::span<const SlotValue> values) const {
  if (!key_) return unkeyed_;
  const auto& v = values[*key_];
  if (!v.present) return unkeyed_;
  const auto at = static_cast<std::size_t>(v.code);
  if (v.code < 0 || at >= by_code_.size() || by_code_[at].empty()) return unkeyed_;
  return by_code_[at];
}

int FirstMatch::first(std::span<const SlotValue> values) const {
  for (const auto i : candidates(values)) {
    const auto* c = conditions_[i];
    if (c == nullptr || (*c)(values)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace slakit::detail
