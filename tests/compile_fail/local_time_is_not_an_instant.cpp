// Must not compile: a wall-clock reading is not a UTC instant. Built with
// SLAKIT_CONTROL it passes an instant instead and must compile, which proves
// that the failure comes from the type mismatch and nothing else.
#include <slakit/calendar/calendar.hpp>

int main() {
  using namespace std::chrono;
  const slakit::Calendar calendar{slakit::CalendarDefinition{}};
#ifdef SLAKIT_CONTROL
  const slakit::Instant reading = sys_days{2026y / 3 / 8} + 9h;
#else
  const slakit::LocalSeconds reading = local_days{2026y / 3 / 8} + 9h;
#endif
  return calendar.is_open(reading) ? 0 : 1;
}
