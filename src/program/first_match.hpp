// An index over an ordered list of conditions that finds which can hold for
// a ticket without trying them all. Most policy and route conditions
// require one text field to equal one value (`contract.sla == "gold" and
// ...`); the index keys the conditions by that value, so a ticket tries only
// those keyed by its own value plus the few that have no such key, in rule
// order. The answers are exactly those of trying every condition in order.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "condition.hpp"

namespace slakit::detail {

class FirstMatch {
 public:
  FirstMatch() = default;
  /// `conditions[i]` is condition i, or nullptr for one that always holds.
  explicit FirstMatch(const std::vector<const Condition*>& conditions);

  /// The conditions that may hold for these values, in order: the others
  /// certainly do not.
  [[nodiscard]] std::span<const std::uint32_t> candidates(std::span<const SlotValue> values) const;

  /// The first condition that holds, or -1.
  [[nodiscard]] int first(std::span<const SlotValue> values) const;

 private:
  std::vector<const Condition*> conditions_;
  std::optional<Slot> key_;  // the slot most conditions require a value of
  // Per text code of the key: the conditions keyed by it and the unkeyed
  // ones, in order (empty: none is keyed by it).
  std::vector<std::vector<std::uint32_t>> by_code_;
  std::vector<std::uint32_t> unkeyed_;  // conditions that require no value of the key
};

}  // namespace slakit::detail
