// "Compiled calendars are immutable and shared": threads that use one fresh
// calendar at once, and so build its blocks concurrently, see exactly what a
// single thread sees.
#include <doctest/doctest.h>

#include <random>
#include <thread>

#include "support/calendars.hpp"

using namespace std::chrono;
using namespace slakit;

namespace {

// `make` gives a fresh calendar, none of whose blocks is built yet.
template <class Make>
void agree_with_single_thread(const Make& make) {
  std::vector<Instant> starts;
  std::mt19937_64 rng{7};
  std::uniform_int_distribution<std::int64_t> offset{
      0, (sys_days{2099y / 1 / 1} - sys_days{1971y / 1 / 1}).count() * 86400};
  for (int i = 0; i < 4000; ++i) starts.push_back(sys_days{1971y / 1 / 1} + Seconds{offset(rng)});

  std::vector<Instant> expected;
  {
    const Calendar solo = make();
    for (auto s : starts) expected.push_back(solo.add(s, 37h));
  }
  const Calendar shared = make();
  constexpr int kThreads = 8;
  std::vector<std::vector<Instant>> got(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      // Each thread walks the starts in its own order.
      for (std::size_t i = 0; i < starts.size(); ++i) {
        const auto j = (i * (2 * static_cast<std::size_t>(k) + 1)) % starts.size();
        got[static_cast<std::size_t>(k)].push_back(shared.add(starts[j], 37h));
        (void)shared.add_business_days(year_month_day{floor<days>(starts[j])}, 3);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int k = 0; k < kThreads; ++k) {
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const auto j = (i * (2 * static_cast<std::size_t>(k) + 1)) % starts.size();
      REQUIRE(got[static_cast<std::size_t>(k)][i] == expected[j]);
    }
  }
}

}  // namespace

TEST_CASE("threads sharing one calendar agree with a single thread") {
  auto def = test::nine_to_five("Europe/Berlin");
  def.holidays.push_back({.name = "Karfreitag", .date = EasterOffset{-2}});
  agree_with_single_thread([&] { return Calendar{def}; });
}

// A composed calendar builds its parts' blocks while it builds its own: the
// parts are fresh too, and shared by the threads through the composition.
TEST_CASE("threads sharing one fresh composed calendar agree with a single thread") {
  auto berlin = test::nine_to_five("Europe/Berlin");
  berlin.holidays.push_back({.name = "Karfreitag", .date = EasterOffset{-2}});
  const auto new_york = test::nine_to_five("America/New_York");
  const auto tokyo = test::nine_to_five("Asia/Tokyo");
  agree_with_single_thread([&] {
    const auto any = Calendar::union_of("any", {Calendar{berlin}, Calendar{new_york}});
    return Calendar::difference("desk", any, Calendar{tokyo});
  });
}
