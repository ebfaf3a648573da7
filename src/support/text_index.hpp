// Texts numbered in the order they were added, found again by their text.
//
// The engines look a ticket's texts up on every ticket (a tier, a status, a
// field path in an event), so the table is a flat array probed linearly with
// the full hash kept beside each entry: one cache line and one string
// comparison per look-up, where a node-based map costs a division and a
// pointer chase.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::detail {

class TextIndex {
 public:
  static constexpr std::int32_t npos = -1;

  /// The number of `text`, added (as size() before) when new.
  std::int32_t insert(std::string_view text);
  /// The number of `text`, or npos.
  [[nodiscard]] std::int32_t find(std::string_view text) const noexcept;
  [[nodiscard]] std::size_t size() const noexcept { return texts_.size(); }
  [[nodiscard]] const std::string& text(std::int32_t number) const {
    return texts_[static_cast<std::size_t>(number)];
  }

  /// The bytes of a text of at most 8 bytes, in a word that, with the
  /// length, tells it apart: two overlapping 4-byte loads from 4 bytes on,
  /// the first, middle and last bytes below (statuses and tiers are short).
  [[nodiscard]] static std::uint64_t short_word(const char* p, std::size_t n) noexcept {
    if (n >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      return a | std::uint64_t{b} << 32;
    }
    if (n == 0) return 0;
    const auto byte = [&](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    return byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
  }

 private:
  /// Eight bytes at a time with fixed-size loads (the last word overlaps
  /// the one before), each mixed by a multiplication; short texts cost one
  /// or two.
  [[nodiscard]] static std::uint64_t hash(std::string_view s) noexcept {
    constexpr std::uint64_t k = 0x9e3779b97f4a7c15ull;
    const auto* p = s.data();
    const auto n = s.size();
    auto word = [](const char* at) {
      std::uint64_t w;
      std::memcpy(&w, at, 8);
      return w;
    };
    std::uint64_t h = n * k;
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) h = (h ^ word(p + i)) * k;
      h = (h ^ word(p + n - 8)) * k;
    } else {
      h = (h ^ short_word(p, n)) * k;
    }
    // Every byte must reach the low bits, which pick the bucket.
    h ^= h >> 32;
    h *= k;
    return h ^ (h >> 29);
  }
  // A text of up to 8 bytes is told apart by its length and short_word():
  // the bucket decides it without reading the stored string (a second,
  // dependent memory access on every look-up).
  static constexpr std::size_t kShort = 8;
  struct Bucket {
    std::uint64_t hash = 0;
    std::uint64_t word = 0;      ///< short_word() of a short text
    std::int32_t number = npos;  ///< npos: empty
    std::uint32_t size = 0;
  };
  [[nodiscard]] static Bucket bucket_of(std::string_view text, std::int32_t number) noexcept {
    return {hash(text), text.size() <= kShort ? short_word(text.data(), text.size()) : 0, number,
            static_cast<std::uint32_t>(text.size())};
  }
  void grow();

  std::vector<std::string> texts_;
  std::vector<Bucket> buckets_;  // a power of two long, at most half full
};

}  // namespace slakit::detail
