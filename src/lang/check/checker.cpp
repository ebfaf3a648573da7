#include "checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "calendar/calendar_validation.hpp"
#include "calendar/holiday_dates.hpp"
#include "lang/format/expr_text.hpp"
#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"
#include "slakit/time/time_zone.hpp"

namespace slakit::detail {
namespace {

using namespace std::chrono;

constexpr std::string_view kEvents[] = {"created",       "assigned",         "handed_back",
                                        "agent_replied", "customer_replied", "solved",
                                        "reopened",      "closed",           "status_changed"};

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const auto up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// "; did you mean 'x'?" when a known name is close.
template <class Names>
std::string suggestion(std::string_view wrong, const Names& known) {
  std::string best;
  std::size_t best_distance = 3;
  for (const auto& k : known) {
    const std::string_view name{k};
    const auto d = edit_distance(wrong, name);
    if (d < best_distance) {
      best_distance = d;
      best = std::string{name};
    }
  }
  return best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

class Checker {
 public:
  Checker(const SourceMap& sources, std::vector<Diagnostic>& diagnostics)
      : sources_(sources), diagnostics_(diagnostics), syntax_errors_(diagnostics.size()) {}

  CheckedRules run(const std::vector<RuleFile>& files) {
    for (const auto& f : builtin_fields()) fields_[f.path] = f;
    // Names first, so that a policy may use a calendar declared after it.
    for (const auto& file : files) {
      for (const auto& d : file.declarations) {
        if (const auto* f = std::get_if<FieldDecl>(&d)) declare_field(*f);
        if (const auto* c = std::get_if<CalendarDecl>(&d)) declare(calendars_, "calendar", c->name);
        if (const auto* p = std::get_if<PolicyDecl>(&d)) declare(policies_, "policy", p->name);
        if (const auto* r = std::get_if<RouteDecl>(&d)) declare(routes_, "route", r->name);
      }
    }
    for (const auto& file : files) {
      for (const auto& d : file.declarations) {
        if (const auto* c = std::get_if<CalendarDecl>(&d)) check_calendar(*c);
        if (const auto* p = std::get_if<PolicyDecl>(&d)) check_policy(*p);
        if (const auto* r = std::get_if<RouteDecl>(&d)) check_route(*r);
      }
    }
    for (auto& [path, info] : fields_) out_.fields.push_back(info);
    return std::move(out_);
  }

 private:
  void error(const char* code, std::string message, SourceSpan span) {
    diagnostics_.push_back({Severity::error, code, std::move(message), span});
  }
  void warning(const char* code, std::string message, SourceSpan span) {
    diagnostics_.push_back({Severity::warning, code, std::move(message), span});
  }
  // True when a syntax or value error lies inside `span`: its checks would
  // only repeat that error in other words.
  bool damaged(SourceSpan span) const {
    for (std::size_t i = 0; i < syntax_errors_; ++i) {
      const auto& d = diagnostics_[i];
      if (d.span.file == span.file && d.span.begin >= span.begin && d.span.begin < span.end) {
        return true;
      }
    }
    return false;
  }

  std::string where(SourceSpan span) const {
    const auto p = sources_.position(span);
    return fmt::format("{}:{}:{}", sources_.file(span.file).path, p.line, p.column);
  }

  void declare(std::map<std::string, SourceSpan>& names, const char* kind, const Name& name) {
    const auto [it, fresh] = names.emplace(name.text, name.span);
    if (!fresh) {
      error("E0201",
            fmt::format("duplicate {} '{}': first declared at {}", kind, name.text,
                        where(it->second)),
            name.span);
    }
  }

  void declare_field(const FieldDecl& f) {
    const auto dot = f.path.text.find('.');
    const auto object = f.path.text.substr(0, dot);
    if (std::find(std::begin(kFieldObjects), std::end(kFieldObjects), object) ==
        std::end(kFieldObjects)) {
      error(
          "E0203",
          fmt::format("field '{}' must belong to customer, contract, order or ticket", f.path.text),
          f.path.span);
      return;
    }
    if (find_builtin_field(f.path.text) != nullptr) {
      error("E0201",
            fmt::format("field '{}' is built in and cannot be declared again", f.path.text),
            f.path.span);
      return;
    }
    if (declared_fields_.count(f.path.text) != 0) {
      error("E0201",
            fmt::format("duplicate field '{}': first declared at {}", f.path.text,
                        where(declared_fields_[f.path.text])),
            f.path.span);
      return;
    }
    declared_fields_[f.path.text] = f.path.span;
    FieldInfo info{f.path.text, f.type, {}};
    std::set<std::string> seen;
    for (const auto& m : f.members) {
      if (!seen.insert(m.text).second) {
        error("E0201", fmt::format("value '{}' is listed twice", m.text), m.span);
      }
      info.members.push_back(m.text);
    }
    fields_[f.path.text] = std::move(info);
  }

  // ---- calendars -------------------------------------------------------------

  static std::vector<weekday> expand(const DayRange& r) {
    std::vector<weekday> days{r.first};
    for (auto d = r.first; d != r.last;) {
      d = d + std::chrono::days{1};
      days.push_back(d);
    }
    return days;
  }

  bool check_range(const TimeRange& r, SourceSpan span) {
    const auto problem = period_problem(r);
    if (problem) {
      error("E0218",
            fmt::format("period {}-{} {}", r.open.to_string(), r.close.to_string(), *problem),
            span);
    }
    return !problem;
  }

  void check_calendar(const CalendarDecl& c) {
    CalendarDefinition def{.name = c.name.text, .zone = ""};
    int zones = 0;
    // Per weekday: each period with its close in seconds after that midnight.
    std::map<unsigned, std::vector<std::pair<TimeRange, Seconds>>> per_day;
    std::map<std::string, SourceSpan> open_dates;
    for (const auto& line : c.lines) {
      if (const auto* z = std::get_if<ZoneLine>(&line)) {
        if (++zones > 1) {
          error("E0206", fmt::format("calendar '{}' has a second zone", c.name.text), z->span);
          continue;
        }
        def.zone = z->zone;
        try {
          (void)TimeZone::locate(z->zone);
        } catch (const InvalidArgument&) {
          error("E0205",
                fmt::format("unknown time zone '{}': expected an IANA name like "
                            "\"Europe/Berlin\"",
                            z->zone),
                z->span);
        }
      } else if (const auto* w = std::get_if<WeeklyLine>(&line); w && !damaged(w->span)) {
        for (const auto& r : w->hours) {
          if (!check_range(r, w->span)) continue;
          auto close = r.close.since_midnight();
          if (close <= r.open.since_midnight()) close += hours{24};
          // One message per clash, naming every day it happens on.
          std::map<std::string, std::string> clashes;  // earlier period -> days
          for (const auto& dr : w->days) {
            for (auto d : expand(dr)) {
              def.weekly.push_back({d, r});
              auto& periods = per_day[d.c_encoding()];
              for (const auto& [earlier, end] : periods) {
                if (r.open.since_midnight() < end && earlier.open.since_midnight() < close) {
                  auto& days = clashes[earlier.open.to_string() + "-" + earlier.close.to_string()];
                  days += (days.empty() ? "" : ", ") + std::string{weekday_name(d)};
                }
              }
              periods.emplace_back(r, close);
            }
          }
          for (const auto& [earlier, days] : clashes) {
            error("E0208",
                  fmt::format("periods {} and {}-{} overlap on {}", earlier, r.open.to_string(),
                              r.close.to_string(), days),
                  w->span);
          }
        }
      } else if (const auto* h = std::get_if<HolidayLine>(&line); h && !damaged(h->span)) {
        try {
          validate_holiday_rule(h->rule);
          def.holidays.push_back(h->rule);
        } catch (const InvalidArgument& e) {
          error("E0213", e.what(), h->span);
        }
      } else if (const auto* o = std::get_if<OpenLine>(&line); o && !damaged(o->span)) {
        const auto key = format_date(o->day.date);
        if (const auto [it, fresh] = open_dates.emplace(key, o->span); !fresh) {
          error("E0218",
                fmt::format("a second opening for {}: first at {}", key, where(it->second)),
                o->span);
          continue;
        }
        bool ok = true;
        for (const auto& r : o->day.hours) ok = check_range(r, o->span) && ok;
        if (ok) def.overrides.push_back(o->day);
      }
    }
    if (zones == 0) {
      error("E0206",
            fmt::format("calendar '{}' has no zone: add a line like zone \"Europe/Berlin\"",
                        c.name.text),
            c.name.span);
    }
    if (!has_working_time(def) && !damaged(c.span)) {
      error("E0207",
            fmt::format("calendar '{}' has no working time: add opening hours like "
                        "mon..fri 09:00-17:00",
                        c.name.text),
            c.name.span);
    }
    out_.calendars.push_back(std::move(def));
  }

  // ---- conditions --------------------------------------------------------------

  const FieldInfo* field(const std::string& path, SourceSpan span) {
    if (const auto it = fields_.find(path); it != fields_.end()) return &it->second;
    std::vector<std::string> known;
    for (const auto& [p, f] : fields_) known.push_back(p);
    error("E0203", fmt::format("unknown field '{}'{}", path, suggestion(path, known)), span);
    return nullptr;
  }

  static std::string describe(const FieldInfo& f) {
    if (f.type == FieldType::one_of) return fmt::format("one of {}", join(f.members));
    return fmt::format("a {}", field_type_name(f.type));
  }

  static std::string_view literal_kind(const Literal& l) {
    switch (l.kind) {
      case Literal::Kind::string:
        return "a string";
      case Literal::Kind::number:
        return "a number";
      case Literal::Kind::symbol:
        return "a word";
      case Literal::Kind::duration:
        return "a duration";
      case Literal::Kind::date:
        return "a date";
      case Literal::Kind::none:
        return "none";
      case Literal::Kind::boolean:
        return "true or false";
    }
    return "a value";
  }

  void check_value(const FieldInfo& f, const Literal& l, CompareOp op) {
    if (l.kind == Literal::Kind::none) {
      if (op != CompareOp::eq && op != CompareOp::ne) {
        error("E0204", "none can only be compared with == or !=", l.span);
      }
      return;
    }
    bool fits = false;
    switch (f.type) {
      case FieldType::text:
        fits = l.kind == Literal::Kind::string || l.kind == Literal::Kind::symbol;
        break;
      case FieldType::one_of:
        if (l.kind == Literal::Kind::string || l.kind == Literal::Kind::symbol) {
          if (std::find(f.members.begin(), f.members.end(), l.text) == f.members.end()) {
            error("E0214",
                  fmt::format("'{}' is not a value of {} ({}){}", l.text, f.path, join(f.members),
                              suggestion(l.text, f.members)),
                  l.span);
          }
          return;
        }
        break;
      case FieldType::number:
        fits = l.kind == Literal::Kind::number;
        break;
      case FieldType::boolean:
        fits = l.kind == Literal::Kind::boolean;
        break;
      case FieldType::duration:
        fits = l.kind == Literal::Kind::duration;
        break;
      case FieldType::time:
      case FieldType::date:
        fits = l.kind == Literal::Kind::date;
        break;
    }
    if (!fits) {
      error("E0204",
            fmt::format("type mismatch: {} is {}, but {} is {}", f.path, describe(f),
                        literal_text(l), literal_kind(l)),
            l.span);
    }
  }

  static bool ordered(FieldType t) {
    return t == FieldType::number || t == FieldType::duration || t == FieldType::time ||
           t == FieldType::date;
  }

  void check_comparison(const Expr& e) {
    const Expr* lhs = &e.operands[0];
    const Expr* rhs = e.operands.size() > 1 ? &e.operands[1] : nullptr;
    if (lhs->kind != Expr::Kind::field && rhs != nullptr && rhs->kind == Expr::Kind::field) {
      std::swap(lhs, rhs);
    }
    if (lhs->kind != Expr::Kind::field) {
      error("E0204", "a comparison needs a field on one side", e.span);
      return;
    }
    const FieldInfo* f = field(lhs->field, lhs->span);
    if (f == nullptr) return;
    const bool ordering = e.op == CompareOp::lt || e.op == CompareOp::le || e.op == CompareOp::gt ||
                          e.op == CompareOp::ge;
    if (ordering && !ordered(f->type)) {
      error("E0204",
            fmt::format("{} is {}: it has no order, so only ==, != and in apply", f->path,
                        describe(*f)),
            e.span);
      return;
    }
    if (e.op == CompareOp::in || e.op == CompareOp::not_in) {
      for (const auto& l : e.list) check_value(*f, l, CompareOp::eq);
      return;
    }
    if (rhs->kind == Expr::Kind::field) {
      const FieldInfo* g = field(rhs->field, rhs->span);
      if (g != nullptr && g->type != f->type) {
        error("E0204",
              fmt::format("type mismatch: {} is {}, but {} is {}", f->path, describe(*f), g->path,
                          describe(*g)),
              e.span);
      }
      return;
    }
    if (rhs->kind == Expr::Kind::literal) {
      check_value(*f, rhs->literal, e.op);
    } else {
      error("E0204", "compare a field with a value or another field", rhs->span);
    }
  }

  void check_condition(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::literal:
        if (e.literal.kind != Literal::Kind::boolean) {
          error("E0204",
                fmt::format("a condition must be true or false, not {}", literal_kind(e.literal)),
                e.span);
        }
        return;
      case Expr::Kind::field:
        if (const auto* f = field(e.field, e.span); f != nullptr && f->type != FieldType::boolean) {
          error("E0204",
                fmt::format("{} is {}, not true or false: compare it, as in {} == ...", f->path,
                            describe(*f), f->path),
                e.span);
        }
        return;
      case Expr::Kind::compare:
        check_comparison(e);
        return;
      default:
        for (const auto& o : e.operands) check_condition(o);
    }
  }

  // ---- policies and routes -------------------------------------------------------

  void check_policy(const PolicyDecl& p) {
    const char* kind = p.kind == PolicyDecl::Kind::sla ? "sla" : "ola";
    if (p.applies) check_condition(*p.applies);
    if (p.pause_while) check_condition(*p.pause_while);
    if (p.calendar && calendars_.count(p.calendar->text) == 0) {
      std::vector<std::string> known;
      for (const auto& [n, s] : calendars_) known.push_back(n);
      error("E0202",
            fmt::format("unknown calendar '{}'{}", p.calendar->text,
                        suggestion(p.calendar->text, known)),
            p.calendar->span);
    }
    if (p.targets.empty()) {
      error("E0210",
            fmt::format("{} '{}' has no targets: add one like resolution 8h", kind, p.name.text),
            p.name.span);
    }
    std::set<Metric> seen;
    for (const auto& t : p.targets) {
      if (!seen.insert(t.metric).second) {
        error("E0201", "a second target for the same metric", t.span);
      }
      for (std::size_t i = 0; i < t.cases.size(); ++i) {
        const auto& c = t.cases[i];
        if (c.when) check_condition(*c.when);
        if (!c.when && i + 1 != t.cases.size()) {
          error("E0220", "only the last value of a target may stand without 'when'", c.span);
        }
      }
      if (t.before) {
        if (const auto* f = field(t.before->field, t.before->span);
            f != nullptr && f->type != FieldType::time && f->type != FieldType::date) {
          error("E0217",
                fmt::format("'before' needs a time or date field; {} is {}", f->path, describe(*f)),
                t.before->span);
        }
      }
    }
    for (const auto& e : p.start_on) check_event(e);
    for (const auto& e : p.stop_on) check_event(e);
    for (const auto& t : p.thresholds) {
      if (t.percent < 0 || t.percent > 100) {
        error("E0209", fmt::format("percentage {}% is outside 0% to 100%", t.percent), t.span);
      }
    }
    out_.policies.push_back(p);
  }

  void check_event(const EventRef& e) {
    if (std::find(std::begin(kEvents), std::end(kEvents), e.event.text) == std::end(kEvents)) {
      std::vector<std::string> known(std::begin(kEvents), std::end(kEvents));
      error("E0216",
            fmt::format("unknown event '{}' (expected one of {}){}", e.event.text, join(known),
                        suggestion(e.event.text, known)),
            e.event.span);
    } else if (e.team && e.event.text != "assigned") {
      error("E0216", "only 'assigned' takes 'to team'", e.span);
    }
  }

  void check_route(const RouteDecl& r) {
    if (r.when) check_condition(*r.when);
    if (!r.queue) {
      error("E0215", fmt::format("route '{}' has no queue: add -> queue NAME", r.name.text),
            r.name.span);
    }
    if (r.priority) {
      const auto* f = find_builtin_field("ticket.priority");
      if (std::find(f->members.begin(), f->members.end(), r.priority->text) == f->members.end()) {
        error("E0214",
              fmt::format("'{}' is not a priority ({})", r.priority->text, join(f->members)),
              r.priority->span);
      }
    }
    // First match wins: a rule after one that always matches, or after one
    // with the same condition, never runs.
    if (always_) {
      warning("W0211",
              fmt::format("route '{}' can never match: route '{}' at {} matches every ticket first",
                          r.name.text, always_->first, where(always_->second)),
              r.name.span);
    } else if (r.when) {
      const auto text = expr_text(*r.when);
      if (const auto it = conditions_.find(text); it != conditions_.end()) {
        warning("W0211",
                fmt::format("route '{}' can never match: route '{}' has the same condition",
                            r.name.text, it->second),
                r.name.span);
      } else {
        conditions_.emplace(text, r.name.text);
      }
    }
    const bool matches_all =
        !r.when || (r.when->kind == Expr::Kind::literal &&
                    r.when->literal.kind == Literal::Kind::boolean && r.when->literal.boolean);
    if (matches_all && !always_) always_ = std::make_pair(r.name.text, r.name.span);
    out_.routes.push_back(r);
  }

  const SourceMap& sources_;
  std::vector<Diagnostic>& diagnostics_;
  std::size_t syntax_errors_;  // diagnostics_ before checking: the parser's
  std::map<std::string, FieldInfo> fields_;
  std::map<std::string, SourceSpan> declared_fields_, calendars_, policies_, routes_;
  std::map<std::string, std::string> conditions_;
  std::optional<std::pair<std::string, SourceSpan>> always_;
  CheckedRules out_;
};

}  // namespace

CheckedRules check_rules(const std::vector<RuleFile>& files, const SourceMap& sources,
                         std::vector<Diagnostic>& diagnostics) {
  return Checker{sources, diagnostics}.run(files);
}

}  // namespace slakit::detail
