// The checker's state, shared by its parts (one file per area: names and
// fields, calendars, conditions, policies, routes).
#pragma once

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checker.hpp"
#include "support/suggestion.hpp"

namespace slakit::detail {

inline std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

class Checker {
 public:
  Checker(const SourceMap& sources, std::vector<Diagnostic>& diagnostics)
      : sources_(sources), diagnostics_(diagnostics), syntax_errors_(diagnostics.size()) {}

  CheckedRules run(std::vector<RuleFile>& files);

 private:
  void error(const char* code, std::string message, SourceSpan span);
  void warning(const char* code, std::string message, SourceSpan span);
  // True when a syntax or value error lies inside `span`: its checks would
  // only repeat that error in other words.
  bool damaged(SourceSpan span) const;
  std::string where(SourceSpan span) const;
  void declare(std::map<std::string, SourceSpan>& names, const char* kind, const Name& name);
  void declare_field(const FieldDecl& f);

  // calendars
  static std::vector<std::chrono::weekday> expand(const DayRange& r);
  bool check_range(const TimeRange& r, SourceSpan span);
  void check_calendar(const CalendarDecl& c);
  // E0202 unless `n` names a calendar of the rule set.
  bool check_calendar_name(const Name& n);
  void unknown_zone(const std::string& zone, SourceSpan span);
  // W0236 for a dated line that the supported range never reaches.
  void outside_range(SourceSpan span);
  // E0203/E0204 unless `n` names a text field (a zone or a calendar name).
  bool check_text_field(const Name& n, const char* what);
  // E0231 for a composed calendar whose parts read zones from different fields.
  void check_zone_fields();
  void check_composition(const CalendarDecl& c);
  // E0229 for each composed calendar that is a part of itself; their names.
  std::set<std::string> find_cycles();

  // conditions
  const FieldInfo* field(const std::string& path, SourceSpan span);
  static std::string describe(const FieldInfo& f);
  static std::string_view literal_kind(const Literal& l);
  void check_value(const FieldInfo& f, const Literal& l, CompareOp op);
  static bool ordered(FieldType t);
  void check_comparison(const Expr& e);
  void check_condition(const Expr& e);

  // policies and routes
  void check_policy(const PolicyDecl& p);
  // False when a threshold's offset or percentage has an error (E0103,
  // E0209, E0244): the warnings that compare thresholds leave it out.
  bool threshold_valid(const ThresholdLine& t) const;
  // E0244 for an offset written in business days, quoted as written.
  void business_days_offset(const ThresholdLine& t);
  void check_threshold_offsets(const PolicyDecl& p);
  void check_threshold_order(const PolicyDecl& p);
  void check_threshold_twice(const PolicyDecl& p);
  void check_event(const EventRef& e);
  // What earlier routes of a `first` group already match (W0211).
  struct RouteScan {
    std::optional<std::pair<std::string, SourceSpan>> always;  // a route matching every ticket
    std::map<std::string, std::pair<std::string, SourceSpan>> conditions;  // text -> route
  };
  void check_route(const RouteDecl& r, HitPolicy policy, RouteScan& scan);
  void check_group(RouteGroupDecl& g);

  // tests
  void check_test(const TestDecl& t);
  void check_instant(const TestInstant& i);
  void check_test_value(const FieldInfo& f, const TestValue& v);
  void check_test_event(const TestEvent& e);
  // The checks of one expectation; `now` and `created` say whether the
  // test sets them, `routes` whether the rule set has any.
  struct TestFacts {
    bool now = false, created = false;
  };
  void check_expectation(const Expectation& e, const TestFacts& facts);
  void check_target_expectation(const Expectation& e, const TestFacts& facts);
  void check_deadline_expectation(const Expectation& e);

  const SourceMap& sources_;
  std::vector<Diagnostic>& diagnostics_;
  std::size_t syntax_errors_;  // diagnostics_ before checking: the parser's
  std::map<std::string, FieldInfo> fields_;
  std::map<std::string, SourceSpan> declared_fields_, calendars_, policies_, routes_, route_groups_;
  /// Calendars and fields whose declaration did not parse (RuleFile::unparsed).
  std::set<std::string, std::less<>> unparsed_;
  std::set<std::string> slas_;
  std::map<std::string, const CalendarDecl*> composed_;  // by name, the first declaration
  std::set<std::string> cyclic_;                         // composed calendars in a cycle
  std::vector<const CalendarDecl*> parts_first_;         // composed calendars, each after its parts
  std::map<std::string, std::string> zone_field_of_;     // plain calendars: `zone from` field
  std::map<std::string, SourceSpan> tests_;
  std::map<std::string, const PolicyDecl*> policy_decls_;  // by name, the first declaration
  std::set<std::string> route_queues_, route_teams_;       // what some route sets
  CheckedRules out_;
};

}  // namespace slakit::detail
