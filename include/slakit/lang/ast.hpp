// slakit/lang/ast.hpp: the syntax tree of a rule file.
//
// Plain std types, no parser headers. Every node keeps the SourceSpan it came
// from, so that checks made after parsing, and explanations made at run time,
// can point at the text. Calendar lines hold the calendar layer's own types
// (TimeRange, HolidayRule, DateOverride): one model, not two.
//
//   sla gold for contract.sla == "gold" {     // PolicyDecl{kind = sla}
//     calendar berlin_support                  //   .calendar
//     first_response 1h when ticket.priority == urgent, otherwise 4h
//   }
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "slakit/calendar/calendar_definition.hpp"
#include "slakit/lang/source.hpp"
#include "slakit/model/fields.hpp"

namespace slakit {

struct Name {
  std::string text;
  SourceSpan span{};
};

/// "1h30m" (time) or "3 business days" / "3bd" (days); never both.
struct BusinessDuration {
  std::chrono::seconds time{0};
  int business_days = 0;
  friend bool operator==(const BusinessDuration&, const BusinessDuration&) = default;
};

struct Literal {
  enum class Kind { string, number, symbol, duration, date, none, boolean };
  Kind kind = Kind::none;
  std::string text{};  ///< string contents, symbol name, or the number as written
  double number = 0;
  BusinessDuration duration{};
  std::chrono::year_month_day date{};
  bool boolean = false;
  SourceSpan span{};
};

enum class CompareOp { eq, ne, lt, le, gt, ge, in, not_in };

/// A condition. Kinds and their parts:
///   literal: `literal`; field: `field` ("ticket.priority");
///   compare: operands[0] op operands[1], or operands[0] (not) in `list`;
///   logical_not: operands[0]; logical_and / logical_or: operands (two or more).
struct Expr {
  enum class Kind { literal, field, compare, logical_not, logical_and, logical_or };
  Kind kind = Kind::literal;
  Literal literal{};
  std::string field{};
  CompareOp op = CompareOp::eq;
  std::vector<Expr> operands{};
  std::vector<Literal> list{};
  SourceSpan span{};
};

// ---- calendars -------------------------------------------------------------

/// One or more weekdays: "mon", "mon..fri" (first != last), written order kept.
struct DayRange {
  std::chrono::weekday first{};
  std::chrono::weekday last{};
};

/// "mon..fri 08:00-12:00, 12:30-17:00"
struct WeeklyLine {
  std::vector<DayRange> days{};
  std::vector<TimeRange> hours{};
  SourceSpan span{};
  std::vector<SourceSpan> hour_spans{};  ///< where each of `hours` stands (the formatter's)
};

/// "holiday "Good Friday" easter - 2", or the short form "closed 2026-12-31 from 12:00".
struct HolidayLine {
  HolidayRule rule{};
  bool closed_form = false;  ///< written as `closed DATE ...`
  SourceSpan span{};
};

/// "open 2026-12-20 10:00-14:00", or with "extra" (`day.extra`).
struct OpenLine {
  DateOverride day{};
  SourceSpan span{};
};

/// "zone "Europe/Berlin"", or "zone from customer.zone else "Europe/Berlin"":
/// the hours are read in the zone a ticket's field names, `zone` when empty.
struct ZoneLine {
  std::string zone{};
  std::optional<Name> field{};
  SourceSpan span{};
};

using CalendarLine = std::variant<ZoneLine, WeeklyLine, HolidayLine, OpenLine>;

/// "calendar berlin_support { ... }", or a composed calendar
/// "calendar desk = emea | americas | apac zone "Europe/London"": then
/// `parts` names the calendars it combines by `op` and `lines` holds at most
/// its zone.
struct CalendarDecl {
  Name name{};
  std::vector<CalendarLine> lines{};
  CalendarOp op = CalendarOp::union_of;
  std::vector<Name> parts{};  ///< empty for a calendar with its own hours
  SourceSpan span{};
};

// ---- fields ----------------------------------------------------------------

/// "field customer.region : one of emea, amer, apac"
struct FieldDecl {
  Name path{};
  FieldType type = FieldType::text;
  std::vector<Name> members{};  ///< one_of only
  SourceSpan span{};
};

// ---- SLA and OLA policies --------------------------------------------------

enum class Metric { first_response, next_response, resolution, periodic_update, target };

/// "first_response", "next_response", "resolution", "periodic_update", "target".
[[nodiscard]] std::string_view metric_name(Metric m) noexcept;

/// One value of a target: "1h when ticket.priority == urgent", or "otherwise 4h".
struct TargetCase {
  BusinessDuration value{};
  std::optional<Expr> when{};
  SourceSpan span{};
};

/// "resolution before order.due - 1 business day"
struct DueBefore {
  std::string field{};
  BusinessDuration margin{};
  SourceSpan span{};
};

/// How a resolution cycle after a reopening counts: "on reopen continue"
/// (the default) or "on reopen restart".
enum class Reopen { unspecified, continue_counting, restart };

struct TargetLine {
  Metric metric = Metric::resolution;
  std::vector<TargetCase> cases{};  ///< empty when `before` is set
  std::optional<DueBefore> before{};
  Reopen reopen = Reopen::unspecified;
  SourceSpan reopen_span{};  ///< where "on reopen ..." stands, when written
  SourceSpan span{};
};

/// Where a threshold lies: a share of the target (`at 75%`), or a duration
/// of the target's own time before or after the due (`1h before due`,
/// `2h after due`; docs/sla.md, "Warnings and escalations").
enum class ThresholdForm { percent, before_due, after_due };

/// "warn at 75%", "escalate at 100% to team leads", "warn 1h before due",
/// "escalate 2h after due to team managers".
struct ThresholdLine {
  bool escalate = false;
  ThresholdForm form = ThresholdForm::percent;
  int percent = 0;            ///< form percent
  BusinessDuration offset{};  ///< forms before_due and after_due
  /// The offset is written in business days, whatever its amount (`0bd`
  /// too, which `offset` cannot tell from `0s`): an error, E0244.
  bool offset_in_business_days = false;
  /// Where the offset stands (`0bd`, `2 business days`): E0244 quotes it
  /// as written, which `offset` no longer tells.
  SourceSpan offset_span{};
  std::string target_kind{};  ///< "team", "queue" or "agent"; escalations only
  Name target{};
  SourceSpan span{};
};

/// "assigned to team l2", "solved".
struct EventRef {
  Name event{};
  std::optional<Name> team{};
  SourceSpan span{};
};

/// An `sla` or `ola` block. (A member added here, or to the structs it
/// holds, that changes what a policy computes must also be compared by
/// `slakit diff`'s SameParts::policy_text, src/program/same_parts.cpp:
/// else diff would take a changed policy's old answers as the new ones.)
struct PolicyDecl {
  enum class Kind { sla, ola };
  Kind kind = Kind::sla;
  Name name{};
  std::optional<Expr> applies{};         ///< "for <condition>"
  std::optional<Name> calendar{};        ///< with `calendar_field`: the fallback
  std::optional<Name> calendar_field{};  ///< "calendar from customer.calendar else NAME"
  std::vector<TargetLine> targets{};
  std::optional<Expr> pause_while{};
  std::vector<EventRef> start_on{};  ///< OLA clock start events
  std::vector<EventRef> stop_on{};
  std::vector<ThresholdLine> thresholds{};
  SourceSpan span{};
};

// ---- routing ---------------------------------------------------------------

/// "skills [german] for 10m": skills required until the ticket has waited
/// that long since its creation (docs/routing.md, "Skill relaxation").
struct RelaxedSkills {
  std::vector<Name> skills{};
  BusinessDuration after{};
  SourceSpan span{};
};

/// "route vip score 20 when <condition> -> queue billing_vip, priority urgent,
///  team billing, skills [billing], skills [german] for 10m, tags [vip], sla platinum"
///
/// (A member added here that changes what routing answers must also be
/// compared by SameParts::routing_text, src/program/same_parts.cpp.)
struct RouteDecl {
  Name name{};
  std::optional<int> score{};  ///< "score N": routes of a scored group
  SourceSpan score_span{};
  std::optional<Expr> when{};
  std::optional<Name> queue{};
  std::optional<Name> priority{};
  std::optional<Name> team{};
  std::optional<Name> sla{};  ///< an SLA policy that applies instead of `for` selection
  std::vector<Name> skills{};
  std::vector<RelaxedSkills> relaxed_skills{};
  std::vector<Name> tags{};
  SourceSpan span{};
};

/// How the routes of one group decide (docs/routing.md, "Hit policies").
enum class HitPolicy { first, collect, scored };

/// "routes labels collect { route ... }". The routes written outside any
/// group form one `first` group of their own, with an empty name.
struct RouteGroupDecl {
  Name name{};
  HitPolicy policy = HitPolicy::first;
  std::vector<RouteDecl> routes{};
  SourceSpan span{};
};

[[nodiscard]] std::string_view hit_policy_name(HitPolicy p) noexcept;

// ---- tests -----------------------------------------------------------------

/// An instant in a test: RFC 3339 ("2026-03-27T15:00:00Z": `rfc3339` holds
/// the text as written and `utc` the instant), or wall-clock time in a
/// calendar's zone ("2026-03-27 16:00 in emea_support": `date`, `time` and
/// `calendar`) or in an IANA zone ("2026-03-27 16:00 in "Asia/Tokyo"":
/// `zone`, its text without the quotes); the runner reads it in that zone.
/// A date alone (a time field due on a day, a business-day deadline) has
/// only `date`.
struct TestInstant {
  std::chrono::year_month_day date{};
  std::optional<TimeOfDay> time{};                ///< local form
  std::optional<Name> calendar{};                 ///< local form in a calendar's zone
  std::optional<Name> zone{};                     ///< local form in an IANA zone
  std::string rfc3339{};                          ///< RFC 3339 form, as written
  std::optional<std::chrono::sys_seconds> utc{};  ///< RFC 3339 form
  SourceSpan span{};
};

/// A value in a test: an instant or date, or a literal as in conditions.
struct TestValue {
  std::optional<TestInstant> instant{};
  Literal literal{};  ///< when `instant` is empty
  SourceSpan span{};
};

/// "ticket.priority = urgent": a field of the ticket at its creation.
struct TestField {
  Name path{};
  TestValue value{};
  SourceSpan span{};
};

/// "at 2026-03-27 17:00 in emea_support status_changed to pending_customer".
struct TestEvent {
  TestInstant at{};
  Name event{};
  std::optional<Name> to{};           ///< "to NAME" (status_changed)
  std::optional<Name> team{};         ///< "to team NAME" (assigned)
  std::optional<Name> agent{};        ///< "agent NAME" (assigned)
  bool is_private = false;            ///< "private" (agent_replied)
  std::optional<TestField> change{};  ///< "PATH = VALUE" (field_changed)
  SourceSpan span{};
};

/// "now 2026-03-30 12:00 in emea_support"
struct TestNow {
  TestInstant at{};
  SourceSpan span{};
};

/// One `expect` line. Kinds and their parts:
///   queue, team, priority, route, sla: `name` (empty `name` text: none);
///   skills, tags, olas: `names`;
///   target: `policy`.`metric` [cycle], then `check` with `state`, `at`,
///     `duration` as it needs;
///   deadline: `name` (the calendar), `from`, `add`, `at` (the due).
struct Expectation {
  enum class Kind { queue, team, priority, route, sla, skills, tags, olas, target, deadline };
  enum class Check {
    state,
    no_cycle,
    due,
    no_due,
    remaining,
    overdue,
    warning,
    escalation,
    breach
  };
  Kind kind = Kind::queue;
  std::optional<Name> name{};  ///< empty: `none`
  std::vector<Name> names{};
  Name target{};  ///< "gold.first_response" as written
  std::optional<int> cycle{};
  SourceSpan cycle_span{};
  Check check = Check::state;
  std::string state{};  ///< running, paused, met, breached, cancelled
  std::optional<TestInstant> at{};
  std::optional<TestInstant> from{};
  BusinessDuration duration{};
  SourceSpan duration_span{};
  SourceSpan span{};
};

using TestLine = std::variant<TestField, TestEvent, TestNow, Expectation>;

/// "test "gold: weekend" { ... }": a ticket, its history, `now`, and
/// expectations, in the order written.
struct TestDecl {
  Name name{};  ///< the string's contents, spanning the quoted string
  std::vector<TestLine> lines{};
  SourceSpan span{};
};

/// "include "common.sla""
struct IncludeDecl {
  std::string path{};
  SourceSpan span{};
};

using Declaration = std::variant<IncludeDecl, CalendarDecl, FieldDecl, PolicyDecl, RouteDecl,
                                 RouteGroupDecl, TestDecl>;

/// "# text": kept so that the formatter can put it back.
struct Comment {
  std::string text{};  ///< without the leading '#'
  SourceSpan span{};
};

struct RuleFile {
  std::uint32_t file = 0;
  std::vector<Declaration> declarations{};
  std::vector<Comment> comments{};
  /// The names of calendars and fields whose declaration has a syntax error
  /// (reported): the checker does not call them unknown where they are used.
  std::vector<Name> unparsed{};
};

}  // namespace slakit
