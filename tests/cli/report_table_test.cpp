// ReportTable (src/cli/report_table.hpp): the rows of `slakit report`, by
// the rules of docs/report.md, "Groups".
#include "cli/report_table.hpp"

#include <slakit/slakit.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "cli/report_fields.hpp"
#include "cli/report_output.hpp"

using namespace std::chrono_literals;
using slakit::cli::ReportTable;

namespace {

const slakit::RuleSet& rules() {
  static const auto r = slakit::compile_or_throw({{"report.sla", R"(
calendar always {
  zone "UTC"
  mon..sun 00:00-24:00
}
field customer.segment : one of enterprise, smb
sla gold for ticket.priority == high {
  calendar always
  first_response 1h
  resolution 8h
}
sla silver {
  calendar always
  first_response 4h
}
)"}});
  return r;
}

struct Judged {
  slakit::Ticket ticket;
  slakit::Routing routing;
  slakit::Evaluation evaluation;
};

// A ticket answered after `reply` and solved after `solve`, at a fixed now.
Judged judged(std::string id, std::string priority, std::chrono::seconds reply,
              std::chrono::seconds solve) {
  Judged j;
  j.ticket.id = std::move(id);
  j.ticket.priority = std::move(priority);
  j.ticket.created = slakit::Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2}};
  const std::vector<slakit::TicketEvent> events{
      {.at = j.ticket.created + reply, .kind = slakit::EventKind::agent_replied},
      {.at = j.ticket.created + solve, .kind = slakit::EventKind::solved},
  };
  j.evaluation = slakit::evaluate(rules(), j.ticket, events, j.ticket.created + 48h);
  return j;
}

std::vector<std::string> keys(const ReportTable& t) {
  std::vector<std::string> out;
  for (const auto* r : t.sorted_rows()) out.push_back(r->key);
  return out;
}

}  // namespace

// docs/report.md: "Each target cycle ... gets a key from the --by values
// ... A ticket belongs to every row one of its cycles falls in, once each";
// "The total row counts every cycle once and every ticket once".
TEST_CASE("Every cycle counts in the row of its key and the ticket once in each of its rows") {
  const auto fields =
      slakit::cli::group_fields(rules(), {"policy", "target"}, slakit::TimeZone::locate("UTC"));
  ReportTable table{fields};
  const auto gold = judged("a", "high", 30min, 10h);  // first response met, resolution breached
  const auto silver = judged("b", "low", 5h, 6h);     // first response breached
  for (const auto* j : {&gold, &silver, &gold}) table.add(j->ticket, j->routing, j->evaluation);
  const auto rows = table.sorted_rows();
  REQUIRE(keys(table) == std::vector<std::string>{"gold\x1f"
                                                  "first_response",
                                                  "gold\x1f"
                                                  "resolution",
                                                  "silver\x1f"
                                                  "first_response"});
  CHECK(rows[0]->row.met == 2);
  CHECK(rows[0]->row.tickets == 2);
  CHECK(rows[1]->row.breached == 2);
  CHECK(rows[2]->row.breached == 1);
  CHECK(rows[2]->row.tickets == 1);
  CHECK(table.total.tickets == 3);
  CHECK(table.total.met + table.total.breached == 5);
  CHECK(*rows[0]->row.first_response.business.percentile(50) == 1800);
  CHECK(*table.total.resolution.calendar.percentile(100) == 36000);
}

// docs/report.md: "In every format the rows come sorted by key, part by
// part: two numbers by value, anything else by its text (9 before 100; -0
// and 0 are one group)."
TEST_CASE("Rows sort numbers by value and text by text, part by part") {
  const auto fields = slakit::cli::group_fields(rules(), {"order.value", "policy"},
                                                slakit::TimeZone::locate("UTC"));
  ReportTable table{fields};
  int n = 0;
  for (const double value : {100.0, -5.0, 9.0, 1e-7, -0.0, 0.0}) {
    auto j = judged(std::to_string(n++), "low", 30min, 10h);
    j.ticket.order.value = value;
    table.add(j.ticket, j.routing, j.evaluation);
  }
  auto none = judged("none", "low", 30min, 10h);  // no value: the empty text, first
  table.add(none.ticket, none.routing, none.evaluation);
  const auto rows = table.sorted_rows();
  CHECK(keys(table) == std::vector<std::string>{"\x1fsilver", "-5\x1fsilver", "0\x1fsilver",
                                                "1e-07\x1fsilver", "9\x1fsilver", "100\x1fsilver"});
  REQUIRE(rows.size() == 6);
  CHECK(rows[2]->row.tickets == 2);  // -0 and 0
}

// docs/report.md: "past 100,000 groups the cycles and tickets of any
// further group count in one more row whose every key part is (other) (a
// ticket once, however many of its cycles land there) ... the total is
// exact either way".
TEST_CASE("Past 100000 groups the tickets of the others count in one (other) row") {
  const auto fields =
      slakit::cli::group_fields(rules(), {"ticket.id", "target"}, slakit::TimeZone::locate("UTC"));
  ReportTable table{fields};
  auto j = judged("", "high", 30min, 10h);  // two cycles: two groups a ticket
  const std::size_t tickets = slakit::cli::kMaxReportRows / 2 + 7;
  for (std::size_t i = 0; i < tickets; ++i) {
    j.ticket.id = "T-" + std::to_string(i);
    table.add(j.ticket, j.routing, j.evaluation);
  }
  CHECK(table.overflowed);
  const auto rows = table.sorted_rows();
  REQUIRE(rows.size() == slakit::cli::kMaxReportRows + 1);
  const auto other = std::find_if(rows.begin(), rows.end(),
                                  [](const auto* r) { return r->key == "(other)\x1f(other)"; });
  REQUIRE(other != rows.end());
  CHECK((*other)->row.tickets == 7);  // once each, with both cycles there
  CHECK((*other)->row.met + (*other)->row.breached == 14);
  CHECK(table.total.tickets == tickets);

  // Merged into a table that has rows of its own, the other table's
  // (other) row joins this one's, taking no place among the 100,000 named
  // groups, and its rows past the limit go there too (2 of the 100,000 are
  // this table's own); every cycle still counts in the total.
  ReportTable merged{fields};
  j.ticket.id = "first";
  merged.add(j.ticket, j.routing, j.evaluation);
  merged.merge(table);
  const auto merged_rows = merged.sorted_rows();
  REQUIRE(merged_rows.size() == slakit::cli::kMaxReportRows + 1);
  CHECK(merged_rows.front()->key == "(other)\x1f(other)");
  CHECK(merged_rows.front()->row.met + merged_rows.front()->row.breached == 14 + 2);
  CHECK(merged.total.tickets == tickets + 1);
}

// docs/report.md, "At most 100,000 rows": the (other) row "is no group: a
// group whose values are the text `(other)` is a row of its own, apart from
// it"; "Output": "No group reads as the total or the `(other)` row ... a
// group's value that is `(total)` or `(other)` after any backslashes gets
// one more backslash in front ... JSON needs no escape: the total is
// `total` and the `(other)` row `other`" (review 22 F7).
TEST_CASE("A group whose value reads (other) or (total) is told apart from those rows") {
  const auto fields =
      slakit::cli::group_fields(rules(), {"ticket.id"}, slakit::TimeZone::locate("UTC"));
  ReportTable table{fields};
  auto j = judged("", "low", 30min, 10h);  // one cycle
  for (const char* id : {"(other)", "(total)", "\\(other)"}) {
    j.ticket.id = id;
    table.add(j.ticket, j.routing, j.evaluation);
  }
  for (std::size_t i = 0; i < slakit::cli::kMaxReportRows + 5; ++i) {
    j.ticket.id = "T-" + std::to_string(i);
    table.add(j.ticket, j.routing, j.evaluation);
  }
  // Merged into an empty table, as the threads' tables are.
  ReportTable merged{fields};
  merged.merge(table);
  for (const auto* t : {&table, &merged}) {
    const auto rows = t->sorted_rows();
    REQUIRE(rows.size() == slakit::cli::kMaxReportRows + 1);
    REQUIRE(rows.front()->key == "(other)");
    CHECK(!rows[0]->other);
    CHECK(rows[0]->row.tickets == 1);
    REQUIRE(rows[1]->key == "(other)");
    CHECK(rows[1]->other);
    CHECK(rows[1]->row.tickets == 8);  // the three named first take three places
  }
  const auto text = slakit::cli::report_text(table, {"ticket.id"});
  CHECK(text.find("\n\\(other)  ") != std::string::npos);
  CHECK(text.find("\n(other)  ") != std::string::npos);
  CHECK(text.find("\n\\(total)  ") != std::string::npos);
  CHECK(text.find("\n\\\\(other)  ") != std::string::npos);
  CHECK(text.find("\n(total)  ") == text.rfind('\n', text.size() - 2));  // the last line alone
  const auto csv = slakit::cli::report_csv(table, {"ticket.id"});
  CHECK(csv.find("\n\\(other),1,") != std::string::npos);
  CHECK(csv.find("\n(other),8,") != std::string::npos);
  CHECK(csv.find("\n\\(total),1,") != std::string::npos);
  CHECK(csv.find("\n\\\\(other),1,") != std::string::npos);
  CHECK(csv.find("\n(total),") == csv.rfind('\n', csv.size() - 2));
  const auto json = slakit::cli::report_json(table, fields, "2026-03-04T00:00:00Z");
  CHECK(json.find(R"x({"group": {"ticket.id": "(other)"}, "tickets": 1,)x") != std::string::npos);
  CHECK(json.find(R"x({"group": {"ticket.id": "(total)"}, "tickets": 1,)x") != std::string::npos);
  CHECK(json.find(R"x({"group": {"ticket.id": "\\(other)"}, "tickets": 1,)x") != std::string::npos);
  CHECK(json.find(R"x(}], "other": {"tickets": 8, )x") != std::string::npos);
  CHECK(json.find(R"x("group": {"ticket.id": "(other)"}, "tickets": 8)x") == std::string::npos);
}

TEST_CASE("Merged tables count as one table of all the tickets") {
  const auto fields = slakit::cli::group_fields(rules(), {"customer.segment", "policy"},
                                                slakit::TimeZone::locate("UTC"));
  ReportTable one{fields}, a{fields}, b{fields};
  for (int i = 0; i < 40; ++i) {
    auto j = judged(std::to_string(i), i % 3 == 0 ? "high" : "low", std::chrono::minutes{7 * i},
                    std::chrono::minutes{50 * i + 60});
    j.ticket.customer.fields["segment"] = std::string{i % 4 == 0 ? "smb" : "enterprise"};
    one.add(j.ticket, j.routing, j.evaluation);
    (i % 2 == 0 ? a : b).add(j.ticket, j.routing, j.evaluation);
  }
  a.merge(b);
  REQUIRE(keys(a) == keys(one));
  const auto x = a.sorted_rows(), y = one.sorted_rows();
  for (std::size_t r = 0; r < x.size(); ++r) {
    CHECK(x[r]->row.tickets == y[r]->row.tickets);
    CHECK(x[r]->row.met == y[r]->row.met);
    CHECK(x[r]->row.breached == y[r]->row.breached);
    CHECK(x[r]->row.resolution.business.percentile(90) ==
          y[r]->row.resolution.business.percentile(90));
  }
  CHECK(a.total.tickets == 40);
}
