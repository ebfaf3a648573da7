// Fuzz target for the CLI's CSV reader (`slakit deadline --batch`): any
// bytes through parse_csv, and each record as a batch row (start, add)
// through the deadline the CLI computes for it. Only InvalidArgument and
// RangeError may escape a row; parse_csv itself throws nothing. The
// properties:
// - writing the records back with csv_line and reading them again gives the
//   same fields (quoting round-trips);
// - records' line numbers start at 1 and never go back;
// - reading the bytes from a file in small blocks (so that records, quotes
//   and CRLFs are cut at every place) gives the same records, lines too;
// - a bad row never stops the rows after it: with a known-good row appended
//   (when the input leaves no quoted field open: an open quote rightly takes
//   in the rest of the file, and its record says so), the
//   records are the input's and then that row, whose deadline is the one
//   it has alone.
//
// cmake -DSLAKIT_BUILD_FUZZERS=ON builds slakit_fuzz_csv (libFuzzer); every
// build has slakit_fuzz_csv_replay for tests/fuzz/corpus/csv.
#include <slakit/error.hpp>
#include <slakit/slakit.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/csv.hpp"
#include "fuzz_input.hpp"

namespace {

using slakit::fuzz::require;

const slakit::Calendar& office() {
  static const slakit::RuleSet rules = slakit::compile_or_throw({{"office.sla", R"(
calendar office {
  zone "Europe/Berlin"
  mon..fri 08:00-12:00, 12:30-17:30
  holiday "Karfreitag" easter - 2
  closed 2026-12-31 from 12:00
})"}});
  return *rules.calendar("office");
}

const std::vector<std::string> kGoodRow = {"2026-03-06T15:00:00+01:00", "2h"};

// The row's deadline, or empty when the row is bad (as the CLI writes it).
std::string deadline(const std::vector<std::string>& fields) {
  if (fields.size() < 2) return {};
  slakit::cli::StartReading reading;  // fractions truncated, as by default
  try {
    return slakit::cli::deadline_text(office(), fields[0], fields[1], reading);
  } catch (const slakit::InvalidArgument&) {
    return {};
  } catch (const slakit::RangeError&) {
    return {};
  }
}

std::vector<std::vector<std::string>> fields_of(const std::vector<slakit::cli::CsvRecord>& rs) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rs) out.push_back(r.fields);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto records = slakit::cli::parse_csv(text);

  std::string written;
  std::size_t line = 1;
  for (const auto& r : records) {
    require(r.line >= line);
    line = r.line;
    written += slakit::cli::csv_line(r.fields);
  }
  require(fields_of(slakit::cli::parse_csv(written)) == fields_of(records));

  if (std::FILE* in = fmemopen(const_cast<std::uint8_t*>(data), size, "rb")) {
    slakit::cli::CsvReader reader{in, 1 + size % 7};
    slakit::cli::CsvRow row;
    std::size_t n = 0;
    while (reader.next(row)) {
      require(n < records.size() && records[n].line == row.line &&
              std::equal(row.fields.begin(), row.fields.end(), records[n].fields.begin(),
                         records[n].fields.end()));
      ++n;
    }
    require(n == records.size() && !reader.failed());
    std::fclose(in);
  }

  for (const auto& r : records) (void)deadline(r.fields);
  // An unclosed quoted field takes in whatever follows; every other input
  // ends where a row appended after it begins.
  if (std::any_of(records.begin(), records.end(),
                  [](const auto& r) { return r.unterminated_quote != 0; })) {
    return 0;
  }
  static const std::string good_deadline = deadline(kGoodRow);
  require(!good_deadline.empty());
  const auto more = slakit::cli::parse_csv(text + "\n" + slakit::cli::csv_line(kGoodRow));
  require(more.size() == records.size() + 1);
  require(std::equal(records.begin(), records.end(), more.begin(),
                     [](const auto& a, const auto& b) { return a.fields == b.fields; }));
  require(more.back().fields == kGoodRow && deadline(more.back().fields) == good_deadline);
  return 0;
}
