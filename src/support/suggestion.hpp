// "Did you mean": the closest of the names a place allows, for a message
// about a misspelt one (a field, a calendar, a keyword).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::detail {

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of two neighbours each cost 1 ("--tikcets" is one from
/// "--tickets"). At most `bound`: the count stops once two rows in a row
/// cost that much everywhere (a name far from every other costs a few rows).
inline std::size_t edit_distance(std::string_view a, std::string_view b,
                                 std::size_t bound = std::numeric_limits<std::size_t>::max()) {
  const auto n = b.size();
  std::size_t small[3 * 65];
  std::vector<std::size_t> big;
  if (n > 64) big.resize(3 * (n + 1));
  std::size_t* before = n > 64 ? big.data() : small;  // row i - 2
  std::size_t* last = before + (n + 1);               // row i - 1
  std::size_t* row = last + (n + 1);                  // row i
  for (std::size_t j = 0; j <= n; ++j) last[j] = j;
  std::size_t last_least = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t least = i;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      auto d = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      row[j] = d;
      least = std::min(least, d);
    }
    // A swap reaches back two rows: both must be past the bound.
    if (least >= bound && last_least >= bound) return bound;
    last_least = least;
    std::swap(before, last);
    std::swap(last, row);
  }
  return std::min(last[n], bound);
}

inline bool equal_ignoring_case(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

/// "; did you mean 'x'?" when a known name is close: the same but for
/// letter case ("ticket.PRIORITY", "america/new_york"), else at most two
/// edits away.
template <class Names>
std::string suggestion(std::string_view wrong, const Names& known) {
  for (const auto& k : known) {
    const std::string_view name{k};
    if (equal_ignoring_case(wrong, name)) return fmt::format("; did you mean '{}'?", name);
  }
  std::string_view best;
  std::size_t best_distance = 3;
  for (const auto& k : known) {
    const std::string_view name{k};
    // Lengths that differ by the distance already found cannot do better
    // (a long list, the tz database's, is mostly skipped here).
    const auto gap =
        name.size() > wrong.size() ? name.size() - wrong.size() : wrong.size() - name.size();
    if (gap >= best_distance) continue;
    const auto d = edit_distance(wrong, name, best_distance);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best);
}

}  // namespace slakit::detail
