// route_columns: tickets held as columns (docs/routing.md, "Tickets as
// columns"). Its answers against route() on random rule sets and tickets:
// differential_test.cpp.
#include <doctest/doctest.h>

#include <slakit/error.hpp>
#include <slakit/routing/route_columns.hpp>
#include <slakit/slakit.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "routing_test_support.hpp"

using namespace slakit;
using namespace std::chrono_literals;

namespace {

const char* const kRoutes = R"(
field ticket.vip : bool
route big when order.value >= 1000 -> queue review, skills [billing]
route urgent when ticket.priority == urgent and customer.tier in [gold, platinum] -> queue duty
route flagged when ticket.vip == true -> queue vip, skills [german] for 10m
route nowhere when customer.region == none -> queue triage
)";

std::optional<std::string> queue_of(const ColumnRouting& r, std::size_t row) {
  const auto* x = r.routing(row);
  REQUIRE(x != nullptr);
  return x->queue;
}

}  // namespace

// "The answers are route()'s for a ticket whose record holds the row's
// values and nothing else": each kind of column, and a field without one.
TEST_CASE("route_columns: every kind of column gives route()'s answer") {
  const auto rules = test::routes(kRoutes);
  const std::vector<std::string_view> priorities{"urgent", "urgent", "low", "low", ""};
  const std::vector<std::int32_t> tiers{0, 1, -1, 1, 0};
  const std::vector<std::string_view> tier_names{"silver", "gold"};
  const std::vector<double> values{5, 50, 1000, std::numeric_limits<double>::quiet_NaN(), 999.5};
  const std::vector<FieldValue> vip{false, false, false, true, FieldValue{}};
  const std::vector<std::string_view> regions{"emea", "emea", "emea", "emea", "emea"};
  TicketColumns columns(5);
  columns.texts("ticket.priority", priorities)
      .categories("customer.tier", tiers, tier_names)
      .numbers("order.value", values)
      .values("ticket.vip", vip)
      .texts("customer.region", regions);
  const auto r = route_columns(rules, columns);
  REQUIRE(r.outcome.size() == 5);
  CHECK(r.failures.empty());
  CHECK(queue_of(r, 0) == std::nullopt);                        // urgent, but silver
  CHECK(queue_of(r, 1) == std::optional<std::string>{"duty"});  // urgent and gold
  CHECK(queue_of(r, 2) == std::optional<std::string>{"review"});
  CHECK(queue_of(r, 3) == std::optional<std::string>{"vip"});  // NaN: no order value
  CHECK(queue_of(r, 4) == std::nullopt);
  // The same tickets as records, routed at creation.
  for (std::size_t i = 0; i < 5; ++i) {
    Ticket t;
    t.id = "T";
    t.created = Instant{} + 1h;  // set: a relaxed skill's wait counts from it
    t.priority = priorities[i];
    if (tiers[i] >= 0) t.customer.tier = tier_names[static_cast<std::size_t>(tiers[i])];
    if (!std::isnan(values[i])) t.order.value = values[i];
    if (const auto* b = std::get_if<bool>(&vip[i])) t.fields["vip"] = *b;
    t.customer.region = regions[i];
    const auto expected = route(rules, t);
    CHECK(r.routing(i)->queue == expected.queue);
    CHECK(r.routing(i)->rules == expected.rules);
  }
}

// "A field the routes read and no column gives has no value in any row".
TEST_CASE("route_columns: a field without a column has no value") {
  const auto rules = test::routes(kRoutes);
  TicketColumns columns(2);
  const auto r = route_columns(rules, columns);
  CHECK(queue_of(r, 0) == std::optional<std::string>{"triage"});  // customer.region == none
  CHECK(queue_of(r, 1) == std::optional<std::string>{"triage"});
}

// "Rows that route alike share one Routing"; "an outcome is the routing at
// creation: every relaxed skill is still in `skills`, and its `relaxed`
// entry's `drops_at` is the wait itself, counted from the Unix epoch".
TEST_CASE("route_columns: rows that route alike share an outcome, routed at creation") {
  const auto rules = test::routes(kRoutes);
  const std::vector<FieldValue> vip{true, true, true, false};
  const std::vector<std::string_view> regions{"emea", "amer", "emea", "emea"};
  TicketColumns columns(4);
  columns.values("ticket.vip", vip).texts("customer.region", regions);
  const auto r = route_columns(rules, columns);
  CHECK(r.routings.size() == 2);
  CHECK(r.outcome[0] == r.outcome[1]);
  CHECK(r.outcome[1] == r.outcome[2]);
  CHECK(r.outcome[3] != r.outcome[0]);
  const auto& vip_routing = *r.routing(0);
  CHECK(vip_routing.id.empty());
  CHECK(vip_routing.skills == std::vector<std::string>{"german"});
  REQUIRE(vip_routing.relaxed.size() == 1);
  CHECK(vip_routing.relaxed[0].drops_at == Instant{} + 10min);
}

// "A row whose value does not fit its field fails alone ... naming the
// ticket by the id column or, without one, as 'row 9'"; "A category code at
// or past the number of categories fails its row too."
TEST_CASE("route_columns: a bad value fails its row alone, naming ticket and field") {
  const auto rules = test::routes(kRoutes);
  const std::vector<std::string_view> priorities{"urgent", "asap", "low"};
  const std::vector<std::int32_t> tiers{0, 0, 7};
  const std::vector<std::string_view> tier_names{"gold"};
  TicketColumns columns(3);
  columns.texts("ticket.priority", priorities).categories("customer.tier", tiers, tier_names);
  auto r = route_columns(rules, columns);
  CHECK(r.outcome[0] != ColumnRouting::kFailed);
  CHECK(r.routing(1) == nullptr);
  CHECK(r.routing(2) == nullptr);
  REQUIRE(r.failures.size() == 2);
  CHECK(r.failures[0].row == 1);
  CHECK(r.failures[0].message ==
        "ticket 'row 1': ticket.priority: expected one of low, normal, high, urgent, got text "
        "'asap'");
  CHECK(r.failures[1].row == 2);
  CHECK(r.failures[1].message ==
        "ticket 'row 2': customer.tier: category code 7 is not below the 1 categories of the "
        "column");
  const std::vector<std::string_view> ids{"T-1", "T-2", "T-3"};
  columns.ids(ids);
  route_columns(rules, columns, r);  // the buffers reused, everything replaced
  REQUIRE(r.failures.size() == 2);
  CHECK(r.failures[0].message.starts_with("ticket 'T-2': ticket.priority:"));
}

// route_columns.hpp: "a column for a field that only the policies read is
// checked as route() checks it; a column for a field no rule reads is not
// read" (docs/sla.md: every engine accepts and rejects the same tickets).
TEST_CASE("route_columns: a column only policies read is checked, one no rule reads is not") {
  const auto rules = test::routes(std::string{kRoutes} +
                                  "field contract.tier : one of gold, silver\n"
                                  "field order.note : text\n"
                                  "sla s for contract.tier == gold { resolution 4h }\n");
  const std::vector<std::string_view> tiers{"gold", "bronze", ""};
  const std::vector<double> notes{1, 2, 3};
  TicketColumns columns(3);
  columns.texts("contract.tier", tiers).numbers("order.value", notes);
  const std::vector<FieldValue> note_values{5.0, true, std::string{"x"}};
  columns.values("order.note", note_values);
  const auto r = route_columns(rules, columns);
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].row == 1);
  CHECK(r.failures[0].message ==
        "ticket 'row 1': contract.tier: expected one of gold, silver, got text 'bronze'");
  CHECK(r.routing(0) != nullptr);
  CHECK(r.routing(2) != nullptr);
}

// A category no row uses may be anything: only rows are checked.
TEST_CASE("route_columns: a category that does not fit fails only the rows that use it") {
  const auto rules = test::routes(kRoutes);
  const std::vector<std::int32_t> codes{1, 0, 1};
  const std::vector<std::string_view> names{"asap", "urgent"};
  TicketColumns columns(3);
  columns.categories("ticket.priority", codes, names);
  const auto r = route_columns(rules, columns);
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].row == 1);
  CHECK(r.failures[0].message.find("got text 'asap'") != std::string::npos);
}

// "A column of the wrong length or given twice is an InvalidArgument when it
// is added; a column of a field the rule set does not have, or of a kind its
// field cannot take (numbers for a text field), is one for the whole
// route_columns call; each names the column."
TEST_CASE("route_columns: a bad column is an InvalidArgument naming it") {
  const auto rules = test::routes(kRoutes);
  const std::vector<double> two{1, 2};
  const std::vector<std::string_view> three{"a", "b", "c"};
  TicketColumns columns(3);
  CHECK_THROWS_WITH_AS(columns.numbers("order.value", two),
                       "column 'order.value' has 2 values for a batch of 3 rows", InvalidArgument);
  columns.texts("customer.region", three);
  CHECK_THROWS_WITH_AS(columns.texts("customer.region", three),
                       "column 'customer.region' is given twice", InvalidArgument);
  TicketColumns unknown(3);
  unknown.texts("ticket.colour", three);
  CHECK_THROWS_WITH_AS((void)route_columns(rules, unknown),
                       "column 'ticket.colour': the rule set has no such field", InvalidArgument);
  const std::vector<double> numbers{1, 2, 3};
  TicketColumns wrong(3);
  wrong.numbers("ticket.priority", numbers);
  CHECK_THROWS_WITH_AS((void)route_columns(rules, wrong),
                       "column 'ticket.priority': a one of field cannot take numbers",
                       InvalidArgument);
}

// "A route group whose table leaves a part to try in full (two fields
// compared, `or` across fields) reads the row's values as route() does."
TEST_CASE("route_columns: conditions the tables do not decide are tried on the row's values") {
  const auto rules = test::routes(R"(
route same when customer.region == ticket.category -> queue same
route either when ticket.priority == urgent or customer.tier == gold -> queue either
)");
  const std::vector<std::int32_t> regions{0, 0, -1};
  const std::vector<std::string_view> region_names{"billing"};
  const std::vector<std::string_view> categories{"billing", "other", ""};
  const std::vector<std::string_view> tiers{"", "gold", "gold"};
  TicketColumns columns(3);
  columns.categories("customer.region", regions, region_names)
      .texts("ticket.category", categories)
      .texts("customer.tier", tiers);
  const auto r = route_columns(rules, columns);
  CHECK(queue_of(r, 0) == std::optional<std::string>{"same"});
  CHECK(queue_of(r, 1) == std::optional<std::string>{"either"});
  CHECK(queue_of(r, 2) == std::optional<std::string>{"either"});  // none == none is not equal
}
