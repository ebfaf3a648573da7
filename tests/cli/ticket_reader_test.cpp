// TicketReader (src/cli/ticket_reader.hpp), the one ticket reader: each line
// is a ticket of its own, whatever the line before held, although the
// reader writes over the history it read last (its events and strings are
// reused, so that reading allocates nothing once they have grown).
#include "ticket_reader.hpp"

#include <slakit/error.hpp>
#include <slakit/slakit.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace {

const slakit::RuleSet& rules() {
  static const auto r = slakit::compile_or_throw({{"reader.sla", R"(
calendar always {
  zone "UTC"
  mon..sun 00:00-24:00
}
field ticket.score : number
field customer.segment : text
field contract.plan : text
field order.source : text
sla gold for ticket.priority == high {
  calendar always
  first_response 1h
}
)"}});
  return r;
}

// A history as text: every member the reader writes, so that two readings
// compare whole.
std::string shown(const slakit::TicketHistory& h) {
  using std::chrono::sys_days;
  const auto day = [](const std::optional<std::chrono::year_month_day>& d) {
    return d ? std::to_string(sys_days{*d}.time_since_epoch().count()) : std::string{"-"};
  };
  const auto& t = h.ticket;
  const auto& c = t.customer;
  const auto& k = t.contract;
  const auto& o = t.order;
  const auto* due_instant = std::get_if<slakit::Instant>(&o.due);
  const auto* due_day = std::get_if<std::chrono::year_month_day>(&o.due);
  auto out = fmt::format(
      "{} {} [{} {} {} {} {} {} {} {}] {} {}\n"
      " customer [{} {} {} {} {} {} {}] {}\n"
      " contract [{} {} {} {}] {} {} {}\n"
      " order [{} {} {}] {} {} {}\n",
      t.id, t.created.time_since_epoch().count(), t.subject, t.channel, t.category, t.priority,
      t.status, t.team, t.queue, t.assignee, t.reopened, t.fields.size(), c.id, c.name, c.tier,
      c.region, c.language, c.country, c.zone, c.fields.size(), k.id, k.customer, k.type, k.sla,
      day(k.valid_from), day(k.valid_to), k.fields.size(), o.id, o.customer, o.status,
      o.value ? fmt::format("{}", *o.value) : std::string{"-"},
      due_instant          ? fmt::format("at {}", due_instant->time_since_epoch().count())
      : due_day != nullptr ? "on " + day(*due_day)
                           : std::string{"-"},
      o.fields.size());
  for (const auto& e : h.events) {
    const auto* text = std::get_if<std::string>(&e.value);
    const auto* number = std::get_if<double>(&e.value);
    out +=
        fmt::format("  {} {} [{}] {} [{}] [{}] [{}] [{}] [{}]\n", e.at.time_since_epoch().count(),
                    slakit::event_kind_name(e.kind), e.id, e.is_public, e.to, e.field,
                    text != nullptr     ? *text
                    : number != nullptr ? fmt::format("{}", *number)
                                        : std::string{e.value.index() == 0 ? "none" : "?"},
                    e.team, e.agent);
  }
  return out;
}

slakit::TicketHistory read_history(std::string_view line) {
  slakit::cli::JsonChunk chunk;
  slakit::cli::load_chunk(chunk, line);
  slakit::cli::TicketReader reader{rules()};
  slakit::TicketHistory history;
  reader.read(chunk.lines.at(0), history);
  return history;
}

std::string read_fresh(std::string_view line) {
  return shown(read_history(line));
}

// Every member of a ticket and of an event that the reader writes, each
// with a value that is not its default, and longer than a string holds in
// place.
constexpr std::string_view kFull =
    R"({"id": "T-1-with-an-id-longer-than-sixteen", "created": "2026-03-02T08:00:00Z",)"
    R"( "ticket": {"subject": "printer on fire, again and again", "priority": "high",)"
    R"( "channel": "email-to-the-helpdesk", "category": "hardware-and-printers",)"
    R"( "queue": "printers-and-scanners-emea", "assignee": "agent-with-a-long-name",)"
    R"( "status": "open", "team": "first-line-support-emea", "reopened": true,)"
    R"( "score": 7}, "customer": {"region": "emea-and-the-rest", "segment": "enterprise",)"
    R"( "id": "customer-with-a-long-id", "name": "A Customer With A Long Name",)"
    R"( "tier": "platinum-and-above", "language": "de-DE-x-long-tag", "country": "DE",)"
    R"( "zone": "America/Argentina/Buenos_Aires"},)"
    R"( "contract": {"sla": "gold-with-extras-for-all", "id": "contract-with-a-long-id",)"
    R"( "customer": "customer-with-a-long-id", "type": "enterprise-support-plan",)"
    R"( "valid_from": "2026-01-01", "valid_to": "2026-12-31", "plan": "all-inclusive"},)"
    R"( "order": {"id": "order-with-a-long-id-too", "customer": "customer-with-a-long-id",)"
    R"( "status": "shipped-and-delivered", "value": 1234.5, "due": "2026-03-09",)"
    R"( "source": "web-shop-of-the-customer"}, "events": [)"
    R"({"at": "2026-03-02T08:05:00+01:00", "kind": "assigned", "id": "e-1-a-long-event-id",)"
    R"( "team": "second-line-support-emea", "agent": "agent-with-a-long-name"},)"
    R"( {"at": "2026-03-02T09:00:00Z", "kind": "agent_replied", "public": false},)"
    R"( {"at": "2026-03-02T10:00:00Z", "kind": "status_changed", "to": "pending_customer_reply"},)"
    R"( {"at": "2026-03-02T11:00:00Z", "kind": "field_changed", "field": "ticket.score",)"
    R"( "value": 9}]})";

// As many events, each written over one of kFull's with none of its members.
constexpr std::string_view kSmall =
    R"({"id": "T-2", "created": "2026-03-03T08:00:00Z", "events": [)"
    R"({"at": "2026-03-03T09:00:00Z", "kind": "agent_replied"},)"
    R"( {"at": "2026-03-03T10:00:00Z", "kind": "solved"},)"
    R"( {"at": "2026-03-03T11:00:00Z", "kind": "reopened"},)"
    R"( {"at": "2026-03-03T12:00:00Z", "kind": "closed"}]})";

}  // namespace

// docs/cli.md, "Input": "One JSON object per line" -- each line is read as
// the ticket it holds, and nothing of the line before.
TEST_CASE("a record read after another holds nothing of it") {
  constexpr std::string_view bare = R"({"id": "T-3", "created": "2026-03-04T08:00:00Z"})";
  // kFull sets every member: none is left at its default.
  const auto full = read_fresh(kFull);
  for (const auto* part :
       {"email-to-the-helpdesk", "agent-with-a-long-name", "Buenos_Aires] 1", "contract-with",
        "20454 20818 1", "shipped-and-delivered] 1234.5 on 20521 1"}) {
    CHECK_MESSAGE(full.find(part) != std::string::npos, (std::string{part} + " in: " + full));
  }
  slakit::cli::JsonChunk chunk;
  const std::string text = fmt::format("{}\n{}\n{}\n{}\n", kFull, kSmall, kFull, bare);
  slakit::cli::load_chunk(chunk, text);
  REQUIRE(chunk.lines.size() == 4);
  slakit::cli::TicketReader reader{rules()};
  slakit::TicketHistory history;
  std::size_t i = 0;
  for (const std::string_view line : {kFull, kSmall, kFull, bare}) {
    reader.read(chunk.lines[i++], history);
    CHECK(shown(history) == read_fresh(line));
  }
}

// docs/cli.md, "Errors": a line that cannot be read is reported and the
// others go on; the history of a line that failed keeps no event of the one
// before.
TEST_CASE("a record that fails leaves none of the last record's events") {
  slakit::cli::JsonChunk chunk;
  const std::string text = fmt::format(
      "{}\n{}\n", kFull,
      R"({"id": "T-4", "created": "2026-03-04T08:00:00Z", "events": [)"
      R"({"at": "2026-03-04T09:00:00Z", "kind": "solved"}, {"at": "soon", "kind": "closed"}]})");
  slakit::cli::load_chunk(chunk, text);
  slakit::cli::TicketReader reader{rules()};
  slakit::TicketHistory history;
  reader.read(chunk.lines[0], history);
  REQUIRE(history.events.size() == 4);
  CHECK_THROWS_WITH_AS(reader.read(chunk.lines[1], history),
                       "ticket 'T-4': events[1].at: invalid time 'soon': expected RFC 3339 with "
                       "an offset, like 2026-03-06T15:00:00Z",
                       slakit::InvalidArgument);
  CHECK(history.events.empty());
}

// docs/cli.md, "Input": kind is one of created, customer_replied,
// agent_replied, status_changed, field_changed, assigned, handed_back,
// solved, reopened, closed -- and nothing else, however close.
TEST_CASE("every event kind reads by its name, and nothing near a name does") {
  std::size_t kinds = 0;
  for (int k = 0;; ++k) {
    const auto kind = static_cast<slakit::EventKind>(k);
    const auto name = std::string{slakit::event_kind_name(kind)};
    if (name == "?") break;
    ++kinds;
    CAPTURE(name);
    CHECK(slakit::parse_event_kind(name) == kind);
    CHECK_FALSE(slakit::parse_event_kind(name + "d"));
    CHECK_FALSE(slakit::parse_event_kind(name.substr(0, name.size() - 1)));
    for (const std::size_t at : {std::size_t{0}, name.size() - 1}) {
      auto changed = name;  // the same length, one letter changed
      changed[at] = 'x';
      CHECK_FALSE(slakit::parse_event_kind(changed));
    }
  }
  CHECK(kinds == 10);
  for (const std::string_view wrong : {"", "a", "Created", "closed ", "solved\n", "teleported"}) {
    CAPTURE(wrong);
    CHECK_FALSE(slakit::parse_event_kind(wrong));
  }
}

// docs/cli.md, "Input": "An id (of the ticket, an event, a customer, a
// contract, an order, an agent) is a string or an integer, read as its
// decimal text: `7` and `"7"` are one id."
TEST_CASE("ids may be integers, read as their decimal text") {
  slakit::cli::JsonChunk chunk;
  slakit::cli::load_chunk(
      chunk,
      R"({"id": 35436, "created": "2026-03-02T08:00:00Z", "ticket": {"assignee": 4711},)"
      R"( "customer": {"id": -901}, "contract": {"id": 77, "customer": 18446744073709551615},)"
      R"( "order": {"id": 5, "customer": "901"}, "events": [{"at": "2026-03-02T09:00:00Z",)"
      R"( "kind": "assigned", "id": 1234567890123, "team": "l1", "agent": 4711}]})"
      "\n"
      R"({"id": "T-9", "created": "2026-03-02T08:00:00Z", "customer": {"id": 1.5}})"
      "\n");
  slakit::cli::TicketReader reader{rules()};
  slakit::TicketHistory h;
  reader.read(chunk.lines.at(0), h);
  const auto& t = h.ticket;
  CHECK(t.id == "35436");
  CHECK(t.assignee == "4711");
  CHECK(t.customer.id == "-901");
  CHECK(t.contract.id == "77");
  CHECK(t.contract.customer == "18446744073709551615");
  CHECK(t.order.id == "5");
  REQUIRE(h.events.size() == 1);
  CHECK(h.events[0].id == "1234567890123");
  CHECK(h.events[0].agent == "4711");
  CHECK_THROWS_WITH_AS(reader.read(chunk.lines.at(1), h),
                       "ticket 'T-9': customer.id: expected a string or an integer, got 1.5",
                       slakit::InvalidArgument);
}

// docs/cli.md, "Input": "A key whose value is `null` counts as left out" --
// at the top of a record as anywhere else: helpdesk exports write
// `"order": null` for a ticket without an order.
TEST_CASE("a top-level key whose value is null reads as the key left out") {
  constexpr std::string_view bare = R"({"id": "T-5", "created": "2026-03-04T08:00:00Z"})";
  const auto expected = read_fresh(bare);
  for (const std::string_view key : {"ticket", "customer", "contract", "order", "events"}) {
    CAPTURE(key);
    const auto line =
        fmt::format(R"({{"id": "T-5", "{}": null, "created": "2026-03-04T08:00:00Z"}})", key);
    CHECK(read_fresh(line) == expected);
  }
  // After a full record too: a null key leaves none of the last record's values.
  slakit::cli::JsonChunk chunk;
  const std::string text = fmt::format(
      "{}\n{}\n", kFull,
      R"({"id": "T-5", "created": "2026-03-04T08:00:00Z", "ticket": null, "customer": null,)"
      R"( "contract": null, "order": null, "events": null})");
  slakit::cli::load_chunk(chunk, text);
  slakit::cli::TicketReader reader{rules()};
  slakit::TicketHistory history;
  reader.read(chunk.lines[0], history);
  reader.read(chunk.lines[1], history);
  CHECK(shown(history) == expected);
  // A null id or created is that key missing, with the message of a key left out.
  CHECK_THROWS_WITH_AS(read_fresh(R"({"id": null, "created": "2026-03-04T08:00:00Z"})"),
                       "id: missing: every ticket needs an \"id\"", slakit::InvalidArgument);
}

// docs/cli.md, "Input": "A member of `ticket`, `customer`, `contract` or
// `order` may also stand at the top of the record under its whole path
// (`"contract.sla": "gold"`), as flat exports and a DataFrame's records
// write it; given both ways, the last in the line wins." (Review 10, F3:
// `evaluate_many(frame.to_dict("records"))` silently read no field.)
TEST_CASE("a member at the top of a record under its whole path reads as the object's") {
  constexpr std::string_view nested =
      R"({"id": "T-6", "created": "2026-03-04T08:00:00Z", "ticket": {"priority": "high",)"
      R"( "score": 7, "reopened": true}, "customer": {"id": 42, "segment": "smb"},)"
      R"( "contract": {"sla": "gold", "valid_from": "2026-01-01", "plan": "basic"},)"
      R"( "order": {"value": 12.5, "due": "2026-03-09", "source": "web"}})";
  constexpr std::string_view flat =
      R"({"id": "T-6", "created": "2026-03-04T08:00:00Z", "ticket.priority": "high",)"
      R"( "ticket.score": 7, "ticket.reopened": true, "customer.id": 42, "customer.segment": "smb",)"
      R"( "contract.sla": "gold", "contract.valid_from": "2026-01-01", "contract.plan": "basic",)"
      R"( "order.value": 12.5, "order.due": "2026-03-09", "order.source": "web",)"
      R"( "order.undeclared": 1, "nothing.here": 2, "events.x": 3})";
  CHECK(read_fresh(flat) == read_fresh(nested));
  // Both ways: the last in the line wins, as for "created".
  CHECK(
      read_fresh(R"({"id": "T-7", "created": "2026-03-04T08:00:00Z", "contract": {"sla": "a"},)"
                 R"( "contract.sla": "b"})") ==
      read_fresh(R"({"id": "T-7", "created": "2026-03-04T08:00:00Z", "contract": {"sla": "b"}})"));
  // null is the member left out, whichever way it is given: it erases
  // nothing. (Review 12, F5: a null inside the object erased the value
  // given under its whole path before it.)
  const auto gold = read_fresh(
      R"({"id": "T-9", "created": "2026-03-04T08:00:00Z", "contract": {"sla": "gold"}})");
  CHECK(read_fresh(R"({"id": "T-9", "created": "2026-03-04T08:00:00Z", "contract.sla": "gold",)"
                   R"( "contract": {"sla": null}})") == gold);
  CHECK(
      read_fresh(R"({"id": "T-9", "created": "2026-03-04T08:00:00Z", "contract": {"sla": "gold"},)"
                 R"( "contract.sla": null})") == gold);
  // A bad value names the field by its path, as in the object.
  CHECK_THROWS_WITH_AS(
      read_fresh(R"({"id": "T-8", "created": "2026-03-04T08:00:00Z", "ticket.score": "many"})"),
      "ticket 'T-8': ticket.score: expected a number (a number field), got \"many\"",
      slakit::InvalidArgument);
}

namespace {

// A line's reading as text, or its error ("error: ...").
std::string outcome(std::string_view line) {
  try {
    return read_fresh(line);
  } catch (const slakit::InvalidArgument& e) {
    return std::string{"error: "} + e.what();
  }
}

constexpr std::string_view kHead = R"({"id": "T-1", "created": "2026-03-02T08:00:00Z", )";

}  // namespace

// docs/cli.md, "Errors": the whole line is checked, keys the reader does not
// read included (what a parser that skips unread values, as simdjson's
// On-Demand API does, would have to keep): a line that is not JSON is never
// read as a ticket.
TEST_CASE("invalid JSON in a key the reader ignores is still invalid JSON") {
  for (const std::string_view bad :
       {R"("x": tru})", R"("x": [1,,2]})", R"("x": 1.2.3})", R"("x": "\q"})", R"("x": {"a" 1}})",
        R"("x": [1}})", R"("x": 01})", R"("x": -})", R"("x": 1e400})", R"("x": nul})",
        R"("x": [1] "y": 2})", R"("ticket": {"undeclared": [tru]}})",
        R"("events": [{"at": "2026-03-02T09:00:00Z", "kind": "solved", "note": {"a": fals}}]})",
        R"("order.nothing": [1 2]})", R"("x": 1}})", R"("x": 1} {"y": 2})", R"("\q": 1})"}) {
    CAPTURE(bad);
    CHECK(outcome(std::string{kHead} + std::string{bad}).starts_with("error: invalid JSON: "));
  }
  CHECK(outcome(std::string{kHead} + R"("x": [1, tru]})") ==
        "error: invalid JSON: Problem while parsing an atom starting with the letter 't'");
  CHECK(outcome(std::string{kHead} + R"("x": {"a": [1}]})") ==
        "error: invalid JSON: The JSON document has an improper structure: missing or "
        "superfluous commas, braces, missing keys, etc.");
}

// docs/cli.md, "Errors": a key given twice in one object reads as the last
// one, and a null erases nothing; an escaped key is the key it spells.
TEST_CASE("a key given twice reads as the last, and null erases nothing") {
  CHECK(read_fresh(std::string{kHead} + R"("id": "T-2", "ticket": {"priority": "low"},)"
                                        R"( "ticket": {"status": "open", "priority": "high"}})") ==
        read_fresh(R"({"id": "T-2", "created": "2026-03-02T08:00:00Z",)"
                   R"( "ticket": {"status": "open", "priority": "high"}})"));
  // An object given twice: one object with the members of both.
  CHECK(read_fresh(std::string{kHead} + R"("ticket": {"category": "x", "priority": "low"},)"
                                        R"( "ticket": {"priority": "high"}})") ==
        read_fresh(std::string{kHead} + R"("ticket": {"category": "x", "priority": "high"}})"));
  CHECK(read_fresh(std::string{kHead} + R"("ticket": {"priority": "low", "priority": null}})") ==
        read_fresh(std::string{kHead} + R"("ticket": {"priority": "low"}})"));
  CHECK(read_fresh(std::string{kHead} + R"("created": null})") ==
        read_fresh(std::string{kHead.substr(0, kHead.size() - 2)} + "}"));
  CHECK(read_fresh(R"({"\u0069d": "T-1", "created": "2026-03-02T08:00:00Z"})") ==
        read_fresh(std::string{kHead.substr(0, kHead.size() - 2)} + "}"));
}

// docs/cli.md, "Errors": the same in an event ("a key given twice in one
// object reads as the last one, and `null` the second time erases
// nothing"), and `events` given twice is the last array (review 15, F3).
TEST_CASE("in an event too, a key given twice reads as the last and null erases nothing") {
  const auto with_events = [](const std::string& events) {
    return read_fresh(std::string{kHead} + R"("events": [)" + events + "]}");
  };
  const std::string assigned = R"({"at": "2026-03-02T09:00:00Z", "kind": "assigned", )";
  CHECK(with_events(assigned + R"("team": "l2", "team": null, "agent": "ana", "agent": null})") ==
        with_events(assigned + R"("team": "l2", "agent": "ana"})"));
  const std::string changed = R"({"at": "2026-03-02T09:00:00Z", "kind": "field_changed", )";
  CHECK(with_events(changed + R"("field": "ticket.score", "value": 3, "value": null})") ==
        with_events(changed + R"("field": "ticket.score", "value": 3})"));
  CHECK(with_events(changed + R"("field": "ticket.score", "field": null, "value": 3})") ==
        with_events(changed + R"("field": "ticket.score", "value": 3})"));
  CHECK(with_events(R"({"at": "2026-03-02T09:00:00Z", "kind": "solved", "kind": null,)"
                    R"( "id": "e1", "id": null, "public": false, "public": null})") ==
        with_events(R"({"at": "2026-03-02T09:00:00Z", "kind": "solved", "id": "e1",)"
                    R"( "public": false})"));
  CHECK(with_events(R"({"at": "2026-03-02T09:00:00Z", "kind": "status_changed", "to": "open",)"
                    R"( "to": null})") ==
        with_events(R"({"at": "2026-03-02T09:00:00Z", "kind": "status_changed", "to": "open"})"));
  // null alone is the key left out.
  CHECK_THROWS_WITH(with_events(R"({"at": "2026-03-02T09:00:00Z", "kind": null})"),
                    "ticket 'T-1': events[0]: missing \"kind\"");
  // The last array is the history, its errors counted from its own start.
  const std::string solved = R"({"at": "2026-03-02T10:00:00Z", "kind": "solved"})";
  CHECK(read_fresh(std::string{kHead} + R"("events": [)" + assigned + R"("team": "l2"}],)" +
                   R"( "events": [)" + solved + "]}") == with_events(solved));
  CHECK_THROWS_WITH(read_fresh(std::string{kHead} + R"("events": [)" + solved +
                               R"(], "events": [)" + solved + R"(, {"kind": "solved"}]})"),
                    "ticket 'T-1': events[1]: missing \"at\"");
}

// docs/cli.md, "Errors": arrays and objects nest up to simdjson's 1,024
// levels, in a key the reader reads or not; deeper is invalid JSON.
TEST_CASE("deep nesting reads up to simdjson's 1,024 levels") {
  const auto nested = [](std::size_t depth) {
    return std::string{kHead} + R"("x": )" + std::string(depth, '[') + std::string(depth, ']') +
           ", \"ticket\": {\"priority\": \"high\"}}";
  };
  for (const std::size_t depth : {60, 70, 1000, 1023}) {
    CAPTURE(depth);
    CHECK(read_history(nested(depth)).ticket.priority == "high");
  }
  CHECK(outcome(nested(1100)) ==
        "error: invalid JSON: The JSON document was too deep (too many nested objects and arrays)");
}

// docs/cli.md, "Errors" ("Known limit"): an integer past 64 bits, or a
// number past a double's range, makes the line unreadable; within them,
// an integer is an id as its decimal text and a number as a double (-0 an
// integer: 0).
TEST_CASE("numbers at and past the ends of their range") {
  for (const std::string_view member :
       {R"("customer": {"id": 18446744073709551616}})",
        R"("customer": {"id": -9223372036854775809}})",
        R"("customer": {"id": 123456789012345678901234567890}})", R"("ticket": {"score": 1e400}})",
        R"("ticket": {"score": 123456789012345678901234567890}})",
        R"("x": 123456789012345678901234567890})"}) {
    CAPTURE(member);
    CHECK(outcome(std::string{kHead} + std::string{member}) ==
          "error: invalid JSON: Problem while parsing a number");
  }
  const auto id = [](std::string_view number) {
    return read_history(std::string{kHead} + R"("customer": {"id": )" + std::string{number} + "}}")
        .ticket.customer.id;
  };
  CHECK(id("-0") == "0");
  CHECK(id("9223372036854775807") == "9223372036854775807");
  CHECK(id("-9223372036854775808") == "-9223372036854775808");
  CHECK(id("18446744073709551615") == "18446744073709551615");
  const auto value = [](std::string_view number) {
    return read_history(std::string{kHead} + R"("order": {"value": )" + std::string{number} + "}}")
        .ticket.order.value.value();
  };
  CHECK(value("1234567890123456789") == 1234567890123456789.0);
  CHECK(value("-0") == 0.0);
  CHECK_FALSE(std::signbit(value("-0")));
  CHECK(std::signbit(value("-0.0")));
  CHECK(value("1e-400") == 0.0);
}

// An event's keys are told apart by their length and then their bytes:
// a key of the same length as one the reader takes, or one byte off it, is
// an unknown key and ignored (docs/cli.md); an escaped name is the name.
TEST_CASE("an event's keys near the names it reads are ignored") {
  const std::string head = R"({"id": "T-1", "created": "2026-03-02T08:00:00Z", "events": [)";
  const std::string plain =
      head + R"({"at": "2026-03-02T09:00:00Z", "kind": "assigned", "team": "t1", "agent": "a1"},)"
             R"( {"at": "2026-03-02T10:00:00Z", "kind": "status_changed", "to": "open"}]})";
  CHECK(read_fresh(head +
                   R"({"at": "2026-03-02T09:00:00Z", "At": "x", "ta": 1, "it": 2, "ot": 3,)"
                   R"( "kind": "assigned", "kine": "x", "team": "t1", "tean": "x", "teams": 4,)"
                   R"( "agent": "a1", "agenT": "x", "agen": "x", "publik": true, "pub": 5,)"
                   R"( "fielt": "x", "valuf": 6, "x": 7, "longer-than-any-key": 8},)"
                   R"( {"\u0061t": "2026-03-02T10:00:00Z", "kind": "status_changed",)"
                   R"( "t\u006f": "open", "tO": "closed"}]})") == read_fresh(plain));
  CHECK_THROWS_WITH_AS(read_fresh(head + R"({"At": "2026-03-02T09:00:00Z", "kind": "solved"}]})"),
                       "ticket 'T-1': events[0]: missing \"at\"", slakit::InvalidArgument);
  CHECK_THROWS_WITH_AS(read_fresh(head + R"({"at": "2026-03-02T09:00:00Z", "kinD": "solved"}]})"),
                       "ticket 'T-1': events[0]: missing \"kind\"", slakit::InvalidArgument);
}

// docs/cli.md, "Input": "A value of the wrong JSON type is an error that
// says what was expected and what it got, as JSON writes it: ... a text
// past 40 characters is cut with `...`" (review 22 F8: `"priority": 3`
// said only "expected a string").
TEST_CASE("a value of the wrong type is named in its error, short") {
  const auto error_of = [](std::string_view record) {
    try {
      read_history(record);
    } catch (const slakit::InvalidArgument& e) {
      return std::string{e.what()};
    }
    return std::string{"(read)"};
  };
  const std::string head = R"({"id": "BAD-type", "created": "2026-03-02T08:00:00Z", )";
  const std::string bad = "ticket 'BAD-type': ";
  CHECK(error_of(head + R"("ticket": {"priority": 3}})") ==
        bad + "ticket.priority: expected a string, got 3");
  CHECK(error_of(head + R"("ticket": {"priority": 2.5}})") ==
        bad + "ticket.priority: expected a string, got 2.5");
  CHECK(error_of(head + R"("ticket": {"priority": true}})") ==
        bad + "ticket.priority: expected a string, got true");
  CHECK(error_of(head + R"("ticket": {"priority": {"p": 1}}})") ==
        bad + "ticket.priority: expected a string, got an object");
  CHECK(error_of(head + R"("ticket.priority": [1]})") ==
        bad + "ticket.priority: expected a string, got an array");
  CHECK(error_of(head + R"("ticket": {"reopened": "yes"}})") ==
        bad + "ticket.reopened: expected true or false, got \"yes\"");
  CHECK(error_of(head + R"("customer": {"id": 1.5}})") ==
        bad + "customer.id: expected a string or an integer, got 1.5");
  CHECK(error_of(head + R"("customer": "acme"})") ==
        bad + "customer: expected an object, got \"acme\"");
  CHECK(error_of(head + R"("events": {"at": 1}})") ==
        bad + "events: expected an array, got an object");
  CHECK(error_of(head + R"("events": [7]})") == bad + "events[0]: expected an object, got 7");
  CHECK(error_of(head + R"("events": [{"at": 7, "kind": "solved"}]})") ==
        bad + "events[0].at: expected a string, got 7");
  CHECK(error_of(head + R"("events": [{"at": "2026-03-02T09:00:00Z", "kind": "agent_replied",)"
                        R"( "public": 0}]})") ==
        bad + "events[0].public: expected true or false, got 0");
  // A declared field: its type named too, the value as before.
  CHECK(error_of(head + R"("ticket": {"score": [1, 2]}})") ==
        bad + "ticket.score: expected a string, number, bool or null, got an array");
  CHECK(error_of(head + R"("ticket": {"score": "high"}})") ==
        bad + "ticket.score: expected a number (a number field), got \"high\"");
  // A long text is cut after 40 characters (whole UTF-8 ones), never
  // shown whole.
  const std::string long_text = std::string(38, 'x') + "\xC3\xA9\xC3\xA9" + std::string(1000, 'y');
  CHECK(error_of(head + R"("ticket": {"reopened": ")" + long_text + R"("}})") ==
        bad + "ticket.reopened: expected true or false, got \"" + std::string(38, 'x') +
            "\xC3\xA9\xC3\xA9...\"");
  CHECK(error_of(head + R"("ticket": {"score": ")" + long_text + R"("}})") ==
        bad + "ticket.score: expected a number (a number field), got \"" + std::string(38, 'x') +
            "\xC3\xA9\xC3\xA9...\"");
  // Exactly 40 characters: whole.
  CHECK(error_of(head + R"("ticket": {"reopened": ")" + std::string(40, 'z') + R"("}})") ==
        bad + "ticket.reopened: expected true or false, got \"" + std::string(40, 'z') + "\"");
  // A text as JSON writes it: a quote or a line break inside escaped, so
  // that the message stays one unambiguous line (review 24 F5).
  CHECK(error_of(head + R"("ticket": {"score": "x\ny\"q"}})") ==
        bad + R"(ticket.score: expected a number (a number field), got "x\ny\"q")");
}
