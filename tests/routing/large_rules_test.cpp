// Rule sets at the size limits compile with the same answers as small ones
// (docs/language.md, "Fields and values"; docs/routing.md, "Static
// analysis"). How fast they compile is measured by benchmarks/bench_lang.cpp
// (BM_Lang_CompileInList, BM_Lang_CompileOrChain: the fitted complexity),
// not here.
#include <doctest/doctest.h>

#include <slakit/routing/route.hpp>
#include <slakit/sla/explain.hpp>
#include <slakit/slakit.hpp>

#include <chrono>
#include <limits>
#include <optional>
#include <string>

#include "program/rule_set_impl.hpp"
#include "routing/routing_lint.hpp"
#include "routing_test_support.hpp"

using namespace slakit;
using namespace std::chrono;

namespace {

Ticket ticket(const std::string& category) {
  Ticket t;
  t.id = "T-1";
  t.created = test::at("2026-03-02T09:00Z");
  t.priority = "normal";
  t.category = category;
  return t;
}

std::optional<std::string> queue_of(const RuleSet& rules, const std::string& category) {
  return route(rules, ticket(category)).queue;
}

// Compiles `text`, failing the test on any diagnostic.
RuleSet compiled(const std::string& text) {
  auto result = compile({{"t.sla", text}});
  for (const auto& d : result.diagnostics) FAIL_CHECK(d.code << ": " << d.message);
  REQUIRE(result.ok());
  return std::move(*result.rules);
}

}  // namespace

// "A field's `in` list [...] compile[s] to one sorted set of values
// [...]: checking and compiling a condition of n values costs about n log
// n, and evaluating it a binary search"
TEST_CASE("an in list of 128000 values routes as the list says") {
  constexpr int kValues = 128'000;
  std::string text = "route r when ticket.category in [";
  for (int i = 0; i < kValues; ++i) text += (i == 0 ? "c" : ",\n  c") + std::to_string(i);
  text += "] -> queue q\nroute rest -> queue other\n";
  const auto rules = compiled(text);
  for (const auto* listed : {"c0", "c1", "c64000", "c127999"})
    CHECK(queue_of(rules, listed) == "q");
  for (const auto* other : {"", "c128000", "c", "d0"}) CHECK(queue_of(rules, other) == "other");
}

// "[...] and a run of `or` terms that each compare the same field with `==`
// (`ticket.category == a or ticket.category == b`), compile to one sorted
// set of values"
TEST_CASE("an or chain of 128000 == terms on one field routes as the terms say") {
  constexpr int kValues = 128'000;
  std::string text = "route r when ticket.category == a0\n";
  for (int i = 1; i < kValues; ++i) text += " or ticket.category == a" + std::to_string(i) + "\n";
  text += " -> queue q\nroute rest -> queue other\n";
  const auto rules = compiled(text);
  for (const auto* listed : {"a0", "a1", "a99999", "a127999"})
    CHECK(queue_of(rules, listed) == "q");
  for (const auto* other : {"", "a128000", "b1"}) CHECK(queue_of(rules, other) == "other");
}

// The folded terms answer and explain as the terms did one by one: a run of
// terms on one field, broken by a term on another, a `none` and a `!=`;
// "for every earlier policy, its first condition that failed, with the
// ticket's value" (docs/sla.md, "Explanations").
TEST_CASE("or terms on one field, folded, answer and explain as the terms apart") {
  const auto rules = compile_or_throw({{"t.sla", R"(
sla a for ticket.category == a or "b" == ticket.category or customer.tier == gold or ticket.category == c or ticket.category == d or ticket.channel == chat or ticket.channel == email { first_response 1h }
sla b for ticket.category == x or ticket.category == none or ticket.category != y { first_response 2h }
sla rest { first_response 4h }
)"}});
  auto policy = [&](const std::string& category, const std::string& tier = "",
                    const std::string& channel = "") {
    auto t = ticket(category);
    t.customer.tier = tier;
    t.channel = channel;
    const auto x = explain(rules, t, {}, test::at("2026-03-02T10:00Z"));
    for (const auto& s : x.selection) {
      if (s.applies) return s.policy;
    }
    return std::string{};
  };
  for (const auto* c : {"a", "b", "c", "d"}) CHECK(policy(c) == "a");
  CHECK(policy("e", "gold") == "a");
  CHECK(policy("e", "", "chat") == "a");
  CHECK(policy("e", "", "email") == "a");
  CHECK(policy("e", "", "phone") == "b");  // != y
  CHECK(policy("x") == "b");
  CHECK(policy("", "") == "b");  // none
  CHECK(policy("y") == "rest");

  auto t = ticket("y");
  t.channel = "phone";
  const auto x = explain(rules, t, {}, test::at("2026-03-02T10:00Z"));
  REQUIRE(x.selection.size() == 3);
  CHECK(x.selection[0].why_not == R"(ticket.category == a is false: ticket.category is "y"; )"
                                  R"("b" == ticket.category is false: ticket.category is "y"; )"
                                  R"(customer.tier == gold is false: customer.tier is none; )"
                                  R"(ticket.category == c is false: ticket.category is "y"; )"
                                  R"(ticket.category == d is false: ticket.category is "y"; )"
                                  R"(ticket.channel == chat is false: ticket.channel is phone; )"
                                  R"(ticket.channel == email is false: ticket.channel is phone)");
}

// "the search for tickets that fall through and the coverage analysis each
// stop after a fixed amount of work (about 30 million word operations)
// [...] a route tried in full is never paired with another, so that
// compiling a very large rule set stays fast": 100,000 routes (the
// declaration limit) whose field takes too many values to tabulate.
TEST_CASE("the routing lints of 100000 routes tried in full give their one warning") {
  constexpr int kRoutes = 100'000;
  std::string text;
  for (int i = 0; i < kRoutes; ++i) {
    const auto n = std::to_string(i);
    text += "route r" + n + " when ticket.category == c" + n + " -> queue q" + n + "\n";
  }
  const auto result = compile({{"t.sla", text}});
  REQUIRE(result.ok());
  std::string codes;
  for (const auto& d : result.diagnostics) codes += d.code + " ";
  CHECK(codes == "W0228 ");
  std::vector<Diagnostic> again;
  detail::lint_routing(detail::routing_of(*result.rules), *result.sources, again);
  REQUIRE(again.size() == 1);
  CHECK(again[0].message == result.diagnostics[0].message);
  CHECK(queue_of(*result.rules, "c99999") == "q99999");
}

// "A field's `in` list, and a run of `or` terms that each compare the same
// field with `==` [...] compile to one sorted set of values (texts, numbers,
// durations, times, dates and bools alike)": NaN equal to none of them.
TEST_CASE("in lists and or chains of numbers and durations, as sets") {
  constexpr int kValues = 128'000;
  std::string text = "field ticket.amount : number\nfield ticket.wait : duration\n";
  text += "route listed when ticket.amount in [";
  for (int i = 0; i < kValues; ++i) text += (i == 0 ? "" : ",\n  ") + std::to_string(i * 2);
  text += "] -> queue listed\nroute chained when ticket.amount == 0.5";
  for (int i = 1; i < 1000; ++i) text += "\n or ticket.amount == " + std::to_string(i) + ".5";
  text +=
      " -> queue chained\nroute waited when ticket.wait == 1h or ticket.wait == 2h or "
      "ticket.wait in [4h, 8h] -> queue waited\nroute rest -> queue other\n";
  const auto rules = compiled(text);
  auto queue = [&](std::optional<double> amount, std::optional<seconds> wait = std::nullopt) {
    auto t = ticket("");
    if (amount) t.fields["amount"] = *amount;
    if (wait) t.fields["wait"] = Seconds{*wait};
    return route(rules, t).queue;
  };
  CHECK(queue(0) == "listed");
  CHECK(queue(-0.0) == "listed");
  CHECK(queue(255'998) == "listed");
  CHECK(queue(1) == "other");
  CHECK(queue(256'000) == "other");
  CHECK(queue(0.5) == "chained");
  CHECK(queue(999.5) == "chained");
  CHECK(queue(1000.5) == "other");
  CHECK(queue(std::numeric_limits<double>::quiet_NaN()) == "other");
  CHECK(queue(std::nullopt) == "other");
  CHECK(queue(1, hours(2)) == "waited");
  CHECK(queue(1, hours(8)) == "waited");
  CHECK(queue(1, hours(3)) == "other");
}
