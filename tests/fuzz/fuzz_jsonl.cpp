// Fuzz target for the CLI's JSON Lines readers (`slakit eval`, `slakit
// route` and `--agents`): any bytes, read in chunks of a size the input
// chooses (so that lines are cut at every place), each line read as a
// ticket by the one TicketReader; and the whole input read as an agent file.
// Only InvalidArgument may escape a ticket line; the agent reader reports
// and skips bad lines. A ticket that reads is evaluated and routed, where
// only TicketError and RangeError may escape. The properties:
// - the reader hands out exactly the input's non-blank lines, with their
//   numbers, without a trailing carriage return;
// - a bad line never stops the lines after it: a known-good ticket or agent
//   line appended is read, with its line number.
//
// cmake -DSLAKIT_BUILD_FUZZERS=ON builds slakit_fuzz_jsonl (libFuzzer);
// every build has slakit_fuzz_jsonl_replay for tests/fuzz/corpus/jsonl.
#include <slakit/error.hpp>
#include <slakit/routing/route.hpp>
#include <slakit/sla/evaluation.hpp>
#include <slakit/slakit.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/agent_reader.hpp"
#include "cli/json_lines.hpp"
#include "cli/ticket_reader.hpp"
#include "fuzz_input.hpp"

namespace {

using namespace std::chrono;
using slakit::fuzz::require;

// Declared fields of every type, so that each typed read is reached.
const slakit::RuleSet& rules() {
  static const slakit::RuleSet compiled = slakit::compile_or_throw({{"jsonl.sla", R"(
calendar office {
  zone "Europe/Berlin"
  mon..fri 08:00-17:00
}
field ticket.order_value : number
field ticket.vip : bool
field ticket.deadline : time
field ticket.wait : duration
field contract.renewal : date
field customer.segment : one of enterprise, smb
field order.note : text

sla gold for contract.sla == "gold" or ticket.vip {
  calendar office
  first_response 1h when ticket.priority == urgent, otherwise 4h
  resolution before ticket.deadline - 1 business day
  pause while ticket.status == pending_customer
}
sla basic for customer.segment != smb and ticket.wait < 2h {
  resolution 3 business days
}
route big when ticket.order_value > 1000 and contract.renewal > 2026-01-01 -> queue big
route rest -> queue rest, skills [german] for 10m
)"}});
  return compiled;
}

constexpr std::string_view kGoodTicket =
    R"({"id": "GOOD", "created": "2026-03-06T15:00:00Z", "ticket": {"priority": "urgent"}})";
constexpr std::string_view kGoodAgent = R"({"id": "GOOD", "teams": ["l2"], "capacity": 2})";

// The input with the good line after it, as a FILE the readers read.
struct MemoryFile {
  explicit MemoryFile(std::string text) : bytes(std::move(text)) {
    file = fmemopen(bytes.data(), bytes.size(), "rb");
    require(file != nullptr);
  }
  ~MemoryFile() { std::fclose(file); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string bytes;
  std::FILE* file = nullptr;
};

// What the reader must hand out: each line with its number, without '\r',
// leaving out blank lines (spaces and tabs only), and without a UTF-8
// byte-order mark at the start of the first (docs/cli.md).
std::vector<std::pair<std::size_t, std::string>> expected_lines(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> out;
  std::size_t number = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    auto line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      out.emplace_back(number, std::string{line});
    }
  }
  return out;
}

void use_ticket(const slakit::TicketHistory& h) {
  try {
    (void)slakit::evaluate(rules(), h.ticket, h.events, h.ticket.created + days{1});
    (void)slakit::route(rules(), h.ticket, h.events);
  } catch (const slakit::TicketError&) {
  } catch (const slakit::RangeError&) {
  }
}

void read_tickets(std::uint8_t choice, const std::string& text) {
  const slakit::cli::ReaderOptions options{.require_created = (choice & 1) != 0};
  // From one byte to a few lines at a time: lines are cut everywhere.
  const std::size_t chunk_bytes = 1 + (choice >> 1) * 3u;
  const MemoryFile file{text + "\n" + std::string{kGoodTicket} + "\n"};
  const auto expected = expected_lines(file.bytes);
  slakit::cli::JsonLinesReader reader{file.file};
  // One reader per option, as each CLI thread keeps one for all its lines.
  static slakit::cli::TicketReader with_created{rules(), {.require_created = true}};
  static slakit::cli::TicketReader without_created{rules(), {.require_created = false}};
  auto& tickets = options.require_created ? with_created : without_created;
  slakit::cli::JsonChunk chunk;
  slakit::TicketHistory h;
  std::size_t seen = 0;
  bool good = false;
  while (reader.next(chunk, chunk_bytes)) {
    for (const auto& line : chunk.lines) {
      require(line.data != nullptr && seen < expected.size());
      require(line.number == expected[seen].first &&
              std::string_view(line.data, line.size) == expected[seen].second);
      ++seen;
      try {
        tickets.read(line, h);
        good = h.ticket.id == "GOOD" && h.ticket.priority == "urgent";
        use_ticket(h);
      } catch (const slakit::InvalidArgument&) {
        good = false;
      }
    }
  }
  require(!reader.failed() && seen == expected.size() && good);
}

void read_agents(const std::string& text) {
  static std::FILE* const nowhere = std::fopen("/dev/null", "w");
  const MemoryFile file{text + "\n" + std::string{kGoodAgent} + "\n"};
  const auto got = slakit::cli::read_agents(rules(), file.file, "fuzz.jsonl", nowhere);
  // The good line is read unless an earlier line took its id; then neither
  // is used (docs/cli.md: "An id on two lines is used on neither").
  const auto good = std::count_if(got.agents.begin(), got.agents.end(),
                                  [](const slakit::Agent& a) { return a.id == "GOOD"; });
  require(good == 1 || (good == 0 && got.problems));
  // Either it is the last agent read, or an earlier line took the id and
  // the good line was reported as a repeat.
  const bool read = !got.agents.empty() && got.agents.back().id == "GOOD" &&
                    got.agents.back().capacity == 2 && got.agents.back().teams.size() == 1 &&
                    got.agents.back().teams[0] == "l2";
  require(read || got.problems);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Both readers read the whole input, so that any saved JSON Lines file
  // is a seed for either; the last byte chooses the chunk size and whether
  // "created" is required.
  read_tickets(size > 0 ? data[size - 1] : 0, text);
  read_agents(text);
  return 0;
}
