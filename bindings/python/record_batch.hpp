// The tickets of one batch call from Python: the JSON Lines text the
// pure-Python layer writes (one ticket per line, made by the json module or
// pandas' to_json), read through the one ticket reader of every front end
// (src/cli/ticket_reader.hpp), and evaluated on C++ threads. What a call
// makes of each evaluation is its own: `slakit eval`'s JSON text
// (register_records.cpp) or the columns of a frame (frame_columns.cpp).
#pragma once

#include <pybind11/pybind11.h>
#include <slakit/sla/evaluation.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ticket_reader.hpp"

namespace slakit::python {

namespace py = pybind11;

/// `now` as a call takes it: an aware datetime, or RFC 3339 text with an
/// offset, read as the tickets' instants are; None only where `optional`.
[[nodiscard]] std::optional<Instant> now_of(py::handle now, bool optional);

/// One entry per input line: its ticket, what the call made of it, or the
/// error that stopped it.
struct Batch {
  std::vector<std::string> json;    ///< the call's text for the line, if it writes one
  std::vector<std::string> errors;  ///< empty: no error
  std::vector<TicketHistory> tickets;
  std::vector<bool> read;  ///< the line was read
};

/// Reads every line of `text` into `batch`, each into the row its line
/// number says (the Python side writes exactly one line per ticket).
void read_all(const RuleSet& rules, std::string_view text, cli::ReaderOptions options,
              Batch& batch);

/// Evaluates the rows read on `threads` threads (0: one per core): a
/// ticket's error goes to its row of `batch.errors`, its evaluation to
/// `one(row, evaluation)`, valid during the call only. `one` runs on the
/// worker threads, once a row, so a sink that writes only row `row` of
/// its own buffers needs no lock.
void evaluate_read(const RuleSet& rules, Batch& batch, Instant now, unsigned threads,
                   const std::function<void(std::size_t row, const Evaluation& e)>& one);

}  // namespace slakit::python
