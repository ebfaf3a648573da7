#include "diff_compare.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace slakit::cli {
namespace {

using Value = std::optional<std::string>;

// A cycle as diff matches it across the rule sets (docs/cli.md): SLA cycles
// by metric and number, whatever the policy (a ticket moved from gold to
// silver compares gold's first response with silver's); OLA cycles by
// policy, metric and number. Cancelled cycles belong to a policy that no
// longer applies and are left out.
struct CycleView {
  std::string key;
  const TargetCycle* cycle;
};

void cycles_of(const Evaluation& e, std::vector<CycleView>& out) {
  out.clear();
  for (const auto& c : e.targets) {
    if (c.state == TargetState::cancelled) continue;
    auto key = fmt::format("{}#{}", metric_name(c.metric), c.cycle);
    // The first of two cycles with one key (a policy left and came back).
    if (std::none_of(out.begin(), out.end(), [&](const CycleView& v) { return v.key == key; })) {
      out.push_back({std::move(key), &c});
    }
  }
  for (const auto& c : e.olas) {
    if (c.state == TargetState::cancelled) continue;
    out.push_back({fmt::format("{}/{}#{}", c.policy, metric_name(c.metric), c.cycle), &c});
  }
}

const TargetCycle* find(const std::vector<CycleView>& cycles, const std::string& key) {
  for (const auto& v : cycles) {
    if (v.key == key) return v.cycle;
  }
  return nullptr;
}

Value due_text(const TargetCycle* c) {
  if (c == nullptr || !c->due) return std::nullopt;
  return format_utc(*c->due);
}

Value state_text(const TargetCycle* c) {
  if (c == nullptr) return std::nullopt;
  return std::string{target_state_name(c->state)};
}

bool breached(const TargetCycle* c) {
  return c != nullptr && c->state == TargetState::breached;
}

// The first cycle, old ones first, whose due (or breach) differs.
void compare_cycles(const Evaluation& old_e, const Evaluation& new_e, std::vector<Change>& out) {
  thread_local std::vector<CycleView> old_cycles, new_cycles;
  cycles_of(old_e, old_cycles);
  cycles_of(new_e, new_cycles);
  std::optional<Change> due, breach;
  auto look_at = [&](const std::string& key) {
    const auto* a = find(old_cycles, key);
    const auto* b = find(new_cycles, key);
    if (!due && due_text(a) != due_text(b)) {
      due = Change{ChangeKind::due, key, due_text(a), due_text(b)};
    }
    if (!breach && breached(a) != breached(b)) {
      breach = Change{ChangeKind::breach, key, state_text(a), state_text(b)};
    }
  };
  for (const auto& v : old_cycles) look_at(v.key);
  for (const auto& v : new_cycles) {
    if (find(old_cycles, v.key) == nullptr) look_at(v.key);
  }
  if (due) out.push_back(std::move(*due));
  if (breach) out.push_back(std::move(*breach));
}

void compare_value(ChangeKind kind, const Value& a, const Value& b, std::vector<Change>& out) {
  if (a != b) out.push_back({kind, {}, a, b});
}

}  // namespace

std::string_view change_kind_name(ChangeKind kind) noexcept {
  switch (kind) {
    case ChangeKind::queue:
      return "queue";
    case ChangeKind::team:
      return "team";
    case ChangeKind::priority:
      return "priority";
    case ChangeKind::policy:
      return "policy";
    case ChangeKind::due:
      return "due";
    case ChangeKind::breach:
      return "breach";
    case ChangeKind::error:
      return "error";
  }
  return "error";
}

void compare(const DiffSide& old_side, const DiffSide& new_side, std::vector<Change>& out) {
  if (!old_side.ok || !new_side.ok) {
    if (old_side.ok != new_side.ok) {
      out.push_back({ChangeKind::error,
                     {},
                     old_side.ok ? std::nullopt : Value{old_side.error},
                     new_side.ok ? std::nullopt : Value{new_side.error}});
    }
    return;
  }
  const auto& a = old_side.routing;
  const auto& b = new_side.routing;
  compare_value(ChangeKind::queue, a.queue, b.queue, out);
  compare_value(ChangeKind::team, a.team, b.team, out);
  compare_value(ChangeKind::priority, a.priority, b.priority, out);
  compare_value(ChangeKind::policy, old_side.evaluation.sla, new_side.evaluation.sla, out);
  compare_cycles(old_side.evaluation, new_side.evaluation, out);
}

std::string_view policy_key(const DiffSide& side) noexcept {
  return side.ok && side.evaluation.sla ? std::string_view{*side.evaluation.sla} : "-";
}

std::string_view queue_key(const DiffSide& side) noexcept {
  return side.ok && side.routing.queue ? std::string_view{*side.routing.queue} : "-";
}

}  // namespace slakit::cli
