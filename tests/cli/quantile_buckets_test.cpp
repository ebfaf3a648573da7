// The bucket index of QuantileSketch (src/cli/quantile_buckets.hpp) and the
// sketch's answers, against the defining formula and a plain reference that
// keeps every value: the table and the narrow counts change no answer.
#include "cli/quantile_buckets.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <vector>

#include "cli/quantile_sketch.hpp"

namespace sketch = slakit::cli::sketch;
using slakit::cli::QuantileSketch;

namespace {

// docs/report.md, "Percentiles": up to 1024 values the nearest-rank
// percentile of the values themselves; past that, the answer of the bucket
// (by the defining formula) that holds the value of that rank.
class ReferenceSketch {
 public:
  void add(std::int64_t v) { values_.push_back(std::max<std::int64_t>(v, 0)); }
  [[nodiscard]] std::optional<std::int64_t> percentile(double p) const {
    if (values_.empty()) return std::nullopt;
    const auto n = static_cast<double>(values_.size());
    const auto rank =
        std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * n - 1e-9)));
    auto sorted = values_;
    std::sort(sorted.begin(), sorted.end());
    const auto v = sorted[rank - 1];
    if (values_.size() <= QuantileSketch::kExactValues) return v;
    return sketch::value_of(sketch::bucket_by_log(v));
  }

 private:
  std::vector<std::int64_t> values_;
};

void same_bucket(std::int64_t v) {
  INFO("v = " << v);
  REQUIRE(sketch::bucket_of(v) == sketch::bucket_by_log(v));
}

}  // namespace

TEST_CASE("The bucket table gives the formula's bucket below 2^22 s, value by value") {
  for (std::int64_t v = -3; v < (std::int64_t{1} << 22); ++v) {
    if (sketch::bucket_of(v) != sketch::bucket_by_log(v)) same_bucket(v);
  }
}

// Both are monotone: the table by construction, the formula since log is;
// so they agree everywhere when they agree on both sides of every bound.
TEST_CASE("The bucket table gives the formula's bucket on both sides of every bound") {
  const auto& lower = sketch::kBucketBounds.lower;
  CHECK(lower.front() == 1024);
  CHECK(sketch::kBucketBounds.end >= 3'000'000'000U);  // past a hundred years
  for (std::size_t j = 0; j < lower.size(); ++j) {
    CHECK(sketch::bucket_by_log(lower[j]) == static_cast<std::int32_t>(1024 + j));
    if (j > 0) CHECK(sketch::bucket_by_log(lower[j] - 1) == static_cast<std::int32_t>(1023 + j));
    for (std::int64_t d = -3; d <= 3; ++d) same_bucket(lower[j] + d);
  }
  std::mt19937_64 rng{12};
  std::uniform_int_distribution<std::int64_t> any{0, std::int64_t{1} << 40};
  for (int i = 0; i < 1'000'000; ++i) same_bucket(any(rng));
  for (const auto v :
       {std::int64_t{1} << 32, (std::int64_t{1} << 53) + 1,
        std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
    same_bucket(v);
  }
}

// Every value from 1024 s to 2^32 s: 4.3 billion logarithms, a minute or
// two; run by hand with build/tests/cli/slakit_test_cli -tc='*every second*' --no-skip.
TEST_CASE("The bucket table gives the formula's bucket for every second below 2^32" *
          doctest::skip()) {
  for (std::int64_t v = 1024; v < (std::int64_t{1} << 32); ++v) {
    if (sketch::bucket_of(v) != sketch::bucket_by_log(v)) same_bucket(v);
  }
}

// The answers are those of the formula over all the values, whatever the
// order of the values, how they are split and merged, and however often one
// bucket is hit (a count past 255 carries into the wide counts).
TEST_CASE("Sketches answer as the formula over every value, merged or not") {
  std::mt19937_64 rng{2026};
  std::lognormal_distribution<double> spread{9.0, 2.5};
  std::uniform_int_distribution<std::int64_t> small{-5, 2000};
  std::uniform_int_distribution<int> pick{0, 9};
  for (int round = 0; round < 40; ++round) {
    const std::size_t n = round < 10 ? 1000 + round * 7 : 3000 + round * 997;
    QuantileSketch whole, parts[3];
    ReferenceSketch reference;
    for (std::size_t i = 0; i < n; ++i) {
      const int kind = pick(rng);
      const std::int64_t v =
          kind < 5   ? static_cast<std::int64_t>(std::min(spread(rng), 4e9))
          : kind < 8 ? small(rng)
          : kind < 9 ? 0  // one hot bucket, carried many times over
                     : static_cast<std::int64_t>(sketch::kBucketBounds.lower[i % 1700]) - 1;
      whole.add(v);
      parts[(i * 7 + static_cast<std::size_t>(round)) % 3].add(v);
      reference.add(v);
    }
    QuantileSketch merged;
    for (const auto& p : parts) merged.merge(p);
    CHECK(whole.count() == n);
    CHECK(merged.count() == n);
    for (double p = 0.5; p <= 100; p += 0.5) {
      INFO("round " << round << ", p " << p);
      const auto expected = reference.percentile(p);
      REQUIRE(whole.percentile(p) == expected);
      REQUIRE(merged.percentile(p) == expected);
    }
  }
}

TEST_CASE("A count past 256, 65536 and more values in one bucket stays exact") {
  QuantileSketch s;
  for (int i = 0; i < 70'000; ++i) s.add(5);
  for (int i = 0; i < 70'001; ++i) s.add(7);
  CHECK(s.count() == 140'001);
  CHECK(*s.percentile(50) == 7);  // rank 70,001 is the first 7
  CHECK(*s.percentile(100.0 * 70'000 / 140'001) == 5);
  CHECK(*s.percentile(100.0 * 70'001 / 140'001) == 7);
  QuantileSketch t;
  t.merge(s);
  t.merge(s);
  // 140,000 fives, then 140,002 sevens: rank 140,000 is the last five.
  CHECK(*t.percentile(100.0 * 140'000 / 280'002) == 5);
  CHECK(*t.percentile(50) == 7);
}
