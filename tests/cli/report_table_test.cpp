// ReportTable (src/cli/report_table.hpp): the rows of `slakit report`, by
// the rules of docs/report.md, "Groups".
#include "cli/report_table.hpp"

#include <slakit/slakit.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "cli/report_fields.hpp"

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
