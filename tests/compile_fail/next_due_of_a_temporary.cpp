// Must not compile: next_due's answer points into the evaluation, so asking
// it of a temporary would leave the pointers dangling. Built with
// SLAKIT_CONTROL it asks it of a named evaluation and must compile, which
// proves that the failure comes from the temporary and nothing else.
#include <slakit/sla/evaluation.hpp>

int main() {
#ifdef SLAKIT_CONTROL
  const slakit::Evaluation e;
  const auto next = slakit::next_due(e);
#else
  const auto next = slakit::next_due(slakit::Evaluation{});
#endif
  return next ? 1 : 0;
}
