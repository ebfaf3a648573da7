// Rule order across files and the files of a rule set read once
// (docs/language.md, "Includes"; review 26, F1 and F2).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include <slakit/slakit.hpp>

using namespace slakit;

namespace {

// A rule set of files in memory: each declares one SLA named after the file
// and includes what `includes` lists.
struct Files {
  std::map<std::string, std::vector<std::string>> includes;

  std::string text(const std::string& name) const {
    std::string out;
    if (const auto it = includes.find(name); it != includes.end()) {
      for (const auto& other : it->second) out += "include \"" + other + ".sla\"\n";
    }
    return out + "sla " + name + " {\n  first_response 1h\n}\n";
  }
  CompileOptions options() {
    CompileOptions o;
    o.load = [this](const std::string& path) -> std::optional<std::string> {
      return text(path.substr(0, path.size() - 4));  // "base.sla": base
    };
    return o;
  }
  // The policies' names in rule order, for the files named in this order.
  std::string order(const std::vector<std::string>& named) {
    std::vector<RuleSource> sources;
    for (const auto& n : named) sources.push_back({n + ".sla", text(n)});
    auto result = compile(sources, options());
    REQUIRE(result.ok());
    std::string out;
    for (const auto& p : result.rules->policies()) out += (out.empty() ? "" : " ") + p.name.text;
    return out;
  }
};

}  // namespace

// "a file's declarations come before those of every file it includes,
// directly or through other files; files that do not include one another
// keep the order in which they were read (the files named, in their order,
// then the included ones); the files of an include cycle too."
TEST_CASE("rule order: a file before the files it includes, however the files are named") {
  SUBCASE("the review's rule set: vip includes base") {
    Files f{{{"vip", {"base"}}}};
    CHECK(f.order({"vip"}) == "vip base");
    CHECK(f.order({"base", "vip"}) == "vip base");
    CHECK(f.order({"vip", "base"}) == "vip base");
  }
  SUBCASE("through other files: tests include vip, vip includes base") {
    Files f{{{"tests", {"vip"}}, {"vip", {"base"}}}};
    CHECK(f.order({"base", "tests", "vip"}) == "tests vip base");
    CHECK(f.order({"base", "vip", "tests"}) == "tests vip base");
  }
  SUBCASE("files that include neither one another keep the order named") {
    Files f;
    CHECK(f.order({"a", "b", "c"}) == "a b c");
    CHECK(f.order({"c", "a", "b"}) == "c a b");
  }
  SUBCASE("included files in the order read; one included twice after both includers") {
    Files f{{{"main", {"a", "b"}}, {"a", {"c"}}, {"b", {"c"}}}};
    CHECK(f.order({"main"}) == "main a b c");
    CHECK(f.order({"c", "b", "main"}) == "main b a c");
  }
  SUBCASE("a file that another included file includes comes after it") {
    // main reads a and b; b includes a: b's rules come first.
    Files f{{{"main", {"a", "b"}}, {"b", {"a"}}}};
    CHECK(f.order({"main"}) == "main b a");
  }
  SUBCASE("an include cycle: its files in the order read") {
    Files f{{{"a", {"b"}}, {"b", {"a"}}}};
    CHECK(f.order({"a"}) == "a b");
    CHECK(f.order({"b"}) == "b a");
    Files g{{{"top", {"a"}}, {"a", {"b"}}, {"b", {"a"}}}};
    CHECK(g.order({"top"}) == "top a b");
  }
  SUBCASE("a file that includes itself") {
    Files f{{{"a", {"a", "b"}}}};
    CHECK(f.order({"a"}) == "a b");
  }
}

TEST_CASE("rule order decides first match: the answer does not depend on the order named") {
  const std::string base = "sla standard {\n  first_response 8h\n}\n";
  const std::string vip =
      "include \"base.sla\"\nsla gold for contract.sla == \"gold\" {\n  first_response 1h\n}\n";
  CompileOptions options;
  options.load = [&](const std::string& path) -> std::optional<std::string> {
    if (path == "base.sla") return base;
    return std::nullopt;
  };
  for (const auto& named : {std::vector<RuleSource>{{"vip.sla", vip}},
                            std::vector<RuleSource>{{"base.sla", base}, {"vip.sla", vip}}}) {
    const auto result = compile(named, options);
    REQUIRE(result.ok());
    CAPTURE(named.size());
    // The catch-all does not shadow gold: no W0240 for it.
    CHECK(result.diagnostics.empty());
    REQUIRE(result.rules->policies().size() == 2);
    CHECK(result.rules->policies()[0].name.text == "gold");
  }
}

// "One file is one file whatever path reaches it": paths that the host
// identifies as one file are read once.
TEST_CASE("CompileOptions::identify: one file under two paths is read once") {
  const std::string a =
      "include \"/abs/rules/b.sla\"\ncalendar ca {\n  zone \"UTC\"\n  mon "
      "09:00-17:00\n}\n";
  const std::string b = "include \"a.sla\"\ncalendar cb {\n  zone \"UTC\"\n  mon 09:00-17:00\n}\n";
  std::vector<std::string> loaded;
  CompileOptions options;
  options.load = [&](const std::string& path) -> std::optional<std::string> {
    loaded.push_back(path);
    if (path == "/abs/rules/b.sla") return b;
    if (path == "/abs/rules/a.sla") return a;
    return std::nullopt;
  };
  SUBCASE("without identify, paths are compared once normalised: a is read twice") {
    const auto result = compile({{"rules/a.sla", a}}, options);
    CHECK(!result.ok());  // E0201: calendar ca declared twice
    CHECK(loaded == std::vector<std::string>{"/abs/rules/b.sla", "/abs/rules/a.sla"});
  }
  SUBCASE("with identify, the relative and the absolute path are one file") {
    options.identify = [](const std::string& path) -> std::optional<std::string> {
      const auto slash = path.rfind('/');
      return "inode of " + path.substr(slash + 1);
    };
    const auto result = compile({{"rules/a.sla", a}}, options);
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
    CHECK(loaded == std::vector<std::string>{"/abs/rules/b.sla"});
    CHECK(result.sources->size() == 2);
  }
  SUBCASE("a path identify cannot name is compared as written") {
    options.identify = [](const std::string&) { return std::optional<std::string>{}; };
    CHECK(!compile({{"rules/a.sla", a}}, options).ok());
  }
  SUBCASE("two named files that are one file: the first name is kept") {
    options.identify = [](const std::string&) { return std::optional<std::string>{"same"}; };
    const auto result = compile({{"x.sla", "sla s {\n  first_response 1h\n}\n"},
                                 {"y.sla", "sla s {\n  first_response 1h\n}\n"}},
                                options);
    CHECK(result.ok());
    REQUIRE(result.sources->size() == 1);
    CHECK(result.sources->file(0).path == "x.sla");
  }
}
