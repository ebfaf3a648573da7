#include "lint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace slakit::detail {
namespace {

// The values of one slot that can change a comparison's outcome: none, each
// literal (a none among them stands for a presence test), and one value
// beside every literal (for texts: a text no rule
// names; for numbers: between and beyond the literals).
std::vector<SlotValue> telling_values(const FieldInfo& f, std::vector<SlotValue> literals,
                                      const FieldLayout& layout) {
  std::vector<SlotValue> out{SlotValue{}};  // none
  SlotValue v;
  v.present = true;
  switch (f.type) {
    case FieldType::text:
    case FieldType::one_of:
      if (f.type == FieldType::one_of) {
        for (const auto& m : f.members) {
          v.code = layout.code(m);
          out.push_back(v);
        }
      } else {
        for (const auto& l : literals) {
          if (l.present) out.push_back(l);
        }
        v.code = kUnknownText;
        out.push_back(v);
      }
      return out;
    case FieldType::number: {
      std::vector<double> xs;
      for (const auto& l : literals) {
        if (l.present) xs.push_back(l.number);
      }
      std::sort(xs.begin(), xs.end());
      xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
      if (xs.empty()) xs.push_back(0);
      // The next double beside each literal: exact at any magnitude (x + 1
      // is x itself beyond 2^53).
      constexpr auto inf = std::numeric_limits<double>::infinity();
      for (std::size_t i = 0; i < xs.size(); ++i) {
        v.number = xs[i];
        out.push_back(v);
        v.number = std::nextafter(xs[i], inf);
        out.push_back(v);
      }
      v.number = std::nextafter(xs.front(), -inf);
      out.push_back(v);
      return out;
    }
    default: {
      std::vector<std::int64_t> xs{0, 1};
      for (const auto& l : literals) {
        if (!l.present) continue;
        xs.push_back(l.integer);
        xs.push_back(l.integer - 1);
        xs.push_back(l.integer + 1);
      }
      std::sort(xs.begin(), xs.end());
      xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
      for (const auto x : xs) {
        v.integer = x;
        out.push_back(v);
      }
      return out;
    }
  }
}

constexpr std::size_t kMostCombinations = 4096;  // a lint, not a proof: skip what costs more

// Calls f(values) for every combination of the telling values of the slots
// the conditions read; false when there are too many to try, or when a
// condition compares two fields.
template <class F>
bool for_each_combination(const std::vector<const Condition*>& conditions,
                          const FieldLayout& layout, const F& f) {
  std::vector<std::pair<Slot, SlotValue>> literals;
  for (const auto* c : conditions) {
    if (!c->literals(literals)) return false;
  }
  std::map<Slot, std::vector<SlotValue>> by_slot;
  for (const auto& [slot, value] : literals) by_slot[slot].push_back(value);
  std::vector<std::pair<Slot, std::vector<SlotValue>>> axes;
  std::size_t combinations = 1;
  for (auto& [slot, values] : by_slot) {
    axes.emplace_back(slot, telling_values(layout.info(slot), std::move(values), layout));
    combinations *= axes.back().second.size();
    if (combinations > kMostCombinations) return false;
  }
  std::vector<SlotValue> state(layout.width());
  std::vector<std::size_t> at(axes.size(), 0);
  for (std::size_t n = 0; n < combinations; ++n) {
    for (std::size_t i = 0; i < axes.size(); ++i) state[axes[i].first] = axes[i].second[at[i]];
    f(std::span<const SlotValue>{state});
    for (std::size_t i = 0; i < axes.size() && ++at[i] == axes[i].second.size(); ++i) at[i] = 0;
  }
  return true;
}

}  // namespace

void lint_policies(const Program& program, std::vector<Diagnostic>& diagnostics) {
  for (const auto* plans : {&program.slas, &program.olas}) {
    for (const auto& p : *plans) {
      if (!p.pause) continue;
      std::vector<const Condition*> conditions{&*p.pause};
      if (p.applies) conditions.push_back(&*p.applies);
      bool applies_somewhere = false, runs_somewhere = false;
      const bool tried = for_each_combination(conditions, program.layout, [&](auto values) {
        if (p.applies && !(*p.applies)(values)) return;
        applies_somewhere = true;
        runs_somewhere = runs_somewhere || !(*p.pause)(values);
      });
      if (tried && applies_somewhere && !runs_somewhere) {
        diagnostics.push_back(
            {Severity::warning, "W0222",
             fmt::format("{} '{}' is paused whenever it applies: its pause condition holds "
                         "wherever its 'for' condition does",
                         p.is_sla ? "sla" : "ola", p.name),
             p.source->pause_while->span});
      }
    }
  }
}

}  // namespace slakit::detail
