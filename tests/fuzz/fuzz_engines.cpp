// Fuzz target for the SLA engine and routing: one fixed rule set (SLAs and
// OLAs with pauses, warnings, escalations, business days, a `before`
// target, policy changes through field changes; route groups of every hit
// policy) and, decoded from the bytes, a ticket, its history (any kinds,
// instants out of order, duplicate ids, events before the creation, fields
// of the wrong type) and `now`; then evaluate, explain (text and JSON),
// route, explain_route, route_columns and choose_agent. Only TicketError (an
// InvalidArgument) and RangeError may escape; anything else is a crash.
// The properties, from docs/sla.md ("States at now", "Due and breach",
// "Warnings and escalations") and docs/routing.md, for every cycle:
// - met: stopped, and at or before its due when it has one;
// - breached: breached_at is the due, and the stop (or else `now`) lies
//   after it; overdue_calendar is the wall-clock time from it to the stop
//   or `now`;
// - running or paused: not stopped; running: no pause still open; paused:
//   the last pause still open;
// - start <= stop <= now; calendar_elapsed is the wall-clock time from the
//   start to the stop or `now`; remaining, overdue and the elapsed times
//   are never negative; pauses are ordered, disjoint and inside the cycle;
// - dues and threshold instants lie in the supported range; a threshold
//   that fired has its instant, at or before `now`;
// - remaining is 0 unless running or paused; breached_at and overdue only
//   when breached, cancelled_at exactly when cancelled;
// - cycles are numbered upwards per policy and metric, and SLAs that
//   report the same cycle of a metric agree on its start;
// and for the whole ticket:
// - the SLA changes chain (each from the one before) in time order up to
//   the SLA in force at `now`; first-contact resolution means one public
//   reply and no reopening;
// - explain() gives the evaluation evaluate() gives (the same JSON) with
//   one explanation per cycle; its text renders and every JSON is valid;
// - evaluate and explain throw alike (so do route and explain_route);
// - routing names only queues, teams, SLAs, routes, skills and tags that
//   the rule set's routes mention; explain_route routes alike;
// - choose_agent picks exactly the agent docs/routing.md's order picks
//   (computed here the slow way), or none when no agent is eligible.
//
// cmake -DSLAKIT_BUILD_FUZZERS=ON builds slakit_fuzz_engines (libFuzzer);
// every build has slakit_fuzz_engines_replay for tests/fuzz/corpus/engines.
#include <simdjson.h>
#include <slakit/routing/agent.hpp>
#include <slakit/routing/route.hpp>
#include <slakit/routing/route_columns.hpp>
#include <slakit/sla/evaluation.hpp>
#include <slakit/sla/explain.hpp>
#include <slakit/slakit.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using namespace std::chrono;
using slakit::Instant;
using slakit::Seconds;
using slakit::fuzz::FuzzInput;
using slakit::fuzz::require;

constexpr const char* kRules = R"(
calendar office {
  zone "Europe/Berlin"
  mon..fri 08:00-12:00, 12:30-17:30
  holiday "Ostermontag" easter + 1
  holiday "Weihnachten" dec 24 .. dec 26
  closed 2026-12-31 from 12:00
  open 2026-12-27 10:00-14:00
}
calendar night {
  zone "America/New_York"
  sun..thu 22:00-06:00
  holiday "New Year's Day" jan 1 observed
}
calendar lord_howe {
  zone "Australia/Lord_Howe"
  mon..sat 01:00-03:00, 09:00-17:00
}

field ticket.order_value : number
field ticket.deadline : time
field customer.segment : one of enterprise, smb

sla platinum for contract.sla == "platinum" or ticket.order_value > 10000 {
  calendar lord_howe
  first_response 15m when ticket.priority == urgent, 1h when ticket.priority == high
  next_response 2h
  periodic_update 4h
  resolution 8h when ticket.priority in [urgent, high], otherwise 1 business day on reopen restart
  pause while ticket.status in [pending_customer, on_hold]
  warn at 50%
  warn at 75%
  escalate at 90% to team duty_managers
  escalate at 100% to queue platinum_escalations
}

sla gold for contract.sla == "gold" and customer.segment != smb {
  calendar office
  first_response 1h when ticket.priority == urgent, otherwise 4h
  next_response 8h
  resolution 3 business days
  pause while ticket.status == pending_customer
  warn at 75%
  escalate at 100% to team leads
}

sla promise for ticket.deadline != none {
  calendar office
  first_response before ticket.deadline - 2h
  resolution before order.due - 1 business day
  warn at 80%
}

sla basic {
  first_response 8h
  resolution 5 business days
  pause while ticket.status == on_hold
}

ola l2_handoff for ticket.team == "l2" {
  calendar office
  start on assigned to team l2
  stop on handed_back, solved
  target 4h
  warn at 75%
  escalate at 100% to team l2_leads
}

ola night_triage {
  calendar night
  start on created, reopened
  stop on agent_replied, assigned
  target 30m when ticket.channel == phone, otherwise 2h
  pause while ticket.status == on_hold
}

routes labels collect {
  route vip when customer.tier in [gold, platinum] -> tags [vip]
  route german when customer.region == "emea" -> skills [german] for 15m
  route money when ticket.category in [billing, refund] -> skills [billing], tags [money]
}

routes queues scored {
  route outage score 90 when ticket.category == outage -> queue incidents, priority urgent, team l2
  route big score 80 when ticket.order_value >= 10000 -> queue platinum, sla platinum
  route billing score 50 when ticket.category in [billing, refund] -> queue billing, team l1
  route triage score 0 -> queue triage
}

route night_desk when ticket.channel == phone -> queue night, team night, skills [phone]
route handover when ticket.team == "l2" -> queue l2_queue, team l2, skills [linux] for 1h
)";

const slakit::RuleSet& rules() {
  static const slakit::RuleSet compiled = [] {
    auto result = slakit::compile({{"fuzz_engines.sla", kRules}});
    if (!result.ok()) {
      for (const auto& d : result.diagnostics) {
        std::fputs(slakit::render_text(d, *result.sources).c_str(), stderr);
      }
      std::abort();
    }
    return std::move(*result.rules);
  }();
  return compiled;
}

// What the rule set's routes can put in a routing.
struct Mentioned {
  std::set<std::string> queues, teams, slas, routes, skills, tags;
};

const Mentioned& mentioned() {
  static const Mentioned names = [] {
    Mentioned m;
    for (const auto& group : rules().route_groups()) {
      for (const auto& r : group.routes) {
        m.routes.insert(r.name.text);
        if (r.queue) m.queues.insert(r.queue->text);
        if (r.team) m.teams.insert(r.team->text);
        if (r.sla) m.slas.insert(r.sla->text);
        for (const auto& s : r.skills) m.skills.insert(s.text);
        for (const auto& relaxed : r.relaxed_skills) {
          for (const auto& s : relaxed.skills) m.skills.insert(s.text);
        }
        for (const auto& t : r.tags) m.tags.insert(t.text);
      }
    }
    return m;
  }();
  return names;
}

// Values the rule set tests, a few it does not, and some that a field
// rejects (a `one of` field's unknown value), so that errors come up too.
constexpr std::array<const char*, 6> kPriorities = {"", "low", "normal", "high", "urgent", "asap"};
constexpr std::array<const char*, 8> kStatuses = {"",        "new",    "open",   "pending_customer",
                                                  "on_hold", "solved", "closed", "limbo"};
constexpr std::array<const char*, 5> kTeams = {"", "l1", "l2", "night", "nowhere"};
constexpr std::array<const char*, 4> kSlas = {"", "gold", "platinum", "bronze"};
constexpr std::array<const char*, 5> kCategories = {"", "billing", "refund", "outage", "other"};
constexpr std::array<const char*, 4> kChannels = {"", "email", "phone", "fax"};
constexpr std::array<const char*, 4> kTiers = {"", "gold", "platinum", "standard"};
constexpr std::array<const char*, 3> kSegments = {"", "enterprise", "smb"};
constexpr std::array<const char*, 10> kFieldPaths = {
    "ticket.priority",    "ticket.status",   "ticket.team",      "contract.sla", "ticket.channel",
    "ticket.order_value", "ticket.deadline", "customer.segment", "order.due",    "ticket.unknown"};
constexpr std::array<const char*, 5> kSkills = {"german", "billing", "phone", "linux", "french"};
constexpr std::array<const char*, 4> kCalendars = {"", "office", "night", "lord_howe"};

// Mostly around 2026, where the calendars' holidays and DST changes are;
// sometimes near either end of the supported range.
Instant creation(FuzzInput& in) {
  switch (in.small(0, 7)) {
    case 0:
      return slakit::kSupportedBegin + Seconds{in.in(0, 30 * 86400)};
    case 1:
      return slakit::kSupportedEnd - Seconds{in.in(1, 30 * 86400)};
    default:
      return sys_days{2026y / 1 / 1} + Seconds{in.in(0, 366 * 86400)};
  }
}

// A later instant, in whole minutes mostly; before `from` sometimes.
Instant after(FuzzInput& in, Instant from) {
  if (in.one_in(24)) return from - Seconds{in.in(1, 86400)};
  const Seconds step = in.one_in(4) ? Seconds{in.in(0, 3600)} : minutes{in.in(0, 14 * 24 * 60)};
  return from + step;
}

slakit::FieldValue value(FuzzInput& in, Instant created) {
  switch (in.small(0, 6)) {
    case 0:
      return std::monostate{};
    case 1:
      return std::string{in.pick(kPriorities)};
    case 2:
      return std::string{in.pick(kStatuses)};
    case 3:
      return static_cast<double>(in.in(0, 20000));
    case 4:
      return after(in, created);
    case 5:
      return year_month_day{floor<days>(after(in, created))};
    default:
      return std::string{in.pick(kSlas)};
  }
}

slakit::TicketHistory history(FuzzInput& in) {
  slakit::TicketHistory h;
  auto& t = h.ticket;
  t.id = "T-1";
  t.created = creation(in);
  t.priority = in.pick(kPriorities);
  t.status = in.pick(kStatuses);
  t.team = in.pick(kTeams);
  t.category = in.pick(kCategories);
  t.channel = in.pick(kChannels);
  t.contract.sla = in.pick(kSlas);
  t.customer.tier = in.pick(kTiers);
  t.customer.region = in.flag() ? "emea" : "amer";
  if (in.flag()) t.customer.fields["segment"] = std::string{in.pick(kSegments)};
  if (in.flag()) t.fields["order_value"] = static_cast<double>(in.in(0, 20000));
  if (in.one_in(3)) t.fields["deadline"] = after(in, t.created);
  switch (in.small(0, 3)) {
    case 0:
      t.order.due = after(in, t.created);
      break;
    case 1:
      t.order.due = year_month_day{floor<days>(after(in, t.created))};
      break;
    default:
      break;
  }
  Instant at = t.created;
  for (int n = in.small(0, 24); n > 0; --n) {
    // Mostly in order; sometimes back from the last one, or before creation.
    at = in.one_in(6) ? after(in, t.created) : after(in, at);
    slakit::TicketEvent e{.at = at, .kind = static_cast<slakit::EventKind>(in.small(0, 9))};
    if (in.one_in(4)) e.id = in.flag() ? "a" : "b";
    e.is_public = !in.one_in(4);
    switch (e.kind) {
      case slakit::EventKind::status_changed:
        e.to = in.pick(kStatuses);
        break;
      case slakit::EventKind::field_changed:
        e.field = in.pick(kFieldPaths);
        e.value = value(in, t.created);
        break;
      case slakit::EventKind::assigned:
        e.team = in.pick(kTeams);
        e.agent = in.flag() ? "ana" : "";
        break;
      default:
        break;
    }
    h.events.push_back(std::move(e));
  }
  return h;
}

std::vector<slakit::Agent> agents(FuzzInput& in, Instant now) {
  std::vector<slakit::Agent> out;
  for (int n = in.small(0, 6); n > 0; --n) {
    slakit::Agent a{.id = "agent" + std::to_string(n)};
    if (in.flag()) a.teams.push_back(in.pick(kTeams));
    if (in.flag()) a.teams.push_back(in.pick(kTeams));
    for (int k = in.small(0, 3); k > 0; --k) a.skills.push_back(in.pick(kSkills));
    a.capacity = in.small(0, 3);
    a.open_tickets = in.small(0, 3);
    if (in.flag()) a.last_assigned = now - minutes{in.in(0, 600)};
    a.calendar = in.pick(kCalendars);
    out.push_back(std::move(a));
  }
  return out;
}

void valid_json(const std::string& text) {
  static simdjson::dom::parser parser;
  simdjson::dom::element doc;
  require(parser.parse(text).get(doc) == simdjson::SUCCESS);
}

void check_cycle(const slakit::TargetCycle& c, Instant now) {
  using slakit::TargetState;
  const Instant end = c.stop.value_or(now);
  require(c.start <= end && end <= now);
  require(c.calendar_elapsed == end - c.start);
  require(c.remaining >= 0s && c.overdue >= 0s && c.overdue_calendar >= 0s);
  require(c.business_elapsed >= 0s);
  // "remaining is 0 once a cycle is met, breached or cancelled" (docs/cli.md).
  if (c.state != TargetState::running && c.state != TargetState::paused) {
    require(c.remaining == 0s);
  }
  if (c.state != TargetState::breached) {
    require(!c.breached_at && c.overdue == 0s && c.overdue_calendar == 0s);
  }
  require(c.cancelled_at.has_value() == (c.state == TargetState::cancelled));
  switch (c.state) {
    case TargetState::met:
      require(c.stop.has_value() && (!c.due || *c.stop <= *c.due));
      break;
    case TargetState::breached:
      require(c.due.has_value() && c.breached_at == c.due && end > *c.due);
      require(c.overdue_calendar == end - *c.breached_at);
      break;
    case TargetState::running:
      require(!c.stop.has_value());
      for (const auto& p : c.pauses) require(p.end.has_value());
      break;
    case TargetState::paused:
      require(!c.stop.has_value() && !c.pauses.empty() && !c.pauses.back().end.has_value());
      break;
    case TargetState::cancelled:
      require(*c.cancelled_at <= now);
      break;
  }
  std::optional<Instant> previous_end;
  for (std::size_t i = 0; i < c.pauses.size(); ++i) {
    const auto& p = c.pauses[i];
    require(p.begin >= c.start && (!previous_end || *previous_end <= p.begin));
    require(!p.end ? i + 1 == c.pauses.size() : (p.begin < *p.end && *p.end <= end));
    previous_end = p.end;
  }
  // "A due or warning instant outside the supported range ... is a range
  // error": whatever is returned lies inside it.
  require(!c.due || slakit::in_supported_range(*c.due));
  for (const auto& t : c.thresholds) {
    require(!t.at || slakit::in_supported_range(*t.at));
    if (t.fired) require(t.at.has_value() && *t.at <= now);
  }
}

// "Each target runs in cycles ... numbered 1, 2, ... per policy and target",
// reported in that order. A policy reports the cycles during whose life it
// applied, so an SLA adopted mid-ticket may start at cycle 2; but an SLA
// metric's cycles come from the events alone, so every SLA that reports
// cycle n of a metric reports the same start.
void check_numbering(const std::vector<slakit::TargetCycle>& cycles, bool sla) {
  std::map<std::pair<std::string, slakit::Metric>, int> last;
  std::map<std::pair<slakit::Metric, int>, Instant> starts;
  for (const auto& c : cycles) {
    auto& n = last[{c.policy, c.metric}];
    require(c.cycle > n);
    n = c.cycle;
    if (sla) require(starts.try_emplace({c.metric, c.cycle}, c.start).first->second == c.start);
  }
}

void check_evaluation(const slakit::Evaluation& e, const slakit::Explanation& x) {
  for (const auto& c : e.targets) check_cycle(c, e.now);
  for (const auto& c : e.olas) check_cycle(c, e.now);
  check_numbering(e.targets, true);
  check_numbering(e.olas, false);
  // The SLA changes chain, in time, up to the SLA in force at `now`.
  for (std::size_t i = 0; i < e.sla_changes.size(); ++i) {
    const auto& change = e.sla_changes[i];
    require(change.to != change.from && change.at <= e.now);
    if (i > 0) {
      require(change.from == e.sla_changes[i - 1].to && e.sla_changes[i - 1].at <= change.at);
    }
  }
  if (!e.sla_changes.empty()) require(e.sla_changes.back().to == e.sla.value_or(""));
  // "first-contact resolution: solved after one public reply, never reopened".
  const auto& m = e.metrics;
  require(m.public_replies >= 0 && m.reopenings >= 0);
  if (m.first_contact_resolution) require(m.public_replies == 1 && m.reopenings == 0);
  require(slakit::to_json(x.evaluation) == slakit::to_json(e));
  require(x.targets.size() == e.targets.size() && x.olas.size() == e.olas.size());
  valid_json(slakit::to_json(e));
  valid_json(slakit::to_json(x));
  valid_json(x.json());
  require(!x.text().empty());
}

template <class Items>
bool all_mentioned(const Items& items, const std::set<std::string>& names) {
  return std::all_of(items.begin(), items.end(),
                     [&](const std::string& s) { return names.contains(s); });
}

void check_routing(const slakit::Routing& r) {
  const auto& m = mentioned();
  const auto named = [](const std::optional<std::string>& v, const std::set<std::string>& names) {
    return !v || names.contains(*v);
  };
  require(named(r.queue, m.queues) && named(r.team, m.teams) && named(r.sla, m.slas));
  require(named(r.rule, m.routes) && all_mentioned(r.rules, m.routes));
  require(all_mentioned(r.skills, m.skills) && all_mentioned(r.tags, m.tags));
  for (const auto& relaxed : r.relaxed) require(m.skills.contains(relaxed.skill));
  require(r.rule.has_value() == r.queue.has_value());
  valid_json(slakit::to_json(r));
}

// docs/routing.md, "Agent selection", the slow way: filter, then sort.
std::optional<std::string> expected_agent(const slakit::Routing& r,
                                          const std::vector<slakit::Agent>& agents, Instant now) {
  const auto needed = slakit::skills_at(r, now);
  std::vector<const slakit::Agent*> eligible;
  for (const auto& a : agents) {
    const auto has = [&](const std::vector<std::string>& list, const std::string& s) {
      return std::find(list.begin(), list.end(), s) != list.end();
    };
    if (r.team && !has(a.teams, *r.team)) continue;
    if (!a.calendar.empty() && !rules().calendar(a.calendar)->is_open(now)) continue;
    if (!std::all_of(needed.begin(), needed.end(),
                     [&](const std::string& s) { return has(a.skills, s); })) {
      continue;
    }
    if (a.open_tickets >= a.capacity) continue;
    eligible.push_back(&a);
  }
  if (eligible.empty()) return std::nullopt;
  // Never assigned is idlest: it sorts before any instant.
  const auto key = [](const slakit::Agent* a) {
    return std::tuple{a->open_tickets, a->last_assigned.has_value(),
                      a->last_assigned.value_or(Instant{}), a->id};
  };
  return (*std::min_element(eligible.begin(), eligible.end(),
                            [&](auto* a, auto* b) { return key(a) < key(b); }))
      ->id;
}

void check_agents(const slakit::Routing& r, const std::vector<slakit::Agent>& agents, Instant now) {
  std::optional<slakit::AgentChoice> choice;
  try {
    choice = slakit::choose_agent(rules(), r, agents, now);
  } catch (const slakit::RangeError&) {
    return;  // documented: `now` out of range with an agent on a calendar
  }
  require(choice->agent == expected_agent(r, agents, now));
  require(choice->agent.has_value() == (choice->eligible > 0));
  require(choice->agent.has_value() != choice->emptied_by.has_value());
  valid_json(slakit::to_json(r, *choice));
}

// What `op` threw: nothing, a TicketError, a RangeError, or another
// InvalidArgument; anything else escapes and crashes the target.
enum class Outcome { ok, ticket_error, range_error, invalid_argument };
template <class Op>
Outcome outcome(Op op) {
  try {
    op();
    return Outcome::ok;
  } catch (const slakit::TicketError&) {
    return Outcome::ticket_error;
  } catch (const slakit::RangeError&) {
    return Outcome::range_error;
  } catch (const slakit::InvalidArgument&) {
    return Outcome::invalid_argument;
  }
}

// docs/routing.md, "Tickets as columns": the ticket's record as a batch of
// one row (texts, a category, and the custom field as it is) routes as
// route() routes a record of those fields alone at its creation, or fails as
// it throws (the fields the routes read, as columns of every kind; route()
// also checks the fields the policies read, which no column gives here).
void check_columns(const slakit::Ticket& ticket) {
  slakit::Ticket t;
  t.id = ticket.id;
  t.created = ticket.created;
  t.category = ticket.category;
  t.team = ticket.team;
  t.channel = ticket.channel;
  t.customer.tier = ticket.customer.tier;
  t.customer.region = ticket.customer.region;
  if (const auto it = ticket.fields.find("order_value"); it != ticket.fields.end()) {
    t.fields.insert(*it);
  }
  std::optional<slakit::Routing> expected;
  const auto record = outcome([&] { expected = slakit::route(rules(), t, {}, t.created); });
  // The creation, which columns do not carry: out of range, or left unset.
  if (record == Outcome::range_error) return;
  if (record == Outcome::ticket_error && t.created == Instant{}) return;
  const std::string_view category = t.category, team = t.team, tier = t.customer.tier;
  const std::vector<std::string_view> channels{t.channel}, regions{"emea", t.customer.region};
  const std::int32_t channel = t.channel.empty() ? -1 : 0;
  const std::int32_t region = t.customer.region.empty() ? -1 : 1;
  const auto order_value = t.fields.find("order_value");
  const slakit::FieldValue value =
      order_value == t.fields.end() ? slakit::FieldValue{} : order_value->second;
  slakit::TicketColumns columns(1);
  columns.texts("ticket.category", {&category, 1})
      .texts("ticket.team", {&team, 1})
      .texts("customer.tier", {&tier, 1})
      .categories("ticket.channel", {&channel, 1}, channels)
      .categories("customer.region", {&region, 1}, regions)
      .values("ticket.order_value", {&value, 1});
  const auto got = slakit::route_columns(rules(), columns);
  require((record == Outcome::ticket_error) == (got.routing(0) == nullptr));
  require(got.failures.size() == (got.routing(0) == nullptr ? 1U : 0U));
  if (!expected) return;
  auto adjusted = *got.routing(0);
  adjusted.id = t.id;
  for (auto& x : adjusted.relaxed) x.drops_at = t.created + x.drops_at.time_since_epoch();
  require(slakit::to_json(adjusted) == slakit::to_json(*expected));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in{data, size};
  const auto h = history(in);
  const Instant now = after(in, h.ticket.created);
  const auto team_agents = agents(in, now);

  std::optional<slakit::Evaluation> evaluation;
  std::optional<slakit::Explanation> explanation;
  const auto evaluated =
      outcome([&] { evaluation = slakit::evaluate(rules(), h.ticket, h.events, now); });
  const auto explained =
      outcome([&] { explanation = slakit::explain(rules(), h.ticket, h.events, now); });
  require(evaluated == explained && evaluated != Outcome::invalid_argument);
  if (evaluation) check_evaluation(*evaluation, *explanation);

  check_columns(h.ticket);
  const std::optional<Instant> route_now = in.flag() ? std::optional{now} : std::nullopt;
  std::optional<slakit::Routing> routing;
  std::optional<slakit::RouteExplanation> route_explanation;
  const auto routed =
      outcome([&] { routing = slakit::route(rules(), h.ticket, h.events, route_now); });
  const auto route_explained = outcome(
      [&] { route_explanation = slakit::explain_route(rules(), h.ticket, h.events, route_now); });
  require(routed == route_explained && routed != Outcome::invalid_argument);
  if (!routing) return 0;
  check_routing(*routing);
  require(slakit::to_json(route_explanation->routing) == slakit::to_json(*routing));
  require(!route_explanation->text().empty());
  valid_json(slakit::to_json(*route_explanation));
  check_agents(*routing, team_agents, now);
  return 0;
}
