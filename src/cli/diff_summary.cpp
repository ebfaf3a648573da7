#include "diff_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "support/json_writer.hpp"
#include "support/utf8.hpp"

namespace slakit::cli {
namespace {

DiffGroup& group(std::map<std::string, DiffGroup, std::less<>>& groups, std::string_view key) {
  auto it = groups.find(key);
  if (it == groups.end()) it = groups.emplace(std::string{key}, DiffGroup{}).first;
  return it->second;
}

void count(DiffGroup& g, const std::vector<Change>& changes) {
  ++g.tickets;
  if (!changes.empty()) ++g.changed;
  for (const auto& c : changes) ++g.kinds[static_cast<std::size_t>(c.kind)];
}

void add_group(DiffGroup& into, const DiffGroup& g) {
  into.tickets += g.tickets;
  into.changed += g.changed;
  for (std::size_t k = 0; k < kChangeKinds; ++k) into.kinds[k] += g.kinds[k];
}

// "1 ticket", "2 tickets".
std::string count_of(std::uint64_t n, std::string_view what) {
  return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
}

std::string_view shown(const std::optional<std::string>& v) {
  return v ? std::string_view{*v} : "none";
}

// "5 changed: policy 3, due 5"
std::string kinds_text(const KindCounts& kinds) {
  std::string out;
  for (const auto kind : kAllChangeKinds) {
    if (const auto n = kinds[static_cast<std::size_t>(kind)]) {
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", change_kind_name(kind), n);
    }
  }
  return out;
}

void groups_text(std::string& out, std::string_view title,
                 const std::map<std::string, DiffGroup, std::less<>>& groups) {
  if (groups.empty()) return;
  out += fmt::format("{}:\n", title);
  std::size_t width = 0;
  for (const auto& [name, g] : groups) width = std::max(width, name.size());
  for (const auto& [name, g] : groups) {
    out += fmt::format("  {:<{}}  {}, {} changed", name, width, count_of(g.tickets, "ticket"),
                       g.changed);
    if (g.changed != 0) out += fmt::format(": {}", kinds_text(g.kinds));
    out += '\n';
  }
}

void moves_text(std::string& out, std::string_view title,
                const std::map<std::pair<std::string, std::string>, std::uint64_t>& moves) {
  if (moves.empty()) return;
  out += fmt::format("{}:\n", title);
  for (const auto& [from_to, n] : moves) {
    out += fmt::format("  {} -> {}  {}\n", from_to.first, from_to.second, n);
  }
}

void json_kinds(detail::JsonWriter& w, const KindCounts& kinds) {
  for (const auto kind : kAllChangeKinds) {
    w.key(change_kind_name(kind));
    w.value(static_cast<std::int64_t>(kinds[static_cast<std::size_t>(kind)]));
  }
}

void json_value(detail::JsonWriter& w, const std::optional<std::string>& v) {
  if (v) {
    w.value(*v);
  } else {
    w.null();
  }
}

void json_groups(detail::JsonWriter& w, std::string_view name,
                 const std::map<std::string, DiffGroup, std::less<>>& groups) {
  w.key(name == "policy" ? "by_policy" : "by_queue");
  w.begin_array();
  for (const auto& [key, g] : groups) {
    w.begin_object();
    w.key(name), w.value(key);
    w.key("tickets"), w.value(static_cast<std::int64_t>(g.tickets));
    w.key("changed"), w.value(static_cast<std::int64_t>(g.changed));
    w.key("kinds");
    w.begin_object();
    json_kinds(w, g.kinds);
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

void json_moves(detail::JsonWriter& w, std::string_view name,
                const std::map<std::pair<std::string, std::string>, std::uint64_t>& moves) {
  w.key(name);
  w.begin_array();
  for (const auto& [from_to, n] : moves) {
    w.begin_object();
    w.key("old"), w.value(from_to.first);
    w.key("new"), w.value(from_to.second);
    w.key("tickets"), w.value(static_cast<std::int64_t>(n));
    w.end_object();
  }
  w.end_array();
}

void count_cycles(CycleStates& into, const DiffSide& side) {
  if (!side.ok) return;
  for (const auto* list : {&side.evaluation.targets, &side.evaluation.olas}) {
    for (const auto& c : *list) ++into.by_state[static_cast<std::size_t>(c.state)];
  }
}

// The order reports list the states in, as `slakit report` does.
constexpr std::array<TargetState, 5> kStates{TargetState::met, TargetState::breached,
                                             TargetState::running, TargetState::paused,
                                             TargetState::cancelled};

// met / (met + breached), as docs/report.md defines met %; none without either.
std::optional<double> met_percent(const CycleStates& c) {
  const auto ended = c.of(TargetState::met) + c.of(TargetState::breached);
  if (ended == 0) return std::nullopt;
  return 100.0 * static_cast<double>(c.of(TargetState::met)) / static_cast<double>(ended);
}

std::string percent_text(std::optional<double> p) {
  return p ? fmt::format("{:.1f}", *p) : std::string{"-"};
}

void cycles_text(std::string& out, const DiffSummary& s) {
  out += fmt::format("breaches: {} newly breached, {} no longer breached\n",
                     count_of(s.newly_breached, "ticket"), s.no_longer_breached);
  out += fmt::format("{:<11} {:>9} {:>9}\n", "cycles", "old", "new");
  for (const auto state : kStates) {
    out += fmt::format("  {:<9} {:>9} {:>9}\n", target_state_name(state), s.old_cycles.of(state),
                       s.new_cycles.of(state));
  }
  out += fmt::format("  {:<9} {:>9} {:>9}\n", "met %", percent_text(met_percent(s.old_cycles)),
                     percent_text(met_percent(s.new_cycles)));
}

void json_cycles(detail::JsonWriter& w, std::string_view name, const CycleStates& c) {
  w.key(name);
  w.begin_object();
  for (const auto state : kStates) {
    w.key(target_state_name(state)), w.value(static_cast<std::int64_t>(c.of(state)));
  }
  w.key("met_percent");
  if (const auto p = met_percent(c)) {
    w.value(*p);
  } else {
    w.null();
  }
  w.end_object();
}

}  // namespace

void DiffSummary::add(std::size_t line, const std::string& id, const DiffSide& old_side,
                      const DiffSide& new_side, const std::vector<Change>& changes,
                      BreachShift shift) {
  ++compared;
  if (!changes.empty()) ++changed;
  newly_breached += shift.newly ? 1 : 0;
  no_longer_breached += shift.no_longer ? 1 : 0;
  count_cycles(old_cycles, old_side);
  count_cycles(new_cycles, new_side);
  // A ticket the old rules could not take is counted where the new ones put it.
  const auto& side = old_side.ok ? old_side : new_side;
  count(group(by_policy, policy_key(side)), changes);
  count(group(by_queue, queue_key(side)), changes);
  for (const auto& c : changes) {
    const auto k = static_cast<std::size_t>(c.kind);
    ++kinds[k];
    if (c.kind == ChangeKind::policy) {
      ++policy_moves[{std::string{policy_key(old_side)}, std::string{policy_key(new_side)}}];
    } else if (c.kind == ChangeKind::queue) {
      ++queue_moves[{std::string{queue_key(old_side)}, std::string{queue_key(new_side)}}];
    }
    // A thread takes chunks in input order, so its first examples are its
    // earliest lines.
    if (examples[k].size() < examples_per_kind) examples[k].push_back({line, id, c});
  }
}

void DiffSummary::merge(const DiffSummary& other) {
  compared += other.compared;
  changed += other.changed;
  unreadable += other.unreadable;
  newly_breached += other.newly_breached;
  no_longer_breached += other.no_longer_breached;
  for (std::size_t i = 0; i < old_cycles.by_state.size(); ++i) {
    old_cycles.by_state[i] += other.old_cycles.by_state[i];
    new_cycles.by_state[i] += other.new_cycles.by_state[i];
  }
  for (std::size_t k = 0; k < kChangeKinds; ++k) {
    kinds[k] += other.kinds[k];
    auto& mine = examples[k];
    mine.insert(mine.end(), other.examples[k].begin(), other.examples[k].end());
    std::sort(mine.begin(), mine.end(),
              [](const DiffExample& a, const DiffExample& b) { return a.line < b.line; });
    if (mine.size() > examples_per_kind) mine.resize(examples_per_kind);
  }
  for (const auto& [key, g] : other.by_policy) add_group(group(by_policy, key), g);
  for (const auto& [key, g] : other.by_queue) add_group(group(by_queue, key), g);
  for (const auto& [key, n] : other.policy_moves) policy_moves[key] += n;
  for (const auto& [key, n] : other.queue_moves) queue_moves[key] += n;
}

std::string diff_text(const DiffSummary& s) {
  std::string out =
      fmt::format("{} compared, {} changed", count_of(s.compared, "ticket"), s.changed);
  if (s.unreadable != 0) out += fmt::format(", {} unreadable", count_of(s.unreadable, "line"));
  out += '\n';
  for (const auto kind : kAllChangeKinds) {
    if (const auto n = s.kinds[static_cast<std::size_t>(kind)]) {
      out += fmt::format("  {:<8}  {}\n", change_kind_name(kind), n);
    }
  }
  if (s.changed == 0) return out;
  cycles_text(out, s);
  groups_text(out, "by policy (old rules)", s.by_policy);
  groups_text(out, "by queue (old rules)", s.by_queue);
  moves_text(out, "policy moves", s.policy_moves);
  moves_text(out, "queue moves", s.queue_moves);
  for (const auto kind : kAllChangeKinds) {
    const auto& examples = s.examples[static_cast<std::size_t>(kind)];
    if (examples.empty()) continue;
    const auto n = s.kinds[static_cast<std::size_t>(kind)];
    out += fmt::format(
        "{} changes{}:\n", change_kind_name(kind),
        examples.size() < n ? fmt::format(" (first {} of {})", examples.size(), n) : std::string{});
    for (const auto& e : examples) {
      out += fmt::format("  {} (line {}): {}{}{} -> {}\n", detail::one_line(e.id), e.line,
                         e.change.target, e.change.target.empty() ? "" : " ",
                         shown(e.change.old_value), shown(e.change.new_value));
    }
  }
  return out;
}

std::string diff_json(const DiffSummary& s) {
  detail::JsonWriter w;
  w.begin_object();
  w.key("compared"), w.value(static_cast<std::int64_t>(s.compared));
  w.key("changed"), w.value(static_cast<std::int64_t>(s.changed));
  w.key("unreadable"), w.value(static_cast<std::int64_t>(s.unreadable));
  w.key("kinds");
  w.begin_object();
  json_kinds(w, s.kinds);
  w.end_object();
  json_groups(w, "policy", s.by_policy);
  json_groups(w, "queue", s.by_queue);
  json_moves(w, "policy_moves", s.policy_moves);
  json_moves(w, "queue_moves", s.queue_moves);
  w.key("breaches");
  w.begin_object();
  w.key("newly_breached"), w.value(static_cast<std::int64_t>(s.newly_breached));
  w.key("no_longer_breached"), w.value(static_cast<std::int64_t>(s.no_longer_breached));
  w.end_object();
  w.key("cycles");
  w.begin_object();
  json_cycles(w, "old", s.old_cycles);
  json_cycles(w, "new", s.new_cycles);
  w.end_object();
  w.key("examples");
  w.begin_object();
  for (const auto kind : kAllChangeKinds) {
    w.key(change_kind_name(kind));
    w.begin_array();
    for (const auto& e : s.examples[static_cast<std::size_t>(kind)]) {
      w.begin_object();
      w.key("id"), w.value(e.id);
      w.key("line"), w.value(static_cast<std::int64_t>(e.line));
      w.key("target");
      json_value(w, e.change.target.empty() ? std::nullopt : std::optional{e.change.target});
      w.key("old"), json_value(w, e.change.old_value);
      w.key("new"), json_value(w, e.change.new_value);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  w.end_object();
  w.raw("\n");
  return w.take();
}

}  // namespace slakit::cli
