// Reading a fuzz input as a stream of choices, for the targets that build
// structured values (calendars, tickets) from bytes. Every read succeeds: an
// input that runs out reads as zeros, so every prefix of an input is a valid
// input too and libFuzzer's mutations stay meaningful. (clang's
// FuzzedDataProvider does the same, but the replay binaries also build with
// GCC, which lacks it.)
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace slakit::fuzz {

/// Aborts when a property the target checks does not hold, naming the line
/// of the property: libFuzzer then saves the input as a crash.
/// (GCC's and clang's builtins: clang 14 has no std::source_location.)
inline void require(bool property, const char* file = __builtin_FILE(),
                    int line = __builtin_LINE()) {
  if (property) return;
  std::fprintf(stderr, "property failed: %s:%d\n", file, line);
  std::abort();
}

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  [[nodiscard]] bool empty() const { return at_ >= size_; }

  [[nodiscard]] std::uint8_t byte() { return at_ < size_ ? data_[at_++] : std::uint8_t{0}; }

  /// The next `n` bytes (n <= 8) as an unsigned number.
  [[nodiscard]] std::uint64_t bits(int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | byte();
    return v;
  }

  /// A number in [lo, hi], from as few bytes as the range needs.
  [[nodiscard]] std::int64_t in(std::int64_t lo, std::int64_t hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo);
    int n = 1;
    while (n < 8 && (span >> (8 * n)) != 0) ++n;
    const auto v = bits(n);
    return lo + static_cast<std::int64_t>(span == UINT64_MAX ? v : v % (span + 1));
  }

  [[nodiscard]] int small(int lo, int hi) { return static_cast<int>(in(lo, hi)); }

  [[nodiscard]] bool flag() { return (byte() & 1) != 0; }

  /// True about once in `n` reads.
  [[nodiscard]] bool one_in(int n) { return small(0, n - 1) == 0; }

  /// One element of a non-empty array, vector or span.
  template <class Items>
  [[nodiscard]] const auto& pick(const Items& items) {
    return items[static_cast<std::size_t>(in(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

  /// Up to `longest` raw bytes, as text.
  [[nodiscard]] std::string text(std::size_t longest) {
    const auto n = static_cast<std::size_t>(in(0, static_cast<std::int64_t>(longest)));
    std::string out;
    for (std::size_t i = 0; i < n && !empty(); ++i) out += static_cast<char>(byte());
    return out;
  }

  /// What is left, as text (the input's tail).
  [[nodiscard]] std::string_view rest() {
    const std::string_view out{reinterpret_cast<const char*>(data_) + at_,
                               at_ < size_ ? size_ - at_ : 0};
    at_ = size_;
    return out;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace slakit::fuzz
