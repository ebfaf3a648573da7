// Garbage in, diagnostics out: never a crash, a hang or an exception.
#include <doctest/doctest.h>

#include <random>

#include "lang/lang_test_support.hpp"

using namespace slakit;

namespace {

const char* const kPieces[] = {"calendar",  "sla",
                               "ola",       "route",
                               "field",     "include",
                               "{",         "}",
                               "(",         ")",
                               "[",         "]",
                               "->",        ",",
                               "..",        "==",
                               "!=",        "<",
                               "and",       "not",
                               "in",        "when",
                               "otherwise", "\"",
                               "\"x\"",     "09:00",
                               "25:99",     "2026-02-30",
                               "1h30m",     "3bd",
                               "75%",       "mon",
                               "fri",       "holiday",
                               "easter",    "-",
                               "+",         "ticket.priority",
                               "urgent",    "#",
                               "\n",        " ",
                               "zone",      "\"UTC\"",
                               "queue",     "x",
                               "12.5",      "none"};

}  // namespace

TEST_CASE("random token soup never crashes or throws") {
  std::mt19937 rng{11};
  std::uniform_int_distribution<std::size_t> piece{0, std::size(kPieces) - 1};
  std::uniform_int_distribution<int> length{0, 200};
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += std::string{kPieces[piece(rng)]} + " ";
    CAPTURE(text);
    const auto result = compile({{"t.sla", text}});
    CHECK(test::renders_cleanly(result.diagnostics, *result.sources));
  }
}

TEST_CASE("random bytes never crash or throw, and every diagnostic renders") {
  std::mt19937 rng{12};
  std::uniform_int_distribution<int> byte{0, 255};
  for (int i = 0; i < 500; ++i) {
    std::string text(static_cast<std::size_t>(byte(rng)) * 8, '\0');
    for (auto& c : text) c = static_cast<char>(byte(rng));
    const auto result = compile({{"t.sla", text}});
    if (!text.empty()) CHECK(!result.diagnostics.empty());
    CHECK(test::renders_cleanly(result.diagnostics, *result.sources));
  }
}

TEST_CASE("a 50 MB file is parsed in one pass") {
  std::string text;
  text.reserve(50u << 20);
  const std::string route = "route r when ticket.priority == urgent -> queue q\n";
  for (int i = 0; text.size() < (50u << 20); ++i) text += route;
  const auto result = compile({{"big.sla", text}});
  // Every route has the same name: the duplicates are reported, up to the cap.
  CHECK_FALSE(result.ok());
  CHECK(!result.diagnostics.empty());
}
