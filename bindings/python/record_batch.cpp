#include "record_batch.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "errors.hpp"
#include "json_lines.hpp"
#include "json_values.hpp"
#include "time_convert.hpp"

namespace slakit::python {

// (review 18 F5: a string got pybind11's list of private signatures.)
std::optional<Instant> now_of(py::handle now, bool optional) {
  if (now.is_none() && optional) return std::nullopt;
  if (is_datetime(now)) {
    if (now.attr("utcoffset")().is_none()) {
      throw py::value_error(fmt::format("now: naive datetime {}: give it a tzinfo",
                                        py::str(now).cast<std::string>()));
    }
    return to_instant(now, nullptr);
  }
  if (py::isinstance<py::str>(now)) {
    cli::InstantReading read;
    try {
      return read(now.cast<std::string>(), cli::Where{"now"});
    } catch (const cli::ReadError& e) {
      throw InvalidArgument(e.where + ": " + e.what);
    }
  }
  throw py::type_error(fmt::format(
      "now is a timezone-aware datetime or RFC 3339 text (\"2026-03-06T15:00:00Z\"){}, not {}",
      optional ? " or None" : "", py::str(py::type::of(now).attr("__name__")).cast<std::string>()));
}

void read_all(const RuleSet& rules, std::string_view text, cli::ReaderOptions options,
              Batch& batch) {
  cli::JsonChunk chunk;
  cli::load_chunk(chunk, text);
  std::size_t rows = 0;
  for (const auto& line : chunk.lines) rows = std::max(rows, line.number);
  batch.json.assign(rows, {});
  batch.errors.assign(rows, {});
  batch.tickets.assign(rows, {});
  batch.read.assign(rows, false);
  for (std::size_t i = 0; i < rows; ++i) batch.errors[i] = "empty line: no ticket";
  cli::TicketReader reader{rules, options};
  for (const auto& line : chunk.lines) {
    const auto row = line.number - 1;
    try {
      reader.read(line, batch.tickets[row]);
      batch.read[row] = true;
      batch.errors[row].clear();
    } catch (const std::exception& e) {
      batch.errors[row] = e.what();
    }
  }
}

void evaluate_read(const RuleSet& rules, Batch& batch, Instant now, unsigned threads,
                   const std::function<void(std::size_t row, const Evaluation& e)>& one) {
  std::vector<TicketHistory> good;
  std::vector<std::size_t> row_of;
  for (std::size_t i = 0; i < batch.tickets.size(); ++i) {
    if (!batch.read[i]) continue;
    good.push_back(std::move(batch.tickets[i]));
    row_of.push_back(i);
  }
  evaluate_many(
      rules, good, now,
      [&](std::size_t index, const Evaluation* e, std::string_view error) {
        const auto row = row_of[index];
        if (e == nullptr) {
          batch.errors[row] = error;
        } else {
          one(row, *e);
        }
      },
      threads);
}

}  // namespace slakit::python
