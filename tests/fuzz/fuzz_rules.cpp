// Fuzz target for the language front end: compile and format any bytes.
// Besides crashes, hangs and sanitizer reports, it checks two properties:
// whatever formats must format again to the same text, and the formatted
// text must give the same diagnostic codes as the original (same meaning).
//
// With clang: cmake -DSLAKIT_BUILD_FUZZERS=ON ... builds slakit_fuzz_rules,
// a libFuzzer binary. Every build has slakit_fuzz_replay, which runs the
// saved inputs in tests/fuzz/corpus (and any file or folder named) as a test.
#include <slakit/lang/format.hpp>
#include <slakit/slakit.hpp>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

namespace {

std::multiset<std::string> codes(const std::vector<slakit::Diagnostic>& diagnostics) {
  std::multiset<std::string> out;
  for (const auto& d : diagnostics) out.insert(d.code);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto compiled = slakit::compile({{"fuzz.sla", text}});
  const auto once = slakit::format_rules("fuzz.sla", text);
  if (!once.ok()) return 0;
  const auto twice = slakit::format_rules("fuzz.sla", once.text);
  if (!twice.ok() || twice.text != once.text) std::abort();
  const auto recompiled = slakit::compile({{"fuzz.sla", once.text}});
  if (codes(compiled.diagnostics) != codes(recompiled.diagnostics)) std::abort();
  return 0;
}
