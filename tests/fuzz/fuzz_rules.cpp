// Fuzz target for the language front end: everything a host does with rule
// text, on any bytes: compile (parse and check), format, and render every
// diagnostic as text and as JSON. Besides crashes, hangs, exceptions and
// sanitizer reports, it checks these properties:
// - every diagnostic renders with its file:line:col header and one caret
//   line, and the JSON is valid UTF-8;
// - whatever formats must format again to the same text;
// - the formatted text gives the same diagnostic codes as the original.
//
// With clang: cmake -DSLAKIT_BUILD_FUZZERS=ON ... builds slakit_fuzz_rules,
// a libFuzzer binary (docs/architecture.md, "Running the fuzzers"). Every
// build has slakit_fuzz_rules_replay, which runs the saved inputs in
// tests/fuzz/corpus/rules (and any file or folder named) as a test.
#include <slakit/lang/format.hpp>
#include <slakit/slakit.hpp>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "lang/lang_test_support.hpp"

namespace {

std::multiset<std::string> codes(const std::vector<slakit::Diagnostic>& diagnostics) {
  std::multiset<std::string> out;
  for (const auto& d : diagnostics) out.insert(d.code);
  return out;
}

void require(bool property) {
  if (!property) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using slakit::test::renders_cleanly;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto compiled = slakit::compile({{"fuzz.sla", text}});
  require(renders_cleanly(compiled.diagnostics, *compiled.sources));
  const auto once = slakit::format_rules("fuzz.sla", text);
  require(renders_cleanly(once.diagnostics, once.sources));
  if (!once.ok()) return 0;
  const auto twice = slakit::format_rules("fuzz.sla", once.text);
  require(twice.ok() && twice.text == once.text);
  const auto recompiled = slakit::compile({{"fuzz.sla", once.text}});
  require(codes(compiled.diagnostics) == codes(recompiled.diagnostics));
  return 0;
}
