#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "check_state.hpp"

#include "lang/format/expr_text.hpp"

namespace slakit::detail {

using namespace std::chrono;

void Checker::check_route(const RouteDecl& r) {
  if (r.when) check_condition(*r.when);
  if (!r.queue) {
    error("E0215", fmt::format("route '{}' has no queue: add -> queue NAME", r.name.text),
          r.name.span);
  }
  if (r.priority) {
    const auto* f = &fields_.at("ticket.priority");  // the rule set's own values, if redeclared
    if (std::find(f->members.begin(), f->members.end(), r.priority->text) == f->members.end()) {
      error("E0214", fmt::format("'{}' is not a priority ({})", r.priority->text, join(f->members)),
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

}  // namespace slakit::detail
