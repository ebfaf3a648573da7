// to_json(Evaluation), the line `slakit eval` prints, and the JSON writer's
// pieces it is written with (src/support/json_text.hpp): the same text as
// the writer's general calls and as format_utc and std::to_string, on
// random evaluations and at the edges.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

#include "sla/json_parts.hpp"
#include "sla/sla_test_support.hpp"
#include "support/json_text.hpp"
#include "support/json_writer.hpp"

using namespace slakit;
using detail::JsonWriter;

namespace {

// The reference: the same shape written with the writer's general calls,
// which track nesting and separators themselves (to_json before it wrote
// through JsonDirect).
void reference_instant(JsonWriter& w, std::string_view key, const std::optional<Instant>& t) {
  w.key(key);
  t ? w.instant(*t) : w.null();
}

void reference_pair(JsonWriter& w, const TimePair& p) {
  w.begin_object();
  w.key("business"), w.value(static_cast<std::int64_t>(p.business.count()));
  w.key("calendar"), w.value(static_cast<std::int64_t>(p.calendar.count()));
  w.end_object();
}

void reference_pair(JsonWriter& w, std::string_view key, const std::optional<TimePair>& p) {
  w.key(key);
  p ? reference_pair(w, *p) : w.null();
}

void reference_cycle(JsonWriter& w, const TargetCycle& c, bool ola) {
  w.begin_object();
  w.key("policy"), w.value(c.policy);
  w.key("metric"), w.value(metric_name(c.metric));
  w.key("cycle"), w.value(c.cycle);
  if (ola) w.key("team"), c.team.empty() ? w.null() : w.value(c.team);
  w.key("state"), w.value(target_state_name(c.state));
  reference_instant(w, "start", c.start);
  reference_instant(w, "stop", c.stop);
  reference_instant(w, "due", c.due);
  reference_instant(w, "breached_at", c.breached_at);
  reference_instant(w, "cancelled_at", c.cancelled_at);
  w.key("target");
  c.target ? w.value(static_cast<std::int64_t>(c.target->count())) : w.null();
  w.key("remaining");
  c.target ? w.value(static_cast<std::int64_t>(c.remaining.count())) : w.null();
  w.key("overdue"), w.value(static_cast<std::int64_t>(c.overdue.count()));
  w.key("overdue_calendar"), w.value(static_cast<std::int64_t>(c.overdue_calendar.count()));
  w.key("business_elapsed"), w.value(static_cast<std::int64_t>(c.business_elapsed.count()));
  w.key("calendar_elapsed"), w.value(static_cast<std::int64_t>(c.calendar_elapsed.count()));
  w.key("pauses");
  w.begin_array();
  for (const auto& p : c.pauses) {
    w.begin_object();
    reference_instant(w, "from", p.begin);
    reference_instant(w, "to", p.end);
    w.end_object();
  }
  w.end_array();
  for (const bool escalations : {false, true}) {
    w.key(escalations ? "escalations" : "warnings");
    w.begin_array();
    for (const auto& t : c.thresholds) {
      if (t.escalation != escalations) continue;
      w.begin_object();
      w.key("percent"), w.value(t.percent);
      if (escalations) w.key("to_kind"), w.value(t.to_kind), w.key("to"), w.value(t.to);
      reference_instant(w, "at", t.at);
      w.key("fired"), w.value(t.fired);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

std::string reference_json(const Evaluation& e) {
  JsonWriter w{true};
  w.begin_object();
  w.key("id"), w.value(e.id);
  reference_instant(w, "now", e.now);
  w.key("sla");
  e.sla ? w.value(*e.sla) : w.null();
  w.key("sla_changes");
  w.begin_array();
  for (const auto& c : e.sla_changes) {
    w.begin_object();
    reference_instant(w, "at", c.at);
    w.key("from"), c.from.empty() ? w.null() : w.value(c.from);
    w.key("to"), c.to.empty() ? w.null() : w.value(c.to);
    w.end_object();
  }
  w.end_array();
  for (const bool ola : {false, true}) {
    w.key(ola ? "olas" : "targets");
    w.begin_array();
    for (const auto& c : ola ? e.olas : e.targets) reference_cycle(w, c, ola);
    w.end_array();
  }
  const auto& m = e.metrics;
  w.key("metrics");
  w.begin_object();
  reference_pair(w, "first_response", m.first_response);
  w.key("next_responses");
  w.begin_array();
  for (const auto& p : m.next_responses) reference_pair(w, p);
  w.end_array();
  reference_pair(w, "next_response_average", m.next_response_average);
  reference_pair(w, "handling", m.handling);
  reference_pair(w, "resolution", m.resolution);
  w.key("public_replies"), w.value(m.public_replies);
  w.key("reopenings"), w.value(m.reopenings);
  w.key("first_contact_resolution"), w.value(m.first_contact_resolution);
  w.end_object();
  w.end_object();
  return w.take();
}

// Random evaluations whose text needs every kind of escape and whose
// numbers and instants reach the edges.
struct Random {
  std::mt19937_64 rng{20261130};

  std::uint64_t below(std::uint64_t n) { return rng() % n; }
  bool coin() { return below(2) == 0; }

  std::string text() {
    static const std::string kNames[] = {"gold", "tier1_apac", "leads_amer", "team9", ""};
    if (below(3) != 0) return kNames[below(5)];
    std::string s;
    const auto n = below(40);
    for (std::uint64_t i = 0; i < n; ++i) {
      switch (below(6)) {
        case 0:
          s += static_cast<char>(below(0x20));
          break;  // control
        case 1:
          s += below(2) ? '"' : '\\';
          break;  // escaped
        case 2:
          s += "\xC3\xA9";
          break;  // é
        case 3:
          s += static_cast<char>(0x80 + below(0x80));
          break;  // mostly not UTF-8
        case 4:
          s += '\x7F';
          break;
        default:
          s += static_cast<char>('a' + below(26));
      }
    }
    return s;
  }
  std::int64_t integer() {
    switch (below(5)) {
      case 0:
        return std::numeric_limits<std::int64_t>::min() + static_cast<std::int64_t>(below(3));
      case 1:
        return std::numeric_limits<std::int64_t>::max() - static_cast<std::int64_t>(below(3));
      case 2:
        return static_cast<std::int64_t>(below(200)) - 100;
      default: {
        // Any number of digits, either sign.
        const auto digits = below(19);
        std::int64_t n = static_cast<std::int64_t>(rng() >> 1);
        for (std::uint64_t i = 0; i < digits; ++i) n /= 10;
        return coin() ? n : -n;
      }
    }
  }
  Instant instant() {
    // Mostly in a few days of 2026 (so the writer's day memory hits and
    // misses); sometimes anywhere, before 1970 and past year 9999.
    if (below(4) != 0)
      return Instant{Seconds{1'772'409'600 + static_cast<std::int64_t>(below(4 * 86400))}};
    return Instant{Seconds{static_cast<std::int64_t>(rng() % 700'000'000'000) - 350'000'000'000}};
  }
  std::optional<Instant> maybe_instant() {
    return coin() ? std::optional{instant()} : std::nullopt;
  }
  TimePair pair() { return {Seconds{integer()}, Seconds{integer()}}; }

  TargetCycle cycle() {
    TargetCycle c;
    c.policy = text();
    c.metric = static_cast<Metric>(below(5));
    c.cycle = static_cast<int>(integer());
    c.state = static_cast<TargetState>(below(5));
    c.team = text();
    c.start = instant();
    c.stop = maybe_instant(), c.due = maybe_instant(), c.breached_at = maybe_instant();
    c.cancelled_at = maybe_instant();
    if (coin()) c.target = Seconds{integer()};
    c.remaining = Seconds{integer()}, c.overdue = Seconds{integer()};
    c.overdue_calendar = Seconds{integer()}, c.business_elapsed = Seconds{integer()};
    c.calendar_elapsed = Seconds{integer()};
    for (auto n = below(3); n > 0; --n) c.pauses.push_back({instant(), maybe_instant()});
    for (auto n = below(4); n > 0; --n) {
      c.thresholds.push_back({.percent = static_cast<int>(integer()),
                              .escalation = coin(),
                              .to_kind = text(),
                              .to = text(),
                              .at = maybe_instant(),
                              .fired = coin()});
    }
    return c;
  }

  Evaluation evaluation() {
    Evaluation e;
    e.id = text();
    e.now = instant();
    if (coin()) e.sla = text();
    for (auto n = below(3); n > 0; --n) e.sla_changes.push_back({instant(), text(), text()});
    for (auto n = below(4); n > 0; --n) e.targets.push_back(cycle());
    for (auto n = below(3); n > 0; --n) e.olas.push_back(cycle());
    auto& m = e.metrics;
    if (coin()) m.first_response = pair();
    for (auto n = below(3); n > 0; --n) m.next_responses.push_back(pair());
    if (coin()) m.next_response_average = pair();
    m.handling = pair();
    if (coin()) m.resolution = pair();
    m.public_replies = static_cast<int>(integer()), m.reopenings = static_cast<int>(integer());
    m.first_contact_resolution = coin();
    return e;
  }
};

}  // namespace

// docs/cli.md, `slakit eval`: "One object per ticket ... Instants are RFC
// 3339 in UTC (`Z`), durations whole seconds, absent values `null`". The
// line written key by key with constants is the line the writer's general
// calls write, whatever the text, numbers and instants hold.
TEST_CASE("to_json: the same line as the JSON writer's general calls, on random evaluations") {
  Random random;
  std::string batch;
  for (int i = 0; i < 3000; ++i) {
    const auto e = random.evaluation();
    const auto expected = reference_json(e);
    REQUIRE(to_json(e) == expected);
    // Appended after earlier lines, into a buffer that is reused.
    const auto before = batch.size();
    to_json(e, batch);
    REQUIRE(batch.substr(before) == expected);
    if (batch.size() > 100'000) batch.clear();
  }
}

// The line appended to `out` is the same whatever came before it: after
// a line of megabytes, one with text to escape, and short ones.
TEST_CASE("to_json: lines after a very long one and an escaped one are the same") {
  Random random;
  std::vector<Evaluation> lines(4, random.evaluation());
  lines[0].id = std::string(3 << 20, 'x');
  lines[1].id = "a\"b\x01";
  lines[3] = random.evaluation();
  std::string out = "before\n";
  std::string expected = out;
  for (const auto& e : lines) {
    to_json(e, out);
    expected += reference_json(e);
    REQUIRE(out == expected);
  }
}

// docs/cli.md: "Text is escaped; bytes that are not UTF-8 become U+FFFD."
TEST_CASE("to_json: text with quotes, controls and bad UTF-8 reads back as JSON") {
  Evaluation e;
  e.id = std::string{"a\"b\\c\n\x01\x7F\xC3\xA9\xFF"} + std::string(1, '\0') + "z";
  e.sla = "tier1_apac";
  const auto json = to_json(e);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  REQUIRE(parser.parse(json).get(doc) == simdjson::SUCCESS);
  std::string_view id;
  REQUIRE(doc["id"].get(id) == simdjson::SUCCESS);
  CHECK(id == std::string{"a\"b\\c\n\x01\x7F\xC3\xA9\xEF\xBF\xBD"} + std::string(1, '\0') + "z");
}

TEST_CASE("JSON writer: integers as std::to_string writes them") {
  std::vector<std::int64_t> values{0,
                                   1,
                                   -1,
                                   9,
                                   10,
                                   99,
                                   100,
                                   9'999'999,
                                   10'000'000,
                                   99'999'999,
                                   100'000'000,
                                   9'999'999'999'999'999,
                                   10'000'000'000'000'000,
                                   std::numeric_limits<std::int64_t>::max(),
                                   std::numeric_limits<std::int64_t>::min()};
  std::int64_t power = 1;
  for (int digits = 1; digits < 19; ++digits, power *= 10) {
    for (const auto n : {power - 1, power, power + 1}) values.insert(values.end(), {n, -n});
  }
  Random random;
  for (int i = 0; i < 100'000; ++i) values.push_back(random.integer());
  for (const auto n : values) {
    char text[detail::json_text::kIntegerBound];
    char* end = detail::json_text::write_integer(text, n);
    REQUIRE(std::string(text + 0, end) == std::to_string(n));
  }
}

TEST_CASE(
    "JSON writer: instants in RFC 3339, as format_utc writes them, whatever days it remembers") {
  detail::json_text::InstantDates dates;
  Random random;
  std::vector<Instant> instants{Instant{}, Instant{Seconds{-1}}, Instant{Seconds{-86400}},
                                kSupportedBegin, kSupportedEnd - Seconds{1}};
  // The first and last days of years 0 and 9999, and the days around them.
  for (const auto day : {std::chrono::sys_days{std::chrono::year{0} / 1 / 1},
                         std::chrono::sys_days{std::chrono::year{9999} / 12 / 31}}) {
    for (const auto s : {-86400, -1, 0, 1, 86399, 86400}) {
      instants.push_back(Instant{day} + Seconds{s});
    }
  }
  for (int i = 0; i < 200'000; ++i) instants.push_back(random.instant());
  for (const auto t : instants) {
    char text[detail::json_text::kInstantBound];
    char* end = detail::json_text::write_instant(text, t, dates);
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day date{day};
    const std::chrono::hh_mm_ss clock{t - day};
    const auto year = static_cast<int>(date.year());
    if (year < 0 || year > 9999) {
      REQUIRE(end == nullptr);  // the writers write format_utc's text instead
    } else {
      REQUIRE(end != nullptr);
      REQUIRE(std::string(text + 0, end) ==
              fmt::format("\"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z\"", year,
                          static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                          clock.hours().count(), clock.minutes().count(), clock.seconds().count()));
      // format_utc's own text where it writes RFC 3339 (not after
      // 9999-12-31T00:00:00Z).
      if (t <= Instant{std::chrono::sys_days{std::chrono::year{9999} / 12 / 31}}) {
        REQUIRE(std::string(text + 0, end) == '"' + format_utc(t) + '"');
      }
    }
  }
}

// docs/cli.md, `slakit eval`: "Instants are RFC 3339 in UTC (`Z`)". The
// writer's fast path (the day's text remembered, or made from the day
// number) writes what format_utc, the general path, writes: every day of
// the years 1900 to 2159 (those the ticket reader's table covers), each at
// a random second, in order and in a random order (each day once: every
// remembered day's slot is taken by another day before it comes again).
TEST_CASE("JSON writer: instants of every day 1900 to 2159 as format_utc writes them") {
  using std::chrono::sys_days, std::chrono::year;
  const auto first = sys_days{year{1900} / 1 / 1}, last = sys_days{year{2159} / 12 / 31};
  Random random;
  std::vector<Instant> instants;
  for (auto day = first; day <= last; day += std::chrono::days{1}) {
    instants.push_back(Instant{day} + Seconds{static_cast<std::int64_t>(random.below(86400))});
  }
  REQUIRE(instants.size() == 94'963);  // 260 years, 63 of them leap
  auto shuffled = instants;
  std::shuffle(shuffled.begin(), shuffled.end(), random.rng);
  for (const auto* all : {&instants, &shuffled}) {
    detail::json_text::InstantDates dates;
    for (const auto t : *all) {
      char text[detail::json_text::kInstantBound];
      char* end = detail::json_text::write_instant(text, t, dates);
      REQUIRE(end != nullptr);
      REQUIRE(std::string(text + 0, end) == '"' + format_utc(t) + '"');
    }
  }
}

// The days' text is kept in slots by the day number modulo kSlots, by the
// thread, from line to line: a day written again hits its slot, a day
// kSlots days away (the same slot) replaces it, and either way the text is
// format_utc's, also through the thread's own slots that the writers use.
TEST_CASE("JSON writer: remembered days hit, days sharing a slot replace each other") {
  using std::chrono::sys_days, std::chrono::year;
  constexpr auto kSlots = static_cast<int>(detail::json_text::InstantDates::kSlots);
  const auto base = sys_days{year{2026} / 1 / 1};
  Random random;
  std::vector<Instant> instants;
  for (int round = 0; round < 3; ++round) {
    for (int d = 0; d < 2 * kSlots + 3; ++d) {
      // This day, the one a slot's width after it, and this day again.
      for (const int day : {d, d + kSlots, d, -d, -d - kSlots}) {
        instants.push_back(Instant{base + std::chrono::days{day}} +
                           Seconds{static_cast<std::int64_t>(random.below(86400))});
      }
    }
  }
  detail::json_text::InstantDates own;
  for (auto* dates : {&own, &detail::json_text::thread_instant_dates()}) {
    for (const auto t : instants) {
      char text[detail::json_text::kInstantBound];
      char* end = detail::json_text::write_instant(text, t, *dates);
      REQUIRE(end != nullptr);
      REQUIRE(std::string(text + 0, end) == '"' + format_utc(t) + '"');
    }
  }
}

TEST_CASE("JSON writer: plain text is printable ASCII without quote or backslash") {
  Random random;
  for (int i = 0; i < 100'000; ++i) {
    std::string s;
    for (auto n = random.below(24); n > 0; --n) {
      // Mostly printable, so that long plain texts occur.
      s += static_cast<char>(random.below(8) == 0 ? random.below(256) : 0x20 + random.below(0x5F));
    }
    bool plain = true;
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      plain = plain && c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    }
    REQUIRE(detail::json_text::is_plain(s) == plain);
  }
}

// Members written in a group after one check for room are the members the
// writer's general calls write, also when an instant of the group takes the
// slow path (a year past 9999, written as format_utc writes it) and the
// room runs out in the middle of a group.
TEST_CASE("JSON writer: members in groups as the general calls write them") {
  Random random;
  JsonWriter direct{true}, general{true};
  direct.begin_array();
  general.begin_array();
  for (int i = 0; i < 2000; ++i) {
    const auto t = random.maybe_instant(), u = random.maybe_instant();
    const auto n = random.integer();
    const bool b = random.coin();
    {
      detail::JsonDirect out{direct};
      namespace part = detail::json_member;
      out.members(part::Instant{"{\"a\":", t}, part::Integer{",\"n\":", n},
                  part::Instant{",\"long_key_b\":", u}, part::Boolean{",\"b\":", b},
                  part::Text{"}"});
    }
    general.begin_object();
    reference_instant(general, "a", t);
    general.key("n"), general.value(n);
    reference_instant(general, "long_key_b", u);
    general.key("b"), general.value(b);
    general.end_object();
  }
  direct.end_array();
  general.end_array();
  const auto text = direct.take();
  CHECK(text.size() > 40'000);  // the room grew many times
  CHECK(text == general.take());
}

TEST_CASE("JSON writer: writing directly needs a compact writer") {
  JsonWriter spaced{false};
  spaced.begin_object();
  CHECK_THROWS_AS(detail::JsonDirect{spaced}, std::logic_error);
}

// to_json(Explanation) writes the evaluation's members directly, then its
// own with the writer's calls: the separator between them is the writer's.
TEST_CASE("to_json: members written directly are followed by the writer's own") {
  Evaluation e;
  e.id = "T-1";
  JsonWriter w{true};
  w.begin_object();
  detail::write_evaluation_members(w, e);
  w.key("explanation"), w.null();
  w.end_object();
  const auto json = w.take();
  CHECK(json.starts_with(R"({"id":"T-1","now":"1970-01-01T00:00:00Z","sla":null,)"));
  CHECK(json.ends_with(R"("first_contact_resolution":false},"explanation":null})"));
}
