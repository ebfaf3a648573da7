#include "test_text.hpp"

#include <fmt/format.h>

#include "expr_text.hpp"
#include "slakit/time/civil.hpp"

namespace slakit::detail {

std::string instant_text(const TestInstant& i) {
  if (!i.rfc3339.empty()) return i.rfc3339;
  std::string out = format_date(i.date);
  if (i.time && i.calendar) out += fmt::format(" {} in {}", i.time->to_string(), i.calendar->text);
  if (i.time && i.zone) {
    out += fmt::format(" {} in {}", i.time->to_string(), quoted_text(i.zone->text));
  }
  return out;
}

std::string test_value_text(const TestValue& v) {
  return v.instant ? instant_text(*v.instant) : literal_text(v.literal);
}

namespace {

std::string names_text(const std::vector<Name>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n.text;
  return "[" + out + "]";
}

std::string field_text(const TestField& f) {
  return fmt::format("{} = {}", f.path.text, test_value_text(f.value));
}

std::string event_text(const TestEvent& e) {
  std::string out = fmt::format("at {} {}", instant_text(e.at), e.event.text);
  if (e.change) return fmt::format("{} {}", out, field_text(*e.change));
  if (e.to) out += " to " + e.to->text;
  if (e.team) out += " to team " + e.team->text;
  if (e.agent) out += " agent " + e.agent->text;
  if (e.is_private) out += " private";
  return out;
}

std::string check_text(const Expectation& e) {
  using C = Expectation::Check;
  switch (e.check) {
    case C::state:
      return e.state;
    case C::no_cycle:
      return "none";
    case C::due:
      return "due " + instant_text(*e.at);
    case C::no_due:
      return "due none";
    case C::remaining:
      return "remaining " + duration_text(e.duration);
    case C::overdue:
      return "overdue " + duration_text(e.duration);
    case C::warning:
      return "warning at " + (e.at ? instant_text(*e.at) : "none");
    case C::escalation:
      return "escalation at " + (e.at ? instant_text(*e.at) : "none");
    case C::breach:
      return "breach at " + instant_text(*e.at);
  }
  return {};
}

}  // namespace

std::string expectation_text(const Expectation& e) {
  using K = Expectation::Kind;
  static constexpr const char* kKinds[] = {"queue",  "team", "priority", "route",  "sla",
                                           "skills", "tags", "olas",     "target", "deadline"};
  const char* kind = kKinds[static_cast<int>(e.kind)];
  switch (e.kind) {
    case K::queue:
    case K::team:
    case K::priority:
    case K::route:
    case K::sla:
      return fmt::format("expect {} {}", kind, e.name ? e.name->text : "none");
    case K::skills:
    case K::tags:
    case K::olas:
      return fmt::format("expect {} {}", kind, names_text(e.names));
    case K::target: {
      std::string out = "expect " + e.target.text;
      if (e.cycle) out += fmt::format(" cycle {}", *e.cycle);
      return out + " " + check_text(e);
    }
    case K::deadline:
      return fmt::format("expect deadline {} from {} add {} = {}", e.name->text,
                         instant_text(*e.from), duration_text(e.duration), instant_text(*e.at));
  }
  return {};
}

std::string test_line_text(const TestLine& line) {
  struct Visitor {
    std::string operator()(const TestField& f) const { return field_text(f); }
    std::string operator()(const TestEvent& e) const { return event_text(e); }
    std::string operator()(const TestNow& n) const { return "now " + instant_text(n.at); }
    std::string operator()(const Expectation& e) const { return expectation_text(e); }
  };
  return std::visit(Visitor{}, line);
}

}  // namespace slakit::detail
