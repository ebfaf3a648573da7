// The formatter's layout (review 8, F13): blank lines after header comments,
// comments behind conditions and list items, and wrapping at 100 columns.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <slakit/lang/format.hpp>
#include <slakit/slakit.hpp>

#include <algorithm>
#include <sstream>
#include <string>

using namespace slakit;

namespace {

// The canonical text of `text`, checked to be a fixed point of the formatter.
std::string formatted(const std::string& text) {
  const auto once = format_rules("t.sla", text);
  REQUIRE(once.ok());
  CHECK(format_rules("t.sla", once.text).text == once.text);
  return once.text;
}

std::size_t widest_line(const std::string& text) {
  std::istringstream in{text};
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) widest = std::max(widest, line.size());
  return widest;
}

}  // namespace

// docs/language.md, "Formatting": "A blank line after a comment outside any
// block (a file's header comment, a comment block before a declaration) is
// kept, as one blank line." (F13 (a): review 8's c3.sla lost it.)
TEST_CASE("a blank line after a file's header comment stays") {
  CHECK(formatted("# ACME support rules. Owner: support-ops.\n\nroute small -> queue small\n") ==
        "# ACME support rules. Owner: support-ops.\n\nroute small -> queue small\n");
  // One blank line however many there were; none added where there was none.
  CHECK(formatted("# a\n\n\n\n# b\nroute r -> queue q\n") == "# a\n\n# b\nroute r -> queue q\n");
  // Not at the end of the file, nor inside a block.
  CHECK(formatted("route r -> queue q\n# end\n\n\n") == "route r -> queue q\n# end\n");
  CHECK(formatted("sla s {\n  # inside\n\n  resolution 4h\n}\n") ==
        "sla s {\n  # inside\n  resolution 4h\n}\n");
}

// docs/language.md, "Formatting": "one behind a route's condition stays
// behind the condition, before the `->` line" (F13 (b): it moved inside the
// route, onto a line of its own).
TEST_CASE("a comment behind a route's condition stays behind it") {
  CHECK(formatted("route big when order.value > 1000   # big orders\n  -> queue big\n") ==
        "route big when order.value > 1000  # big orders\n  -> queue big\n");
  // On one line in the source: the comment is behind the actions.
  CHECK(formatted("route big when order.value > 1000 -> queue big  # big\n") ==
        "route big when order.value > 1000\n  -> queue big  # big\n");
  CHECK(
      formatted("routes g first {\n  route a when ticket.reopened  # again\n    -> queue q\n}\n") ==
      "routes g first {\n  route a when ticket.reopened  # again\n    -> queue q\n}\n");
}

// docs/language.md, "Formatting": "a list of target cases or route actions
// with a comment behind any of its items but the last keeps one item per
// line, each with its comment" (F13 (c): the comments moved above and the
// cases joined onto one line).
TEST_CASE("a list with a comment behind an item keeps one item per line") {
  const std::string cases =
      "sla gold {\n"
      "  first_response 1h when ticket.priority == urgent,  # urgent\n"
      "                 4h when ticket.priority == high,    # high\n"
      "                 otherwise 8h                         # rest\n"
      "}\n";
  CHECK(formatted(cases) ==
        "sla gold {\n"
        "  first_response 1h when ticket.priority == urgent,  # urgent\n"
        "                 4h when ticket.priority == high,  # high\n"
        "                 otherwise 8h  # rest\n"
        "}\n");
  // Only the last has one: one line, the comment behind it.
  CHECK(
      formatted("sla s {\n  resolution 1h when ticket.reopened,\n    otherwise 4h  # rest\n}\n") ==
      "sla s {\n  resolution 1h when ticket.reopened, otherwise 4h  # rest\n}\n");
  // `on reopen` goes behind the last case.
  CHECK(formatted("sla s {\n  resolution 1h when ticket.reopened, # a\n otherwise 4h on reopen "
                  "restart\n}\n") ==
        "sla s {\n  resolution 1h when ticket.reopened,  # a\n             otherwise 4h on reopen "
        "restart\n}\n");
  // Route actions, each with its own comment, under the first.
  CHECK(formatted("route r1 when ticket.reopened\n  -> queue big,   # queue\n     priority high  "
                  "# prio\n") ==
        "route r1 when ticket.reopened\n  -> queue big,  # queue\n     priority high  # prio\n");
  CHECK(formatted("route r -> queue q, # q\n team t\n") ==
        "route r -> queue q,  # q\n           team t\n");
  // A weekly line's hours (review 8's c1.sla: `# morning` moved above).
  CHECK(formatted("calendar c {\n  zone \"UTC\"\n  mon..fri 08:00-12:00,   # morning\n"
                  "           13:00-18:00    # afternoon\n}\n") ==
        "calendar c {\n  zone \"UTC\"\n  mon..fri 08:00-12:00,  # morning\n"
        "           13:00-18:00  # afternoon\n}\n");
  CHECK(formatted("calendar c {\n  zone \"UTC\"\n  mon..fri 08:00-12:00,\n  13:00-18:00  # "
                  "day\n}\n") ==
        "calendar c {\n  zone \"UTC\"\n  mon..fri 08:00-12:00, 13:00-18:00  # day\n}\n");
}

// docs/language.md, "Formatting": "A route's actions are written in one
// order (queue, priority, team, skills, tags, sla) whatever the order in the
// source, and each takes its comments with it: a comment behind an action
// stays behind that action, and an own-line comment before an action stays
// before it, wherever the action goes." (Review 23, F1: the comments stayed
// in source order, so those of the actions that moved down went above the
// route.)
TEST_CASE("a route's actions take their comments with them when reordered") {
  CHECK(formatted("route b when ticket.category == y\n"
                  "  -> tags [p], # on tags\n"
                  "     team t, # on team\n"
                  "     queue b # on queue\n") ==
        "route b when ticket.category == y\n"
        "  -> queue b,  # on queue\n"
        "     team t,  # on team\n"
        "     tags [p]  # on tags\n");
  CHECK(formatted(
            "route c when ticket.category == z\n  -> team t, # tc\n     priority high # pc\n") ==
        "route c when ticket.category == z\n  -> priority high,  # pc\n     team t  # tc\n");
  // Without a condition; an own-line comment and one inside a list of
  // skills go before their action; the last's comment behind it. "A route
  // without a condition whose actions have a comment on a line of its own
  // is written with its actions under it, as after a condition".
  CHECK(formatted("route r -> sla s, # s\n"
                  "  # why a\n"
                  "  skills [a] for 1h, # sf\n"
                  "  skills [b, # inside\n"
                  "  c],\n"
                  "  queue q # q\n") ==
        "route r\n"
        "  -> queue q,  # q\n"
        "     # inside\n"
        "     skills [b, c],\n"
        "     # why a\n"
        "     skills [a] for 1h,  # sf\n"
        "     sla s  # s\n");
  // Review 24 F1: a comment before the action printed first, or before the
  // first one written, went above the route.
  CHECK(formatted("route c -> tags [y],\n  # before queue\n  queue q3\n") ==
        "route c\n  # before queue\n  -> queue q3, tags [y]\n");
  CHECK(formatted("route d ->\n  # before tags\n  tags [y],\n  queue q4\n") ==
        "route d\n  -> queue q4,\n     # before tags\n     tags [y]\n");
  // Review 25: "a comment behind the arrow counts as one before the first
  // action written" (fmt gave another layout the second time); "unless a
  // comment before one of the actions puts them on lines of their own: then
  // it stays behind the action it was behind".
  CHECK(formatted("route r -> # about team\n  team t,\n  queue q\n") ==
        "route r\n  -> queue q,\n     # about team\n     team t\n");
  CHECK(formatted("route r -> # about queue\n  queue q, team t\n") ==
        "route r\n  # about queue\n  -> queue q, team t\n");
  CHECK(formatted("route r when customer.tier == gold ->\n  # c\n  skills [s], queue q  # t\n") ==
        "route r when customer.tier == gold\n  -> queue q,  # t\n     # c\n     skills [s]\n");
  // Behind the last action printed: one line, as for any list. A comment
  // behind a list written on one line stays at its end.
  CHECK(formatted("route r -> team t, # t\n  queue q\n") == "route r -> queue q, team t  # t\n");
  CHECK(formatted("route vip -> tags [vip], queue vip  # VIP customers\n") ==
        "route vip -> queue vip, tags [vip]  # VIP customers\n");
  // The other lists fmt prints keep the order written, so each line keeps
  // its comment: a policy's lines, a calendar's, a test block's.
  const std::string lines =
      "calendar c {\n"
      "  holiday \"x\" jan 1  # h\n"
      "  mon..fri 13:00-18:00,  # pm\n"
      "           08:00-12:00  # am\n"
      "  zone \"UTC\"  # z\n"
      "}\n"
      "\n"
      "sla s {\n"
      "  warn at 80%  # w\n"
      "  resolution 4h  # r\n"
      "  calendar c  # c\n"
      "  stop on solved  # st\n"
      "  first_response 1h  # f\n"
      "}\n"
      "\n"
      "test \"t\" {\n"
      "  expect queue q  # e\n"
      "  ticket.category = y  # f\n"
      "  now 2026-01-01T00:00:00Z  # n\n"
      "}\n";
  CHECK(formatted(lines) == lines);
  // In a group; a comment before the first action written stays before the
  // actions, and one after the route stays after it.
  CHECK(formatted("routes g first {\n"
                  "  route a when ticket.reopened\n"
                  "    # actions\n"
                  "    -> team t, # t\n"
                  "       queue q\n"
                  "  # next\n"
                  "  route b -> queue b\n"
                  "}\n") ==
        "routes g first {\n"
        "  route a when ticket.reopened\n"
        "    # actions\n"
        "    -> queue q, team t  # t\n"
        "  # next\n"
        "  route b -> queue b\n"
        "}\n");
}

// docs/cli.md, "slakit fmt": "A line that would be wider [than 100
// characters] wraps": a condition before each `and` or `or` of its outermost
// level, four more than the element; cases and actions one per line (F13
// (d): review 8's c2.sla had lines of 160 characters).
TEST_CASE("long conditions and case lists wrap at 100 characters") {
  const std::string c2 =
      "sla big for (customer.tier == platinum or order.value > 10000) and customer.region in "
      "[emea, apac] and ticket.category not in [spam, internal, \"test\"] {\n"
      "  first_response 30m when ticket.priority == urgent, 1h when ticket.priority == high, 2h "
      "when ticket.channel == phone, otherwise 4h\n}\n";
  const auto text = formatted(c2);
  CHECK(text ==
        "sla big for (customer.tier == platinum or order.value > 10000)\n"
        "    and customer.region in [emea, apac]\n"
        "    and ticket.category not in [spam, internal, \"test\"] {\n"
        "  first_response 30m when ticket.priority == urgent,\n"
        "                 1h when ticket.priority == high,\n"
        "                 2h when ticket.channel == phone,\n"
        "                 otherwise 4h\n"
        "}\n");
  CHECK(widest_line(text) <= 100);
  // The outermost level only: an `or` of `and`s breaks before the `or`s.
  CHECK(formatted("route r when ticket.category == billing and customer.tier == platinum or "
                  "ticket.category == refund and customer.tier == gold -> queue q\n") ==
        "route r when (ticket.category == billing and customer.tier == platinum)\n"
        "    or (ticket.category == refund and customer.tier == gold)\n"
        "  -> queue q\n");
  CHECK(formatted("sla s {\n  pause while ticket.status == pending_customer or ticket.status == "
                  "pending_vendor or ticket.status == on_hold\n}\n") ==
        "sla s {\n  pause while ticket.status == pending_customer\n"
        "      or ticket.status == pending_vendor\n      or ticket.status == on_hold\n}\n");
  // Exactly 100 characters stays on one line; 101 wraps.
  const std::string head = "route r when ticket.category == billing and customer.tier == ";
  const std::string fits = head + std::string(100 - head.size(), 'x');
  CHECK(formatted(fits + " -> queue q\n") == fits + "\n  -> queue q\n");
  CHECK(formatted(fits + "y -> queue q\n") ==
        "route r when ticket.category == billing\n    and customer.tier == " +
            std::string(100 - head.size(), 'x') + "y\n  -> queue q\n");
  // Nothing to break at: a single comparison stays long.
  const std::string one = "route r when ticket.category == " + std::string(90, 'x');
  CHECK(formatted(one + " -> queue q\n") == one + "\n  -> queue q\n");
}

// docs/cli.md, "slakit fmt": "An `in` list of such a condition ... and a
// field's `one of` list break after a comma, as many values a line as fit,
// the rest indented four, so that a list of thousands of values never makes
// a line longer than a rule file may hold (E0007)." (Review 12, F2: 12,000
// values became one line of 84,918 bytes, which no longer compiled.)
TEST_CASE("long in lists and one of lists wrap after a comma") {
  std::string values;
  for (int i = 0; i < 12'000; ++i) values += (i == 0 ? "" : ",\n  ") + fmt::format("v{:05}", i);
  const auto route = formatted("field ticket.code : one of " + values +
                               "\nroute r when ticket.code in [" + values + "] -> queue q\n");
  CHECK(widest_line(route) <= 100);
  const auto compiled = compile({{"t.sla", route}});
  CHECK(compiled.ok());
  CHECK(formatted("route r when ticket.category in [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, "
                  "dddddddddd, eeeeeeeeee, ffffffffff, gggggggggg] -> queue q\n") ==
        "route r when ticket.category in [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, "
        "eeeeeeeeee,\n    ffffffffff, gggggggggg]\n  -> queue q\n");
  // Under `and`: the list of a comparison at the outermost level.
  const auto both = formatted(
      "sla s for customer.tier == gold and ticket.category not in "
      "[aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, eeeeeeeeee, "
      "ffffffffff, gggggggggg, hhhhhhhhhh, iiiiiiiiii] {\n}\n");
  CHECK(both ==
        "sla s for customer.tier == gold\n"
        "    and ticket.category not in [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, "
        "eeeeeeeeee,\n"
        "    ffffffffff, gggggggggg, hhhhhhhhhh, iiiiiiiiii] {\n}\n");
  CHECK(widest_line(both) <= 100);
}

// docs/cli.md, "slakit fmt": "Inside parentheses (and under a `not`), an
// `and` or `or` starts a new line, at the same indent, only when its operand
// would pass the width", "A target case's `when` condition wraps the same
// way", and "An `in` list anywhere in a condition ... break[s] after a
// comma". (Session 9 left lists inside parentheses and in a case's `when`
// on one line: thousands of values there made a line E0007 refuses.)
TEST_CASE("lists and operators inside parentheses and target cases wrap") {
  std::string values;
  for (int i = 0; i < 3'000; ++i) values += (i == 0 ? "" : ", ") + fmt::format("v{:05}", i);
  std::string ors;
  for (int i = 0; i < 40; ++i) ors += (i == 0 ? "" : " or ") + fmt::format("ticket.code == k{}", i);
  const auto source =
      "field ticket.code : text\n"
      "calendar c {\n  zone \"UTC\"\n  mon..fri 09:00-17:00\n}\n"
      "sla s for contract.sla == \"gold\" and (ticket.code in [" +
      values + "] or ticket.priority == high) {\n  calendar c\n" + "  first_response 1h when (" +
      ors + ") and ticket.code in [" + values + "], otherwise 4h\n}\n" +
      "route r when not (ticket.code in [" + values + "]) -> queue q\n";
  const auto once = formatted(source);
  CHECK(widest_line(once) <= 100);
  CHECK(formatted(once) == once);
  CHECK(compile({{"t.sla", once}}).ok());

  // A case too long for its line: one case a line, the condition's
  // continuation four more than the case.
  CHECK(formatted("sla s {\n  first_response 1h when (customer.tier == platinum or customer.region "
                  "== emea) and ticket.category in [outage, security], otherwise 4h\n}\n") ==
        "sla s {\n"
        "  first_response 1h when (customer.tier == platinum or customer.region == emea)\n"
        "                     and ticket.category in [outage, security],\n"
        "                 otherwise 4h\n}\n");
  // Inside parentheses an operator breaks only where its operand would not fit.
  CHECK(formatted("route r when ticket.priority == high and (ticket.category == aaaaaaaaaaaaaaaa "
                  "or ticket.category == bbbbbbbbbbbbbbbb or ticket.category == cccccccccccccccc) "
                  "-> queue q\n") ==
        "route r when ticket.priority == high\n"
        "    and (ticket.category == aaaaaaaaaaaaaaaa or ticket.category == bbbbbbbbbbbbbbbb\n"
        "    or ticket.category == cccccccccccccccc)\n"
        "  -> queue q\n");
}
