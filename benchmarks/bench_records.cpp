// The one ticket reader (src/cli/ticket_reader.hpp) on lines shaped like
// the benchmark file /work/bench/tickets_1m.jsonl: the same generator
// (sla_workload.hpp) writes them, about 740 bytes and 8 events a ticket.
// BM_Records_Read reads lines already split in memory into one reused
// TicketHistory, as each thread of `slakit eval` does; BM_Records_Stream
// adds the JSON Lines reader, splitting a file (in memory) into chunks of
// lines; BM_Records_Chunks is the JSON Lines reader alone, all that a
// worker of the batch commands does under the reader's lock (read a chunk,
// split and number its lines), so its time a line bounds how many workers
// the lock can feed; BM_Records_ReadTwice and BM_Records_ReadAgain read each line for
// two rule sets that declare different fields, parsing it twice (as `slakit
// diff` did) and once (as it does). The BM_Records_Simdjson* benchmarks
// are the peer: simdjson alone on the same lines, the floor under any
// reader built on it (docs/benchmarks.md, "The floor under eval, report
// and diff").
#include <benchmark/benchmark.h>

#include <slakit/slakit.hpp>

#include <cstdio>
// GCC 12 sees a dangling pointer in simdjson 3.0's On-Demand iterators
// (inlined from the header); clang does not know the warning.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
#include <simdjson.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include <memory>
#include <string>

#include "json_lines.hpp"
#include "sla_workload.hpp"
#include "ticket_reader.hpp"

namespace {

constexpr std::size_t kTickets = 20'000;  // about 15 MB: read from memory, not from cache

const slakit::RuleSet& rules() {
  static const auto r = slakit::compile_or_throw({{"bench.sla", slakit::bench::sla_rules()}});
  return r;
}

// The same rules and one more declared field: rule sets that declare
// different fields, so diff reads each line with both.
const slakit::RuleSet& other_rules() {
  static const auto r = slakit::compile_or_throw(
      {{"bench.sla", slakit::bench::sla_rules() + "\nfield ticket.score : number\n"}});
  return r;
}

// kTickets lines, each ended by '\n', as the workload's file holds them.
const std::string& jsonl() {
  static const auto text = [] {
    std::string out;
    for (const auto& t : slakit::bench::make_tickets(kTickets)) {
      out += slakit::bench::ticket_json(t);
      out += '\n';
    }
    return out;
  }();
  return text;
}

// One rule set's reader and the history it reads into.
struct Side {
  explicit Side(const slakit::RuleSet& r) : reader{r} {}
  slakit::cli::TicketReader reader;
  slakit::TicketHistory history;
};

void BM_Records_Read(benchmark::State& state) {
  slakit::cli::JsonChunk chunk;
  slakit::cli::load_chunk(chunk, jsonl());
  slakit::cli::TicketReader reader{rules()};
  slakit::TicketHistory history;
  std::size_t i = 0;
  for (auto _ : state) {
    reader.read(chunk.lines[i++ % chunk.lines.size()], history);
    benchmark::DoNotOptimize(history);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(jsonl().size() / chunk.lines.size()));
}
BENCHMARK(BM_Records_Read);

// The floor: simdjson alone, each line parsed and every value touched (a
// string's length, a number, a bool), with nothing made of them. No
// reader built on simdjson goes faster than these; BM_Records_Read
// against them is the reader's own cost.
std::size_t touch(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
      std::size_t n = 0;
      simdjson::dom::object object;
      if (e.get(object) != simdjson::SUCCESS) return 0;
      for (auto field : object) n += field.key.size() + touch(field.value);
      return n;
    }
    case simdjson::dom::element_type::ARRAY: {
      std::size_t n = 0;
      simdjson::dom::array array;
      if (e.get(array) != simdjson::SUCCESS) return 0;
      for (auto x : array) n += touch(x);
      return n;
    }
    case simdjson::dom::element_type::STRING: {
      std::string_view text;
      return e.get(text) == simdjson::SUCCESS ? text.size() : 0;
    }
    case simdjson::dom::element_type::BOOL: {
      bool b = false;
      return e.get(b) == simdjson::SUCCESS && b ? 1 : 0;
    }
    default:
      return 1;
  }
}

// Each line parsed by simdjson's DOM, and `use(document)` added up.
template <class Use>
void dom_lines(benchmark::State& state, Use use) {
  slakit::cli::JsonChunk chunk;
  slakit::cli::load_chunk(chunk, jsonl());
  simdjson::dom::parser parser;
  std::size_t i = 0, sum = 0;
  for (auto _ : state) {
    const auto& line = chunk.lines[i++ % chunk.lines.size()];
    simdjson::dom::element doc;
    if (parser.parse(line.data, line.size, false).get(doc) == simdjson::SUCCESS) sum += use(doc);
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}

void BM_Records_SimdjsonDom(benchmark::State& state) {
  dom_lines(state, [](simdjson::dom::element doc) { return touch(doc); });
}
BENCHMARK(BM_Records_SimdjsonDom);

void BM_Records_SimdjsonParseOnly(benchmark::State& state) {
  dom_lines(state, [](simdjson::dom::element) { return std::size_t{1}; });
}
BENCHMARK(BM_Records_SimdjsonParseOnly);

std::size_t touch(simdjson::ondemand::value v) {
  switch (v.type().value_unsafe()) {
    case simdjson::ondemand::json_type::object: {
      std::size_t n = 0;
      for (auto field : v.get_object()) {
        n += field.unescaped_key().value_unsafe().size() + touch(field.value().value_unsafe());
      }
      return n;
    }
    case simdjson::ondemand::json_type::array: {
      std::size_t n = 0;
      for (auto x : v.get_array()) n += touch(x.value_unsafe());
      return n;
    }
    case simdjson::ondemand::json_type::string:
      return v.get_string().value_unsafe().size();
    case simdjson::ondemand::json_type::boolean:
      return v.get_bool().value_unsafe() ? 1 : 0;
    case simdjson::ondemand::json_type::number:
      return static_cast<std::size_t>(v.get_double().value_unsafe());
    default:
      return 0;
  }
}

void BM_Records_SimdjsonOnDemand(benchmark::State& state) {
  slakit::cli::JsonChunk chunk;
  slakit::cli::load_chunk(chunk, jsonl());
  simdjson::ondemand::parser parser;
  std::size_t i = 0, sum = 0;
  for (auto _ : state) {
    const auto& line = chunk.lines[i++ % chunk.lines.size()];
    auto doc = parser.iterate(line.data, line.size, line.size + simdjson::SIMDJSON_PADDING);
    sum += touch(doc.get_value().value_unsafe());
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Records_SimdjsonOnDemand);

// Reading the whole text through JsonLinesReader from a FILE (fmemopen: the
// kernel's copy is left out), chunk by chunk, every line into one history.
void BM_Records_Stream(benchmark::State& state) {
  slakit::cli::TicketReader reader{rules()};
  slakit::TicketHistory history;
  slakit::cli::JsonChunk chunk;
  std::string text = jsonl();
  for (auto _ : state) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{
        fmemopen(text.data(), text.size(), "rb"), &std::fclose};
    slakit::cli::JsonLinesReader lines{file.get()};
    while (lines.next(chunk)) {
      for (const auto& line : chunk.lines) reader.read(line, history);
    }
    benchmark::DoNotOptimize(history);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTickets));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Records_Stream)->Unit(benchmark::kMillisecond);

// BM_Records_Stream's chunks, each line parsed by simdjson alone and every
// value touched: the floor of a whole pass over a file of tickets.
void BM_Records_SimdjsonStream(benchmark::State& state) {
  simdjson::dom::parser parser;
  slakit::cli::JsonChunk chunk;
  std::string text = jsonl();
  std::size_t sum = 0;
  for (auto _ : state) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{
        fmemopen(text.data(), text.size(), "rb"), &std::fclose};
    slakit::cli::JsonLinesReader lines{file.get()};
    while (lines.next(chunk)) {
      for (const auto& line : chunk.lines) {
        simdjson::dom::element doc;
        if (parser.parse(line.data, line.size, false).get(doc) == simdjson::SUCCESS)
          sum += touch(doc);
      }
    }
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTickets));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Records_SimdjsonStream)->Unit(benchmark::kMillisecond);

// The same chunks, none of their lines read: the work done under the lock.
void BM_Records_Chunks(benchmark::State& state) {
  slakit::cli::JsonChunk chunk;
  std::string text = jsonl();
  std::size_t lines_seen = 0;
  for (auto _ : state) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{
        fmemopen(text.data(), text.size(), "rb"), &std::fclose};
    slakit::cli::JsonLinesReader lines{file.get()};
    while (lines.next(chunk)) lines_seen += chunk.lines.size();
  }
  benchmark::DoNotOptimize(lines_seen);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTickets));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Records_Chunks)->Unit(benchmark::kMillisecond);

// Each line read for two rule sets that declare different fields (the
// workload's and other_rules()), by `read(line, old, new)`.
template <class Read>
void read_for_two(benchmark::State& state, Read read) {
  slakit::cli::JsonChunk chunk;
  slakit::cli::load_chunk(chunk, jsonl());
  Side old_side{rules()}, new_side{other_rules()};
  std::size_t i = 0;
  for (auto _ : state) {
    read(chunk.lines[i++ % chunk.lines.size()], old_side, new_side);
    benchmark::DoNotOptimize(old_side.history);
    benchmark::DoNotOptimize(new_side.history);
  }
  state.SetItemsProcessed(state.iterations());
}

// Parsed by each reader, as `slakit diff` did.
void BM_Records_ReadTwice(benchmark::State& state) {
  read_for_two(state, [](const slakit::cli::JsonLine& line, Side& old_side, Side& new_side) {
    old_side.reader.read(line, old_side.history);
    new_side.reader.read(line, new_side.history);
  });
}
BENCHMARK(BM_Records_ReadTwice);

// Parsed once: the new rule set's reader reads what the old one parsed
// (TicketReader::read_again), as `slakit diff` does.
void BM_Records_ReadAgain(benchmark::State& state) {
  read_for_two(state, [](const slakit::cli::JsonLine& line, Side& old_side, Side& new_side) {
    old_side.reader.read(line, old_side.history);
    new_side.reader.read_again(old_side.reader, new_side.history);
  });
}
BENCHMARK(BM_Records_ReadAgain);

}  // namespace

BENCHMARK_MAIN();
