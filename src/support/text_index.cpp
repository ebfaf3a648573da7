#include "text_index.hpp"

namespace slakit::detail {
namespace {

// Texts whose hashes agree are almost always equal: compare them eight bytes
// at a time without a call (the last word overlaps the one before).
bool same(std::string_view a, std::string_view b) noexcept {
  const auto n = a.size();
  if (n != b.size()) return false;
  if (n < 8) return TextIndex::short_word(a.data(), n) == TextIndex::short_word(b.data(), n);
  auto word = [](const char* at) {
    std::uint64_t w;
    std::memcpy(&w, at, 8);
    return w;
  };
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    if (word(a.data() + i) != word(b.data() + i)) return false;
  }
  return word(a.data() + n - 8) == word(b.data() + n - 8);
}

}  // namespace

std::int32_t TextIndex::find(std::string_view text) const noexcept {
  if (buckets_.empty()) return npos;
  const auto h = hash(text);
  const auto mask = buckets_.size() - 1;
  if (text.size() <= kShort) {
    const auto word = short_word(text.data(), text.size());
    for (auto i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
      const auto& b = buckets_[i];
      if (b.number == npos) return npos;
      if (b.word == word && b.size == text.size()) return b.number;
    }
  }
  for (auto i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
    const auto& b = buckets_[i];
    if (b.number == npos) return npos;
    if (b.hash == h && same(texts_[static_cast<std::size_t>(b.number)], text)) return b.number;
  }
}

std::int32_t TextIndex::insert(std::string_view text) {
  if (const auto found = find(text); found != npos) return found;
  if (2 * (texts_.size() + 1) > buckets_.size()) grow();
  const auto number = static_cast<std::int32_t>(texts_.size());
  texts_.emplace_back(text);
  const auto bucket = bucket_of(text, number);
  const auto mask = buckets_.size() - 1;
  auto i = static_cast<std::size_t>(bucket.hash) & mask;
  while (buckets_[i].number != npos) i = (i + 1) & mask;
  buckets_[i] = bucket;
  return number;
}

void TextIndex::grow() {
  std::vector<Bucket> old(buckets_.empty() ? 16 : 2 * buckets_.size());
  old.swap(buckets_);
  const auto mask = buckets_.size() - 1;
  for (const auto& b : old) {
    if (b.number == npos) continue;
    auto i = static_cast<std::size_t>(b.hash) & mask;
    while (buckets_[i].number != npos) i = (i + 1) & mask;
    buckets_[i] = b;
  }
}

}  // namespace slakit::detail
