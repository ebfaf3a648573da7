#include "sla_workload.hpp"

#include <fmt/format.h>

#include <random>

namespace slakit::bench {

using namespace std::chrono;

namespace {

constexpr const char* kRegions[] = {"emea", "amer", "apac", "anz"};
constexpr const char* kPriorities[] = {"low", "normal", "high", "urgent"};
constexpr int kTiers = 10, kTeams = 10;

}  // namespace

std::string sla_rules() {
  std::string out = R"(
calendar cal_emea {
  zone "Europe/Berlin"
  mon..fri 08:00-12:00, 12:30-17:30
  holiday "New Year" jan 1
  holiday "Good Friday" easter - 2
  holiday "Easter Monday" easter + 1
  holiday "Christmas" dec 24 .. dec 26
}
calendar cal_amer {
  zone "America/New_York"
  mon..fri 08:00-18:00
  holiday "Thanksgiving" 4th thu of nov
  holiday "Christmas Day" dec 25 observed
}
calendar cal_apac {
  zone "Asia/Tokyo"
  mon..fri 09:00-18:00
  holiday "New Year" jan 1 .. jan 3
}
calendar cal_anz {
  zone "Australia/Sydney"
  mon..fri 08:30-17:00
  holiday "Australia Day" jan 26 observed
}
field customer.region : one of emea, amer, apac, anz
)";
  for (int t = 0; t < kTiers; ++t) {
    for (const char* region : kRegions) {
      out += fmt::format(
          "sla tier{0}_{1} for contract.sla == \"tier{0}\" and customer.region == {1} {{\n"
          "  calendar cal_{1}\n"
          "  first_response {2}m when ticket.priority == urgent, {3}m when ticket.priority == "
          "high, otherwise {4}h\n"
          "  next_response {5}h\n"
          "  resolution {6} business days\n"
          "  pause while ticket.status in [pending_customer, on_hold]\n"
          "  warn at 75%\n"
          "  escalate at 100% to team leads_{1}\n"
          "}}\n",
          t, region, 15 * (t + 1), 30 * (t + 1), t + 2, t + 4, t % 5 + 1);
    }
  }
  for (int k = 0; k < kTeams; ++k) {
    out += fmt::format(
        "ola team{0} for ticket.team == \"team{0}\" {{\n  calendar cal_emea\n"
        "  start on assigned to team team{0}\n  stop on handed_back, solved\n  target {1}h\n"
        "  warn at 50%\n}}\n",
        k, k + 1);
  }
  return out;
}

std::string peer_sla_rules() {
  return R"(
calendar office {
  zone "UTC"
  mon..fri 09:00-17:00
  holiday "New Year" 2026-01-01
  holiday "Good Friday" 2026-04-03
  holiday "Easter Monday" 2026-04-06
  holiday "Christmas" 2026-12-25
  holiday "New Year" 2027-01-01
}
sla standard {
  calendar office
  first_response 4h
  resolution 16h
  pause while ticket.status == pending_customer
}
)";
}

std::string peer_holidays() {
  return "2026-01-01\n2026-04-03\n2026-04-06\n2026-12-25\n2027-01-01\n";
}

Instant workload_now() {
  return sys_days{year{2027} / January / 15};
}

std::vector<TicketHistory> make_tickets(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 rng{seed};
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  auto minutes = [&](int lo, int hi) { return Seconds{60 * (lo + pick(hi - lo + 1))}; };
  const auto year_start = sys_seconds{sys_days{year{2026} / January / 1}};
  std::vector<TicketHistory> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto& h = out[i];
    auto& t = h.ticket;
    t.id = fmt::format("T-{}", i);
    t.created = year_start + Seconds{static_cast<long long>(rng() % (348ull * 86400))};
    t.priority = kPriorities[pick(4)];
    t.status = "new";
    t.category = pick(2) == 0 ? "billing" : "technical";
    t.customer.region = kRegions[pick(4)];
    t.contract.sla = fmt::format("tier{}", pick(kTiers));
    const std::string team = fmt::format("team{}", pick(kTeams));
    auto at = t.created;
    auto add = [&](TicketEvent e, Seconds after) {
      at += after;
      e.at = at;
      h.events.push_back(std::move(e));
    };
    add({.kind = EventKind::assigned, .team = team, .agent = fmt::format("agent{}", pick(50))},
        minutes(1, 30));
    add({.kind = EventKind::agent_replied, .is_public = pick(10) < 8}, minutes(5, 600));
    add({.kind = EventKind::status_changed, .to = "pending_customer"}, minutes(1, 60));
    add({.kind = EventKind::customer_replied}, minutes(30, 3000));
    add({.kind = EventKind::status_changed, .to = "open"}, Seconds{0});
    if (pick(10) == 0) {
      add({.kind = EventKind::field_changed,
           .field = "ticket.priority",
           .value = std::string{kPriorities[pick(4)]}},
          minutes(1, 120));
    }
    add({.kind = EventKind::handed_back}, minutes(10, 900));
    add({.kind = EventKind::agent_replied}, minutes(5, 600));
    if (pick(10) < 8) add({.kind = EventKind::solved}, minutes(10, 2000));
    if (pick(10) == 0) {
      add({.kind = EventKind::reopened}, minutes(60, 5000));
      add({.kind = EventKind::solved}, minutes(30, 3000));
    }
  }
  return out;
}

std::string ticket_json(const TicketHistory& h) {
  const auto& t = h.ticket;
  std::string out = fmt::format(
      R"({{"id": "{}", "created": "{}", "ticket": {{"priority": "{}", "status": "{}", )"
      R"("category": "{}"}}, "customer": {{"region": "{}"}}, "contract": {{"sla": "{}"}}, )"
      R"("events": [)",
      t.id, format_utc(t.created), t.priority, t.status, t.category, t.customer.region,
      t.contract.sla);
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const auto& e = h.events[i];
    out += fmt::format(R"({}{{"at": "{}", "kind": "{}")", i == 0 ? "" : ", ", format_utc(e.at),
                       event_kind_name(e.kind));
    switch (e.kind) {
      case EventKind::agent_replied:
        if (!e.is_public) out += R"(, "public": false)";
        break;
      case EventKind::status_changed:
        out += fmt::format(R"(, "to": "{}")", e.to);
        break;
      case EventKind::assigned:
        out += fmt::format(R"(, "team": "{}", "agent": "{}")", e.team, e.agent);
        break;
      case EventKind::field_changed:
        out += fmt::format(R"(, "field": "{}", "value": "{}")", e.field,
                           std::get<std::string>(e.value));
        break;
      default:
        break;
    }
    out += '}';
  }
  return out + "]}";
}

}  // namespace slakit::bench
