// slakit deadline FILE... --calendar NAME (--start TIME --add DURATION | --batch IN.csv)
//                 [--output FILE] [--format text|json] [--fractions truncate|reject]
#include <slakit/time/civil.hpp>
#include <slakit/time/parse_time.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "csv.hpp"
#include "json_values.hpp"
#include "output.hpp"
#include "support/json_writer.hpp"
#include "support/utf8.hpp"
#include "ticket_stream.hpp"

namespace slakit::cli {

using namespace std::chrono;

void StartReading::note(std::string_view where) const {
  note_truncated(where, truncated, "start time");
}

void append_deadline(const Calendar& cal, std::string_view start, std::string_view add,
                     StartReading& reading, std::string& out) {
  const auto amount = parse_amount(add);
  const bool date_start = start.size() == 10;
  if (amount.days) {
    if (!date_start) {
      throw InvalidArgument(
          fmt::format("{} counts business days: give a date start (YYYY-MM-DD), not {}",
                      detail::quoted(add), detail::quoted(start)));
    }
    out += format_date(cal.add_business_days(parse_date(start), amount.business_days));
    return;
  }
  if (!date_start && reading.fractions == Fractions::truncate && has_fraction(start)) {
    ++reading.truncated;
  }
  const Instant from = date_start ? cal.zone().resolve(local_days{parse_date(start)}).instant
                                  : parse_time(start, cal.zone(), reading.fractions);
  cal.zone().format_to(cal.add(from, amount.time), out);
}

std::string deadline_text(const Calendar& cal, std::string_view start, std::string_view add,
                          StartReading& reading) {
  std::string out;
  append_deadline(cal, start, add, reading, out);
  return out;
}

namespace {

// --batch: the rows of a CSV file with their deadlines, as CSV (the input's
// columns and `deadline`) or as JSON Lines ({"line", "row", "deadline",
// "error"}). Everything is formatted into the output's buffer: no string
// per row.
class Batch {
 public:
  Batch(const Calendar& cal, std::string path, StartReading& reading, const Arguments& args)
      : cal_(cal),
        path_(std::move(path)),
        reading_(reading),
        json_(args.value("--format") == "json"),
        colored_(args.colored(stderr)),
        output_(args.value("--output")) {}

  int run() {
    const auto input = open_input(path_);
    std::FILE* in = input.get();
    CsvReader reader{in};
    CsvRow row;
    if (!reader.next(row)) {
      if (reader.failed()) throw UsageError{"error reading '" + path_ + "'"};
      throw UsageError{"'" + path_ + "' is empty: expected a header"};
    }
    if (row.unterminated_quote != 0) {
      throw UsageError{fmt::format("{}:{}: {}", path_, row.line, unterminated(row))};
    }
    header_.assign(row.fields.begin(), row.fields.end());
    start_ = column("start");
    add_ = column("add");
    if (!json_) write_csv_header();
    while (reader.next(row)) write_row(row);
    if (reader.failed()) throw UsageError{"error reading '" + path_ + "'"};
    output_.finish();
    reading_.note(path_);
    print_summary("deadline", "row", counts_);
    return counts_.rejected > 0 ? kProblems : kOk;
  }

 private:
  static std::string unterminated(const CsvRow& row) {
    return fmt::format(
        "unterminated quoted field: the quote opened on line {} is never closed (the row takes "
        "in the rest of the input)",
        row.unterminated_quote);
  }

  std::size_t column(const char* name) const {
    const auto it = std::find(header_.begin(), header_.end(), name);
    if (it == header_.end()) {
      throw UsageError{fmt::format("'{}' has no column '{}' in its header", path_, name)};
    }
    return static_cast<std::size_t>(it - header_.begin());
  }

  void write_csv_header() {
    auto& out = output_.buffer();
    for (const auto& name : header_) {
      append_csv_field(out, name);
      out += ',';
    }
    out += "deadline\n";
  }

  // A bad row is reported and still written, with an empty deadline.
  void write_row(const CsvRow& row) {
    ++counts_.read;
    auto& out = json_ ? due_ : output_.buffer();
    const auto mark = out.size();
    if (!json_) {
      // The input's columns, cut or padded to the header's.
      for (std::size_t c = 0; c < header_.size(); ++c) {
        if (c < row.fields.size()) append_csv_field(out, row.fields[c]);
        out += ',';
      }
    }
    const auto due_begin = out.size();
    error_.clear();
    try {
      if (row.unterminated_quote != 0) throw InvalidArgument(unterminated(row));
      if (row.fields.size() <= std::max(start_, add_)) {
        throw InvalidArgument(
            fmt::format("expected {} columns, found {}", header_.size(), row.fields.size()));
      }
      append_deadline(cal_, row.fields[start_], row.fields[add_], reading_, out);
    } catch (const Error& e) {
      out.resize(due_begin);
      error_ = e.what();
      std::fputs(line_error(path_, row.line, colored_, error_).c_str(), stderr);
      ++counts_.rejected;
    }
    if (json_) {
      write_json_row(row, std::string_view{due_}.substr(mark));
      due_.clear();
    } else {
      out += '\n';
    }
    ++counts_.written;
    output_.flush_if_full();
  }

  void write_json_row(const CsvRow& row, std::string_view due) {
    json_writer_.append_to(std::move(output_.buffer()));
    json_writer_.begin_object();
    json_writer_.key("line"), json_writer_.value(static_cast<std::int64_t>(row.line));
    json_writer_.key("row");
    json_writer_.begin_object();
    for (std::size_t c = 0; c < header_.size(); ++c) {
      json_writer_.text_key(header_[c]);
      if (c < row.fields.size()) {
        json_writer_.value(row.fields[c]);
      } else {
        json_writer_.null();
      }
    }
    json_writer_.end_object();
    json_writer_.key("deadline");
    if (error_.empty()) {
      json_writer_.value(due);
    } else {
      json_writer_.null();
    }
    json_writer_.key("error");
    if (error_.empty()) {
      json_writer_.null();
    } else {
      json_writer_.value(std::string_view{error_});
    }
    json_writer_.end_object();
    json_writer_.raw("\n");
    output_.buffer() = json_writer_.take();
  }

  const Calendar& cal_;
  std::string path_;
  StartReading& reading_;
  bool json_, colored_;
  Output output_;
  std::vector<std::string> header_;
  std::size_t start_ = 0, add_ = 0;
  BatchCounts counts_;
  std::string due_, error_;
  detail::JsonWriter json_writer_{true};
};

// One deadline: a line of text, or one JSON object.
int single(const Calendar& cal, const std::string& calendar, const std::string& start,
           const std::string& add, StartReading& reading, const Arguments& args) {
  std::string due, error;
  try {
    due = deadline_text(cal, start, add, reading);
  } catch (const Error& e) {
    error = e.what();
    std::fprintf(stderr, "slakit: %s\n", error.c_str());
  }
  if (args.value("--format") == "json") {
    detail::JsonWriter w{true};
    w.begin_object();
    w.key("calendar"), w.value(calendar);
    w.key("start"), w.value(start);
    w.key("add"), w.value(add);
    w.key("deadline"), error.empty() ? w.value(due) : w.null();
    w.key("error"), error.empty() ? w.null() : w.value(error);
    w.end_object();
    std::printf("%s\n", w.take().c_str());
  } else if (error.empty()) {
    std::printf("%s\n", due.c_str());
  }
  reading.note("--start");
  return error.empty() ? kOk : kProblems;
}

}  // namespace

int deadline_command(const Arguments& args) {
  const auto name = args.value("--calendar");
  if (!name) throw UsageError{"deadline needs --calendar NAME"};
  const auto start = args.value("--start"), add = args.value("--add"), in = args.value("--batch");
  if (in ? (start || add) : !(start && add)) {
    throw UsageError{"deadline needs either --start TIME --add DURATION, or --batch IN.csv"};
  }
  if (!in && args.value("--output")) throw UsageError{"--output goes with --batch"};
  const auto result = compile_files(args, args.files);
  if (!result.ok()) {
    const TextStyle style{.color = args.colored(stderr)};
    for (const auto& d : result.diagnostics) {
      std::fputs(render_text(d, *result.sources, style).c_str(), stderr);
    }
    return kUsage;  // no deadline computed: trouble, as for every batch command
  }
  const Calendar* cal = result.rules->calendar(*name);
  if (cal == nullptr) {
    // As for an unknown option: the closest name, when one is close.
    const auto defined = result.rules->calendar_names();
    std::string known;
    for (const auto& n : defined) known += (known.empty() ? "" : ", ") + n;
    const auto near = closest(*name, {defined.begin(), defined.end()});
    throw UsageError{fmt::format("no calendar '{}'{} (the files define: {})", *name,
                                 near ? fmt::format("; did you mean '{}'?", *near) : "", known)};
  }
  StartReading reading{.fractions = fractions_option(args)};
  if (in) return Batch{*cal, *in, reading, args}.run();
  return single(*cal, *name, *start, *add, reading, args);
}

}  // namespace slakit::cli
