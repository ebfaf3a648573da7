// The routing workload (issue 9, "Speed"): first-match routes over six
// fields and tickets drawn to match them at many depths, from a fixed seed.
// The C++ benchmark routes the tickets in memory; the same routes written as
// rule text feed `slakit route`, and written as a plain JSON table feed the
// peers (ZEN, json-rules-engine, numpy), with the same tickets as JSON Lines.
#pragma once

#include <slakit/model/ticket.hpp>
#include <slakit/routing/route_columns.hpp>

#include <array>
#include <span>
#include <string_view>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace slakit::bench {

/// The six fields the routes test, in the order the JSON table lists them.
enum class RoutingField { tier, channel, priority, region, category, order_value };
inline constexpr int kRoutingFields = 6;

/// One bound of a numeric test: `order.value >= 100` is {100, true}.
struct Bound {
  double value = 0;
  bool inclusive = false;
};

/// A route's test of one field: one of `values` (`==` when there is one,
/// `in [..]` otherwise), or for order.value, a lower and/or an upper bound.
struct FieldTest {
  RoutingField field{};
  std::vector<std::string> values{};
  std::optional<Bound> lower{}, upper{};
};

/// One generated route. No tests: a catch-all.
struct GeneratedRoute {
  std::string name, queue;
  std::vector<FieldTest> tests;
};

struct RoutingWorkloadOptions {
  std::size_t rules = 1000;
  std::uint64_t seed = 20260409;
  /// Whether the last route matches every ticket. Without it some tickets
  /// match nothing, and every engine must say so.
  bool catch_all = false;
};

/// The routes, in rule order (the last a catch-all when asked for).
[[nodiscard]] std::vector<GeneratedRoute> make_routes(const RoutingWorkloadOptions& options);

/// The routes as slakit rule text, one `route` a line.
[[nodiscard]] std::string routes_text(const std::vector<GeneratedRoute>& routes);

/// The routes as a peer-neutral JSON table: {"fields": [{"name", "kind"}],
/// "rules": [{"name", "queue", "when": {FIELD: {"eq": v} | {"in": [..]} |
/// {"gt"|"gte"|"lt"|"lte": n, ..}}}]}; "when" is {} for a catch-all.
[[nodiscard]] std::string routes_table_json(const std::vector<GeneratedRoute>& routes);

/// `count` tickets (ids T-1, T-2, ...). Most are drawn to satisfy one route
/// picked at random, so first matches fall at every depth (or earlier, where
/// an earlier route also holds); the rest are random and may match nothing.
/// About a third of order values lie exactly on a threshold; a few tickets
/// have no order value or no category.
[[nodiscard]] std::vector<Ticket> make_routing_tickets(const std::vector<GeneratedRoute>& routes,
                                                       std::size_t count, std::uint64_t seed);

/// Routes and tickets together: what the benchmark, the workload program and
/// so the peers share. The tickets' seed follows the routes', so one seed
/// names one whole workload.
struct RoutingWorkload {
  std::vector<GeneratedRoute> routes;
  std::vector<Ticket> tickets;
};
[[nodiscard]] RoutingWorkload make_routing_workload(const RoutingWorkloadOptions& options,
                                                    std::size_t tickets);

/// One ticket as a line of `slakit route` input (docs/cli.md), without '\n'.
/// Fields without a value are left out.
[[nodiscard]] std::string routing_ticket_json(const Ticket& t);

/// The tickets as columns, as a data frame holds them: the five text fields
/// dictionary-encoded (a pandas Categorical) and as texts that point at one
/// copy of each distinct value (as Python interns repeated strings),
/// order.value as doubles with NaN for none. Views into `tickets`, which
/// must outlive the table.
struct TicketTable {
  static constexpr std::array<std::string_view, 5> kTexts{
      "customer.tier", "ticket.channel", "ticket.priority", "customer.region", "ticket.category"};
  std::array<std::vector<std::int32_t>, 5> codes;
  std::array<std::vector<std::string_view>, 5> categories;
  std::array<std::vector<std::string_view>, 5> texts;
  std::vector<double> values;

  explicit TicketTable(std::span<const Ticket> tickets);
  /// The columns: categories when `dictionary`, else texts.
  [[nodiscard]] TicketColumns columns(bool dictionary) const;
};

}  // namespace slakit::bench
