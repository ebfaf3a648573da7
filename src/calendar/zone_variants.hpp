// A calendar's variants in other zones (Calendar::in_zone), each built on
// first use and then shared by every thread without a lock.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "slakit/calendar/calendar.hpp"

namespace slakit::detail {

/// A fixed table of lists, one per hash bucket. A variant is pushed at the
/// head of its list with a compare-and-swap and never removed, so readers
/// need only acquire loads. Two threads that build the same missing variant
/// both build it; the second finds the first's and drops its own.
class ZoneVariants {
 public:
  ZoneVariants() = default;
  ZoneVariants(const ZoneVariants&) = delete;
  ZoneVariants& operator=(const ZoneVariants&) = delete;
  ~ZoneVariants() {
    const Buckets* buckets = buckets_.load(std::memory_order_relaxed);
    if (buckets == nullptr) return;
    for (auto& head : *buckets) {
      for (const Node* n = head.load(std::memory_order_relaxed); n != nullptr;) {
        const Node* next = n->next;
        delete n;
        n = next;
      }
    }
    delete buckets;
  }

  /// The variant for `zone`, built by `build()` when missing.
  template <class Build>
  const Calendar& get(std::string_view zone, const Build& build) const {
    auto& head = buckets()[std::hash<std::string_view>{}(zone) % kBuckets];
    const Node* first = head.load(std::memory_order_acquire);
    if (const Node* n = find(first, zone)) return n->calendar;
    auto* fresh = new Node{std::string{zone}, build(), first};
    while (!head.compare_exchange_weak(fresh->next, fresh, std::memory_order_acq_rel,
                                       std::memory_order_acquire)) {
      // Another variant came first: it may be this very zone's.
      if (const Node* n = find(fresh->next, zone)) {
        delete fresh;
        return n->calendar;
      }
    }
    return fresh->calendar;
  }

 private:
  struct Node {
    std::string zone;
    Calendar calendar;
    const Node* next;
  };
  static const Node* find(const Node* n, std::string_view zone) {
    for (; n != nullptr; n = n->next) {
      if (n->zone == zone) return n;
    }
    return nullptr;
  }

  // 400 zones spread over 256 lists: one or two nodes each. The table (2 KiB)
  // is allocated on the first in_zone, so that calendars (and variants) that
  // never re-zone pay one pointer.
  static constexpr std::size_t kBuckets = 256;
  using Buckets = std::array<std::atomic<const Node*>, kBuckets>;
  Buckets& buckets() const {
    if (Buckets* ready = buckets_.load(std::memory_order_acquire)) return *ready;
    auto fresh = std::make_unique<Buckets>();
    Buckets* expected = nullptr;
    if (buckets_.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel,
                                         std::memory_order_acquire)) {
      return *fresh.release();
    }
    return *expected;
  }
  mutable std::atomic<Buckets*> buckets_{nullptr};
};

}  // namespace slakit::detail
