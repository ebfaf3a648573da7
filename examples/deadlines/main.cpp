// Prints SLA deadlines for a few tickets of a Berlin support desk.
//
// The calendar: Monday to Friday 08:00-12:00 and 12:30-17:00, Saturday
// 10:00-14:00, German national holidays, a half day on New Year's Eve and an
// extra Sunday opening before Christmas. Run it with no arguments.
#include <slakit/calendar/calendar.hpp>

#include <chrono>
#include <cstdio>

namespace {

using namespace std::chrono;
using slakit::TimeOfDay;

slakit::CalendarDefinition berlin_support() {
  slakit::CalendarDefinition def{.name = "berlin_support", .zone = "Europe/Berlin"};
  for (auto day : {Monday, Tuesday, Wednesday, Thursday, Friday}) {
    def.weekly.push_back({day, {TimeOfDay{8, 0}, TimeOfDay{12, 0}}});
    def.weekly.push_back({day, {TimeOfDay{12, 30}, TimeOfDay{17, 0}}});
  }
  def.weekly.push_back({Saturday, {TimeOfDay{10, 0}, TimeOfDay{14, 0}}});
  def.holidays = {
      {.name = "Neujahr", .date = slakit::FixedDate{January / 1}},
      {.name = "Karfreitag", .date = slakit::EasterOffset{-2}},
      {.name = "Ostermontag", .date = slakit::EasterOffset{1}},
      {.name = "Tag der Arbeit", .date = slakit::FixedDate{May / 1}},
      {.name = "Christi Himmelfahrt", .date = slakit::EasterOffset{39}},
      {.name = "Pfingstmontag", .date = slakit::EasterOffset{50}},
      {.name = "Tag der Deutschen Einheit", .date = slakit::FixedDate{October / 3}},
      {.name = "Weihnachten", .date = slakit::AnnualRange{December / 25, December / 26}},
      {.name = "Silvester",
       .date = slakit::FixedDate{December / 31},
       .closed_from = TimeOfDay{12, 0}},
  };
  def.overrides.push_back({2026y / December / 20, {{TimeOfDay{10, 0}, TimeOfDay{14, 0}}}});
  return def;
}

struct Ticket {
  const char* id;
  slakit::Instant created;
  slakit::Seconds target;
};

}  // namespace

int main() {
  const slakit::Calendar calendar{berlin_support()};
  const Ticket tickets[] = {
      {"T-1001", sys_days{2026y / March / 27} + 15h, 4h},     // Friday afternoon
      {"T-1002", sys_days{2026y / April / 2} + 14h, 8h},      // before Easter
      {"T-1003", sys_days{2026y / December / 19} + 12h, 6h},  // Saturday before the Sunday opening
      {"T-1004", sys_days{2026y / December / 31} + 9h, 2h},   // New Year's Eve half day
  };
  std::printf("calendar %s (%s)\n", calendar.name().c_str(), calendar.zone().name().c_str());
  for (const auto& t : tickets) {
    const auto due = calendar.add(t.created, t.target);
    std::printf("%s  created %s  target %-5s  due %s\n", t.id,
                calendar.zone().format(t.created).c_str(),
                slakit::format_duration(t.target).c_str(), calendar.zone().format(due).c_str());
  }
  const auto day = calendar.add_business_days(2026y / April / 2, 3);
  std::printf("3 business days after 2026-04-02: %s\n", slakit::format_date(day).c_str());
  return 0;
}
