#include "routing_workload.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <span>
#include <string_view>

namespace slakit::bench {

namespace {

using Values = std::span<const std::string_view>;

constexpr std::array<std::string_view, 4> kTiers{"standard", "silver", "gold", "platinum"};
constexpr std::array<std::string_view, 5> kChannels{"email", "phone", "chat", "web", "api"};
constexpr std::array<std::string_view, 4> kPriorities{"low", "normal", "high", "urgent"};
constexpr std::array<std::string_view, 8> kRegions{"emea",  "amer", "apac",    "anz",
                                                   "latam", "mea",  "nordics", "dach"};
constexpr std::array<std::string_view, 20> kCategories{
    "billing", "refund",    "invoice",  "payments", "payouts", "login", "password",
    "account", "security",  "fraud",    "outage",   "latency", "api",   "integration",
    "mobile",  "reporting", "shipping", "returns",  "feature", "other"};
constexpr std::array<double, 20> kThresholds{10,   25,    50,    100,   150,   200,   250,
                                             500,  750,   1000,  1500,  2000,  2500,  5000,
                                             7500, 10000, 15000, 25000, 50000, 100000};
// Order values drawn at random stay below this.
constexpr double kMaxValue = 200000;

struct FieldInfo {
  std::string_view path;
  std::string_view kind;  // the JSON table's: enum, text or number
  Values values;
};

constexpr std::array<FieldInfo, kRoutingFields> kFields{{
    {"customer.tier", "enum", kTiers},
    {"ticket.channel", "enum", kChannels},
    {"ticket.priority", "enum", kPriorities},
    {"customer.region", "text", kRegions},
    {"ticket.category", "text", kCategories},
    {"order.value", "number", {}},
}};

const FieldInfo& info(RoutingField f) {
  return kFields[static_cast<std::size_t>(f)];
}

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  // An amount in cents between lo and hi: what an order value looks like.
  double amount(double lo, double hi) {
    const auto cents_lo = static_cast<std::uint64_t>(std::llround(lo * 100));
    const auto cents_hi = static_cast<std::uint64_t>(std::llround(hi * 100));
    return static_cast<double>(cents_lo + rng_() % (cents_hi - cents_lo + 1)) / 100.0;
  }
  double between(double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng_() >> 11) * 0x1p-53;
  }
  // Fisher-Yates with the generator's raw output: std::shuffle and the
  // standard distributions differ between standard libraries, and the
  // workload must not.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::mt19937_64 rng_;
};

FieldTest make_test(RoutingField field, Draw& draw) {
  FieldTest t{.field = field};
  if (field == RoutingField::order_value) {
    const auto a = draw.below(kThresholds.size());
    if (draw.chance(40)) {  // a range: order.value >= 100 and order.value < 5000
      auto b = draw.below(kThresholds.size() - 1);
      if (b >= a) ++b;
      t.lower = Bound{kThresholds[std::min(a, b)], draw.chance(50)};
      t.upper = Bound{kThresholds[std::max(a, b)], draw.chance(50)};
    } else if (draw.chance(50)) {
      t.lower = Bound{kThresholds[a], draw.chance(50)};
    } else {
      t.upper = Bound{kThresholds[a], draw.chance(50)};
    }
    return t;
  }
  const Values domain = info(field).values;
  // `==` mostly; otherwise `in` with up to a quarter of the values (two at least).
  const std::size_t most = std::max<std::size_t>(2, domain.size() / 4);
  const std::size_t count = draw.chance(70) ? 1 : 2 + draw.below(most - 1);
  std::vector<std::string_view> pool(domain.begin(), domain.end());
  draw.shuffle(pool);
  for (std::size_t i = 0; i < count; ++i) t.values.emplace_back(pool[i]);
  return t;
}

std::string number(double v) {
  return fmt::format("{}", v);
}

std::string test_text(const FieldTest& t) {
  const auto& f = info(t.field);
  if (t.field == RoutingField::order_value) {
    std::string out;
    if (t.lower)
      out =
          fmt::format("{} {} {}", f.path, t.lower->inclusive ? ">=" : ">", number(t.lower->value));
    if (t.lower && t.upper) out += " and ";
    if (t.upper)
      out +=
          fmt::format("{} {} {}", f.path, t.upper->inclusive ? "<=" : "<", number(t.upper->value));
    return out;
  }
  // Text fields compare with strings, `one of` fields with their bare names.
  const char* quote = f.kind == "text" ? "\"" : "";
  auto value = [&](const std::string& v) { return fmt::format("{0}{1}{0}", quote, v); };
  if (t.values.size() == 1) return fmt::format("{} == {}", f.path, value(t.values[0]));
  std::string list;
  for (const auto& v : t.values) list += (list.empty() ? "" : ", ") + value(v);
  return fmt::format("{} in [{}]", f.path, list);
}

std::string test_json(const FieldTest& t) {
  if (t.field == RoutingField::order_value) {
    std::string out;
    if (t.lower)
      out = fmt::format(R"("{}":{})", t.lower->inclusive ? "gte" : "gt", number(t.lower->value));
    if (t.lower && t.upper) out += ',';
    if (t.upper)
      out += fmt::format(R"("{}":{})", t.upper->inclusive ? "lte" : "lt", number(t.upper->value));
    return '{' + out + '}';
  }
  if (t.values.size() == 1) return fmt::format(R"({{"eq":"{}"}})", t.values[0]);
  std::string list;
  for (const auto& v : t.values) list += fmt::format(R"({}"{}")", list.empty() ? "" : ",", v);
  return fmt::format(R"({{"in":[{}]}})", list);
}

// A value of `field` that passes `test`. Order values land on an inclusive
// bound or just inside an exclusive one often: the boundaries are where
// engines disagree.
void satisfy(const FieldTest& test, Ticket& t, Draw& draw) {
  if (test.field != RoutingField::order_value) {
    const auto& v = test.values[draw.below(test.values.size())];
    switch (test.field) {
      case RoutingField::tier:
        t.customer.tier = v;
        break;
      case RoutingField::channel:
        t.channel = v;
        break;
      case RoutingField::priority:
        t.priority = v;
        break;
      case RoutingField::region:
        t.customer.region = v;
        break;
      case RoutingField::category:
        t.category = v;
        break;
      case RoutingField::order_value:
        break;
    }
    return;
  }
  const double lo = test.lower ? test.lower->value : 0;
  const double hi = test.upper ? test.upper->value : std::max(2 * lo, kMaxValue);
  const auto pick = draw.below(10);
  double v = 0;
  if (pick < 3 && test.lower) {
    v = test.lower->inclusive ? lo : lo + 0.01;
  } else if (pick == 3 && test.upper) {
    v = test.upper->inclusive ? hi : hi - 0.01;
  } else {
    v = draw.amount(lo + 0.01, hi - 0.01);
  }
  t.order.value = v;
}

void randomize(Ticket& t, Draw& draw) {
  auto any = [&](Values domain) { return std::string{domain[draw.below(domain.size())]}; };
  t.customer.tier = any(kTiers);
  t.channel = any(kChannels);
  t.priority = any(kPriorities);
  t.customer.region = any(kRegions);
  t.category = any(kCategories);
  if (draw.chance(35)) {
    t.order.value = kThresholds[draw.below(kThresholds.size())];
  } else {
    // Between two thresholds picked at random, so small and large orders are
    // as common as the thresholds are dense.
    const auto i = draw.below(kThresholds.size() + 1);
    const double lo = i == 0 ? 0 : kThresholds[i - 1];
    const double hi = i == kThresholds.size() ? kMaxValue : kThresholds[i];
    t.order.value = draw.amount(lo, hi);
  }
}

// About which share of random tickets (randomize()) pass a route: what
// orders the routes from narrow to broad.
double share(const GeneratedRoute& r) {
  double out = 1;
  for (const auto& t : r.tests) {
    if (t.field != RoutingField::order_value) {
      out *=
          static_cast<double>(t.values.size()) / static_cast<double>(info(t.field).values.size());
      continue;
    }
    auto passes = [&](double v) {
      return (!t.lower || v > t.lower->value || (t.lower->inclusive && v == t.lower->value)) &&
             (!t.upper || v < t.upper->value || (t.upper->inclusive && v == t.upper->value));
    };
    double on = 0, between = 0;
    for (std::size_t i = 0; i <= kThresholds.size(); ++i) {
      if (i < kThresholds.size() && passes(kThresholds[i])) ++on;
      const double lo = i == 0 ? 0 : kThresholds[i - 1];
      const double hi = i == kThresholds.size() ? kMaxValue : kThresholds[i];
      if (passes((lo + hi) / 2)) ++between;
    }
    out *= 0.35 * on / kThresholds.size() + 0.65 * between / (kThresholds.size() + 1);
  }
  return out;
}

}  // namespace

std::vector<GeneratedRoute> make_routes(const RoutingWorkloadOptions& options) {
  Draw draw{options.seed};
  const std::size_t generated = options.rules - (options.catch_all && options.rules > 0 ? 1 : 0);
  std::vector<std::pair<double, GeneratedRoute>> keyed(generated);
  for (auto& [key, r] : keyed) {
    r.queue = fmt::format("q{:03}", draw.below(200));
    // Most routes test three or four fields; a few one or two. A route that
    // would take more than one random ticket in twenty (one in forty when it
    // tests several fields) is drawn again: the last routes are then still
    // selective, and some tickets match none.
    do {
      r.tests.clear();
      const auto roll = draw.below(100);
      std::size_t need = roll < 5 ? 1 : roll < 25 ? 2 : roll < 65 ? 3 : 4;
      // `need` of the six fields, each subset as likely, in field order.
      for (int f = 0; f < kRoutingFields && need > 0; ++f) {
        if (draw.below(static_cast<std::size_t>(kRoutingFields - f)) < need) {
          r.tests.push_back(make_test(static_cast<RoutingField>(f), draw));
          --need;
        }
      }
    } while (share(r) > (r.tests.size() == 1 ? 0.05 : 0.025));
    // Rule authors put narrow routes before broad ones, or the broad ones
    // would take every ticket in the first few routes; loosely, as people do.
    key = share(r) * std::exp(draw.between(-1.5, 1.5));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<GeneratedRoute> routes;
  routes.reserve(options.rules);
  for (auto& [key, r] : keyed) routes.push_back(std::move(r));
  if (routes.size() < options.rules) routes.push_back({.name = {}, .queue = "triage", .tests = {}});
  const int digits = options.rules > 1000 ? 5 : 4;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    routes[i].name = fmt::format("r{:0{}}", i + 1, digits);
  }
  return routes;
}

std::string routes_text(const std::vector<GeneratedRoute>& routes) {
  std::string out = "# Generated by benchmarks/routing_workload.cpp: first match in rule order.\n";
  for (const auto& r : routes) {
    std::string when;
    for (const auto& t : r.tests) when += (when.empty() ? " when " : " and ") + test_text(t);
    out += fmt::format("route {}{} -> queue {}\n", r.name, when, r.queue);
  }
  return out;
}

std::string routes_table_json(const std::vector<GeneratedRoute>& routes) {
  std::string out = R"({"fields":[)";
  for (std::size_t f = 0; f < kFields.size(); ++f) {
    out += fmt::format(R"({}{{"name":"{}","kind":"{}"}})", f == 0 ? "" : ",", kFields[f].path,
                       kFields[f].kind);
  }
  out += "],\n\"rules\":[\n";
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const auto& r = routes[i];
    std::string when;
    for (const auto& t : r.tests) {
      when +=
          fmt::format(R"({}"{}":{})", when.empty() ? "" : ",", info(t.field).path, test_json(t));
    }
    out += fmt::format(R"({{"name":"{}","queue":"{}","when":{{{}}}}}{})", r.name, r.queue, when,
                       i + 1 == routes.size() ? "\n" : ",\n");
  }
  return out + "]}\n";
}

std::vector<Ticket> make_routing_tickets(const std::vector<GeneratedRoute>& routes,
                                         std::size_t count, std::uint64_t seed) {
  Draw draw{seed};
  std::vector<Ticket> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto& t = out[i];
    t.id = fmt::format("T-{}", i + 1);
    randomize(t, draw);
    // 85% aim at a route: its fields get values it accepts, the others stay random.
    if (!routes.empty() && draw.chance(85)) {
      for (const auto& test : routes[draw.below(routes.size())].tests) satisfy(test, t, draw);
    }
    // Missing values: a condition on them is false for every engine.
    if (draw.chance(4)) t.order.value.reset();
    if (draw.chance(1)) t.category.clear();
  }
  return out;
}

RoutingWorkload make_routing_workload(const RoutingWorkloadOptions& options, std::size_t tickets) {
  RoutingWorkload w;
  w.routes = make_routes(options);
  w.tickets = make_routing_tickets(w.routes, tickets, options.seed + 1);
  return w;
}

std::string routing_ticket_json(const Ticket& t) {
  std::string out = fmt::format(R"({{"id":"{}","ticket":{{"channel":"{}","priority":"{}")", t.id,
                                t.channel, t.priority);
  if (!t.category.empty()) out += fmt::format(R"(,"category":"{}")", t.category);
  out += fmt::format(R"(}},"customer":{{"tier":"{}","region":"{}"}})", t.customer.tier,
                     t.customer.region);
  if (t.order.value) out += fmt::format(R"(,"order":{{"value":{}}})", number(*t.order.value));
  return out + '}';
}

TicketTable::TicketTable(std::span<const Ticket> tickets) {
  for (const auto& t : tickets) {
    const std::string_view row[5] = {t.customer.tier, t.channel, t.priority, t.customer.region,
                                     t.category};
    for (std::size_t f = 0; f < 5; ++f) {
      auto& dict = categories[f];
      auto at = std::find(dict.begin(), dict.end(), row[f]);
      if (!row[f].empty() && at == dict.end()) at = dict.insert(dict.end(), row[f]);
      codes[f].push_back(row[f].empty() ? -1 : static_cast<std::int32_t>(at - dict.begin()));
      texts[f].push_back(row[f].empty() ? std::string_view{} : *at);
    }
    values.push_back(t.order.value.value_or(std::numeric_limits<double>::quiet_NaN()));
  }
}

TicketColumns TicketTable::columns(bool dictionary) const {
  TicketColumns c(values.size());
  for (std::size_t f = 0; f < 5; ++f) {
    if (dictionary) {
      c.categories(std::string{kTexts[f]}, codes[f], categories[f]);
    } else {
      c.texts(std::string{kTexts[f]}, texts[f]);
    }
  }
  c.numbers("order.value", values);
  return c;
}

}  // namespace slakit::bench
