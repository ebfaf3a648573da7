#include "routing_lint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <set>

namespace slakit::detail {
namespace {

// A set of tickets: per column of a table, the classes it admits, as bits
// (the fields no column reads are free). Boxes are what the lints compute
// with: a route's matches fill its box when the table decides it exactly.
struct Box {
  std::vector<std::uint64_t> bits;  // column c's classes: words [at[c], at[c + 1])
};

// The lints are not proofs: a group's analysis stops, warning about nothing
// more, after this many word operations (a few tens of milliseconds), so
// that compiling a very large rule set stays fast.
constexpr std::size_t kBudget = std::size_t{30} << 20;
constexpr std::size_t kMostBoxes = 4096;
constexpr std::size_t kMostBoxWords = std::size_t{2} << 20;  // 16 MiB of route boxes

class Boxes {
 public:
  explicit Boxes(std::vector<std::size_t> at) : at_(std::move(at)) {}

  [[nodiscard]] bool spent() const { return used_ > kBudget; }
  [[nodiscard]] bool empty(const Box& b) {
    for (std::size_t c = 0; c + 1 < at_.size(); ++c) {
      if (!any(b, c)) return true;
    }
    return false;
  }
  [[nodiscard]] bool intersect(const Box& a, const Box& b) {
    ++used_;  // even a box of no columns costs its call
    for (std::size_t c = 0; c + 1 < at_.size(); ++c) {
      bool some = false;
      for (auto w = at_[c]; w < at_[c + 1] && !some; ++w) some = (a.bits[w] & b.bits[w]) != 0;
      used_ += at_[c + 1] - at_[c];
      if (!some) return false;
    }
    return true;
  }
  [[nodiscard]] bool contains(const Box& outer, const Box& inner) {
    used_ += 1 + inner.bits.size();
    for (std::size_t w = 0; w < inner.bits.size(); ++w) {
      if ((inner.bits[w] & ~outer.bits[w]) != 0) return false;
    }
    return true;
  }
  // `boxes` minus `cut`, as disjoint boxes: per column in turn, the part of a
  // box outside `cut` there, the rest going on inside it. False when the
  // result would hold more than kMostBoxes.
  bool subtract(std::vector<Box>& boxes, const Box& cut) {
    std::vector<Box> out;
    for (auto& b : boxes) {
      if (!intersect(b, cut)) {
        out.push_back(std::move(b));
        continue;
      }
      for (std::size_t c = 0; c + 1 < at_.size(); ++c) {
        Box outside = b;
        bool some = false;
        for (auto w = at_[c]; w < at_[c + 1]; ++w) {
          outside.bits[w] = b.bits[w] & ~cut.bits[w];
          some = some || outside.bits[w] != 0;
          b.bits[w] &= cut.bits[w];
        }
        used_ += b.bits.size();
        if (some) out.push_back(std::move(outside));
      }
      if (out.size() > kMostBoxes) return false;
    }
    boxes = std::move(out);
    return true;
  }
  [[nodiscard]] bool any(const Box& b, std::size_t c) const {
    for (auto w = at_[c]; w < at_[c + 1]; ++w) {
      if (b.bits[w] != 0) return true;
    }
    return false;
  }
  /// The first class column c admits.
  [[nodiscard]] std::size_t first(const Box& b, std::size_t c) const {
    for (auto w = at_[c]; w < at_[c + 1]; ++w) {
      if (b.bits[w] != 0)
        return (w - at_[c]) * 64 + static_cast<std::size_t>(std::countr_zero(b.bits[w]));
    }
    return 0;
  }

 private:
  std::vector<std::size_t> at_;
  std::size_t used_ = 0;
};

using Warned = std::set<std::pair<std::uint32_t, std::uint32_t>>;  // (file, offset) of W0211s

class GroupLint {
 public:
  GroupLint(const RoutingProgram& program, const RouteGroupPlan& group, const SourceMap& sources,
            const Warned& checked, std::vector<Diagnostic>& diagnostics)
      : program_(program),
        group_(group),
        table_(group.table),
        sources_(sources),
        diagnostics_(diagnostics),
        box_ops_(offsets(group.table)),
        checked_(checked) {
    // The routes that can cover others, in order: covered() tries these
    // only, so that a group of routes tried in full costs nothing per pair.
    for (std::size_t i = 0; i < group_.routes.size(); ++i) {
      if (exact(i)) exact_.push_back(i);
    }
    // Every route's box, once; a class is in a box only when some value of
    // the field has it.
    const auto words = offsets(table_).back();
    // A route's box takes `words` words: a group too big to hold them all
    // is not analysed (compiling must stay cheap in memory too).
    too_big_ = words * group_.routes.size() > kMostBoxWords;
    if (too_big_) return;
    valid_.bits.assign(words, 0);
    boxes_.assign(group_.routes.size(), Box{std::vector<std::uint64_t>(words, 0)});
    std::size_t at = 0;
    for (std::size_t c = 0; c < table_.columns(); ++c) {
      for (std::size_t k = 0; k < table_.classes(c); ++k) {
        if (!table_.example(c, k, program_.layout)) continue;
        const auto w = at + k / 64;
        const auto bit = std::uint64_t{1} << (k % 64);
        valid_.bits[w] |= bit;
        for (std::size_t i = 0; i < boxes_.size(); ++i) {
          if (table_.admits(c, k, i)) boxes_[i].bits[w] |= bit;
        }
      }
      at += (table_.classes(c) + 63) / 64;
    }
  }

  void run() {
    if (too_big_) return;
    std::vector<bool> never(group_.routes.size(), false);
    for (std::size_t i = 0; i < group_.routes.size(); ++i) never[i] = never_holds(i);
    if (group_.policy == HitPolicy::collect) return;
    // The cheap question first, on a budget of its own.
    falls_through();
    // In a scored group the table lists the routes by score: a route that
    // routes before it cover can never win, as in a first group it can
    // never match.
    for (std::size_t i = 0; i < group_.routes.size() && !box_ops_.spent(); ++i) {
      if (!never[i]) covered(i);
    }
  }

 private:
  static std::vector<std::size_t> offsets(const DecisionTable& t) {
    std::vector<std::size_t> at{0};
    for (std::size_t c = 0; c < t.columns(); ++c)
      at.push_back(at.back() + (t.classes(c) + 63) / 64);
    return at;
  }
  [[nodiscard]] const RoutePlan& route(std::size_t i) const {
    return group_.routes[group_.order[i]];
  }
  // A route the table decides exactly, and that can hold: its box is its matches.
  [[nodiscard]] bool exact(std::size_t i) const { return table_.exact(i) && table_.possible(i); }
  // The checker's W0211 (a route after a catch-all, or with an earlier
  // route's very condition) already says it.
  [[nodiscard]] bool warned(const RoutePlan& r) const {
    return checked_.count({r.source->name.span.file, r.source->name.span.begin}) != 0;
  }
  std::string where(SourceSpan span) const {
    const auto p = sources_.position(span);
    return fmt::format("{}:{}:{}", sources_.file(span.file).path, p.line, p.column);
  }
  void warn(const char* code, std::string message, SourceSpan span) {
    diagnostics_.push_back({Severity::warning, code, std::move(message), span});
  }

  // W0227: no value of some field satisfies the condition's parts on it.
  bool never_holds(std::size_t i) {
    const auto& r = route(i);
    if (!r.when) return false;
    const auto& b = boxes_[i];
    if (table_.possible(i) && !box_ops_.empty(b)) return false;
    std::string what = "its condition is false for every ticket";
    for (std::size_t c = 0; c < table_.columns() && table_.possible(i); ++c) {
      if (box_ops_.any(b, c)) continue;
      what = fmt::format("no value of {} satisfies its condition",
                         program_.layout.info(table_.column_slot(c)).path);
      break;
    }
    warn("W0227", fmt::format("route '{}' can never match: {}", r.name, what),
         r.source->when->span);
    return true;
  }

  // W0211: the earlier routes that the table decides exactly cover every
  // ticket this one matches.
  void covered(std::size_t i) {
    const auto& r = route(i);
    if (warned(r)) return;
    const auto& own = boxes_[i];
    std::vector<std::size_t> covering;
    // One earlier route that covers it alone says most; else every earlier
    // route that takes a share.
    for (auto j = exact_.begin(); j != exact_.end() && *j < i && covering.empty(); ++j) {
      if (box_ops_.contains(boxes_[*j], own)) covering.push_back(*j);
    }
    std::vector<Box> uncovered{own};
    if (!covering.empty()) uncovered.clear();
    for (auto k = exact_.begin(); k != exact_.end() && *k < i && !uncovered.empty(); ++k) {
      const auto j = *k;
      const auto& cut = boxes_[j];
      if (std::none_of(uncovered.begin(), uncovered.end(),
                       [&](const Box& b) { return box_ops_.intersect(b, cut); })) {
        continue;
      }
      if (!box_ops_.subtract(uncovered, cut) || box_ops_.spent()) return;
      covering.push_back(j);
    }
    if (!uncovered.empty()) return;
    std::string names;
    for (const auto j : covering) {
      names += fmt::format("{}'{}' at {}", names.empty() ? "" : ", ", route(j).name,
                           where(route(j).source->name.span));
    }
    const bool scored = group_.policy == HitPolicy::scored;
    warn("W0211",
         fmt::format("route '{}' can never {}: {} {} {} every ticket it does{}", r.name,
                     scored ? "win" : "match", covering.size() == 1 ? "route" : "routes", names,
                     covering.size() == 1 ? "matches" : "together match",
                     scored ? ", with a higher score or an equal one earlier" : ""),
         r.source->name.span);
  }

  // W0228: a ticket that no route matches, tried on the full conditions.
  void falls_through() {
    if (group_.routes.empty()) return;
    for (std::size_t i = 0; i < group_.routes.size(); ++i) {
      if (!route(i).when) return;  // a catch-all
    }
    Boxes box_ops{offsets(table_)};  // its own budget
    std::vector<Box> uncovered{valid_};
    for (std::size_t i = 0; i < group_.routes.size() && !uncovered.empty(); ++i) {
      if (exact(i) && (!box_ops.subtract(uncovered, boxes_[i]) || box_ops.spent())) return;
    }
    bool inexact = false;
    for (std::size_t i = 0; i < group_.routes.size(); ++i) inexact = inexact || !table_.exact(i);
    std::vector<SlotValue> values(program_.layout.width());
    for (const auto& b : uncovered) {
      if (box_ops.empty(b)) continue;
      std::string example;
      for (std::size_t c = 0; c < table_.columns(); ++c) {
        const auto v = *table_.example(c, box_ops.first(b, c), program_.layout);
        values[table_.column_slot(c)] = v;
        const auto& field = program_.layout.info(table_.column_slot(c));
        const bool other_text =
            field.type == FieldType::text && v.present && v.code == kUnknownText;
        example += fmt::format("{}{} {}", example.empty() ? "" : ", ", field.path,
                               other_text ? "a text no route names" : "= " + value_text(field, v));
      }
      if (inexact) example += ", the other fields without a value";
      // Routes the table does not decide exactly are tried in full.
      bool matched = false;
      table_.for_each(values, [&](std::size_t) {
        matched = true;
        return false;
      });
      if (matched) continue;
      const auto span =
          group_.name.empty() ? group_.routes.front().source->name.span : group_.source->name.span;
      warn("W0228",
           fmt::format("{} no route matches some tickets, such as one with {}: add a route "
                       "without `when` to catch them",
                       group_.name.empty() ? std::string{"outside groups,"}
                                           : fmt::format("in group '{}',", group_.name),
                       example.empty() ? "any values" : example),
           span);
      return;
    }
  }

  const RoutingProgram& program_;
  const RouteGroupPlan& group_;
  const DecisionTable& table_;
  const SourceMap& sources_;
  std::vector<Diagnostic>& diagnostics_;
  Boxes box_ops_;
  Box valid_;
  const Warned& checked_;
  std::vector<Box> boxes_;          // per table entry
  std::vector<std::size_t> exact_;  // the entries exact() holds for, ascending
  bool too_big_ = false;            // not analysed: its boxes would take too much memory
};

}  // namespace

void lint_routing(const RoutingProgram& program, const SourceMap& sources,
                  std::vector<Diagnostic>& diagnostics) {
  // The routes the checker's W0211 already names, gathered once for all
  // groups.
  Warned checked;
  for (const auto& d : diagnostics) {
    if (d.code == "W0211") checked.insert({d.span.file, d.span.begin});
  }
  for (const auto& g : program.groups) GroupLint{program, g, sources, checked, diagnostics}.run();
}

}  // namespace slakit::detail
