// Rule order across files and the files of a rule set read once
// (docs/language.md, "Includes"; review 26, F1 and F2).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <slakit/slakit.hpp>

#include <fmt/format.h>

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

// "One walk breadth first from the top files, the files named whose include
// cycle (a file in none is a cycle of its own) no file outside it
// includes, in the order first named, each file's includes in the order of
// its include lines, gives every file a place. Rule order takes, each time,
// the cycle with the earliest place whose includers are all placed: no file
// comes before a file that includes it, and the files of a cycle go
// together, in the order of their places."
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
  SUBCASE("included files in the order of the include lines; one included twice after both") {
    Files f{{{"main", {"a", "b"}}, {"a", {"c"}}, {"b", {"c"}}}};
    CHECK(f.order({"main"}) == "main a b c");
    CHECK(f.order({"c", "b", "main"}) == "main a b c");
    Files g{{{"main", {"b", "a"}}, {"a", {"c"}}, {"b", {"c"}}}};
    CHECK(g.order({"a", "main"}) == "main b a c");
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
    CHECK(g.order({"b", "top"}) == "top a b");
    // Review 28, F1: a cycle that includes a catch-all, named after it (a
    // glob): the cycle's files before what it includes.
    Files h{{{"x", {"y"}}, {"y", {"x", "base"}}}};
    CHECK(h.order({"y"}) == "y x base");
    CHECK(h.order({"base", "x", "y"}) == "x y base");
    // A back-include from a file the top file includes.
    Files k{{{"a", {"b"}}, {"b", {"a"}}}};
    CHECK(k.order({"a", "c"}) == "a b c");
    // A cycle that another file includes has no top file, whichever of its
    // files is named (order29's reading of the rule).
    Files m{{{"a", {"b"}}, {"b", {"a"}}, {"c", {"a"}}}};
    CHECK(m.order({"c"}) == "c a b");
    CHECK(m.order({"b", "c"}) == "c a b");
    CHECK(m.order({"b", "a", "c"}) == "c a b");
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

// The rule's consequences on random include graphs of up to seven files:
// no file after a file it includes outside their cycle, a cycle's files
// together, and the same order however the files are named, so long as the
// top files keep their order ("one rule set gives the same answers
// however its files are named").
TEST_CASE("rule order on random include graphs") {
  std::mt19937 random{20261201};
  for (int round = 0; round < 1500; ++round) {
    const int n = 2 + static_cast<int>(random() % 6);
    auto name = [](int i) { return fmt::format("f{}", i); };
    Files graph;
    std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        if (random() % 4 == 0) {
          graph.includes[name(i)].push_back(name(j));
          if (i != j) reach[i][j] = true;
        }
      }
    }
    for (int k = 0; k < n; ++k) {
      for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
      }
    }
    auto one_cycle = [&](int a, int b) { return a == b || (reach[a][b] && reach[b][a]); };
    // Named: a random subset (at least one file), in a random order.
    std::vector<int> named;
    for (int i = 0; i < n; ++i) {
      if (random() % 2 == 0) named.push_back(i);
    }
    if (named.empty()) named.push_back(static_cast<int>(random() % n));
    std::shuffle(named.begin(), named.end(), random);
    std::vector<bool> in_rule_set(n, false);
    for (int i = 0; i < n; ++i) {
      for (const int f : named) in_rule_set[i] = in_rule_set[i] || f == i || reach[f][i];
    }
    // Top files: named, and no file of the rule set outside their cycle
    // includes them.
    auto top = [&](int f) {
      for (int g = 0; g < n; ++g) {
        if (in_rule_set[g] && !one_cycle(g, f) && reach[g][f]) return false;
      }
      return true;
    };
    std::vector<std::string> names;
    for (const int f : named) names.push_back(name(f));
    CAPTURE(round);
    const auto order = graph.order(names);
    // Positions in the order.
    std::vector<int> at(n, -1);
    {
      std::istringstream words{order};
      std::string word;
      for (int i = 0; words >> word; ++i) {
        // The policy of file fK is named fK.
        at[std::stoi(word.substr(1))] = i;
      }
    }
    for (int i = 0; i < n; ++i) {
      CHECK(in_rule_set[i] == (at[i] >= 0));
      for (int j = 0; j < n; ++j) {
        if (at[i] < 0 || at[j] < 0) continue;
        if (reach[i][j] && !one_cycle(i, j)) CHECK(at[i] < at[j]);
        // A cycle's files together: nothing from outside between two of them.
        for (int k = 0; k < n; ++k) {
          if (one_cycle(i, j) && at[k] >= 0 && at[i] < at[k] && at[k] < at[j]) {
            CHECK(one_cycle(i, k));
          }
        }
      }
    }
    // Named another way: the top files in the same order, the other files
    // of the rule set put in anywhere.
    std::vector<std::string> again;
    for (const int f : named) {
      if (top(f)) again.push_back(name(f));
    }
    for (int i = 0; i < n; ++i) {
      bool in_top_cycle = false;
      for (const int f : named) in_top_cycle = in_top_cycle || (top(f) && one_cycle(f, i));
      if (in_rule_set[i] && !in_top_cycle && random() % 2 == 0) {
        again.insert(again.begin() + static_cast<long>(random() % (again.size() + 1)), name(i));
      }
    }
    CHECK(graph.order(again) == order);
  }
}
