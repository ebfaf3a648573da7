// One ticket of `slakit diff`: read once, then routed and evaluated under
// the old and the new rule set. What the two rule sets share (SameParts,
// decided once when both are compiled) is not worked out twice: the new
// side takes the old side's routing when the routing is the same, and its
// evaluation when the selection and every policy that evaluation used are
// the same; everything else is routed or evaluated again, in full.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "diff_compare.hpp"
#include "program/same_parts.hpp"
#include "ticket_reader.hpp"

namespace slakit::detail {
struct EvaluationState;
}

namespace slakit::cli {

// One rule set's reader, results and engine state, reused ticket after ticket.
class DiffReading {
 public:
  DiffReading(const RuleSet& rules, ReaderOptions options);
  ~DiffReading();
  DiffReading(DiffReading&&) noexcept;
  DiffReading& operator=(DiffReading&&) = delete;

  /// Reads the line into `history`; false (the side failed) when it cannot.
  bool read(const JsonLine& line);
  /// Reads the line `other` read last, without parsing it again, as this
  /// side's rule set types it; false when it cannot.
  bool read_again(const DiffReading& other);
  /// Routes and evaluates a ticket (this side's reading, or the other's).
  /// With `same` and `old` (the old side, which judged the same ticket
  /// just before), takes from `old` what `same` shows cannot differ; true
  /// when that is everything, and `old.side` is then this side's answer
  /// too (`side` is left as it was).
  bool judge(const TicketHistory& h, Instant now, std::optional<Instant> route_now,
             const DiffReading* old = nullptr, const detail::SameParts* same = nullptr);
  void fail(std::string why);
  [[nodiscard]] std::size_t truncated_instants() const { return reader_.truncated_instants(); }

  TicketHistory history;
  DiffSide side;

 private:
  template <class Read>
  bool reading(Read&& read);
  void evaluate_ticket(const TicketHistory& h, Instant now, const detail::SameParts* same);

  const RuleSet* rules_;
  TicketReader reader_;
  std::unique_ptr<detail::EvaluationState> state_;
  // The last ticket's: whether routing and evaluation succeeded, and (for
  // the old side) whether its evaluation holds under the new rules.
  bool routed_ = false, evaluated_ = false, evaluation_reusable_ = false;
};

/// Both sides of one ticket.
class DiffJudge {
 public:
  /// `same` (nullptr: nothing is shared, both sides are worked out in full)
  /// must outlive the judge, as must the rule sets.
  DiffJudge(const RuleSet& old_rules, const RuleSet& new_rules, ReaderOptions options, Instant now,
            std::optional<Instant> route_now, const detail::SameParts* same);

  /// Reads and judges the line; false when both sides failed (the line is
  /// unreadable: error() says why).
  bool judge(const JsonLine& line);
  /// Both sides' error, or the one when they are the same.
  [[nodiscard]] std::string error() const;
  [[nodiscard]] const DiffSide& old_side() const { return old_.side; }
  [[nodiscard]] const DiffSide& new_side() const { return reused_ ? old_.side : new_.side; }
  /// The last ticket's new side is the old side, shared whole (the same
  /// object): nothing changed.
  [[nodiscard]] bool shared() const { return reused_; }
  /// How many tickets' new sides were shared whole so far.
  [[nodiscard]] std::size_t shared_count() const { return shared_count_; }
  /// The ticket's id, as either side read it.
  [[nodiscard]] const std::string& id() const { return id_ != nullptr ? *id_ : empty_; }
  [[nodiscard]] std::size_t truncated_instants() const {
    return old_.truncated_instants();  // both read the same instants
  }

 private:
  DiffReading old_, new_;
  bool shared_reading_;
  Instant now_;
  std::optional<Instant> route_now_;
  const detail::SameParts* same_;
  bool reused_ = false;
  std::size_t shared_count_ = 0;
  const std::string* id_ = nullptr;
  std::string empty_;
};

}  // namespace slakit::cli
