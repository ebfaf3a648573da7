// `slakit diff` takes a ticket's new side from its old side where SameParts
// shows the rule sets cannot answer differently (docs/cli.md, "slakit
// diff"). Checked two ways on generated rule pairs, one change at a time:
// SameParts finds each change (and only that one), and diff's output with
// the sharing is byte for byte its output without it, on generated tickets.
#include "cli/diff_judge.hpp"
#include "cli/diff_summary.hpp"
#include "cli/json_lines.hpp"
#include "program/rule_set_impl.hpp"
#include "program/same_parts.hpp"

#include <slakit/routing/route.hpp>
#include <slakit/slakit.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <string>
#include <vector>

using slakit::RuleSet;
using slakit::detail::SameParts;

namespace {

using Files = std::map<std::string, std::string>;

// The rules before a change: calendars in a file of their own, composed,
// with a zone and a calendar chosen by ticket fields; SLAs chosen in
// order, a `one of` order compared, OLAs, thresholds, routes; two included
// files whose order decides which of their SLAs comes first.
Files base_rules() {
  return {
      {"main.sla", R"(include "cals.sla"
include "first.sla"
include "second.sla"
include "last.sla"

field customer.region : one of emea, amer, apac
field contract.level : one of bronze, silver, gold
field customer.calendar : text

sla gold for contract.level == gold {
  calendar office
  first_response 1h when ticket.priority == urgent, otherwise 4h
  next_response 8h
  resolution 2 business days
  pause while ticket.status == pending_customer
  warn at 75%
  escalate at 100% to team leads
  escalate 2h after due to team duty
}

sla regional for customer.region in [amer, apac] and contract.level == bronze {
  calendar regional_office
  first_response 2h
  resolution 3 business days
}

sla chosen for contract.level == silver {
  calendar from customer.calendar else office
  first_response 3h
  resolution 4 business days
}

ola l2_pickup for ticket.team == "l2" {
  calendar office
  start on assigned to team l2
  stop on handed_back, solved
  target 4h
}

ola l3_pickup for ticket.team == "l3" {
  start on assigned to team l3
  stop on solved
  target 2h
  warn at 50%
}

route urgent when ticket.priority == urgent -> queue urgent, team duty, priority urgent
route amer when customer.region in [amer, apac] -> queue americas
route billing when ticket.category == "billing" -> queue billing, team finance
route fallback -> queue triage
)"},
      {"cals.sla", R"(calendar office {
  zone "Europe/Berlin"
  mon..fri 09:00-17:00
  holiday "Tag der Arbeit" may 1
}

calendar night {
  zone "America/New_York"
  mon..fri 08:00-18:00
  holiday "Thanksgiving" 4th thu of nov
}

calendar desk = office | night zone "UTC"

calendar regional_office {
  zone from customer.zone else "Europe/Paris"
  mon..sat 08:00-16:00
}
)"},
      {"first.sla", R"(sla billing for ticket.category == "billing" and contract.level != gold {
  first_response 30m
}
)"},
      {"last.sla", R"(sla standard {
  calendar desk
  first_response 8h
  resolution 5 business days on reopen restart
}
)"},
      {"second.sla",
       R"(sla tech_or_billing for ticket.category in ["billing", "tech"] and contract.level != gold {
  first_response 45m
}
)"},
  };
}

struct Mutation {
  const char* name;
  const char* file;
  const char* from;
  const char* to;
};

// One change each; what SameParts must then say is checked below.
const std::vector<Mutation> kMutations{
    {"target duration", "main.sla", "next_response 8h", "next_response 6h"},
    {"when case", "main.sla", "1h when ticket.priority == urgent",
     "1h when ticket.priority == high"},
    {"for condition", "main.sla", "sla chosen for contract.level == silver",
     "sla chosen for contract.level == bronze"},
    {"pause", "main.sla", "pause while ticket.status == pending_customer",
     "pause while ticket.status in [pending_customer, on_hold]"},
    {"threshold", "main.sla", "warn at 75%", "warn at 80%"},
    {"escalation team", "main.sla", "to team leads", "to team chiefs"},
    {"threshold offset", "main.sla", "escalate 2h after due", "escalate 3h after due"},
    {"threshold form", "main.sla", "escalate 2h after due", "escalate 2h before due"},
    {"calendar hours", "cals.sla", "mon..fri 09:00-17:00", "mon..fri 09:00-16:00"},
    {"holiday", "cals.sla", "4th thu of nov", "4th thu of oct"},
    {"zone", "cals.sla", "\"America/New_York\"", "\"America/Chicago\""},
    {"zone field fallback", "cals.sla", "else \"Europe/Paris\"", "else \"Europe/London\""},
    {"one of order", "main.sla", "one of emea, amer, apac", "one of amer, emea, apac"},
    {"route condition", "main.sla", "route billing when ticket.category == \"billing\"",
     "route billing when ticket.category == \"tech\""},
    {"policy order", "main.sla", "include \"first.sla\"\ninclude \"second.sla\"",
     "include \"second.sla\"\ninclude \"first.sla\""},
    {"included file", "first.sla", "first_response 30m", "first_response 20m"},
    {"ola target", "main.sla", "target 2h", "target 90m"},
    {"ola start team", "main.sla", "start on assigned to team l2", "start on assigned to team l3"},
    // A field no rule read before: every ticket's changes of it are now
    // checked, whichever policy applies.
    {"field read", "main.sla", "1h when ticket.priority == urgent",
     "1h when ticket.channel == chat"},
};

RuleSet compile_files(const Files& files) {
  slakit::CompileOptions options;
  options.load = [files](const std::string& path) -> std::optional<std::string> {
    const auto slash = path.find_last_of('/');
    const auto name = slash == std::string::npos ? path : path.substr(slash + 1);
    const auto it = files.find(name);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  return slakit::compile_or_throw({{"main.sla", files.at("main.sla")}}, options);
}

Files mutated(const Mutation& m) {
  auto files = base_rules();
  auto& text = files.at(m.file);
  const auto at = text.find(m.from);
  REQUIRE_MESSAGE(at != std::string::npos, m.name);
  text.replace(at, std::string_view{m.from}.size(), m.to);
  return files;
}

std::size_t sla_index(const RuleSet& rules, std::string_view name) {
  const auto& slas = slakit::detail::program_of(rules).slas;
  for (std::size_t i = 0; i < slas.size(); ++i) {
    if (slas[i].name == name) return i;
  }
  FAIL("no sla " << name);
  return 0;
}

std::size_t ola_index(const RuleSet& rules, std::string_view name) {
  const auto& olas = slakit::detail::program_of(rules).olas;
  for (std::size_t i = 0; i < olas.size(); ++i) {
    if (olas[i].name == name) return i;
  }
  FAIL("no ola " << name);
  return 0;
}

// Which parts SameParts holds the same: "routing", "selection", then each
// policy by name whose plan (and what it depends on) is unchanged.
std::string same_list(const RuleSet& a, const RuleSet& b) {
  const SameParts same{a, b};
  std::string out;
  if (same.routing()) out += "routing ";
  if (!same.selection()) return out + "-";
  out += "selection";
  const auto& p = slakit::detail::program_of(a);
  for (std::size_t i = 0; i < p.slas.size(); ++i) {
    if (same.sla(i)) out += " " + p.slas[i].name;
  }
  for (std::size_t i = 0; i < p.olas.size(); ++i) {
    if (same.ola(i)) out += " " + p.olas[i].name;
  }
  return out;
}

// Tickets over every field the rules read, with histories that pause,
// hand over, solve, reopen and change fields; some with a zone or a
// calendar that does not exist, some lines broken.
std::string tickets(unsigned seed, int count) {
  std::mt19937 rng{seed};
  auto pick = [&](std::initializer_list<const char*> xs) {
    return *(xs.begin() + std::uniform_int_distribution<std::size_t>{0, xs.size() - 1}(rng));
  };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>{0, 1}(rng) < p; };
  std::string out;
  for (int n = 0; n < count; ++n) {
    if (n % 41 == 20) {
      out += pick({"{\"id\": \"broken\", \"created\": ", "{\"id\": \"B\", \"created\": \"soon\"}",
                   "{\"id\": \"C\", \"created\": \"2026-03-02T10:00:00Z\", "
                   "\"customer\": {\"region\": \"mars\"}}"});
      out += '\n';
      continue;
    }
    long long t = 1'772'000'000 + std::uniform_int_distribution<long long>{0, 86'400LL * 300}(rng);
    auto at = [&](int lo, int hi) {
      t += 60LL * std::uniform_int_distribution<int>{lo, hi}(rng);
      return slakit::format_utc(slakit::Instant{std::chrono::seconds{t}});
    };
    const auto created = slakit::format_utc(slakit::Instant{std::chrono::seconds{t}});
    std::string customer = fmt::format("\"region\": \"{}\"", pick({"emea", "amer", "apac"}));
    if (chance(0.3)) {
      customer += fmt::format(", \"zone\": \"{}\"",
                              pick({"Asia/Tokyo", "America/Chicago", "Europe/Paris", "Mars/Base"}));
    }
    if (chance(0.4)) {
      customer +=
          fmt::format(", \"calendar\": \"{}\"", pick({"office", "night", "desk", "nope", ""}));
    }
    std::string line = fmt::format(
        "{{\"id\": \"T-{}\", \"created\": \"{}\", \"ticket\": {{\"priority\": \"{}\", "
        "\"category\": \"{}\", \"status\": \"new\"}}, \"customer\": {{{}}}",
        n, created, pick({"low", "normal", "high", "urgent"}), pick({"billing", "tech", "other"}),
        customer);
    if (chance(0.85)) {
      line +=
          fmt::format(", \"contract\": {{\"level\": \"{}\"}}", pick({"bronze", "silver", "gold"}));
    }
    std::vector<std::string> events;
    if (chance(0.8)) {
      events.push_back(
          fmt::format("{{\"at\": \"{}\", \"kind\": \"agent_replied\", \"public\": {}}}", at(5, 900),
                      chance(0.9) ? "true" : "false"));
    }
    if (chance(0.4)) {
      events.push_back(fmt::format(
          "{{\"at\": \"{}\", \"kind\": \"assigned\", \"team\": \"{}\", \"agent\": \"ana\"}}",
          at(5, 300), pick({"l2", "l3", "l1"})));
    }
    if (chance(0.3)) {
      events.push_back(
          fmt::format("{{\"at\": \"{}\", \"kind\": \"status_changed\", \"to\": \"{}\"}}",
                      at(10, 600), pick({"pending_customer", "on_hold"})));
      events.push_back(
          fmt::format("{{\"at\": \"{}\", \"kind\": \"customer_replied\"}}", at(10, 3000)));
      events.push_back(fmt::format(
          "{{\"at\": \"{}\", \"kind\": \"status_changed\", \"to\": \"open\"}}", at(0, 0)));
    }
    if (chance(0.2)) {
      events.push_back(fmt::format(
          "{{\"at\": \"{}\", \"kind\": \"field_changed\", \"field\": \"{}\", \"value\": \"{}\"}}",
          at(5, 600), pick({"customer.region", "contract.level", "ticket.priority"}),
          pick({"amer", "gold", "urgent", "silver", "emea"})));
    }
    if (chance(0.1)) {
      // A channel `one of` does not list: wrong only where some rule reads it.
      events.push_back(fmt::format(
          "{{\"at\": \"{}\", \"kind\": \"field_changed\", \"field\": \"ticket.channel\", "
          "\"value\": {}}}",
          at(5, 600), pick({"\"pigeon\"", "\"chat\""})));
    }
    if (chance(0.2)) {
      events.push_back(fmt::format("{{\"at\": \"{}\", \"kind\": \"handed_back\"}}", at(5, 600)));
    }
    if (chance(0.6)) {
      events.push_back(fmt::format("{{\"at\": \"{}\", \"kind\": \"solved\"}}", at(30, 4000)));
      if (chance(0.25)) {
        events.push_back(fmt::format("{{\"at\": \"{}\", \"kind\": \"reopened\"}}", at(60, 3000)));
        events.push_back(
            fmt::format("{{\"at\": \"{}\", \"kind\": \"agent_replied\"}}", at(10, 600)));
      }
    }
    line += ", \"events\": [";
    for (std::size_t i = 0; i < events.size(); ++i) line += (i > 0 ? ", " : "") + events[i];
    out += line + "]}\n";
  }
  return out;
}

// 2026-12-31T00:00:00Z, as the benchmarks' --now.
const slakit::Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 12 / 31}};

struct DiffRun {
  std::string output;      // the summary as text and JSON, then each ticket's new side
  std::size_t shared = 0;  // tickets whose new side was the old one's
};

// What diff makes of the tickets, with SameParts (as the command runs) or
// without it (every side routed and evaluated in full).
DiffRun run_diff(const RuleSet& a, const RuleSet& b, const std::string& text, bool share) {
  const SameParts same{a, b};
  slakit::cli::DiffJudge judge{a, b, {}, kNow, kNow, share ? &same : nullptr};
  slakit::cli::DiffSummary summary{10};
  slakit::cli::JsonChunk chunk;
  slakit::cli::load_chunk(chunk, text);
  std::string sides;
  std::vector<slakit::cli::Change> changes;
  for (const auto& line : chunk.lines) {
    if (!judge.judge(line)) {
      ++summary.unreadable;
      sides += fmt::format("{}: {}\n", line.number, judge.error());
      continue;
    }
    changes.clear();
    slakit::cli::BreachShift shift;
    slakit::cli::compare(judge.old_side(), judge.new_side(), changes, shift);
    summary.add(line.number, judge.id(), judge.old_side(), judge.new_side(), changes, shift);
    const auto& side = judge.new_side();
    sides += side.ok ? slakit::to_json(side.routing) + slakit::to_json(side.evaluation)
                     : "error: " + side.error;
    sides += '\n';
  }
  return {slakit::cli::diff_text(summary) + slakit::cli::diff_json(summary) + sides,
          judge.shared_count()};
}

}  // namespace

TEST_CASE("SameParts: identical rules, and the same rules written otherwise, are the same") {
  const auto a = compile_files(base_rules());
  const std::string all_same =
      "routing selection gold regional chosen billing tech_or_billing standard l2_pickup l3_pickup";
  CHECK(same_list(a, a) == all_same);
  CHECK(same_list(a, compile_files(base_rules())) == all_same);
  // Other spacing, comments, calendars in another order and in the main
  // file rather than an included one, 60m for 1h: the same rules.
  auto files = base_rules();
  auto& main = files.at("main.sla");
  main.replace(main.find("include \"cals.sla\"\n"), 18,
               "# calendars below\n" +
                   files.at("cals.sla").substr(files.at("cals.sla").find("calendar night")) +
                   files.at("cals.sla").substr(0, files.at("cals.sla").find("calendar night")));
  main.replace(main.find("first_response 1h when"), 22, "first_response   60m when");
  main.replace(main.find("warn at 75%"), 11, "warn at 75%  # early");
  CHECK(same_list(a, compile_files(files)) == all_same);
  // Two field declarations swapped: a rule set keeps its fields by path,
  // so the same.
  auto swapped = base_rules();
  auto& text = swapped.at("main.sla");
  const std::string level = "field contract.level : one of bronze, silver, gold\n";
  const std::string calendar = "field customer.calendar : text\n";
  text.erase(text.find(level), level.size());
  text.insert(text.find(calendar) + calendar.size(), level);
  REQUIRE(text.find(calendar + level) != std::string::npos);
  CHECK(same_list(a, compile_files(swapped)) == all_same);
}

// What SameParts must say after a change: whether the routing and the
// selection stay the same, and which policies change.
struct Expected {
  bool routing = true, selection = true;
  std::vector<std::string> changed{};
};

std::string expected_list(const RuleSet& rules, const Expected& e) {
  std::string out;
  if (e.routing) out += "routing ";
  if (!e.selection) return out + "-";
  out += "selection";
  const auto& p = slakit::detail::program_of(rules);
  for (const auto* plans : {&p.slas, &p.olas}) {
    for (const auto& plan : *plans) {
      if (std::find(e.changed.begin(), e.changed.end(), plan.name) == e.changed.end()) {
        out += " " + plan.name;
      }
    }
  }
  return out;
}

TEST_CASE("SameParts: each change is found, and only where it reaches") {
  const auto a = compile_files(base_rules());
  CHECK(same_list(a, a) == expected_list(a, {}));
  const std::map<std::string, Expected> expected{
      {"target duration", {.changed = {"gold"}}},
      {"when case", {.changed = {"gold"}}},
      {"for condition", {.selection = false}},
      {"pause", {.changed = {"gold"}}},
      {"threshold", {.changed = {"gold"}}},
      {"escalation team", {.changed = {"gold"}}},
      {"threshold offset", {.changed = {"gold"}}},
      {"threshold form", {.changed = {"gold"}}},
      // office: gold and l2_pickup read it, standard through desk, chosen
      // may choose any calendar.
      {"calendar hours", {.changed = {"gold", "standard", "chosen", "l2_pickup"}}},
      // night: standard through desk, and chosen.
      {"holiday", {.changed = {"standard", "chosen"}}},
      {"zone", {.changed = {"standard", "chosen"}}},
      // regional_office: every ticket resolves its zone, but the names and
      // fields it resolves by stay.
      {"zone field fallback", {.changed = {"regional", "chosen"}}},
      {"one of order", {.routing = false, .selection = false}},
      {"route condition", {.routing = false}},
      {"policy order", {.selection = false}},
      {"included file", {.changed = {"billing"}}},
      {"ola target", {.changed = {"l3_pickup"}}},
      {"ola start team", {.changed = {"l2_pickup"}}},
      {"field read", {.routing = false, .selection = false}},
  };
  for (const auto& m : kMutations) {
    const std::string name = m.name;
    CAPTURE(name);
    const auto b = compile_files(mutated(m));
    CHECK(same_list(a, b) == expected_list(a, expected.at(name)));
    CHECK(same_list(b, a) == expected_list(b, expected.at(name)));
  }
}

TEST_CASE("SameParts: a policy's canonical form holds what decides it") {
  const auto a = compile_files(base_rules());
  const auto& gold = slakit::detail::program_of(a).slas[sla_index(a, "gold")];
  const auto text = SameParts::policy_text(gold);
  for (const char* part :
       {"gold", "Europe/Berlin", "leads", "ticket.status == pending_customer", "Tag der Arbeit"}) {
    CHECK_MESSAGE(text.find(part) != std::string::npos, part);
  }
  const auto& l3 = slakit::detail::program_of(a).olas[ola_index(a, "l3_pickup")];
  CHECK(SameParts::policy_text(l3).find("24/7") != std::string::npos);
}

TEST_CASE("diff with shared sides writes what it writes without them, byte for byte") {
  const auto text = tickets(20261201, 3000);
  const auto a = compile_files(base_rules());
  {
    const auto with = run_diff(a, a, text, true);
    const auto without = run_diff(a, a, text, false);
    CHECK(with.output == without.output);
    CHECK(with.shared > 2000);  // every ticket the old side read and judged
    CHECK(without.shared == 0);
  }
  for (const auto& m : kMutations) {
    const std::string name = m.name;
    CAPTURE(name);
    const auto b = compile_files(mutated(m));
    for (const bool old_first : {true, false}) {
      const auto& x = old_first ? a : b;
      const auto& y = old_first ? b : a;
      const auto with = run_diff(x, y, text, true);
      const auto without = run_diff(x, y, text, false);
      CHECK(with.output == without.output);
      if (with.output != without.output) {
        // The first line that differs, for the log.
        std::size_t i = 0;
        while (i < with.output.size() && with.output[i] == without.output[i]) ++i;
        const auto from = with.output.rfind('\n', i) + 1;
        MESSAGE(with.output.substr(from, 300) << "\n---\n" << without.output.substr(from, 300));
      }
    }
  }
}
