// Compiled conditions over a ticket's fields (docs/sla.md, "Conditions"),
// as policy selection sees them, and the reasons a condition gives for
// failing.
#include "program/condition.hpp"
#include "program/rule_set_impl.hpp"
#include "sla/sla_test_support.hpp"

using namespace slakit;
using namespace slakit::test;
using namespace std::chrono;

namespace {

// Whether `condition` selects a policy for the ticket.
bool holds(const std::string& condition, const Ticket& t, const std::string& declarations = "") {
  const auto r = rules(declarations + "\nsla s for " + condition + " { resolution 1h }");
  return evaluate(r, t, {}, t.created).sla.has_value();
}

}  // namespace

// "A field without a value equals only `none`: `==` with any value, `<`,
// `<=`, `>`, `>=` and `in` are false for it, `!=` a value and `not in` are
// true."
TEST_CASE("a field without a value equals only none") {
  const auto t = ticket("2026-03-02T09:00Z");  // no tier, no order
  CHECK(holds("customer.tier == none", t));
  CHECK_FALSE(holds("customer.tier != none", t));
  CHECK_FALSE(holds("customer.tier == gold", t));
  CHECK(holds("customer.tier != gold", t));
  CHECK_FALSE(holds("customer.tier in [gold, silver]", t));
  CHECK(holds("customer.tier not in [gold, silver]", t));
  CHECK(holds("customer.tier in [gold, none]", t));
  CHECK_FALSE(holds("order.value < 5", t));
  CHECK_FALSE(holds("order.value >= 5", t));
  CHECK(holds("order.value != 5", t));
}

TEST_CASE("numbers, custom fields and comparisons written either way round") {
  auto t = ticket("2026-03-02T09:00Z");
  t.fields["order_value"] = 12000.0;
  const std::string decl = "field ticket.order_value : number";
  CHECK(holds("ticket.order_value >= 10000", t, decl));
  CHECK(holds("10000 < ticket.order_value", t, decl));
  CHECK_FALSE(holds("ticket.order_value > 12000", t, decl));
  CHECK(holds("ticket.order_value == 12000 and not ticket.order_value < 0", t, decl));
}

// "Text compares exactly (case matters)."
TEST_CASE("text compares exactly") {
  auto t = ticket("2026-03-02T09:00Z");
  t.contract.sla = "gold";
  CHECK(holds("contract.sla == \"gold\"", t));
  CHECK_FALSE(holds("contract.sla == \"Gold\"", t));
  CHECK(holds("contract.sla in [silver, gold]", t));
  t.category = "refund";
  t.subject = "refund";
  CHECK(holds("ticket.category == ticket.subject", t));
}

// "A date compared with a time field means midnight UTC of that date; a time
// field that holds a date (an order due on a day) compares as midnight UTC of
// that date."
TEST_CASE("dates against time fields mean midnight UTC") {
  auto t = ticket("2026-03-02T09:00Z");
  t.order.due = at("2026-03-09T23:00Z");
  CHECK(holds("order.due < 2026-03-10", t));
  t.order.due = year_month_day{year{2026}, March, day{10}};
  CHECK_FALSE(holds("order.due < 2026-03-10", t));
  CHECK(holds("order.due == 2026-03-10", t));
  t.contract.valid_from = year_month_day{year{2026}, January, day{1}};
  CHECK(holds("contract.start <= 2026-01-01 and contract.end == none", t));
}

TEST_CASE("bool, duration and one-of fields") {
  auto t = ticket("2026-03-02T09:00Z", "high");
  t.fields["vip"] = true;
  t.fields["budget"] = Seconds{hours{3}};
  const std::string decl = "field ticket.vip : bool\nfield ticket.budget : duration";
  CHECK(holds("ticket.vip", t, decl));
  CHECK(holds("ticket.vip == true and ticket.budget > 2h", t, decl));
  CHECK(holds("ticket.priority in [high, urgent]", t));
  CHECK_FALSE(holds("ticket.reopened", t));
}

// A rule set may redeclare a built-in `one of` (or text) field's values,
// which replace the built-in list (docs/language.md).
TEST_CASE("a redeclared one-of field takes the rule set's own values") {
  auto t = ticket("2026-03-02T09:00Z");
  t.channel = "whatsapp";
  const std::string decl = "field ticket.channel : one of email, chat, whatsapp";
  CHECK(holds("ticket.channel == whatsapp", t, decl));
  const auto bad = compile({{"t.sla",
                             "field ticket.channel : one of email\nroute r when "
                             "ticket.channel == phone -> queue q\n"}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.diagnostics[0].code == "E0214");
  const auto number = compile({{"t.sla", "field ticket.created : number\n"}});
  REQUIRE_FALSE(number.ok());
  CHECK(number.diagnostics[0].code == "E0201");
}

// A failed condition says which part failed, with the ticket's values: the
// explanation of policy selection is built on it.
TEST_CASE("why a condition is false: its first failing part, with the values seen") {
  const auto r = rules(
      "sla s for contract.sla == \"gold\" and ticket.priority in [high, urgent] { resolution 1h "
      "}\nsla o for customer.tier == gold or order.value > 10 { resolution 1h }");
  auto t = ticket("2026-03-02T09:00Z");
  t.contract.sla = "gold";
  const auto& program = detail::program_of(r);
  std::vector<detail::SlotValue> values(program.layout.width());
  program.layout.load(t, values);
  CHECK(program.slas[0].applies->why_false(values, program.layout) ==
        "ticket.priority in [high, urgent] is false: ticket.priority is normal");
  CHECK(program.slas[1].applies->why_false(values, program.layout) ==
        "customer.tier == gold is false: customer.tier is none; order.value > 10 is false: "
        "order.value is none");
  t.priority = "urgent";
  program.layout.load(t, values);
  CHECK(program.slas[0].applies->why_false(values, program.layout).empty());
}
