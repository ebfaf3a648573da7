// Runs test blocks through the engines and compares (docs/language.md,
// "Tests"). Each expectation reads one member of what the engines return.
#include "slakit/testing/test_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <optional>

#include "lang/format/expr_text.hpp"
#include "lang/format/test_text.hpp"
#include "slakit/error.hpp"
#include "slakit/routing/route.hpp"
#include "slakit/sla/explain.hpp"
#include "slakit/slakit.hpp"
#include "test_ticket.hpp"

namespace slakit {

using detail::shown_actual;
using detail::shown_instant;
using detail::test_instant;

namespace {

using K = Expectation::Kind;
using C = Expectation::Check;

std::string or_none(const std::optional<std::string>& s) {
  return s ? *s : "none";
}

// A threshold as its line writes it: "75%", "1h before due".
std::string threshold_when(const Threshold& t) {
  return t.form == ThresholdForm::percent
             ? fmt::format("{}%", t.percent)
             : detail::threshold_when_text(t.form, t.percent, {t.offset, 0});
}

// "[a, b]", in the order given.
std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return "[" + out + "]";
}

// The same sorted, so that a set reads the same whatever its order.
std::string list_text(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return listed(items);
}

std::string names_list(const std::vector<Name>& names) {
  std::vector<std::string> items;
  for (const auto& n : names) items.push_back(n.text);
  return list_text(std::move(items));
}

bool is_routing(K k) {
  return k == K::queue || k == K::team || k == K::priority || k == K::route || k == K::skills ||
         k == K::tags;
}

// The lines of Explanation::text() about one cycle: its head
// ("gold / first_response cycle 1: met") and the indented lines below it.
std::string cycle_block(const std::string& text, const TargetCycle& c) {
  const auto head = fmt::format("{} / {} cycle {}", c.policy, metric_name(c.metric), c.cycle);
  auto at = text.find("\n" + head);
  if (at == std::string::npos) return text;
  ++at;
  auto end = at;
  do {
    end = text.find('\n', end);
    if (end == std::string::npos) return text.substr(at);
    ++end;
  } while (end < text.size() && text[end] == ' ');
  return text.substr(at, end - at);
}

// The first lines of Explanation::text(): which policies apply, and why not.
std::string selection_block(const std::string& text) {
  auto end = text.find('\n');
  while (end != std::string::npos && end + 1 < text.size() && text[end + 1] == ' ') {
    end = text.find('\n', end + 1);
  }
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

class CaseRunner {
 public:
  CaseRunner(const RuleSet& rules, const TestDecl& test) : rules_(rules), test_(test) {}

  TestResult run() {
    TestResult out;
    out.name = test_.name.text;
    out.span = test_.name.span;
    // Whatever the engines throw fails the case, never the run: a bad
    // ticket is what a test may well be about.
    try {
      ticket_ = detail::build_test_ticket(rules_, test_);
    } catch (const std::exception& e) {
      out.error = e.what();
    }
    for (const auto& line : test_.lines) {
      const auto* e = std::get_if<Expectation>(&line);
      if (e == nullptr) continue;
      ExpectationResult r;
      r.span = e->span;
      r.expectation = detail::expectation_text(*e);
      try {
        // Stated before anything is evaluated: a case whose ticket the
        // engine rejects still shows what was expected, the error as actual.
        r.expected = stated(*e);
        check(*e, r);
      } catch (const std::exception& x) {
        r.passed = false;
        r.actual = fmt::format("error: {}", x.what());
        if (out.error.empty()) out.error = x.what();
      }
      out.expectations.push_back(std::move(r));
    }
    out.passed = out.error.empty() && std::all_of(out.expectations.begin(), out.expectations.end(),
                                                  [](const auto& r) { return r.passed; });
    return out;
  }

 private:
  void check(const Expectation& e, ExpectationResult& r) {
    if (e.kind == K::deadline) return check_deadline(e, r);
    if (!ticket_) throw InvalidArgument("the test's ticket could not be built");
    if (is_routing(e.kind)) return check_routing(e, r);
    const auto& x = explanation();
    const auto text = x.text();
    if (e.kind == K::sla) {
      r.actual = or_none(x.evaluation.sla);
      compare(r, selection_block(text));
    } else if (e.kind == K::olas) {
      std::vector<std::string> applying;
      for (const auto& s : x.selection) {
        if (!s.is_sla && s.applies) applying.push_back(s.policy);
      }
      r.actual = list_text(std::move(applying));
      compare(r, selection_block(text));
    } else {
      check_target(e, r, x, text);
    }
  }

  static void compare(ExpectationResult& r, const std::string& explanation) {
    r.passed = r.expected == r.actual;
    if (!r.passed) r.explanation = explanation;
  }

  void check_routing(const Expectation& e, ExpectationResult& r) {
    const auto& x = routing();
    const auto& g = x.routing;
    switch (e.kind) {
      case K::queue:
        r.actual = or_none(g.queue);
        break;
      case K::team:
        r.actual = or_none(g.team);
        break;
      case K::priority:
        r.actual = or_none(g.priority);
        break;
      case K::route:
        r.actual = or_none(g.rule);
        break;
      case K::skills:
        r.actual = list_text(g.skills);
        break;
      default:
        r.actual = list_text(g.tags);
        break;
    }
    compare(r, x.text());
  }

  void check_target(const Expectation& e, ExpectationResult& r, const Explanation& x,
                    const std::string& text) {
    const auto dot = e.target.text.find('.');
    const auto policy = e.target.text.substr(0, dot), metric = e.target.text.substr(dot + 1);
    const TargetCycle* found = nullptr;
    std::vector<std::string> cycles;
    for (const auto* list : {&x.evaluation.targets, &x.evaluation.olas}) {
      for (const auto& c : *list) {
        if (c.policy != policy || metric_name(c.metric) != metric) continue;
        cycles.push_back(fmt::format("cycle {} {}", c.cycle, target_state_name(c.state)));
        if (!e.cycle || c.cycle == *e.cycle) found = &c;  // the last one, without `cycle`
      }
    }
    if (e.check == C::no_cycle) {
      // `found` implies a listed cycle; with `cycle N`, other cycles may exist.
      r.actual = found ? list_text(cycles) : "no cycle";
      return compare(r, selection_block(text));
    }
    if (found == nullptr) {
      r.actual = cycles.empty()
                     ? "no cycle"
                     : fmt::format("no cycle {} (the ticket has: {})",
                                   e.cycle ? std::to_string(*e.cycle) : "", list_text(cycles));
      return compare(r, selection_block(text));
    }
    r.actual = actual_text(e, *found);
    compare(r, selection_block(text) + cycle_block(text, *found));
  }

  // What the expectation says, as the report shows it beside the actual.
  std::string stated(const Expectation& e) const {
    if (e.kind == K::deadline) return shown_instant(rules_, *e.at);
    if (e.kind == K::olas || e.kind == K::skills || e.kind == K::tags) return names_list(e.names);
    if (e.kind == K::sla || is_routing(e.kind)) return e.name ? e.name->text : "none";
    return target_expected(e);
  }

  std::string target_expected(const Expectation& e) const {
    switch (e.check) {
      case C::state:
        return e.state;
      case C::no_due:
        return "no due";
      case C::remaining:
      case C::overdue:
        return format_duration(Seconds{e.duration.time});
      case C::warning:
      case C::escalation:
        if (!e.at) return "none";  // `warning at none`: no line of that kind reached
        return shown_instant(rules_, *e.at);
      case C::due:
      case C::breach:
        return shown_instant(rules_, *e.at);
      case C::no_cycle:
        break;
    }
    return "no cycle";
  }

  std::string actual_text(const Expectation& e, const TargetCycle& c) const {
    const auto instant = [&](const std::optional<Instant>& t) {
      return t ? shown_actual(rules_, *e.at, *t) : std::string{"none"};
    };
    switch (e.check) {
      case C::state:
        return std::string{target_state_name(c.state)};
      case C::no_due:
        return c.due ? "due " + format_utc(*c.due) : "no due";
      case C::due:
        return instant(c.due);
      case C::remaining:
        return format_duration(c.remaining);
      case C::overdue:
        return format_duration(c.overdue);
      case C::breach:
        return c.state == TargetState::breached ? instant(c.breached_at)
                                                : std::string{target_state_name(c.state)};
      case C::warning:
      case C::escalation: {
        // The lines of that kind in the order they fall (docs/cli.md): by
        // instant, those never reached last, ties in rule order (the
        // order of c.thresholds), so not list_text's order of the texts.
        std::vector<const Threshold*> kind;
        for (const auto& t : c.thresholds) {
          if (t.escalation == (e.check == C::escalation)) kind.push_back(&t);
        }
        std::stable_sort(kind.begin(), kind.end(), [](const Threshold* a, const Threshold* b) {
          return a->at && (!b->at || *a->at < *b->at);
        });
        if (!e.at) {
          // `at none` holds when no line of that kind is reached; else the
          // report lists those that are.
          std::vector<std::string> reached;
          for (const auto* t : kind) {
            if (t->at)
              reached.push_back(fmt::format("{} at {}", threshold_when(*t), format_utc(*t->at)));
          }
          return reached.empty() ? std::string{"none"} : listed(reached);
        }
        // Any line of that kind reached at the expected instant holds; the
        // report lists every one.
        const auto want = test_instant(rules_, *e.at);
        std::vector<std::string> all;
        for (const auto* t : kind) {
          if (t->at == want) return shown_actual(rules_, *e.at, want);
          all.push_back(fmt::format("{} at {}", threshold_when(*t),
                                    t->at ? shown_actual(rules_, *e.at, *t->at) : "never"));
        }
        return listed(all);
      }
      case C::no_cycle:
        break;
    }
    return {};
  }

  void check_deadline(const Expectation& e, ExpectationResult& r) const {
    const Calendar* cal = rules_.calendar(e.name->text);
    if (cal == nullptr) throw InvalidArgument(fmt::format("unknown calendar '{}'", e.name->text));
    r.actual =
        e.duration.business_days != 0
            ? format_date(cal->add_business_days(e.from->date, e.duration.business_days))
            : shown_actual(rules_, *e.at,
                           cal->add(test_instant(rules_, *e.from), Seconds{e.duration.time}));
    compare(r, fmt::format("calendar {} in {}: {} plus {}", e.name->text, cal->zone().name(),
                           shown_instant(rules_, *e.from), detail::duration_text(e.duration)));
  }

  const Explanation& explanation() {
    if (!explanation_) {
      if (!ticket_->now) throw InvalidArgument("the test has no 'now'");
      explanation_ = explain(rules_, ticket_->ticket, ticket_->events, *ticket_->now);
    }
    return *explanation_;
  }

  const RouteExplanation& routing() {
    if (!routing_) routing_ = explain_route(rules_, ticket_->ticket, ticket_->events, ticket_->now);
    return *routing_;
  }

  const RuleSet& rules_;
  const TestDecl& test_;
  std::optional<detail::TestTicket> ticket_;
  std::optional<Explanation> explanation_;
  std::optional<RouteExplanation> routing_;
};

}  // namespace

bool test_name_matches(std::string_view name, std::string_view pattern) noexcept {
  if (pattern.find_first_of("*?") == std::string_view::npos) {
    return name.find(pattern) != std::string_view::npos;
  }
  // Glob matching with one backtrack point: the last '*' seen.
  std::size_t n = 0, p = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++n, ++p;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

TestResult run_test(const RuleSet& rules, const TestDecl& test) {
  const auto start = std::chrono::steady_clock::now();
  auto result = CaseRunner{rules, test}.run();
  result.elapsed = std::chrono::steady_clock::now() - start;
  return result;
}

std::vector<TestResult> run_tests(const RuleSet& rules, std::string_view filter) {
  std::vector<TestResult> out;
  for (const auto& t : rules.tests()) {
    if (test_name_matches(t.name.text, filter)) out.push_back(run_test(rules, t));
  }
  return out;
}

}  // namespace slakit
