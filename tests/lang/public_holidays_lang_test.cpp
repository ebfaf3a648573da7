// The public-holiday calendars of examples/rules/holidays/, written in the
// rule language, close exactly the dates of the C++ definitions that are
// checked against the published dates.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "lang/lang_test_support.hpp"
#include "support/public_holidays.hpp"

using namespace slakit;

namespace {

Calendar from_rules(const std::string& file, const std::string& name) {
  const auto path = std::string{SLAKIT_SOURCE_DIR} + "/examples/rules/holidays/" + file;
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  const auto rules = compile_or_throw({{path, text.str()}});
  return *rules.calendar(name);
}

void same_holidays(const Calendar& written, const Calendar& reference) {
  for (int y = 1990; y <= 2040; ++y) {
    CAPTURE(y);
    const auto a = written.holidays(y), b = reference.holidays(y);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].date == b[i].date);
      CHECK(a[i].name == b[i].name);
      CHECK(a[i].observed == b[i].observed);
    }
  }
}

}  // namespace

TEST_CASE("US federal holidays in the rule language") {
  same_holidays(from_rules("us_federal.sla", "us_federal"), test::us_federal());
}
TEST_CASE("German national holidays in the rule language") {
  same_holidays(from_rules("de_national.sla", "de_national"), test::german_national());
}
TEST_CASE("English bank holidays in the rule language") {
  same_holidays(from_rules("en_bank_holidays.sla", "en_bank_holidays"),
                test::english_bank_holidays());
}
TEST_CASE("Japanese national holidays in the rule language") {
  same_holidays(from_rules("jp_national.sla", "jp_national"), test::japanese_national());
}
