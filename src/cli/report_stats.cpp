#include "report_stats.hpp"

#include <algorithm>

namespace slakit::cli {

constexpr char kKeySeparator = '\x1f';  // no field value holds it in practice

void TimeSketches::add(const TimePair& t) {
  business.add(t.business.count());
  calendar.add(t.calendar.count());
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

// docs/report.md, "Metrics".
void ReportRow::add_ticket(const TicketMetrics& m) {
  ++tickets;
  if (m.first_response) first_response.add(*m.first_response);
  if (m.resolution) {
    ++solved;
    resolution.add(*m.resolution);
    if (m.first_contact_resolution) ++one_touch;
  }
  // A reopened ticket was solved before, whatever it is now.
  if (m.resolution || m.reopenings > 0) ++ever_solved;
  if (m.reopenings > 0) ++reopened;
}

void ReportRow::merge(const ReportRow& o) {
  met += o.met, breached += o.breached, running += o.running, paused += o.paused;
  cancelled += o.cancelled;
  tickets += o.tickets, solved += o.solved, ever_solved += o.ever_solved;
  reopened += o.reopened, one_touch += o.one_touch;
  first_response.merge(o.first_response);
  resolution.merge(o.resolution);
}

ReportRow& ReportTable::row(const std::string& key) {
  auto it = rows.find(key);
  if (it != rows.end()) return it->second;
  if (rows.size() < kMaxReportRows) return rows.emplace(key, ReportRow{}).first->second;
  overflowed = true;
  // Every part of the key "(other)", so that the row sorts and prints like
  // the others.
  std::string other = "(other)";
  for (std::size_t i = 1; i < fields_->size(); ++i) other += kKeySeparator + std::string{"(other)"};
  return rows[other];
}

void ReportTable::add(const Ticket& ticket, const Routing& routing, const Evaluation& e) {
  ticket_rows_.clear();
  auto count = [&](const TargetCycle* c) {
    key_.clear();
    for (const auto& f : *fields_) {
      if (&f != &fields_->front()) key_ += kKeySeparator;
      key_ += f.value(ticket, routing, e, c);
    }
    auto& r = row(key_);
    if (c != nullptr) r.add_cycle(*c), total.add_cycle(*c);
    if (std::find(ticket_rows_.begin(), ticket_rows_.end(), &r) == ticket_rows_.end()) {
      ticket_rows_.push_back(&r);
      r.add_ticket(e.metrics);
    }
  };
  for (const auto& c : e.targets) count(&c);
  for (const auto& c : e.olas) count(&c);
  if (e.targets.empty() && e.olas.empty()) count(nullptr);
  total.add_ticket(e.metrics);
}

void ReportTable::merge(const ReportTable& other) {
  for (const auto& [key, r] : other.rows) row(key).merge(r);
  total.merge(other.total);
  overflowed = overflowed || other.overflowed;
}

std::vector<std::string> split_key(std::string_view key) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const auto at = key.find(kKeySeparator, from);
    out.emplace_back(key.substr(from, at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

}  // namespace slakit::cli
