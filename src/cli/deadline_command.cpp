// slakit deadline FILE... --calendar NAME (--start TIME --add DURATION | --batch IN.csv)
//                 [--fractions truncate|reject]
#include <slakit/time/civil.hpp>
#include <slakit/time/parse_time.hpp>

#include <fmt/format.h>

#include <cstdio>

#include "cli.hpp"
#include "csv.hpp"
#include "json_values.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

using namespace std::chrono;

void StartReading::note(std::string_view where) const {
  note_truncated(where, truncated, "start time");
}

std::string deadline_text(const Calendar& cal, const std::string& start, const std::string& add,
                          StartReading& reading) {
  const auto amount = parse_amount(add);
  const bool date_start = start.size() == 10;
  if (amount.days) {
    if (!date_start) {
      throw InvalidArgument(fmt::format(
          "'{}' counts business days: give a date start (YYYY-MM-DD), not '{}'", add, start));
    }
    return format_date(cal.add_business_days(parse_date(start), amount.business_days));
  }
  if (!date_start && reading.fractions == Fractions::truncate && has_fraction(start)) {
    ++reading.truncated;
  }
  const Instant from = date_start ? cal.zone().resolve(local_days{parse_date(start)}).instant
                                  : parse_time(start, cal.zone(), reading.fractions);
  return cal.zone().format(cal.add(from, amount.time));
}

namespace {

int batch(const Calendar& cal, const std::string& path, StartReading& reading) {
  const auto text = read_file(path);
  if (!text) throw UsageError{"cannot read '" + path + "'"};
  const auto records = parse_csv(*text);
  if (records.empty()) throw UsageError{"'" + path + "' is empty: expected a header"};
  const auto& header = records.front().fields;
  const auto column = [&](const char* name) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
      throw UsageError{fmt::format("'{}' has no column '{}' in its header", path, name)};
    }
    return static_cast<std::size_t>(it - header.begin());
  };
  const auto start_col = column("start"), add_col = column("add");
  auto out_header = header;
  out_header.push_back("deadline");
  std::fputs(csv_line(out_header).c_str(), stdout);
  int status = kOk;
  for (std::size_t r = 1; r < records.size(); ++r) {
    auto fields = records[r].fields;
    std::string due;
    try {
      if (fields.size() <= std::max(start_col, add_col)) {
        throw InvalidArgument(
            fmt::format("expected {} columns, found {}", header.size(), fields.size()));
      }
      due = deadline_text(cal, fields[start_col], fields[add_col], reading);
    } catch (const Error& e) {
      std::fprintf(stderr, "%s:%zu: error: %s\n", path.c_str(), records[r].line, e.what());
      status = kProblems;
    }
    fields.resize(header.size());
    fields.push_back(due);
    std::fputs(csv_line(fields).c_str(), stdout);
  }
  reading.note(path);
  return status;
}

}  // namespace

int deadline_command(const Arguments& args) {
  const auto name = args.value("--calendar");
  if (!name) throw UsageError{"deadline needs --calendar NAME"};
  const auto start = args.value("--start"), add = args.value("--add"), in = args.value("--batch");
  if (in ? (start || add) : !(start && add)) {
    throw UsageError{"deadline needs either --start TIME --add DURATION, or --batch IN.csv"};
  }
  const auto result = compile_files(args.files);
  if (!result.ok()) {
    for (const auto& d : result.diagnostics)
      std::fputs(render_text(d, *result.sources).c_str(), stderr);
    return kProblems;
  }
  const Calendar* cal = result.rules->calendar(*name);
  if (cal == nullptr) {
    std::string known;
    for (const auto& n : result.rules->calendar_names()) known += (known.empty() ? "" : ", ") + n;
    throw UsageError{fmt::format("no calendar '{}' (the files define: {})", *name, known)};
  }
  StartReading reading{.fractions = fractions_option(args)};
  if (in) return batch(*cal, *in, reading);
  try {
    std::printf("%s\n", deadline_text(*cal, *start, *add, reading).c_str());
    reading.note("--start");
  } catch (const Error& e) {
    std::fprintf(stderr, "slakit: %s\n", e.what());
    return kProblems;
  }
  return kOk;
}

}  // namespace slakit::cli
