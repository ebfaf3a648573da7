// The README's example rules: they compile as they stand there and are in
// canonical form.
#include <slakit/lang/format.hpp>

#include <fstream>
#include <iterator>

#include "sla/sla_test_support.hpp"

using namespace slakit;

namespace {

// The first ``` block after "Rules as text".
std::string readme_rules() {
  std::ifstream in(SLAKIT_SOURCE_DIR "/README.md");
  const std::string text{std::istreambuf_iterator<char>{in}, {}};
  const auto from = text.find("```\n", text.find("Rules as text")) + 4;
  return text.substr(from, text.find("```", from) - from);
}

}  // namespace

// The C++ that evaluates them is compiled and run from the README itself
// (tests/docs): what it says of the evaluation is checked there.
TEST_CASE("the README example: its rules compile and are in canonical form") {
  const auto text = readme_rules();
  REQUIRE(text.find("sla gold") != std::string::npos);
  CHECK(format_rules("README.md", text).text == text);
  CHECK_NOTHROW((void)compile_or_throw({{"README.md", text}}));
}
