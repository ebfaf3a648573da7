// The limits on rule text (docs/reliability.md, "Limits"): each reported
// with what was found, the limit, and its position.
#include <doctest/doctest.h>

#include <slakit/lang/parse.hpp>

#include <string>

#include "lang/lang_test_support.hpp"

using namespace slakit;
using test::diagnostics_of;
using test::first_message;

// "rule file size | 64 MiB (kMaxRuleFileBytes) | E0006 at 1:1"
TEST_CASE("E0006 a rule file over 64 MiB") {
  std::string text(kMaxRuleFileBytes, '\n');
  CHECK(diagnostics_of(text) == "");
  text += "\n";
  CHECK(diagnostics_of(text) == "1:1 E0006");
  CHECK(first_message(text) == "file of 67108865 bytes: a rule file may be at most 64 MiB");
}

// "line of rule text | 65,536 bytes (kMaxLineBytes) | E0007 at the first
// byte past the limit"
TEST_CASE("E0007 a line over 64 KiB, in the middle or at the end") {
  const std::string fits = "# " + std::string(kMaxLineBytes - 2, 'x');
  CHECK(diagnostics_of(fits + "\nroute r -> queue a\n") == "");
  const std::string over = fits + "x";
  CHECK(diagnostics_of("route r -> queue a\n" + over + "\nroute s -> queue b\n") ==
        "2:65537 E0007");
  CHECK(first_message("\n" + over) ==
        "line of 65537 bytes: a line of rule text may be at most 65536 bytes long");
}

// "string in rule text | 4,096 bytes between the quotes (kMaxStringBytes) |
// E0008 at the opening quote"
TEST_CASE("E0008 a string over 4096 bytes") {
  const auto holiday = [](std::size_t n) {
    return "calendar c {\n  zone \"UTC\"\n  mon 09:00-17:00\n  holiday \"" + std::string(n, 'h') +
           "\" jan 1\n}\n";
  };
  CHECK(diagnostics_of(holiday(kMaxStringBytes)) == "");
  CHECK(diagnostics_of(holiday(kMaxStringBytes + 1)) == "4:11 E0008");
  CHECK(first_message(holiday(kMaxStringBytes + 1)) ==
        "string of 4097 bytes: a string may be at most 4096 bytes long");
}

// "declarations per rule set | 100,000, each route of a group counted
// (kMaxDeclarations) | E0009 at the first declaration past the limit"
TEST_CASE("E0009 more than 100000 declarations, routes of groups counted") {
  std::string text = "routes g collect {\n";
  for (std::size_t i = 0; i < kMaxDeclarations - 1; ++i) {
    text += "  route r" + std::to_string(i) + " -> queue q\n";
  }
  text += "}\n";
  CHECK(diagnostics_of(text + "route last -> queue q\n").find("E0009") == std::string::npos);
  CHECK(diagnostics_of(text + "route last -> queue q\nroute over -> queue q\n") ==
        std::to_string(kMaxDeclarations + 3) + ":1 E0009");
}
