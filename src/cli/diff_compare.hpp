// What `slakit diff` compares for one ticket (docs/cli.md, "slakit diff"):
// the routing and the SLA clocks under the old and the new rule set, and
// the first change of each kind.
#pragma once

#include <slakit/routing/route.hpp>
#include <slakit/sla/evaluation.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::cli {

/// The kinds of change, in the order reports list them.
enum class ChangeKind { queue, team, priority, policy, due, breach, error };
inline constexpr std::size_t kChangeKinds = 7;
inline constexpr std::array<ChangeKind, kChangeKinds> kAllChangeKinds{
    ChangeKind::queue, ChangeKind::team,   ChangeKind::priority, ChangeKind::policy,
    ChangeKind::due,   ChangeKind::breach, ChangeKind::error};

/// "queue", "team", "priority", "policy", "due", "breach", "error".
[[nodiscard]] std::string_view change_kind_name(ChangeKind kind) noexcept;

/// What one rule set makes of one ticket: its routing and evaluation, or
/// the error that stopped either.
struct DiffSide {
  bool ok = false;
  std::string error;
  Routing routing;
  Evaluation evaluation;
};

/// One change: `target` names the cycle of a due or breach change
/// ("first_response#1"; an OLA's "l2_pickup/target#1"), and is empty for
/// the others; an absent value is nullopt (JSON null, "none" in text).
struct Change {
  ChangeKind kind = ChangeKind::queue;
  std::string target;
  std::optional<std::string> old_value, new_value;
};

/// Which way a ticket's breaches moved: some cycle breached under the new
/// rules and not under the old ones (`newly`), and the other way round
/// (`no_longer`); both may hold, for two cycles.
struct BreachShift {
  bool newly = false, no_longer = false;
};

/// Appends to `out` the first change of each kind between the sides, in
/// kind order, and sets `shift`. When either side failed, the only change
/// is an `error` one (and none when both failed: the caller reports the
/// line).
void compare(const DiffSide& old_side, const DiffSide& new_side, std::vector<Change>& out,
             BreachShift& shift);

/// The SLA in force (or "-") and the routed queue (or "-") of a side, as
/// the per-policy and per-queue counts name them.
[[nodiscard]] std::string_view policy_key(const DiffSide& side) noexcept;
[[nodiscard]] std::string_view queue_key(const DiffSide& side) noexcept;

}  // namespace slakit::cli
