#include "lang/rule_order.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace slakit::detail {
namespace {

constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();

// The strongly connected components (include cycles; a file in none is one
// alone) of the graph, as each file's component number: Tarjan's algorithm,
// without recursion (a chain of includes may be long).
std::vector<std::uint32_t> cycles_of(const std::vector<std::vector<std::uint32_t>>& includes) {
  const auto n = static_cast<std::uint32_t>(includes.size());
  std::vector<std::uint32_t> index(n, kNone), low(n, 0), component(n, kNone);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  std::vector<std::pair<std::uint32_t, std::size_t>> calls;  // file, next include to follow
  std::uint32_t next_index = 0, components = 0;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (index[start] != kNone) continue;
    calls.emplace_back(start, 0);
    while (!calls.empty()) {
      auto& [f, next] = calls.back();
      if (next == 0 && index[f] == kNone) {
        index[f] = low[f] = next_index++;
        stack.push_back(f);
        on_stack[f] = true;
      }
      if (next < includes[f].size()) {
        const auto t = includes[f][next++];
        if (index[t] == kNone) {
          calls.emplace_back(t, 0);  // `f` and `next` are not used past this
        } else if (on_stack[t]) {
          low[f] = std::min(low[f], index[t]);
        }
        continue;
      }
      const auto done = f;
      calls.pop_back();
      if (low[done] == index[done]) {
        std::uint32_t member = kNone;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component[member] = components;
        } while (member != done);
        ++components;
      }
      if (!calls.empty()) {
        const auto caller = calls.back().first;
        low[caller] = std::min(low[caller], low[done]);
      }
    }
  }
  return component;
}

}  // namespace

std::vector<std::uint32_t> rule_order(const std::vector<std::vector<std::uint32_t>>& includes,
                                      std::uint32_t named) {
  const auto n = static_cast<std::uint32_t>(includes.size());
  const auto component = cycles_of(includes);
  const auto components = n == 0 ? 0u : *std::max_element(component.begin(), component.end()) + 1;
  // Includes from outside each component: none for a top one.
  std::vector<std::size_t> includers(components, 0);
  for (std::uint32_t f = 0; f < n; ++f) {
    for (const auto t : includes[f]) {
      if (component[t] != component[f]) ++includers[component[t]];
    }
  }

  // Places: breadth first from the top files, in the order named.
  std::vector<std::uint32_t> place(n, kNone);
  std::deque<std::uint32_t> walk;
  std::uint32_t next_place = 0;
  for (std::uint32_t f = 0; f < named; ++f) {
    if (includers[component[f]] == 0 && place[f] == kNone) {
      place[f] = next_place++;
      walk.push_back(f);
    }
  }
  while (!walk.empty()) {
    const auto f = walk.front();
    walk.pop_front();
    for (const auto t : includes[f]) {
      if (place[t] == kNone) {
        place[t] = next_place++;
        walk.push_back(t);
      }
    }
  }

  // Each component's files by place; a component's place is its first's.
  std::vector<std::vector<std::uint32_t>> members(components);
  for (std::uint32_t f = 0; f < n; ++f) members[component[f]].push_back(f);
  std::vector<std::uint32_t> first(components, kNone);
  for (auto& m : members) {
    std::sort(m.begin(), m.end(), [&](auto a, auto b) { return place[a] < place[b]; });
    if (!m.empty()) first[component[m.front()]] = place[m.front()];
  }

  // The component of the earliest place whose includers are all placed.
  using Entry = std::pair<std::uint32_t, std::uint32_t>;  // place, component
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> ready;
  for (std::uint32_t c = 0; c < components; ++c) {
    if (includers[c] == 0) ready.emplace(first[c], c);
  }
  std::vector<std::uint32_t> order;
  order.reserve(n);
  while (!ready.empty()) {
    const auto c = ready.top().second;
    ready.pop();
    for (const auto f : members[c]) {
      order.push_back(f);
      for (const auto t : includes[f]) {
        const auto tc = component[t];
        if (tc != c && --includers[tc] == 0) ready.emplace(first[tc], tc);
      }
    }
  }
  return order;
}

}  // namespace slakit::detail
