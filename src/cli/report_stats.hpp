// The sums of `slakit report` (docs/report.md): per row, target cycles by
// state and the service times of the row's tickets, in bounded memory
// (percentiles from QuantileSketch). Each thread sums up its own tickets and
// the tables merge at the end.
#pragma once

#include <slakit/routing/route.hpp>
#include <slakit/sla/evaluation.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "quantile_sketch.hpp"
#include "report_fields.hpp"

namespace slakit::cli {

/// A duration metric in business and in calendar time.
struct TimeSketches {
  QuantileSketch business, calendar;
  void add(const TimePair& t);
  void merge(const TimeSketches& other);
};

struct ReportRow {
  // Target cycles (SLA and OLA) by their state at `now`.
  std::uint64_t met = 0, breached = 0, running = 0, paused = 0, cancelled = 0;
  // Tickets, each once per row.
  std::uint64_t tickets = 0;
  std::uint64_t solved = 0;       ///< solved at now (has a resolution time)
  std::uint64_t ever_solved = 0;  ///< solved at now, or reopened since a solve
  std::uint64_t reopened = 0;     ///< reopened at least once
  std::uint64_t one_touch = 0;    ///< solved, with first-contact resolution
  TimeSketches first_response, resolution;

  void add_cycle(const TargetCycle& c);
  void add_ticket(const TicketMetrics& m);
  void merge(const ReportRow& other);
};

/// Rows by key: the --by values joined by '\x1f'.
using ReportRows = std::map<std::string, ReportRow, std::less<>>;

/// At most this many rows (and one more, "(other)", for the keys past
/// them): a --by with a value per ticket (ticket.id) must not take memory
/// per ticket.
inline constexpr std::size_t kMaxReportRows = 100'000;

class ReportTable {
 public:
  explicit ReportTable(const std::vector<GroupField>& fields) : fields_(&fields) {}

  /// Counts one ticket: each cycle in the row of its key, the ticket once in
  /// every row one of its cycles falls in (with no cycle: the row of its
  /// key without one), and everything in the total.
  void add(const Ticket& ticket, const Routing& routing, const Evaluation& evaluation);
  void merge(const ReportTable& other);

  ReportRows rows;
  ReportRow total;
  /// Whether keys past kMaxReportRows went to the "(other)" row.
  bool overflowed = false;

 private:
  ReportRow& row(const std::string& key);
  const std::vector<GroupField>* fields_;
  std::string key_;
  std::vector<const ReportRow*> ticket_rows_;  // the rows a ticket already counts in
};

/// The --by values of a row's key.
[[nodiscard]] std::vector<std::string> split_key(std::string_view key);

}  // namespace slakit::cli
