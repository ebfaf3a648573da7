#include "clock.hpp"
#include "evaluate_state.hpp"

namespace slakit::detail {

void ticket_metrics(const Program& program, EvaluationState& st, TicketMetrics& m) {
  const auto& tl = st.timeline;
  const auto last = tl.steps() - 1;
  // Business time in the calendar of the SLA in force at `now`.
  const auto sla = st.sla_at[last];
  const PolicyPlan* in_force = sla >= 0 ? &program.slas[static_cast<std::size_t>(sla)] : nullptr;
  const Calendar* calendar = in_force != nullptr ? in_force->calendar : nullptr;
  auto business = [&](Instant a, Instant b) {
    return calendar != nullptr ? calendar->elapsed(a, b) : b - a;
  };
  auto pair = [&](Instant a, Instant b) { return TimePair{business(a, b), b - a}; };

  m.first_response.reset();
  m.next_responses.clear();  // keeps its buffer
  m.next_response_average.reset();
  m.handling = {};
  m.resolution.reset();
  m.public_replies = m.reopenings = 0;
  m.first_contact_resolution = false;
  bool replied = false, solved = tl.initially_solved();
  std::optional<Instant> asked, last_solve;
  for (const auto& r : tl.events()) {
    if (r.public_reply) {
      ++m.public_replies;
      if (!replied) m.first_response = pair(tl.created(), r.at);
      if (asked) m.next_responses.push_back(pair(*asked, r.at));
      asked.reset();
      replied = true;
    }
    // A customer message answers nothing until the first reply; one that
    // comes while another waits, or while the ticket is solved, starts none.
    if (r.customer_message && replied && !solved && !asked) asked = r.at;
    if (r.solves) {
      solved = true;
      last_solve = r.at;
      asked.reset();
    }
    if (r.reopens) {
      solved = false;
      ++m.reopenings;
    }
  }
  if (!m.next_responses.empty()) {
    TimePair sum;
    for (const auto& p : m.next_responses) {
      sum.business += p.business;
      sum.calendar += p.calendar;
    }
    const auto n = static_cast<std::int64_t>(m.next_responses.size());
    m.next_response_average = TimePair{sum.business / n, sum.calendar / n};
  }
  if (tl.solved(last) && last_solve) m.resolution = pair(tl.created(), *last_solve);
  m.first_contact_resolution = tl.solved(last) && m.public_replies == 1 && m.reopenings == 0;

  // Handling: assigned, not solved, and not paused by the SLA then in force.
  const auto steps = st.step_business(calendar);
  for (std::size_t k = 0; k <= last; ++k) {
    if (tl.assignee(k).empty() || tl.solved(k)) continue;
    const auto p = st.sla_at[k];
    const auto& pause = p >= 0 ? program.slas[static_cast<std::size_t>(p)].pause : std::nullopt;
    if (pause && (*pause)(tl.state(k))) continue;
    if (k < last) {
      m.handling.business += steps[k];
      m.handling.calendar += tl.start(k + 1) - tl.start(k);
    } else {
      const auto piece = pair(tl.start(k), tl.now());
      m.handling.business += piece.business;
      m.handling.calendar += piece.calendar;
    }
  }
}

}  // namespace slakit::detail
