// "Did you mean": the closest of the names a place allows, for a message
// about a misspelt one (a field, a calendar, a keyword).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::detail {

inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const auto up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// "; did you mean 'x'?" when a known name is close.
template <class Names>
std::string suggestion(std::string_view wrong, const Names& known) {
  std::string best;
  std::size_t best_distance = 3;
  for (const auto& k : known) {
    const std::string_view name{k};
    const auto d = edit_distance(wrong, name);
    if (d < best_distance) {
      best_distance = d;
      best = std::string{name};
    }
  }
  return best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best);
}

}  // namespace slakit::detail
