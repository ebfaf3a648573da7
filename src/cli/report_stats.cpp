#include "report_stats.hpp"

namespace slakit::cli {

// docs/report.md, "Metrics".
TicketFigures::TicketFigures(const TicketMetrics& m)
    : responded(m.first_response.has_value()),
      solved(m.resolution.has_value()),
      one_touch(m.resolution && m.first_contact_resolution),
      // A reopened ticket was solved before, whatever it is now.
      ever_solved(m.resolution || m.reopenings > 0),
      reopened(m.reopenings > 0) {
  if (m.first_response) {
    response_business = QuantileSketch::sample(m.first_response->business.count());
    response_calendar = QuantileSketch::sample(m.first_response->calendar.count());
  }
  if (m.resolution) {
    resolution_business = QuantileSketch::sample(m.resolution->business.count());
    resolution_calendar = QuantileSketch::sample(m.resolution->calendar.count());
  }
}

void TimeSketches::merge(const TimeSketches& other) {
  business.merge(other.business);
  calendar.merge(other.calendar);
}

void ReportRow::add_cycle(const TargetCycle& c) {
  switch (c.state) {
    case TargetState::met:
      ++met;
      break;
    case TargetState::breached:
      ++breached;
      break;
    case TargetState::running:
      ++running;
      break;
    case TargetState::paused:
      ++paused;
      break;
    case TargetState::cancelled:
      ++cancelled;
      break;
  }
}

void ReportRow::add_ticket(const TicketFigures& f) {
  ++tickets;
  if (f.responded) first_response.add(f.response_business, f.response_calendar);
  if (f.solved) {
    ++solved;
    resolution.add(f.resolution_business, f.resolution_calendar);
  }
  one_touch += f.one_touch, ever_solved += f.ever_solved, reopened += f.reopened;
}

void ReportRow::prefetch(const TicketFigures& f) const {
  if (f.responded) first_response.prefetch(f.response_business, f.response_calendar);
  if (f.solved) resolution.prefetch(f.resolution_business, f.resolution_calendar);
}

void ReportRow::merge(const ReportRow& o) {
  met += o.met, breached += o.breached, running += o.running, paused += o.paused;
  cancelled += o.cancelled;
  tickets += o.tickets, solved += o.solved, ever_solved += o.ever_solved;
  reopened += o.reopened, one_touch += o.one_touch;
  first_response.merge(o.first_response);
  resolution.merge(o.resolution);
}

}  // namespace slakit::cli
