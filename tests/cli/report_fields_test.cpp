// `slakit report --by FIELD` groups by the field's value at `now` (docs/cli.md,
// "slakit report"): checked against the routing engine, which reads the same
// fields at `now` through its own timeline, on random histories.
#include "cli/report_fields.hpp"

#include <slakit/routing/route.hpp>
#include <slakit/slakit.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using slakit::EventKind;
using slakit::Instant;
using slakit::TicketEvent;

namespace {

const std::vector<std::string> kStatuses{"new", "open", "pending_customer", "solved", "closed"};
const std::vector<std::string> kPriorities{"low", "normal", "high", "urgent"};
const std::vector<std::string> kTeams{"l1", "l2"};
const std::vector<std::string> kAgents{"ana", "bo"};

// One queue per value of each field: the queue a `collect` group routes to
// names the field's value at `now` as the engine sees it.
std::string after_dot(const std::string& path) {
  return path.substr(path.find('.') + 1);
}

std::string routes() {
  std::string out = "field ticket.segment : text\nroutes by_value collect {\n";
  auto each = [&](const std::string& field, const std::vector<std::string>& values) {
    for (const auto& v : values) {
      const auto name = after_dot(field) + "_" + v;
      out += "  route " + name + " when " + field + " == " + v + " -> tags [" + name + "]\n";
    }
  };
  each("ticket.status", kStatuses);
  each("ticket.priority", kPriorities);
  each("ticket.team", kTeams);
  each("ticket.assignee", kAgents);
  each("ticket.reopened", {"true", "false"});
  each("order.value", {"50", "100"});
  out += "  route segment_smb when ticket.segment == \"smb\" -> tags [segment_smb]\n";
  out += "  route segment_ent when ticket.segment == \"enterprise\" -> tags [segment_enterprise]\n";
  return out + "}\n";
}

std::string tag_for(const slakit::Routing& r, const std::string& prefix) {
  for (const auto& t : r.tags) {
    if (t.starts_with(prefix + "_")) return t.substr(prefix.size() + 1);
  }
  return "";
}

}  // namespace

// docs/cli.md: "A field is grouped by its value at `now`: the record's,
// then the events at or before `now` as the engines apply them".
TEST_CASE("report --by FIELD: the value at now agrees with the routing engine's") {
  const auto rules = slakit::compile_or_throw({{"by.sla", routes()}});
  const std::vector<std::string> paths{"ticket.status",   "ticket.priority", "ticket.team",
                                       "ticket.assignee", "ticket.reopened", "ticket.segment",
                                       "order.value"};
  const auto fields = slakit::cli::group_fields(rules, paths, slakit::TimeZone::locate("UTC"));
  std::mt19937 rng{20261130};
  auto pick = [&](const std::vector<std::string>& v) {
    return v[std::uniform_int_distribution<std::size_t>{0, v.size() - 1}(rng)];
  };
  auto chance = [&](int percent) { return std::uniform_int_distribution{0, 99}(rng) < percent; };
  const Instant created{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2}};
  int changed = 0;
  for (int n = 0; n < 3000; ++n) {
    slakit::Ticket t;
    t.id = "T-" + std::to_string(n);
    t.created = created;
    t.status = chance(80) ? pick(kStatuses) : "";
    t.priority = chance(80) ? pick(kPriorities) : "";
    if (chance(50)) t.team = pick(kTeams);
    t.reopened = chance(10);
    if (chance(50)) t.fields["segment"] = std::string{chance(50) ? "smb" : "enterprise"};
    if (chance(50)) t.order.value = chance(50) ? 50.0 : 100.0;
    std::vector<TicketEvent> events;
    const int count = std::uniform_int_distribution{0, 8}(rng);
    for (int i = 0; i < count; ++i) {
      TicketEvent e;
      // Few distinct instants: ties, and events after now (10h).
      e.at = created + std::uniform_int_distribution{0, 12}(rng)*1h;
      if (chance(15)) e.id = pick({"e0", "e1", "e2", "e3"});
      switch (std::uniform_int_distribution{0, 6}(rng)) {
        case 0:
          e.kind = EventKind::status_changed, e.to = pick(kStatuses);
          break;
        case 1:
          e.kind = EventKind::solved;
          break;
        case 2:
          e.kind = EventKind::closed;
          break;
        case 3:
          e.kind = EventKind::reopened;
          break;
        case 4:
          e.kind = EventKind::assigned;
          if (chance(70)) e.team = pick(kTeams);
          if (chance(70)) e.agent = pick(kAgents);
          break;
        default: {
          e.kind = EventKind::field_changed;
          const auto which = std::uniform_int_distribution{0, 6}(rng);
          e.field = std::vector<std::string>{"ticket.priority", "ticket.status",  "ticket.team",
                                             "ticket.assignee", "ticket.segment", "ticket.reopened",
                                             "order.value"}[which];
          if (which == 0) e.value = pick(kPriorities);
          if (which == 1) e.value = pick(kStatuses);
          if (which == 2)
            e.value = chance(80) ? slakit::FieldValue{pick(kTeams)} : slakit::FieldValue{};
          if (which == 3) e.value = pick(kAgents);
          if (which == 4) e.value = std::string{chance(50) ? "smb" : "enterprise"};
          if (which == 5)
            e.value = chance(80) ? slakit::FieldValue{chance(50)} : slakit::FieldValue{};
          if (which == 6)
            e.value =
                chance(80) ? slakit::FieldValue{chance(50) ? 50.0 : 100.0} : slakit::FieldValue{};
          break;
        }
      }
      events.push_back(e);
    }
    const auto now = created + 10h;
    const auto routing = slakit::route(rules, t, events, now);
    slakit::Evaluation evaluation;
    evaluation.now = now;
    const slakit::Routing no_routing;
    std::string scratch;
    for (std::size_t f = 0; f < paths.size(); ++f) {
      const std::string got{fields[f].value(t, events, no_routing, evaluation, nullptr, scratch)};
      const auto expected = tag_for(routing, after_dot(paths[f]));
      CAPTURE(t.id);
      CAPTURE(paths[f]);
      CHECK(got == expected);
    }
    // Without events, the record's value.
    CHECK(std::string{fields[1].value(t, {}, no_routing, evaluation, nullptr, scratch)} ==
          t.priority);
    changed += tag_for(routing, "priority") != t.priority ? 1 : 0;
  }
  // Events changed the priority often enough for the check to mean something.
  CHECK(changed > 200);
}
