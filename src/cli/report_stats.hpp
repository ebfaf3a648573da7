// The sums of one row of `slakit report` (docs/report.md, "Metrics"): target
// cycles by state and the service times of the row's tickets, in bounded
// memory (percentiles from QuantileSketch).
#pragma once

#include <slakit/sla/evaluation.hpp>

#include <cstdint>

#include "quantile_sketch.hpp"

namespace slakit::cli {

/// What one ticket adds to every row it counts in, worked out once a
/// ticket: its flags and its times with their sketch buckets.
struct TicketFigures {
  explicit TicketFigures(const TicketMetrics& m);
  bool responded = false;    ///< has a first response time
  bool solved = false;       ///< solved at now (has a resolution time)
  bool one_touch = false;    ///< solved, with first-contact resolution
  bool ever_solved = false;  ///< solved at now, or reopened since a solve
  bool reopened = false;     ///< reopened at least once
  QuantileSketch::Sample response_business, response_calendar;
  QuantileSketch::Sample resolution_business, resolution_calendar;
};

/// A duration metric in business and in calendar time.
struct TimeSketches {
  QuantileSketch business, calendar;
  void add(QuantileSketch::Sample b, QuantileSketch::Sample c) { business.add(b), calendar.add(c); }
  void prefetch(QuantileSketch::Sample b, QuantileSketch::Sample c) const {
    business.prefetch(b), calendar.prefetch(c);
  }
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
  void add_ticket(const TicketFigures& f);
  /// Asks for the cache lines that add_ticket(f) will count in.
  void prefetch(const TicketFigures& f) const;
  void merge(const ReportRow& other);
};

}  // namespace slakit::cli
