// QuantileSketch (src/cli/quantile_sketch.hpp): the percentiles of
// `slakit report`, against exact nearest-rank percentiles of the same values.
#include "cli/quantile_sketch.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

using slakit::cli::QuantileSketch;

namespace {

// docs/report.md: "the value of rank ceil(p/100 * n) in ascending order".
std::int64_t nearest_rank(std::vector<std::int64_t> v, double p, bool sorted = false) {
  if (!sorted) std::sort(v.begin(), v.end());
  const auto rank = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(p / 100 * static_cast<double>(v.size()))));
  return v[rank - 1];
}

// Durations as tickets have them: seconds to months, over many magnitudes.
std::vector<std::int64_t> durations(std::size_t n, unsigned seed) {
  std::mt19937_64 rng{seed};
  std::lognormal_distribution<double> spread{9.0, 2.5};
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(std::min<std::int64_t>(static_cast<std::int64_t>(spread(rng)), 3'000'000'000));
  }
  return out;
}

}  // namespace

TEST_CASE("No values have no percentile") {
  const QuantileSketch s;
  CHECK_FALSE(s.percentile(50).has_value());
}

// docs/report.md: "up to 1024 values, percentiles are exact".
TEST_CASE("Up to 1024 values the percentiles are exact nearest ranks") {
  const auto values = durations(1024, 7);
  QuantileSketch s;
  for (const auto v : values) s.add(v);
  for (const double p : {1.0, 10.0, 50.0, 90.0, 99.0, 100.0}) {
    CHECK(*s.percentile(p) == nearest_rank(values, p));
  }
  QuantileSketch four;
  for (const std::int64_t v : {40, 10, 30, 20}) four.add(v);
  CHECK(*four.percentile(50) == 20);  // rank ceil(2) = 2: the lower middle
  CHECK(*four.percentile(90) == 40);  // rank ceil(3.6) = 4
}

// docs/report.md: "past that, within 0.5% of the exact nearest-rank
// percentile; values below 1024 seconds stay exact".
TEST_CASE("Past 1024 values every percentile is within 0.5 percent") {
  for (const unsigned seed : {1u, 2u, 3u}) {
    auto values = durations(200'000, seed);
    QuantileSketch s;
    for (const auto v : values) s.add(v);
    std::sort(values.begin(), values.end());
    CHECK(s.count() == values.size());
    for (double p = 0.5; p <= 100; p += 0.5) {
      const auto exact = nearest_rank(values, p, true);
      const auto estimate = *s.percentile(p);
      if (exact < 1024) {
        CHECK(estimate == exact);
      } else {
        CHECK(std::abs(static_cast<double>(estimate - exact)) <=
              QuantileSketch::kRelativeError * static_cast<double>(exact));
      }
    }
  }
}

TEST_CASE("The bound holds at every bucket edge from 1024 s to a hundred years") {
  // Past the exact values (1025 zeros), the largest value's percentile is
  // its bucket's answer.
  QuantileSketch zeros;
  for (int i = 0; i < 1025; ++i) zeros.add(0);
  for (double v = 1024; v < 3.2e9; v *= 1.0011) {
    for (const auto x : {static_cast<std::int64_t>(v), static_cast<std::int64_t>(v) + 1}) {
      QuantileSketch s = zeros;
      s.add(x);
      REQUIRE(std::abs(static_cast<double>(*s.percentile(100) - x)) <=
              QuantileSketch::kRelativeError * static_cast<double>(x));
    }
  }
}

TEST_CASE("Merged sketches answer as one sketch of all the values") {
  const auto values = durations(5000, 11);
  QuantileSketch one, a, b, c;
  for (std::size_t i = 0; i < values.size(); ++i) {
    one.add(values[i]);
    (i % 3 == 0 ? a : i % 3 == 1 ? b : c).add(values[i]);
  }
  QuantileSketch small;  // still exact when merged
  small.add(5);
  a.merge(small);
  one.add(5);
  a.merge(b);
  a.merge(c);
  CHECK(a.count() == one.count());
  for (const double p : {10.0, 50.0, 90.0, 99.0}) CHECK(*a.percentile(p) == *one.percentile(p));

  QuantileSketch x, y;  // two exact halves stay exact together
  for (std::int64_t v = 1; v <= 500; ++v) x.add(v * 7919 % 100'000);
  for (std::int64_t v = 501; v <= 1000; ++v) y.add(v * 7919 % 100'000);
  std::vector<std::int64_t> all;
  for (std::int64_t v = 1; v <= 1000; ++v) all.push_back(v * 7919 % 100'000);
  x.merge(y);
  CHECK(*x.percentile(90) == nearest_rank(all, 90));
}

TEST_CASE("Memory stays bounded whatever the number of values") {
  QuantileSketch s;
  for (std::int64_t i = 0; i < 2'000'000; ++i) s.add(i * 1543 % 3'000'000'000);
  // Checked through the answer's bound: the values span a hundred years.
  CHECK(*s.percentile(100) >= 2'985'000'000);
}
