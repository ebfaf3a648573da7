#include "checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "check_state.hpp"

namespace slakit::detail {

using namespace std::chrono;

CheckedRules Checker::run(std::vector<RuleFile>& files) {
  for (const auto& f : builtin_fields()) fields_[f.path] = f;
  // Names first, so that a policy may use a calendar declared after it.
  for (const auto& file : files) {
    for (const auto& n : file.unparsed) unparsed_.insert(n.text);
    for (const auto& d : file.declarations) {
      if (const auto* f = std::get_if<FieldDecl>(&d)) declare_field(*f);
      if (const auto* c = std::get_if<CalendarDecl>(&d)) {
        declare(calendars_, "calendar", c->name);
        if (!c->parts.empty()) composed_.emplace(c->name.text, c);
        for (const auto& line : c->lines) {
          const auto* z = std::get_if<ZoneLine>(&line);
          if (z != nullptr && z->field && c->parts.empty()) {
            zone_field_of_.emplace(c->name.text, z->field->text);
          }
        }
      }
      if (const auto* p = std::get_if<PolicyDecl>(&d)) {
        declare(policies_, "policy", p->name);
        policy_decls_.emplace(p->name.text, p);
        if (p->kind == PolicyDecl::Kind::sla) slas_.insert(p->name.text);
      }
      if (const auto* r = std::get_if<RouteDecl>(&d)) declare(routes_, "route", r->name);
      if (const auto* g = std::get_if<RouteGroupDecl>(&d)) {
        declare(route_groups_, "route group", g->name);
        for (const auto& r : g->routes) declare(routes_, "route", r.name);
      }
    }
  }
  cyclic_ = find_cycles();
  check_zone_fields();
  // The routes outside any group form one `first` group, which stands where
  // its first route does.
  std::optional<std::size_t> loose;
  RouteScan loose_scan;
  // What is checked moves into the result: a rule file's syntax tree is held
  // once, not twice (a condition of a million terms takes hundreds of
  // megabytes). The routes and tests move as soon as they are checked;
  // the policies at the end, since tests look them up (policy_decls_).
  for (auto& file : files) {
    for (auto& d : file.declarations) {
      if (const auto* c = std::get_if<CalendarDecl>(&d)) check_calendar(*c);
      if (const auto* p = std::get_if<PolicyDecl>(&d)) check_policy(*p);
      if (auto* r = std::get_if<RouteDecl>(&d)) {
        if (!loose) {
          loose = out_.route_groups.size();
          out_.route_groups.emplace_back();
        }
        check_route(*r, HitPolicy::first, loose_scan);
        out_.route_groups[*loose].routes.push_back(std::move(*r));
      }
      if (auto* g = std::get_if<RouteGroupDecl>(&d)) check_group(*g);
    }
  }
  // Tests last: they name what every other declaration defines.
  for (const auto& g : out_.route_groups) {
    for (const auto& r : g.routes) {
      if (r.queue) route_queues_.insert(r.queue->text);
      if (r.team) route_teams_.insert(r.team->text);
    }
  }
  for (auto& file : files) {
    for (auto& d : file.declarations) {
      if (auto* t = std::get_if<TestDecl>(&d)) {
        check_test(*t);
        out_.tests.push_back(std::move(*t));
      }
    }
  }
  policy_decls_.clear();
  for (auto& file : files) {
    for (auto& d : file.declarations) {
      if (auto* p = std::get_if<PolicyDecl>(&d)) out_.policies.push_back(std::move(*p));
    }
  }
  for (auto& [path, info] : fields_) out_.fields.push_back(info);
  return std::move(out_);
}

void Checker::error(const char* code, std::string message, SourceSpan span) {
  diagnostics_.push_back({Severity::error, code, std::move(message), span});
}
void Checker::warning(const char* code, std::string message, SourceSpan span) {
  diagnostics_.push_back({Severity::warning, code, std::move(message), span});
}
// True when a syntax or value error lies inside `span`: its checks would
// only repeat that error in other words.
bool Checker::damaged(SourceSpan span) const {
  for (std::size_t i = 0; i < syntax_errors_; ++i) {
    const auto& d = diagnostics_[i];
    if (d.span.file == span.file && d.span.begin >= span.begin && d.span.begin < span.end) {
      return true;
    }
  }
  return false;
}

std::string Checker::where(SourceSpan span) const {
  const auto p = sources_.position(span);
  return fmt::format("{}:{}:{}", sources_.file(span.file).path, p.line, p.column);
}

void Checker::declare(std::map<std::string, SourceSpan>& names, const char* kind,
                      const Name& name) {
  const auto [it, fresh] = names.emplace(name.text, name.span);
  if (!fresh) {
    error(
        "E0201",
        fmt::format("duplicate {} '{}': first declared at {}", kind, name.text, where(it->second)),
        name.span);
  }
}

void Checker::declare_field(const FieldDecl& f) {
  const auto dot = f.path.text.find('.');
  const auto object = f.path.text.substr(0, dot);
  if (std::find(std::begin(kFieldObjects), std::end(kFieldObjects), object) ==
      std::end(kFieldObjects)) {
    error("E0203",
          fmt::format("field '{}' must belong to customer, contract, order or ticket", f.path.text),
          f.path.span);
    return;
  }
  // Every CRM has its own channels, tiers and statuses: a built-in text or
  // `one of` field may get its own list of values. Other types are fixed.
  if (const auto* builtin = find_builtin_field(f.path.text);
      builtin != nullptr && (f.type != FieldType::one_of || (builtin->type != FieldType::text &&
                                                             builtin->type != FieldType::one_of))) {
    error("E0201",
          fmt::format("field '{}' is built in as {}: only a built-in text or 'one of' field "
                      "may be declared again, as 'one of' its own values",
                      f.path.text, field_type_name(builtin->type)),
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

CheckedRules check_rules(std::vector<RuleFile>&& files, const SourceMap& sources,
                         std::vector<Diagnostic>& diagnostics) {
  return Checker{sources, diagnostics}.run(files);
}

}  // namespace slakit::detail
