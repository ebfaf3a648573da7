#include "diff_judge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "program/rule_set_impl.hpp"
#include "sla/evaluate_state.hpp"

namespace slakit::cli {

DiffReading::DiffReading(const RuleSet& rules, ReaderOptions options)
    : rules_(&rules),
      reader_(rules, std::move(options)),
      state_(std::make_unique<detail::EvaluationState>()) {}
DiffReading::~DiffReading() = default;
DiffReading::DiffReading(DiffReading&&) noexcept = default;

bool DiffReading::read(const JsonLine& line) {
  return reading([&] { reader_.read(line, history); });
}

bool DiffReading::read_again(const DiffReading& other) {
  return reading([&] { reader_.read_again(other.reader_, history); });
}

template <class Read>
bool DiffReading::reading(Read&& read) {
  try {
    read();
    return true;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    fail(e.what());
    return false;
  }
}

void DiffReading::fail(std::string why) {
  side.ok = false;
  side.error = std::move(why);
}

// evaluate(), on this side's own state, so that the policies the
// evaluation used can be looked at afterwards.
void DiffReading::evaluate_ticket(const TicketHistory& h, Instant now,
                                  const detail::SameParts* same) {
  const auto& program = detail::program_of(*rules_);
  if (h.events.size() > kLongestHistoryKept) {
    // As evaluate(): buffers of its own, freed on return.
    detail::EvaluationState own;
    detail::evaluate_into(program, h.ticket, h.events, now, own, side.evaluation, nullptr);
    evaluation_reusable_ = same != nullptr && same->evaluation_reusable(own);
    return;
  }
  detail::evaluate_into(program, h.ticket, h.events, now, *state_, side.evaluation, nullptr);
  evaluation_reusable_ = same != nullptr && same->evaluation_reusable(*state_);
}

bool DiffReading::judge(const TicketHistory& h, Instant now, std::optional<Instant> route_now,
                        const DiffReading* old, const detail::SameParts* same) {
  const bool take_routing = old != nullptr && same != nullptr && same->routing() && old->routed_;
  const bool take_evaluation = old != nullptr && old->evaluated_ && old->evaluation_reusable_;
  if (take_routing && take_evaluation) return true;
  routed_ = evaluated_ = evaluation_reusable_ = false;
  try {
    if (take_routing) {
      side.routing = old->side.routing;
    } else {
      route(*rules_, h.ticket, h.events, route_now, side.routing);
    }
    routed_ = true;
    if (take_evaluation) {
      side.evaluation = old->side.evaluation;
    } else {
      // Only the old side's evaluation is looked at for sharing.
      evaluate_ticket(h, now, old == nullptr ? same : nullptr);
    }
    evaluated_ = true;
    side.ok = true;
  } catch (const std::bad_alloc&) {
    throw;  // not the ticket's fault: the command stops (ticket_stream.cpp)
  } catch (const std::exception& e) {
    fail(e.what());
  }
  return false;
}

namespace {

// The reader types a ticket's values by the fields a rule set declares
// (ticket_reader.hpp), and by nothing else of it: when both rule sets
// declare the same fields with the same types, one reading serves both.
// Otherwise the new side reads the line the old side parsed (read_again):
// each line is parsed once either way.
bool same_reading(const RuleSet& a, const RuleSet& b) {
  auto typed = [](const RuleSet& r) {
    std::vector<std::pair<std::string, FieldType>> out;
    for (const auto& f : r.fields()) out.emplace_back(f.path, f.type);
    std::sort(out.begin(), out.end());
    return out;
  };
  return typed(a) == typed(b);
}

}  // namespace

DiffJudge::DiffJudge(const RuleSet& old_rules, const RuleSet& new_rules, ReaderOptions options,
                     Instant now, std::optional<Instant> route_now, const detail::SameParts* same)
    : old_(old_rules, options),
      new_(new_rules, options),
      shared_reading_(same_reading(old_rules, new_rules)),
      now_(now),
      route_now_(route_now),
      same_(same) {}

bool DiffJudge::judge(const JsonLine& line) {
  reused_ = false;
  id_ = nullptr;
  const bool old_read = old_.read(line);
  const TicketHistory* new_history = nullptr;
  if (shared_reading_) {
    if (old_read) new_history = &old_.history;
    if (!old_read) new_.fail(old_.side.error);
  } else if (new_.read_again(old_)) {
    new_history = &new_.history;
  }
  if (old_read) {
    // The old side is looked at for sharing only when both read the same.
    (void)old_.judge(old_.history, now_, route_now_, nullptr,
                     new_history == &old_.history ? same_ : nullptr);
  }
  if (new_history != nullptr) {
    const bool share = same_ != nullptr && old_read && new_history == &old_.history;
    reused_ = new_.judge(*new_history, now_, route_now_, share ? &old_ : nullptr,
                         share ? same_ : nullptr);
    shared_count_ += reused_ ? 1 : 0;
  }
  if (!old_.side.ok && !new_side().ok) return false;
  id_ = old_read ? &old_.history.ticket.id : &new_history->ticket.id;
  return true;
}

std::string DiffJudge::error() const {
  // Most often the same error (bad JSON, a bad instant) under both.
  if (old_.side.error == new_side().error) return old_.side.error;
  return fmt::format("old rules: {}; new rules: {}", old_.side.error, new_side().error);
}

}  // namespace slakit::cli
