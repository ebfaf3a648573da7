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
// longer applies and are left out. Compared as they are: the key's text is
// made only for a change.
struct CycleView {
  const TargetCycle* cycle;
  bool ola;

  [[nodiscard]] bool same_key(const CycleView& o) const {
    return ola == o.ola && cycle->metric == o.cycle->metric && cycle->cycle == o.cycle->cycle &&
           (!ola || cycle->policy == o.cycle->policy);
  }
  // "first_response#1", an OLA's "l2_pickup/target#1".
  [[nodiscard]] std::string key_text() const {
    return ola ? fmt::format("{}/{}#{}", cycle->policy, metric_name(cycle->metric), cycle->cycle)
               : fmt::format("{}#{}", metric_name(cycle->metric), cycle->cycle);
  }
};

void cycles_of(const Evaluation& e, std::vector<CycleView>& out) {
  out.clear();
  for (const auto& c : e.targets) {
    if (c.state == TargetState::cancelled) continue;
    const CycleView v{&c, false};
    // The first of two cycles with one key (a policy left and came back).
    if (std::none_of(out.begin(), out.end(), [&](const CycleView& w) { return w.same_key(v); })) {
      out.push_back(v);
    }
  }
  for (const auto& c : e.olas) {
    if (c.state != TargetState::cancelled) out.push_back({&c, true});
  }
}

const TargetCycle* find(const std::vector<CycleView>& cycles, const CycleView& key) {
  for (const auto& v : cycles) {
    if (v.same_key(key)) return v.cycle;
  }
  return nullptr;
}

std::optional<Instant> due_of(const TargetCycle* c) {
  return c != nullptr ? c->due : std::nullopt;
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

// The first cycle, old ones first, whose due (or breach) differs; and
// which way the breaches moved, over every cycle.
void compare_cycles(const Evaluation& old_e, const Evaluation& new_e, std::vector<Change>& out,
                    BreachShift& shift) {
  thread_local std::vector<CycleView> old_cycles, new_cycles;
  cycles_of(old_e, old_cycles);
  cycles_of(new_e, new_cycles);
  std::optional<Change> due, breach;
  auto look_at = [&](const CycleView& key) {
    const auto* a = find(old_cycles, key);
    const auto* b = find(new_cycles, key);
    // Dues are whole seconds, and their texts differ when they do.
    if (!due && due_of(a) != due_of(b)) {
      due = Change{ChangeKind::due, key.key_text(), due_text(a), due_text(b)};
    }
    if (breached(a) != breached(b)) {
      (breached(b) ? shift.newly : shift.no_longer) = true;
      if (!breach)
        breach = Change{ChangeKind::breach, key.key_text(), state_text(a), state_text(b)};
    }
  };
  for (const auto& v : old_cycles) look_at(v);
  for (const auto& v : new_cycles) {
    if (find(old_cycles, v) == nullptr) look_at(v);
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

void compare(const DiffSide& old_side, const DiffSide& new_side, std::vector<Change>& out,
             BreachShift& shift) {
  shift = {};
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
  compare_cycles(old_side.evaluation, new_side.evaluation, out, shift);
}

std::string_view policy_key(const DiffSide& side) noexcept {
  return side.ok && side.evaluation.sla ? std::string_view{*side.evaluation.sla} : "-";
}

std::string_view queue_key(const DiffSide& side) noexcept {
  return side.ok && side.routing.queue ? std::string_view{*side.routing.queue} : "-";
}

}  // namespace slakit::cli
