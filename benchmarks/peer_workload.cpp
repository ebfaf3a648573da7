// The C++ side of the peer comparison (benchmarks/peers/run_peers.py):
//
//   slakit_peer_workload generate DIR   writes DIR/holidays.txt, minutes.csv, days.csv
//   slakit_peer_workload run DIR        writes DIR/slakit_minutes.csv, slakit_hours.csv
//                                       and slakit_days.csv, and prints throughput as JSON
//
// Timing covers the calls only (no I/O), repeated until at least half a
// second has passed, on one thread.
#include <slakit/error.hpp>
#include <slakit/time/civil.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "workload.hpp"

namespace {

using namespace std::chrono;
using slakit::bench::PeerWorkload;

template <class Body>
double ops_per_second(std::size_t ops_per_pass, Body body) {
  body();  // warm up: builds the blocks, faults the pages in
  std::size_t passes = 0;
  const auto begin = steady_clock::now();
  duration<double> spent{};
  do {
    body();
    ++passes;
    spent = steady_clock::now() - begin;
  } while (spent < 500ms);
  return static_cast<double>(passes * ops_per_pass) / spent.count();
}

void generate(const std::string& dir) {
  const auto w = slakit::bench::make_peer_workload();
  std::ofstream holidays(dir + "/holidays.txt");
  for (auto h : w.holidays) holidays << slakit::format_date(h) << '\n';
  std::ofstream minutes(dir + "/minutes.csv");
  minutes << "start,minutes\n";
  for (std::size_t i = 0; i < w.starts.size(); ++i) {
    minutes << slakit::format_utc(w.starts[i]) << ',' << w.minutes[i] << '\n';
  }
  std::ofstream days(dir + "/days.csv");
  days << "date,n\n";
  for (std::size_t i = 0; i < w.dates.size(); ++i) {
    days << slakit::format_date(w.dates[i]) << ',' << w.day_counts[i] << '\n';
  }
}

// pandas' CustomBusinessHour counts whole hours only: it runs the workload
// with each duration rounded to the nearest hour, at least one.
int whole_hours(int minutes) {
  return std::max(1, (minutes + 30) / 60);
}

void run(const std::string& dir) {
  const auto w = slakit::bench::make_peer_workload();
  const slakit::Calendar cal{slakit::bench::peer_calendar(w)};
  const auto n = w.starts.size();
  std::vector<slakit::Instant> due(n), due_hours(n);
  std::vector<year_month_day> day_due(n);

  const double add_rate = ops_per_second(n, [&] {
    for (std::size_t i = 0; i < n; ++i) due[i] = cal.add(w.starts[i], minutes{w.minutes[i]});
  });
  const double hours_rate = ops_per_second(n, [&] {
    for (std::size_t i = 0; i < n; ++i) {
      due_hours[i] = cal.add(w.starts[i], hours{whole_hours(w.minutes[i])});
    }
  });
  const double days_rate = ops_per_second(n, [&] {
    for (std::size_t i = 0; i < n; ++i)
      day_due[i] = cal.add_business_days(w.dates[i], w.day_counts[i]);
  });
  // A composed calendar with the same business days (the union of the
  // calendar with itself), so that numpy's answers hold for it too.
  const auto composed = slakit::Calendar::union_of("composed", {cal, cal});
  std::vector<year_month_day> composed_due(n);
  const double composed_days_rate = ops_per_second(n, [&] {
    for (std::size_t i = 0; i < n; ++i)
      composed_due[i] = composed.add_business_days(w.dates[i], w.day_counts[i]);
  });
  if (composed_due != day_due) {
    std::fputs("slakit_peer_workload: the composed calendar disagrees with its part\n", stderr);
    std::exit(1);
  }

  std::ofstream minutes_out(dir + "/slakit_minutes.csv");
  std::ofstream hours_out(dir + "/slakit_hours.csv");
  std::ofstream days_out(dir + "/slakit_days.csv");
  minutes_out << "deadline\n";
  hours_out << "hours,deadline\n";
  days_out << "date\n";
  for (std::size_t i = 0; i < n; ++i) {
    minutes_out << slakit::format_utc(due[i]) << '\n';
    hours_out << whole_hours(w.minutes[i]) << ',' << slakit::format_utc(due_hours[i]) << '\n';
    days_out << slakit::format_date(day_due[i]) << '\n';
  }
  std::printf(
      "{\"add_minutes_per_s\": %.0f, \"add_hours_per_s\": %.0f, \"add_business_days_per_s\": %.0f, "
      "\"composed_add_business_days_per_s\": %.0f, \"count\": %zu}\n",
      add_rate, hours_rate, days_rate, composed_days_rate, n);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string usage = "usage: slakit_peer_workload generate|run DIR\n";
  if (argc != 3) {
    std::fputs(usage.c_str(), stderr);
    return 2;
  }
  const std::string command = argv[1], dir = argv[2];
  try {
    if (command == "generate") {
      generate(dir);
    } else if (command == "run") {
      run(dir);
    } else {
      std::fputs(usage.c_str(), stderr);
      return 2;
    }
  } catch (const slakit::Error& e) {
    std::fprintf(stderr, "slakit_peer_workload: %s\n", e.what());
    return 1;
  }
  return 0;
}
