// The one ticket reader of every front end (slakit eval and route, the
// Python bindings, diff and report; test later): a JSON Lines record to a
// TicketHistory, with simdjson. docs/cli.md lists the keys. Custom fields
// are typed as the rule set declares them; keys that name nothing are
// ignored, and a key whose value is null counts as left out.
#pragma once

#include <slakit/sla/evaluation.hpp>
#include <slakit/slakit.hpp>
#include <slakit/time/parse_time.hpp>

#include <memory>
#include <string>

#include "json_lines.hpp"

namespace slakit::cli {

struct ReaderOptions {
  /// Whether a record without "created" is an error (the SLA clocks start
  /// there; routing does not need it).
  bool require_created = true;
  /// Why, for the error a record without it gets: "missing: " and this.
  std::string why_created = "every ticket needs \"created\"";
  /// What to do with a fraction of a second in an instant (`--fractions`).
  Fractions fractions = Fractions::truncate;
};

/// What routing reads: no creation instant is needed, unless a route relaxes
/// skills after a wait, which counts from it (the error then names the route).
[[nodiscard]] ReaderOptions routing_reader_options(const RuleSet& rules);

class TicketReader {
 public:
  explicit TicketReader(const RuleSet& rules, ReaderOptions options = {});
  ~TicketReader();
  TicketReader(TicketReader&&) noexcept;

  /// Reads one record into `out`. Throws InvalidArgument whose message names
  /// the ticket (when its id was read) and the key: "ticket 'T-1':
  /// events[2].at: invalid time 'yesterday'".
  void read(const JsonLine& line, TicketHistory& out);
  /// Reads the line `source` read last (parsed once, there) into `out`, as
  /// this reader's rule set types it, with the errors read() would give:
  /// slakit diff reads each line for two rule sets that declare different
  /// fields. `source` must not read another line in between.
  void read_again(const TicketReader& source, TicketHistory& out);
  /// How many instants read so far had a fraction of a second, truncated.
  [[nodiscard]] std::size_t truncated_instants() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace slakit::cli
