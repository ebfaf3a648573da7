// The C++ side of benchmarks/python/bench_calendar.py: Calendar::add over
// the very rows the Python benchmark times, in a plain loop, so that the
// Python vectorized cost can be compared with the C++ per-element cost on
// the same input in the same run.
//
//   slakit_calendar_rows RULES CALENDAR ROWS OUT
//
// ROWS holds int64 pairs (start in seconds since 1970, business seconds);
// OUT receives the int64 results (for the script to check against Python's);
// stdout gets {"rows": n, "ns_per_add": x} (the best of five passes).
#include <slakit/slakit.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fputs("usage: slakit_calendar_rows RULES CALENDAR ROWS OUT\n", stderr);
    return 2;
  }
  std::ifstream rules_in(argv[1], std::ios::binary);
  std::stringstream text;
  text << rules_in.rdbuf();
  const auto rules = slakit::compile_or_throw({{argv[1], text.str()}});
  const slakit::Calendar* cal = rules.calendar(argv[2]);
  if (cal == nullptr) {
    std::fprintf(stderr, "no calendar '%s'\n", argv[2]);
    return 2;
  }
  std::ifstream rows_in(argv[3], std::ios::binary);
  const std::vector<char> bytes{std::istreambuf_iterator<char>{rows_in}, {}};
  std::vector<std::int64_t> rows(bytes.size() / sizeof(std::int64_t));
  std::copy(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(rows.size() * 8),
            reinterpret_cast<char*>(rows.data()));
  const std::size_t n = rows.size() / 2;
  std::vector<std::int64_t> out(n);

  double best = 1e300;
  for (int pass = 0; pass < 5; ++pass) {
    const auto begin = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < n; ++i) {
      const slakit::Instant start{slakit::Seconds{rows[2 * i]}};
      out[i] = cal->add(start, slakit::Seconds{rows[2 * i + 1]}).time_since_epoch().count();
    }
    const std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - begin;
    best = std::min(best, took.count() / static_cast<double>(n));
  }
  std::ofstream(argv[4], std::ios::binary)
      .write(reinterpret_cast<const char*>(out.data()),
             static_cast<std::streamsize>(out.size() * sizeof(std::int64_t)));
  std::printf("{\"rows\": %zu, \"ns_per_add\": %.3f}\n", n, best);
  return 0;
}
