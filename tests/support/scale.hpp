// How many random cases a differential test runs: its own count, times
// SLAKIT_TEST_SCALE when set (a fraction: .ci/sanitize runs a tenth under
// the sanitizers, where the minute-stepping references are ten times
// slower and the full counts run in the plain build anyway).
#pragma once

#include <algorithm>
#include <cstdlib>

namespace slakit::test {

inline int scaled(int cases) {
  const char* text = std::getenv("SLAKIT_TEST_SCALE");
  if (text == nullptr) return cases;
  const double scale = std::atof(text);
  if (!(scale > 0) || scale >= 1) return cases;
  return std::max(1, static_cast<int>(cases * scale));
}

}  // namespace slakit::test
