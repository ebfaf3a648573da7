// The rows of `slakit report` (docs/report.md, "Groups"): every target cycle
// of every ticket counted in the row of its --by key, the ticket once in each
// row one of its cycles falls in. Each thread sums up its own tickets into
// its own table, and the tables merge at the end.
//
// A cycle finds its row without building the key's text or allocating:
// each --by value is numbered the first time it is seen (the value the field
// had last is compared first, since a ticket's cycles come policy by
// policy; then a hash of the text), the ticket's own values once a ticket,
// and the row is found by the numbers of its values in an open-addressing
// table. A row's text is made once, when the row is.
#pragma once

#include <slakit/routing/route.hpp>
#include <slakit/sla/evaluation.hpp>

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "report_fields.hpp"
#include "report_stats.hpp"
#include "support/text_index.hpp"

namespace slakit::cli {

/// A row and its key: the --by values joined by '\x1f', the order rows
/// print in.
struct KeyedRow {
  std::string key;
  ReportRow row;
  /// Whether this is the "(other)" row of the groups past kMaxReportRows:
  /// its key reads "(other)" in every part, and a group whose values read
  /// so is still a row of its own (docs/report.md, "Output").
  bool other = false;
};

/// At most this many rows (and one more, "(other)", for the keys past
/// them): a --by with a value per ticket (ticket.id) must not take memory
/// per ticket.
inline constexpr std::size_t kMaxReportRows = 100'000;

class ReportTable {
 public:
  explicit ReportTable(const std::vector<GroupField>& fields);
  // The values' index points into the table's own texts.
  ReportTable(const ReportTable&) = delete;
  ReportTable& operator=(const ReportTable&) = delete;

  /// Counts one ticket: each cycle in the row of its key, the ticket once in
  /// every row one of its cycles falls in (with no cycle: the row of its
  /// key without one), and everything in the total.
  void add(const Ticket& ticket, const Routing& routing, const Evaluation& evaluation,
           std::span<const TicketEvent> events = {});
  /// Adds another table's rows (in the order of their keys) and total.
  void merge(const ReportTable& other);
  /// The rows in the order of their keys.
  [[nodiscard]] std::vector<const KeyedRow*> sorted_rows() const;

  ReportRow total;
  /// Whether keys past kMaxReportRows went to the "(other)" row.
  bool overflowed = false;

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::size_t kNoField = SIZE_MAX;
  static constexpr std::size_t kMetrics = 8;  // more than Metric has

  // The values one --by has taken, numbered in the order first seen (the
  // library's text index), the last one found remembered.
  class Values {
   public:
    /// The value's number, or kNone when it was never seen.
    [[nodiscard]] std::uint32_t find(std::string_view text);
    /// The value's number, numbering it if it is new.
    std::uint32_t number(std::string_view text);
    [[nodiscard]] std::string_view text(std::uint32_t n) const {
      return index_.text(static_cast<std::int32_t>(n));
    }

   private:
    detail::TextIndex index_;
    std::uint32_t last_ = kNone;
  };

  void read_values(const std::vector<std::size_t>& fields, const Ticket& ticket,
                   std::span<const TicketEvent> events, const Routing& routing,
                   const Evaluation& evaluation, const TargetCycle* cycle);
  // The row of the values in views_ (their numbers in numbers_, kNone for
  // a value not seen yet): found, made, or past the limit "(other)".
  ReportRow& row_of_values();
  // The "(other)" row, made when first needed.
  ReportRow& other_row();
  [[nodiscard]] std::uint32_t find_row(const std::uint32_t* numbers) const;
  std::uint32_t make_row(const std::uint32_t* numbers);
  void index_row(std::uint32_t row);
  [[nodiscard]] std::uint64_t hash(const std::uint32_t* numbers) const;

  const std::vector<GroupField>* fields_;
  std::vector<std::size_t> ticket_fields_, cycle_fields_;  // by where the value comes from
  // `target` is the cycle's metric: numbered by the metric, without its text.
  std::size_t target_field_ = kNoField;
  std::size_t policy_field_ = kNoField;  // the cycle's policy, read without a call
  std::array<std::uint32_t, kMetrics> metric_numbers_;
  std::vector<Values> values_;           // one per field
  std::vector<std::string> scratch_;     // one per field
  std::vector<std::string_view> views_;  // the values being counted
  std::vector<std::uint32_t> numbers_;   // and their numbers
  std::deque<KeyedRow> rows_;
  std::vector<std::uint32_t> row_numbers_;  // row r's value numbers from r * fields
  std::vector<std::uint32_t> slots_;        // open addressing: a row + 1, or 0 for none
  std::uint32_t other_ = kNone;             // the "(other)" row, once made
  std::vector<ReportRow*>
      ticket_rows_;  // the rows a ticket counts in (rows_ is a deque: they stay)
};

/// The --by values of a row's key.
[[nodiscard]] std::vector<std::string> split_key(std::string_view key);

}  // namespace slakit::cli
