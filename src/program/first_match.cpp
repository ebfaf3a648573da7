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
  for (std::uint32_t i = 0; i < conditions_.size(); ++i) {
    for (const auto code : codes[i]) by_code_[code].push_back(i);
  }
  for (auto& [code, list] : by_code_) {
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
  const auto it = by_code_.find(v.code);
  return it == by_code_.end() ? std::span<const std::uint32_t>{unkeyed_} : it->second;
}

int FirstMatch::first(std::span<const SlotValue> values) const {
  for (const auto i : candidates(values)) {
    const auto* c = conditions_[i];
    if (c == nullptr || (*c)(values)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace slakit::detail
