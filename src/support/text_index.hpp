// Texts numbered in the order they were added, found again by their text.
//
// The engines look a ticket's texts up on every ticket (a tier, a status, a
// field path in an event), so the table is a flat array probed linearly with
// the full hash kept beside each entry: one cache line and one string
// comparison per look-up, where a node-based map costs a division and a
// pointer chase.
#pragma once

#include <cstdint>
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

 private:
  /// FNV-1a: the texts are short, where it beats std::hash.
  [[nodiscard]] static std::uint64_t hash(std::string_view s) noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }
  struct Bucket {
    std::uint64_t hash = 0;
    std::int32_t number = npos;  ///< npos: empty
  };
  void grow();

  std::vector<std::string> texts_;
  std::vector<Bucket> buckets_;  // a power of two long, at most half full
};

}  // namespace slakit::detail
