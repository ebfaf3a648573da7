// A fixed array of immutable blocks, each built on first use without locks.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

namespace slakit::detail {

/// Two threads that ask for the same missing block may both build it; the
/// first to publish wins and the other's copy is dropped. A published block
/// never changes, so readers need only an acquire load.
template <class Block>
class LazyBlocks {
 public:
  explicit LazyBlocks(std::size_t count) : slots_(count) {}
  LazyBlocks(const LazyBlocks&) = delete;
  LazyBlocks& operator=(const LazyBlocks&) = delete;
  ~LazyBlocks() {
    for (auto& slot : slots_) delete slot.load(std::memory_order_relaxed);
  }

  [[nodiscard]] std::size_t size() const noexcept { return slots_.size(); }

  /// Calls f(block) for each block built so far.
  template <class F>
  void for_each_built(F f) const {
    for (const auto& slot : slots_) {
      if (const Block* b = slot.load(std::memory_order_acquire)) f(*b);
    }
  }

  template <class Build>
  const Block& get(std::size_t index, const Build& build) const {
    auto& slot = slots_[index];
    if (const Block* ready = slot.load(std::memory_order_acquire)) return *ready;
    auto fresh = std::make_unique<const Block>(build(index));
    const Block* expected = nullptr;
    if (slot.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel,
                                     std::memory_order_acquire)) {
      return *fresh.release();
    }
    return *expected;
  }

 private:
  mutable std::vector<std::atomic<const Block*>> slots_;
};

}  // namespace slakit::detail
