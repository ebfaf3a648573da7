#include "evaluate_state.hpp"

namespace slakit::detail {

void ticket_metrics(const Program& program, EvaluationState& st, TicketMetrics& m) {
  const auto& tl = st.timeline;
  const auto last = tl.steps() - 1;
  // Business time in the calendar of the SLA in force at `now`.
  const auto sla = st.sla_at[last];
  const PolicyPlan* in_force = sla >= 0 ? &program.slas[static_cast<std::size_t>(sla)] : nullptr;
  const Calendar* calendar = in_force != nullptr ? st.calendar_of(*in_force) : nullptr;
  // Every span measured here runs between events, so between step starts:
  // the business time before each step, summed once, answers them all.
  const auto& business = st.business_entry(calendar);
  const std::span<const Seconds> before = business.before;
  auto pair = [&](std::size_t from, std::size_t to) {
    return TimePair{before[to] - before[from], tl.start(to) - tl.start(from)};
  };

  m.first_response.reset();
  m.next_responses.clear();  // keeps its buffer
  m.next_response_average.reset();
  m.handling = {};
  m.resolution.reset();
  m.public_replies = m.reopenings = 0;
  m.first_contact_resolution = false;
  bool replied = false, solved = tl.initially_solved();
  std::optional<std::size_t> asked, last_solve;  // steps
  for (const auto& r : tl.events()) {
    if (r.public_reply) {
      ++m.public_replies;
      if (!replied) m.first_response = pair(0, r.step);
      if (asked) m.next_responses.push_back(pair(*asked, r.step));
      asked.reset();
      replied = true;
    }
    // A customer message answers nothing until the first reply; one that
    // comes while another waits, or while the ticket is solved, starts none.
    if (r.customer_message && replied && !solved && !asked) asked = r.step;
    if (r.solves) {
      solved = true;
      last_solve = r.step;
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
  if (tl.solved(last) && last_solve) m.resolution = pair(0, *last_solve);
  m.first_contact_resolution = tl.solved(last) && m.public_replies == 1 && m.reopenings == 0;

  // Handling: assigned, not solved, and not paused by the SLA then in force.
  const std::span<const Seconds> steps = business.seconds;
  auto handled = [&](std::size_t k) {
    // All three read and combined with `&`, not `&&`: no branch is needed.
    const unsigned assigned = !tl.assignee(k).empty();
    const unsigned open = !tl.solved(k);
    const unsigned running = st.sla_paused[k] == 0;
    return (assigned & open & running) != 0;
  };
  // Whether a step counts follows the history, which no branch predictor
  // knows: its time is added under a mask rather than behind a branch.
  Seconds::rep handling_business = 0, handling_calendar = 0;
  for (std::size_t k = 0; k < last; ++k) {
    const auto mask = -static_cast<Seconds::rep>(handled(k));
    handling_business += steps[k].count() & mask;
    handling_calendar += (tl.start(k + 1) - tl.start(k)).count() & mask;
  }
  m.handling.business = Seconds{handling_business};
  m.handling.calendar = Seconds{handling_calendar};
  if (handled(last)) {  // the last step, up to now
    m.handling.business += calendar != nullptr ? business.pinned.elapsed(tl.start(last), tl.now())
                                               : tl.now() - tl.start(last);
    m.handling.calendar += tl.now() - tl.start(last);
  }
}

}  // namespace slakit::detail
